// Preloaded into a benchmarked process (`node --require bench/maxrss.cjs …`): on exit, writes the process's
// peak resident set size in KB to the file named by BENCH_RSS_FILE, and its CPU time (user + system) in
// microseconds to the file named by BENCH_CPU_FILE when that is set.
process.on("exit", () => {
  const usage = process.resourceUsage();
  const { writeFileSync } = require("node:fs");
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(usage.maxRSS));
  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, String(usage.userCPUTime + usage.systemCPUTime));
});
