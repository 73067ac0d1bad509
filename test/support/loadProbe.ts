/** Runs the built CLI in a subprocess and lists every module it loaded (files and `node:` built-ins). */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const probe = path.join(mkdtempSync(path.join(tmpdir(), "statsig-okta-probe-")), "probe.cjs");
writeFileSync(
  probe,
  `const Module = require("node:module"); const load = Module._load; const seen = new Set();
   Module._load = function (request, parent, ...rest) {
     try { seen.add(Module._resolveFilename(request, parent, ...rest)); } catch {}
     return load.call(this, request, parent, ...rest);
   };
   process.on("exit", () => process.stderr.write("LOADED " + JSON.stringify([...seen]) + "\\n"));`,
);

/** `node dist/cli.js …args` from `cwd` (default: the repository), with only PATH in the environment. */
export function runProbed(args: string[], cwd?: string): { status: number | null; stdout: string; loaded: string[] } {
  const child = spawnSync(process.execPath, ["-r", probe, path.resolve("dist/cli.js"), ...args], {
    encoding: "utf8",
    env: { PATH: process.env.PATH },
    ...(cwd !== undefined ? { cwd } : {}),
  });
  return { status: child.status, stdout: child.stdout, loaded: JSON.parse(/LOADED (.*)/.exec(child.stderr)![1]!) as string[] };
}
