// `npm run bench:roles`: `statsig-okta roles` (the built CLI, a fresh process per run) against the fake Okta of
// test/support/fakeOktaServer.ts on 127.0.0.1, at 1,000, 10,000 and 50,000 app users with 100 role groups. Prints the
// requests it sent against the least the largest page sizes allow, the wall time of the whole process, and
// its peak RSS. The fake runs in this process, so the child's figures are the command's alone.
// BENCH_SIZES=1000,5000 overrides the sizes; BENCH_RUNS (default 3) the runs per row (medians are printed).
// The `--statsig` row adds a fake Statsig SCIM API (test/support/fakeStatsig.ts) holding the same users and 10
// project groups, at 500 users per page; BENCH_OUTPUTS=--statsig runs that row only.
const { spawn } = require("node:child_process");
const { mkdtempSync, readFileSync, writeFileSync } = require("node:fs");
const { tmpdir, cpus } = require("node:os");
const path = require("node:path");
const ts = require("typescript");

const root = path.join(__dirname, "..");
// The fake is TypeScript shared with the tests: transpile it on load (it imports only Node built-ins and its
// neighbours in test/support, which this hook loads the same way).
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
const { FakeOktaServer } = require("../test/support/fakeOktaServer.ts");
const { addApp, newOrg } = require("../test/support/oktaOrg.ts");
const { FakeStatsigServer } = require("../test/support/fakeStatsig.ts");
const { PAGE_SIZE } = require("../dist/okta/endpoints.js");
const { SCIM_PAGE_SIZE } = require("../dist/statsig/limits.js");

