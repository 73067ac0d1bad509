/**
 * The built CLI finds the files it ships (the example stack, package.json) from wherever it is run: both are
 * located relative to the compiled module, so moving a module one folder deeper must not break them.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.resolve("dist/cli.js");
const run = (args: string[]) => {
  const cwd = mkdtempSync(path.join(tmpdir(), "statsig-okta-empty-"));
  return { cwd, ...spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH } }) };
};

describe("the built CLI run from an empty directory", () => {
  it("plan falls back to the example stack the package ships", () => {
    const child = run(["plan"]);
    expect(child.stderr).toBe("");
    expect(child.status).toBe(0);
    const shown = /^Plan for (\S+): OrgRoles "statsig"/.exec(child.stdout)?.[1];
    expect(shown && path.resolve(child.cwd, shown)).toBe(path.resolve("Pulumi.example.yaml"));
  });

  it("--version prints the package's version", () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const child = run(["--version"]);
    expect(child.status).toBe(0);
    expect(child.stdout).toBe(`${version}\n`);
  });
});
