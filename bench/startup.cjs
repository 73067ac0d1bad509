// `npm run bench:startup`: how long the CLI takes to start and finish, and whether a command loads the
// Pulumi SDK: `check --help`, `check` against a fake Okta on 127.0.0.1 (the tests' fake, bundled with the
// esbuild that vitest brings), and `plan` of the example stack. Median of RUNS fresh processes. Run it in
// any checkout (after `npm ci`) to compare two commits on the same machine.
const { execFileSync, spawn } = require("node:child_process");
const { mkdtempSync, writeFileSync } = require("node:fs");
const { tmpdir, cpus } = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const TOKEN = "00Qz7rT3cXkP9wLmN2bV5hJ8fG1dS4aY6uE0iO_-Ab";

// A preload that reports, at exit, whether any module of @pulumi/pulumi or @pulumi/okta was loaded.
const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-startup-"));
const probe = path.join(dir, "probe.cjs");
writeFileSync(
  probe,
  `const Module = require("node:module"); const load = Module._load; let sdk = false;
   Module._load = function (request, ...rest) { if (/@pulumi[\\\\/](pulumi|okta)/.test(request)) sdk = true; return load.call(this, request, ...rest); };
   process.on("exit", () => require("node:fs").writeFileSync(process.env.PROBE_OUT, String(sdk)));`,
);

function timed(args, env = {}) {
  const out = path.join(dir, "probe.out");
  const start = process.hrtime.bigint();
  try {
    execFileSync(process.execPath, ["-r", probe, path.join(ROOT, "dist/cli.js"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, PROBE_OUT: out, ...env },
      stdio: ["ignore", "ignore", "ignore"],
    });
  } catch (error) {
    if (typeof error.status !== "number" || error.status > 1) throw error; // 1: differences found, still a full run
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms, sdk: require("node:fs").readFileSync(out, "utf8") === "true" };
}

function measure(label, args, env) {
  const runs = Array.from({ length: RUNS }, () => timed(args, env));
  return `| ${label} | ${median(runs.map((r) => r.ms)).toFixed(0)} | ${runs.some((r) => r.sdk) ? "yes" : "no"} |`;
}

async function fakeOkta() {
  const entry = path.join(dir, "fake.ts");
  writeFileSync(
    entry,
    `import { FakeOktaServer } from ${JSON.stringify(path.join(ROOT, "test/check/fakeOktaServer"))};
     import { personalOrg } from ${JSON.stringify(path.join(ROOT, "test/check/orgs"))};
     new FakeOktaServer(personalOrg(), { apiToken: ${JSON.stringify(TOKEN)} }).start().then((s) => console.log(s.origin));`,
  );
  const bundle = path.join(dir, "fake.cjs");
  require("esbuild").buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: bundle,
    logLevel: "silent",
  });
  const child = spawn(process.execPath, [bundle], { stdio: ["ignore", "pipe", "inherit"] });
  const origin = await new Promise((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk).trim())));
  return { origin, stop: () => child.kill() };
}

(async () => {
  const fake = await fakeOkta();
  try {
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0].model}, median of ${RUNS} fresh processes\n`);
    console.log("| command | ms (whole process) | loads the Pulumi SDK |");
    console.log("|---|---:|---|");
    console.log(measure("`statsig-okta check --help`", ["check", "--help"]));
    console.log(
      measure(
        "`statsig-okta check` against a fake Okta on 127.0.0.1",
        ["check", "--org-url", fake.origin, "--app-id", "0oastatsigapp0000001"],
        {
          OKTA_API_TOKEN: TOKEN,
        },
      ),
    );
    console.log(measure("`statsig-okta plan` (example stack)", ["plan"]));
  } finally {
    fake.stop();
  }
})();