const SIZES = (process.env.BENCH_SIZES ?? "1000,10000,50000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ROLE_GROUPS = 100;
const TOKEN = "bench-token-0000000000000000";
const SCIM_TOKEN = "bench-scim-key-000000000000";
const OUTPUTS = (process.env.BENCH_OUTPUTS ?? "table,--json,--statsig").split(",");
const STATSIG_GROUPS = 10;
const APP_ID = "0oabenchstatsigapp01";
const id = (prefix, i) => `${prefix}${String(i).padStart(17, "0")}`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `users` app users and 100 role groups, all assigned: one Owner group with one member, 33 Admin groups and
 * 66 Member groups sharing the other users; every 10th user is also in a second group, every 100th is
 * assigned individually, every 50th has a pending push.
 */
function org(users) {
  const okta = newOrg("otybenchusertype0001");
  const app = addApp(okta, APP_ID);
  const groups = Array.from({ length: ROLE_GROUPS }, (_, g) => ({ id: id("00g", g), name: `Statsig role group ${g}`, members: [] }));
  const roleOf = (g) => (g === 0 ? "Owner" : g <= 33 ? "Admin" : "Member");
  for (let i = 0; i < users; i++) {
    const userId = id("00u", i);
    okta.users.push({ id: userId, login: `user${i}@example.com`, status: "ACTIVE" });
    const g = i === 0 ? 0 : 1 + (i % (ROLE_GROUPS - 1));
    groups[g].members.push(userId);
    if (i % 10 === 5) groups[1 + ((i + 7) % (ROLE_GROUPS - 1))].members.push(userId);
    app.users.push({
      userId,
      scope: i % 100 === 99 ? "USER" : "GROUP",
      role: roleOf(g),
      syncState: i % 50 === 49 ? "OUT_OF_SYNC" : "SYNCHRONIZED",
    });
  }
  okta.groups = groups;
  app.groups = groups.map((group, g) => ({ id: group.id, priority: g, profile: { statsigOrgRole: roleOf(g) } }));
  return { okta, roleGroups: groups.map((group, g) => ({ groupId: group.id, role: roleOf(g) })) };
}

/** What Statsig holds of the same users: the role Okta sends (every 20th user another one), each user in one of 10 project groups. */
function statsigOrg(okta) {
  const roles = new Map(okta.apps[APP_ID].users.map((user) => [user.userId, user.role]));
  const users = okta.users.map((user, i) => ({
    id: `scim-${i}`,
    userName: user.login,
    role: i % 20 === 7 ? "Member" : roles.get(user.id),
  }));
  const groups = Array.from({ length: STATSIG_GROUPS }, (_, g) => ({
    id: `grp-${g}`,
    displayName: `Statsig-Project${g}-Member`,
    members: users.filter((_, i) => i % STATSIG_GROUPS === g).map((user) => user.id),
  }));
  return { users, groups };
}

/** The fewest requests the page sizes allow: every list needs at least one page; the mapping is a list and a read. */
function minimumRequests(okta) {
  const app = okta.apps[APP_ID];
  const pages = (count, size) => Math.max(1, Math.ceil(count / size));
  return (
    pages(app.groups.length, PAGE_SIZE.appGroups) +
    1 +
    2 +
    pages(app.users.length, PAGE_SIZE.appUsers) +
    okta.groups.reduce((sum, group) => sum + pages(group.members.length, PAGE_SIZE.groupMembers), 0)
  );
}

function runCli(args, rssFile) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(
      process.execPath,
      ["--require", path.join(__dirname, "maxrss.cjs"), path.join(root, "dist/cli.js"), "roles", ...args],
      {
        cwd: args.cwd,
        env: { PATH: process.env.PATH, OKTA_API_TOKEN: TOKEN, STATSIG_SCIM_TOKEN: SCIM_TOKEN, BENCH_RSS_FILE: rssFile },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) return reject(new Error(`roles exited ${code}: ${stderr}`));
      resolve({ ms, rssMB: Number(readFileSync(rssFile, "utf8")) / 1024 });
    });
  });
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-bench-roles-"));
  console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0].model}, ${ROLE_GROUPS} role groups, median of ${RUNS} runs\n`);
  console.log("| app users | output | requests | minimum | over minimum | wall time s | peak RSS MB |");
  console.log("|---:|---|---:|---:|---:|---:|---:|");
  // What every run pays before reading anything: Node and the modules loaded to validate a config.
  const helpArgs = ["--help"];
  helpArgs.cwd = dir;
  const baseline = [];
  for (let run = 0; run < RUNS; run++) baseline.push(await runCli(helpArgs, path.join(dir, "rss")));
  console.log(
    `| 0 | \`--help\` (no reads) | 0 | 0 | - | ${(median(baseline.map((r) => r.ms)) / 1000).toFixed(2)} | ${median(baseline.map((r) => r.rssMB)).toFixed(0)} |`,
  );
  for (const users of SIZES) {
    const { okta, roleGroups } = org(users);
    writeFileSync(
      path.join(dir, "Pulumi.bench.yaml"),
      `config:\n  statsig-okta:appId: ${APP_ID}\n  statsig-okta:roleGroups: '${JSON.stringify(roleGroups)}'\n`,
    );
    const server = await new FakeOktaServer(okta, { apiToken: TOKEN }).start();
    const held = statsigOrg(okta);
    const statsig = await new FakeStatsigServer(held, { token: SCIM_TOKEN, pageSize: SCIM_PAGE_SIZE.users }).start();
    for (const output of OUTPUTS) {
      const withStatsig = output === "--statsig";
      // Statsig adds one request per page of users and of groups, and one for the app's push links (the org here
      // has none, so no group is read for their names).
      const minimum =
        minimumRequests(okta) +
        (withStatsig ? Math.ceil(held.users.length / SCIM_PAGE_SIZE.users) + Math.ceil(held.groups.length / SCIM_PAGE_SIZE.groups) + 1 : 0);
      const runs = [];
      let requests = 0;
      for (let run = 0; run < RUNS; run++) {
        const before = server.requests.length + statsig.requests.length;
        const extra = output === "table" ? [] : withStatsig ? ["--statsig", "--statsig-url", statsig.url] : [output];
        const args = ["--org-url", server.origin, "--stack", "bench", ...extra];
        args.cwd = dir;
        runs.push(await runCli(args, path.join(dir, "rss")));
        requests = server.requests.length + statsig.requests.length - before;
      }
      const over = ((requests / minimum - 1) * 100).toFixed(1);
      console.log(
        `| ${users.toLocaleString("en-US")} | ${withStatsig ? "table `--statsig`" : output} | ${requests} | ${minimum} | ${over}% | ${(median(runs.map((r) => r.ms)) / 1000).toFixed(2)} | ${median(runs.map((r) => r.rssMB)).toFixed(0)} |`,
      );
    }
    await server.stop();
    await statsig.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
