// `npm run bench`: time and memory of evaluating OrgRoles under Pulumi's mock runtime, against a baseline
// that registers the same resources directly, and the time of `statsig-okta plan` for many role groups.
// Every figure is the median of RUNS fresh processes.
const { execFileSync } = require("node:child_process");
const { mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir, cpus } = require("node:os");
const path = require("node:path");

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const node = (args) => execFileSync(process.execPath, args, { cwd: path.join(__dirname, ".."), encoding: "utf8" });

function measure(mode, groups) {
  const runs = Array.from({ length: RUNS }, () => JSON.parse(node(["--expose-gc", "bench/measure.cjs", mode, String(groups)])));
  const med = (key) => median(runs.map((r) => r[key]));
  return { ms: med("ms"), heapMB: med("heapMB"), retainedMB: med("retainedMB"), resources: runs[0].resources };
}

const pair = (c, b, digits) => `${c.toFixed(digits)} / ${b.toFixed(digits)}`;
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0].model}, median of ${RUNS} runs; component / baseline\n`);
console.log("| role groups | resources | time ms | time ratio | heap used MB | heap ratio | retained after GC MB |");
console.log("|---:|---:|---:|---:|---:|---:|---:|");
for (const groups of [1, 100, 1000]) {
  const c = measure("component", groups);
  const b = measure("baseline", groups);
  console.log(
    `| ${groups} | ${c.resources} / ${b.resources} | ${pair(c.ms, b.ms, 0)} | ${(c.ms / b.ms).toFixed(2)} | ${pair(c.heapMB, b.heapMB, 1)} | ${(c.heapMB / b.heapMB).toFixed(2)} | ${pair(c.retainedMB, b.retainedMB, 1)} |`,
  );
}

// The plan command end to end, as a CI job runs it: process start, config read, validation, mock run, output.
const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-bench-"));
console.log("\n| `statsig-okta plan` | role groups | ms (whole process) |");
console.log("|---|---:|---:|");
for (const groups of [1, 100]) {
  const roleGroups = Array.from({ length: groups }, (_, i) => ({
    groupId: `00g${String(i).padStart(17, "0")}`,
    role: i === 0 ? "Owner" : i % 2 ? "Admin" : "Member",
  }));
  const file = path.join(dir, `Pulumi.g${groups}.yaml`);
  writeFileSync(file, `config:\n  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9\n  statsig-okta:roleGroups: ${JSON.stringify(roleGroups)}\n`);
  const times = Array.from({ length: RUNS }, () => {
    const start = process.hrtime.bigint();
    node(["dist/cli.js", "plan", "--config", file, "--json"]);
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
  console.log(`| text and --json alike | ${groups} | ${median(times).toFixed(0)} |`);
}
