// `npm run bench:diff`: `statsig-okta diff` (the built CLI, a fresh process per run) on two `roles --json`
// reports of 50,000 app users a quarter apart. The reports are made by the built `roles` code itself
// (explainRoles and formatJson over a generated org), so they have the shape and size of real ones. Prints the
// file sizes, the changes found, the wall time of the whole process, its CPU time and its peak RSS, per output
// format; and the same for a bare `node` that only reads and JSON.parses the two files (the least any diff of
// them costs), so a loaded machine's figures can be read as a ratio.
// BENCH_SIZES=10000,50000 sets the app user counts; BENCH_RUNS (default 3) the runs per row (medians printed).
const { spawn } = require("node:child_process");
const { mkdtempSync, readFileSync, statSync, writeFileSync } = require("node:fs");
const { tmpdir, cpus } = require("node:os");
const path = require("node:path");

const root = path.join(__dirname, "..");
const { explainRoles } = require("../dist/commands/roles/explain.js");
const { formatJson } = require("../dist/commands/roles/format.js");

const SIZES = (process.env.BENCH_SIZES ?? "50000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROLE_GROUPS = 100;
const PROJECT_GROUPS = 10;
const APP_ID = "0oabenchstatsigapp01";
const id = (prefix, i) => `${prefix}${String(i).padStart(17, "0")}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const roleOf = (g) => (g === 0 ? "Owner" : g <= 33 ? "Admin" : "Member");

/**
 * The org as `roles` reads it, like bench/roles.cjs's: 100 role groups (one Owner group of one member), every
 * 10th user in a second group, every 100th assigned individually, every 50th with a pending push, every 5th in
 * one of 10 groups pushed for project roles. `later` is the same org a quarter on: 1% of the users gone, 1% new,
 * 2% moved to another role group, 1% in another project group, 1 in 250 with a failed push.
 */
function input(users, later) {
  const groups = [
    ...Array.from({ length: ROLE_GROUPS }, (_, g) => ({
      id: id("00g", g),
      name: `Statsig role group ${g}`,
      assignment: { priority: g, role: roleOf(g) },
    })),
    ...Array.from({ length: PROJECT_GROUPS }, (_, p) => ({ id: id("00gp", p), name: `Project ${p} engineers` })),
  ];
  const appUsers = [];
  const total = later ? users + users / 100 : users;
  for (let i = 0; i < total; i++) {
    if (later && i % 100 === 1) continue;
    let g = i === 0 ? 0 : 1 + (i % (ROLE_GROUPS - 1));
    if (later && i % 50 === 3) g = 1 + ((g + 40) % (ROLE_GROUPS - 1));
    const memberOf = [g];
    if (i % 10 === 5) memberOf.push(1 + ((i + 7) % (ROLE_GROUPS - 1)));
    if (i % 5 === 0) memberOf.push(ROLE_GROUPS + ((i / 5 + (later && i % 100 === 10 ? 1 : 0)) % PROJECT_GROUPS));
    const individual = i % 100 === 99;
    appUsers.push({
      id: id("00u", i),
      login: `user${i}@example.com`,
      status: "ACTIVE",
      scope: individual ? "USER" : "GROUP",
      syncState: later && i % 250 === 17 ? "ERROR" : i % 50 === 49 ? "OUT_OF_SYNC" : "SYNCHRONIZED",
      role: individual ? "Admin" : roleOf(memberOf.filter((x) => x < ROLE_GROUPS).sort((a, b) => a - b)[0]),
      groups: memberOf,
    });
  }
  return {
    target: {
      appId: APP_ID,
      mode: "group",
      oktaAttributeName: "statsigOrgRole",
      roleGroups: groups.slice(0, ROLE_GROUPS).map((group, g) => ({ groupId: group.id, role: roleOf(g), priority: g })),
      projectRoles: groups.slice(ROLE_GROUPS).map((group, p) => ({ groupId: group.id, project: `Project${p}`, role: "Member" })),
    },
    groups,
    users: appUsers,
    outsiders: [],
  };
}

function writeReport(file, users, later, generatedAt) {
  const meta = {
    generatedAt,
    tool: "statsig-okta",
    version: "bench",
    report: "roles",
    reportVersion: 1,
    org: "https://bench.okta.com",
    appId: APP_ID,
    config: "Pulumi.bench.yaml",
    argsSha256: "0".repeat(64),
    requests: 0,
  };
  writeFileSync(file, [...formatJson(explainRoles(input(users, later)), meta)].join(""));
  return statSync(file).size;
}

/** The JSON.parse of both files and nothing else, in a fresh process. */
const PARSE_ONLY = ["-e", 'const fs = require("node:fs"); for (const f of process.argv.slice(1)) JSON.parse(fs.readFileSync(f, "utf8"));'];

function runCli(args, dir, { bare = false } = {}) {
  const rssFile = path.join(dir, "rss");
  const cpuFile = path.join(dir, "cpu");
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const command = bare ? [...PARSE_ONLY, ...args] : [path.join(root, "dist/cli.js"), "diff", ...args];
    const child = spawn(process.execPath, ["--require", path.join(__dirname, "maxrss.cjs"), ...command], {
      env: { PATH: process.env.PATH, BENCH_RSS_FILE: rssFile, BENCH_CPU_FILE: cpuFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== (bare ? 0 : 1)) return reject(new Error(`diff exited ${code}: ${stderr}`));
      const cpuMs = Number(readFileSync(cpuFile, "utf8")) / 1000;
      resolve({ ms, cpuMs, rssMB: Number(readFileSync(rssFile, "utf8")) / 1024, stdout });
    });
  });
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-bench-diff-"));
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0].model}, median of ${RUNS} runs\n`);
  console.log("| app users | report size MB | changes | output | wall time s | CPU time s | peak RSS MB |");
  console.log("|---:|---:|---:|---|---:|---:|---:|");
  const row = (users, size, changes, output, runs) =>
    console.log(
      `| ${users.toLocaleString("en-US")} | ${(size / 1e6).toFixed(1)} | ${changes} | ${output} | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} | ${(median(runs.map((r) => r.cpuMs)) / 1000).toFixed(2)} | ${median(runs.map((r) => r.rssMB)).toFixed(0)} |`,
    );
  for (const users of SIZES) {
    const before = path.join(dir, `q3-${users}.json`);
    const after = path.join(dir, `q4-${users}.json`);
    const size = writeReport(before, users, false, "2026-08-30T09:00:00.000Z");
    writeReport(after, users, true, "2026-11-30T09:00:00.000Z");
    const bare = [];
    for (let run = 0; run < RUNS; run++) bare.push(await runCli([before, after], dir, { bare: true }));
    row(users, size, "-", "bare `node`: read and JSON.parse both files, nothing else", bare);
    let changes = "";
    for (const output of ["--json", "table", "--csv"]) {
      const runs = [];
      for (let run = 0; run < RUNS; run++) runs.push(await runCli([before, after, ...(output === "table" ? [] : [output])], dir));
      if (output === "--json") changes = JSON.parse(runs[0].stdout).summary.changes.toLocaleString("en-US");
      row(users, size, changes, `\`diff ${output === "table" ? "" : output}\``.replace(" `", "`"), runs);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
