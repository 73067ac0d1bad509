/**
 * Where plan and check read the component's args, as `pulumi up` would: the stack file over the project's
 * Pulumi.yaml config, for the root program or for a program that embeds OrgRoles (`--key`). What cannot be
 * resolved offline is an error with exit 2, never a silent default.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/stackConfig/source";

const CLI = path.resolve("dist/cli.js");
const APP = "0oa1b2c3d4e5f6g7h8i9";
const OTHER_APP = "0oa9z8y7x6w5v4u3t2s1";

function cli(args: string[], cwd: string) {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-source-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const EMBEDDING = ["name: myinfra", "runtime: nodejs", ""].join("\n");
const EMBEDDED_STACK = [
  "config:",
  "  okta:orgName: acme",
  "  myinfra:statsig:",
  `    appId: ${APP}`,
  "    roleGroups:",
  "      - { groupId: 00g1b2c3d4e5f6g7h8i9, role: Admin }",
  "",
].join("\n");

describe("the root program's project config", () => {
  it("is honoured under the stack file, which wins where both set a key", () => {
    const dir = project({
      "Pulumi.yaml": [
        "name: statsig-okta",
        "runtime: nodejs",
        "config:",
        `  statsig-okta:appId: ${OTHER_APP}`,
        "  retainAssignments:",
        "    default: true",
        "",
      ].join("\n"),
      "Pulumi.dev.yaml": ["config:", "  statsig-okta:roleGroups:", "    - { groupId: 00g1b2c3d4e5f6g7h8i9, role: Member }", ""].join("\n"),
      "Pulumi.prod.yaml": ["config:", `  statsig-okta:appId: ${APP}`, ""].join("\n"),
    });
    const dev = JSON.parse(cli(["plan", "--stack", "dev", "--json"], dir).stdout);
    expect(dev.steps[1].resource.inputs.appId).toBe(OTHER_APP);
    // A project key without a namespace is the project's own: statsig-okta:retainAssignments.
    expect(dev.groupAssignments[0].inputs.retainAssignment).toBe(true);
    const prod = JSON.parse(cli(["plan", "--stack", "prod", "--json"], dir).stdout);
    expect(prod.steps[1].resource.inputs.appId).toBe(APP);
  });

  it("says which keys of the stack file it does not read", () => {
    const dir = project({
      "Pulumi.dev.yaml": ["config:", `  statsig-okta:appId: ${APP}`, "  myinfra:appId: x", "  aws:region: eu-west-1", ""].join("\n"),
    });
    const { code, stderr } = cli(["plan", "--stack", "dev"], dir);
    expect(code).toBe(0);
    expect(stderr).toContain("statsig-okta plan: not read: myinfra:appId, aws:region (only statsig-okta:* keys configure the root program");
  });
});

describe("a program that embeds OrgRoles (--key)", () => {
  it("plan reads the args from the named key and names the children after --name", () => {
    const dir = project({ "Pulumi.yaml": EMBEDDING, "Pulumi.dev.yaml": EMBEDDED_STACK });
    const { code, stdout } = cli(["plan", "--stack", "dev", "--key", "statsig", "--name", "roles"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Plan for Pulumi.dev.yaml: OrgRoles "roles", group mode');
    expect(stdout).toContain("[roles-group-00g1b2c3d4e5f6g7h8i9]");
  });

  it("a fully qualified key works too, and errors name the key and the field", () => {
    const dir = project({
      "Pulumi.yaml": EMBEDDING,
      "Pulumi.dev.yaml": [
        "config:",
        "  myinfra:statsig:",
        `    appId: ${APP}`,
        "    roleGroups: [{ groupId: 00g1b2c3d4e5f6g7h8i9, role: admin }]",
        "",
      ].join("\n"),
    });
    const { code, stderr } = cli(["plan", "--stack", "dev", "--key", "myinfra:statsig"], dir);
    expect(code).toBe(1);
    expect(stderr).toContain('  - myinfra:statsig.roleGroups[0].role: "admin" is not a Statsig role. Statsig spells it "Admin".');
  });

  it("a key that is not set is an invalid config (exit 1), an encrypted one cannot be read (exit 2)", () => {
    const dir = project({
      "Pulumi.yaml": EMBEDDING,
      "Pulumi.dev.yaml": "config:\n  myinfra:other: 1\n",
      "Pulumi.s.yaml": "config:\n  myinfra:statsig:\n    secure: AAABAxyz\n",
    });
    expect(cli(["plan", "--stack", "dev", "--key", "statsig"], dir)).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("  - myinfra:statsig: is not set in Pulumi.dev.yaml or Pulumi.yaml"),
    });
    expect(cli(["plan", "--stack", "s", "--key", "statsig"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("myinfra:statsig is encrypted in Pulumi.s.yaml"),
    });
  });

  it("without --key, another project's stack is refused instead of planned as something it is not", () => {
    const dir = project({ "Pulumi.yaml": EMBEDDING, "Pulumi.dev.yaml": EMBEDDED_STACK });
    const { code, stdout, stderr } = cli(["plan", "--stack", "dev"], dir);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain('belongs to the project "myinfra", not to statsig-okta\'s root program: name the config key');
  });

  it("check reads the same config (here it stops at the missing org URL, after validating it)", () => {
    const dir = project({ "Pulumi.yaml": EMBEDDING, "Pulumi.dev.yaml": EMBEDDED_STACK.replace("  okta:orgName: acme\n", "") });
    const { code, stderr } = cli(["check", "--stack", "dev", "--key", "statsig"], dir);
    expect(code).toBe(2);
    expect(stderr).toContain("--org-url is required");
  });
});

describe("what only the Pulumi CLI can resolve", () => {
  it("a stack that imports an ESC environment is an error, exit 2, for plan and check alike", () => {
    const dir = project({
      "Pulumi.dev.yaml": ["environment:", "  - acme/statsig", "config:", `  statsig-okta:appId: ${APP}`, ""].join("\n"),
    });
    for (const command of ["plan", "check"]) {
      const { code, stderr } = cli([command, "--stack", "dev"], dir);
      expect(code).toBe(2);
      expect(stderr).toContain('imports a Pulumi ESC environment ("environment:")');
    }
  });
});

describe("the stack and project that name URNs", () => {
  it("the root program's project is statsig-okta, with or without Pulumi.yaml; with --key, the Pulumi.yaml's; the stack from the flag or the file name", () => {
    const root = project({ "Pulumi.prod.yaml": `config:\n  statsig-okta:appId: ${APP}\n` });
    expect(readSource({ cwd: root, stack: "prod" })).toMatchObject({ stack: "prod", project: "statsig-okta" });
    expect(readSource({ cwd: root, configFile: "Pulumi.prod.yaml" })).toMatchObject({ stack: "prod", project: "statsig-okta" });

    const embedding = project({ "Pulumi.yaml": EMBEDDING, "Pulumi.dev.yaml": EMBEDDED_STACK });
    expect(readSource({ cwd: embedding, stack: "dev", key: "statsig" })).toMatchObject({ stack: "dev", project: "myinfra" });

    const alone = project({ "ci.yaml": EMBEDDED_STACK });
    const source = readSource({ cwd: alone, configFile: "ci.yaml", key: "myinfra:statsig" });
    expect(source.stack).toBeUndefined();
    expect(source.project).toBeUndefined();
  });
});
