/**
 * Layering is one-way: pure rules and the description at the bottom, the component above them, plan, check
 * and the CLI on top, and nothing imports upward. `plan` and `check` never deploy, so they never load the
 * Pulumi SDK or the Okta provider.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

/** Runtime imports of a source file (type-only imports are erased by the compiler), as src-relative paths or package names. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [
    ...[...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/^export\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => m[1]!),
  ];
  return specs.map((spec) =>
    spec.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\.js$/, "") : spec,
  );
}

/** The Pulumi-facing top of the library: the only modules that may load the SDK. */
const DEPLOYING = new Set(["orgRoles", "stack", "claims", "sdkInternals", "main", "index"]);

describe("layering", () => {
  const sources = files(SRC).map((file) => ({ module: path.relative(SRC, file).replace(/\.ts$/, ""), imports: runtimeImports(file) }));

  it("only the component and the root program load @pulumi/*", () => {
    const loading = sources.filter((s) => s.imports.some((i) => i.startsWith("@pulumi/"))).map((s) => s.module);
    expect(loading.sort()).toEqual(["claims", "orgRoles", "sdkInternals", "stack"]);
  });

  it("nothing below the component imports it, and plan/check/CLI never reach the deploying modules", () => {
    const upward = sources
      .filter((s) => !DEPLOYING.has(s.module))
      .flatMap((s) => s.imports.filter((i) => DEPLOYING.has(i)).map((i) => `${s.module} -> ${i}`));
    expect(upward).toEqual([]);
  });

  it("the pure rules and the description import nothing from plan, check or the CLI", () => {
    const bottom = ["roles", "validation", "desired", "config"];
    const upward = sources
      .filter((s) => bottom.includes(s.module))
      .flatMap((s) => s.imports.filter((i) => /^(plan|check)\//.test(i) || i.startsWith("cli")).map((i) => `${s.module} -> ${i}`));
    expect(upward).toEqual([]);
  });
});

describe("plan, check and roles do not load the Pulumi SDK", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-probe-"));
  const probe = path.join(dir, "probe.cjs");
  writeFileSync(
    probe,
    `const Module = require("node:module"); const load = Module._load; const seen = new Set();
     Module._load = function (request, ...rest) { if (/@pulumi[\\\\/]/.test(request)) seen.add(request); return load.call(this, request, ...rest); };
     process.on("exit", () => process.stderr.write("PULUMI_MODULES " + JSON.stringify([...seen]) + "\\n"));`,
  );
  const loaded = (args: string[]) => {
    const child = spawnSync(process.execPath, ["-r", probe, "dist/cli.js", ...args], { encoding: "utf8", env: { PATH: process.env.PATH } });
    return JSON.parse(/PULUMI_MODULES (.*)/.exec(child.stderr)![1]!) as string[];
  };

  it.each([
    [["check", "--help"]],
    [["plan"]],
    [["plan", "--json"]],
    [["check", "--app-id", "0oa1b2c3d4e5f6g7h8i9", "--org-url", "https://x.okta.com"]],
  ])("statsig-okta %j", (args) => {
    expect(loaded(args)).toEqual([]);
  });
});
