// Preloaded into a benchmarked process (`node --require bench/maxrss.cjs …`): on exit, writes the process's
// peak resident set size in KB to the file named by BENCH_RSS_FILE.
process.on("exit", () => {
  if (process.env.BENCH_RSS_FILE) require("node:fs").writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
