// `npm run bench:startup`: how long each command of the built CLI takes to start and finish, against a bare
// `node -e 0`: `--help` of each command, `plan` of the example stack (offline), and `check` and `roles` against
// the tests' fake Okta orgs on 127.0.0.1 (in this process; their TypeScript transpiled on load). The CLI and
// the bare node run in turn, a fresh process each, and the ratio is taken pair by pair so a machine that
// speeds up or slows down during the run moves both sides; medians of RUNS pairs (BENCH_RUNS, default 9).
// The last columns say whether a run loaded the Pulumi SDK or zod (help must load neither: test/startup.test.ts).
// Run it in any checkout (after `npm ci`) to compare two commits on the same machine.
const { spawn } = require("node:child_process");
const { mkdtempSync, readFileSync, writeFileSync } = require("node:fs");
const { tmpdir, cpus } = require("node:os");
const path = require("node:path");
const ts = require("typescript");

const ROOT = path.join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TOKEN = "00Qz7rT3cXkP9wLmN2bV5hJ8fG1dS4aY6uE0iO_-Ab";

require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
const { FakeOktaServer } = require("../test/support/fakeOktaServer.ts");
const checkOrgs = require("../test/support/checkOrgs.ts");
const rolesOrgs = require("../test/support/rolesOrgs.ts");

// A preload that writes, at exit, which of the Pulumi SDK and zod the process loaded.
const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-startup-"));
const probe = path.join(dir, "probe.cjs");
writeFileSync(
  probe,
  `const Module = require("node:module"); const load = Module._load; const seen = { sdk: false, zod: false };
   Module._load = function (request, ...rest) {
     if (/@pulumi[\\\\/](pulumi|okta)/.test(request)) seen.sdk = true;
     if (/^zod($|\\/)/.test(request)) seen.zod = true;
     return load.call(this, request, ...rest);
   };
   process.on("exit", () => require("node:fs").writeFileSync(process.env.PROBE_OUT, JSON.stringify(seen)));`,
);

/** Wall milliseconds of one fresh process (exit 1, differences or findings, is still a full run). */
function timed(args, env = {}) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && code !== 1) return reject(new Error(`${args.join(" ")} exited ${code}: ${stderr}`));
      resolve(ms);
    });
  });
}

async function measure(label, args, env) {
  const out = path.join(dir, "probe.out");
  const cli = [];
  const bare = [];
  let loaded = { sdk: false, zod: false };
  for (let run = 0; run < RUNS; run++) {
    cli.push(await timed(["-r", probe, path.join(ROOT, "dist/cli.js"), ...args], { PROBE_OUT: out, ...env }));
    bare.push(await timed(["-e", "0"]));
    const seen = JSON.parse(readFileSync(out, "utf8"));
    loaded = { sdk: loaded.sdk || seen.sdk, zod: loaded.zod || seen.zod };
  }
  const ratio = median(cli.map((ms, i) => ms / bare[i]));
  const yes = (flag) => (flag ? "yes" : "no");
  return `| ${label} | ${median(cli).toFixed(0)} | ${median(bare).toFixed(0)} | ${ratio.toFixed(2)} | ${yes(loaded.sdk)} | ${yes(loaded.zod)} |`;
}

(async () => {
  const check = await new FakeOktaServer(checkOrgs.personalOrg(), { apiToken: TOKEN }).start();
  const roles = await new FakeOktaServer(rolesOrgs.personalOrg(), { apiToken: TOKEN }).start();
  const okta = { OKTA_API_TOKEN: TOKEN };
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0].model}, median of ${RUNS} pairs of fresh processes\n`);
    console.log("| command | ms | bare `node -e 0` ms | ratio | loads the Pulumi SDK | loads zod |");
    console.log("|---|---:|---:|---:|---|---|");
    const rows = [
      ["`statsig-okta --help`", ["--help"]],
      ["`statsig-okta plan --help`", ["plan", "--help"]],
      ["`statsig-okta plan` (example stack)", ["plan"]],
      ["`statsig-okta check --help`", ["check", "--help"]],
      ["`statsig-okta check` against a fake Okta on 127.0.0.1", ["check", "--org-url", check.origin, "--app-id", checkOrgs.APP_ID], okta],
      ["`statsig-okta roles --help`", ["roles", "--help"]],
      ["`statsig-okta roles` against a fake Okta on 127.0.0.1", ["roles", "--org-url", roles.origin, "--app-id", rolesOrgs.APP_ID], okta],
    ];
    for (const [label, args, env] of rows) console.log(await measure(label, args, env));
  } finally {
    await Promise.all([check.stop(), roles.stop()]);
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
