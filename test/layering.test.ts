/**
 * The layers of src/, bottom to top, and the one direction of their imports (type imports included: a type
 * import still couples two modules). CONTRIBUTING.md explains each layer; this test is the rule's source.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve("src");

/** What each layer may import besides itself. `commands/<name>/` folders may use `commands/*.ts`, not each other. */
export const LAYERS: Record<string, readonly string[]> = {
  base: [], // src/packageRoot.ts: where the package's files are
  domain: [],
  stackConfig: ["base", "domain"],
  component: ["domain", "stackConfig"],
  cli: ["base", "domain"],
  http: ["cli"], // what the Okta and the Statsig readers share: bounded reads, answer checks, message formats
  okta: ["domain", "cli", "http"],
  statsig: ["domain", "cli", "http"],
  commands: ["base", "domain", "stackConfig", "cli", "http", "okta", "statsig"],
  entry: ["base", "domain", "stackConfig", "component", "cli", "commands"], // src/index.ts, main.ts, cli.ts
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith(".ts") ? [full] : [];
  });
}

interface Import {
  spec: string;
  typeOnly: boolean;
}

/** Every import of a source file (type-only ones marked), as src-relative module ids or package names. */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const found: Import[] = [
    ...[...text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)].map((m) => ({
      spec: m[2]!,
      typeOnly: m[1] !== undefined,
    })),
    ...[...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false })),
    ...[...text.matchAll(/import\("([^"]+)"\)/g)].map((m) => ({ spec: m[1]!, typeOnly: false })),
  ];
  return found.map(({ spec, typeOnly }) => ({
    typeOnly,
    spec: spec.startsWith(".") ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\.js$/, "") : spec,
  }));
}

const layerOf = (module: string): string => (module.includes("/") ? module.split("/")[0]! : module === "packageRoot" ? "base" : "entry");

const sources = files(SRC).map((file) => ({ module: path.relative(SRC, file).replace(/\.ts$/, ""), imports: importsOf(file) }));
const modules = new Set(sources.map((s) => s.module));
const local = (i: Import) => modules.has(i.spec);

/** Every import cycle among src's modules (type imports included), each as a list of modules. */
function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (module: string) => {
    state.set(module, "open");
    stack.push(module);
    for (const next of edges.get(module) ?? []) {
      if (state.get(next) === "open") found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(module, "done");
  };
  for (const module of [...edges.keys()].sort()) if (!state.has(module)) visit(module);
  return found;
}

describe("layering", () => {
  it("every module is in a known layer", () => {
    expect(sources.map((s) => layerOf(s.module)).filter((layer) => !(layer in LAYERS))).toEqual([]);
  });

  it("imports go one way: each layer imports only the layers below it", () => {
    const upward = sources.flatMap((s) => {
      const from = layerOf(s.module);
      return s.imports
        .filter(local)
        .filter((i) => layerOf(i.spec) !== from && !LAYERS[from]!.includes(layerOf(i.spec)))
        .map((i) => `${s.module} -> ${i.spec}`);
    });
    expect(upward).toEqual([]);
  });

  it("commands never import each other: each command's folder uses only the shared commands/*.ts", () => {
    const command = (module: string) => /^commands\/([^/]+)\//.exec(module)?.[1];
    const across = sources
      .filter((s) => s.module.startsWith("commands/"))
      .flatMap((s) =>
        s.imports
          .filter(local)
          .filter((i) => command(i.spec) !== undefined && command(i.spec) !== command(s.module))
          .map((i) => `${s.module} -> ${i.spec}`),
      );
    expect(across).toEqual([]);
  });

  it("has no import cycle, type imports included", () => {
    expect(cycles(new Map(sources.map((s) => [s.module, s.imports.filter(local).map((i) => i.spec)])))).toEqual([]);
  });

  it("only the component loads @pulumi/* at run time (the domain may name its types)", () => {
    const loading = sources.filter((s) => s.imports.some((i) => !i.typeOnly && i.spec.startsWith("@pulumi/"))).map((s) => s.module);
    expect(loading.sort()).toEqual(["component/claims", "component/orgRoles", "component/sdkInternals", "component/stack"]);
    const typing = sources.filter((s) => s.imports.some((i) => i.spec.startsWith("@pulumi/"))).map((s) => layerOf(s.module));
    expect([...new Set(typing)].sort()).toEqual(["component", "domain"]);
  });

  it("the rules see type imports, multi-line imports and cycles (the rules are only as good as these)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-cycle-"));
    writeFileSync(path.join(dir, "b.ts"), 'import type { A } from "./a";\nimport {\n  c,\n  d,\n} from "./c";\n');
    const id = (name: string) => path.relative(SRC, path.join(dir, name));
    expect(importsOf(path.join(dir, "b.ts"))).toEqual([
      { spec: id("a"), typeOnly: true },
      { spec: id("c"), typeOnly: false },
    ]);
    const edges = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(edges)).toEqual([["a", "b", "c", "a"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ]),
      ),
    ).toEqual([]);
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
    [["roles", "--help"]],
    [["plan"]],
    [["plan", "--json"]],
    [["check", "--app-id", "0oa1b2c3d4e5f6g7h8i9", "--org-url", "https://x.okta.com"]],
  ])("statsig-okta %j", (args) => {
    expect(loaded(args)).toEqual([]);
  });
});
