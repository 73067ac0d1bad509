import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const CLI = path.resolve("dist/cli.js");
const APP = "0oa1b2c3d4e5f6g7h8i9";

/** Runs the built CLI as a user would, in `cwd`. */
function cli(args: string[], cwd = process.cwd()) {
  const child = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, OKTA_API_TOKEN: "" } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function stackDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-plan-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("statsig-okta plan", () => {
  it("with no stack, plans the committed example config", () => {
    const { code, stdout } = cli(["plan"]);
    expect(code).toBe(0);
    expect(stdout).toContain('Plan for Pulumi.example.yaml: OrgRoles "statsig", group mode');
    expect(stdout).toContain("namespace urn:ietf:params:scim:schemas:core:2.0:User");
    expect(stdout).toContain("attribute type Group (scope NONE)");
    expect(stdout).toContain("target <the user type id, looked up in Okta by `pulumi up`>");
    expect(stdout).toMatch(/Step 4\+5 {2}Okta -> Statsig mapping \(apply on create and update\): not managed \(group mode/);
    // From priority 1: the provider never writes 0 (docs/reference/okta.md#priority-0-is-never-sent).
    expect(stdout).toMatch(/priority {3}1 {2}Owner {3}group 00g1ownerGroup000001 {2}profile \{"statsigOrgRole":"Owner"\}/);
    expect(stdout).toContain("written one at a time in this order");
    expect(stdout).toContain('getApp({"id":"0oa1b2c3d4e5f6g7h8i9","activeOnly":false}): checks that the Statsig app exists and is active');
    expect(stdout).toContain("warning: roleGroups[0] maps a group to Owner");
    expect(stdout).toContain("removing roleGroups (personal mode) or `pulumi destroy` unassigns every group");
  });

  it("shows the email domains, which it writes nowhere, in the text and the JSON; a bad one is exit 1 naming the key", () => {
    const dir = stackDir({
      "Pulumi.prod.yaml": `config:\n  statsig-okta:appId: ${APP}\n  statsig-okta:emailDomains:\n    - Example.com\n    - corp.example.com\n`,
    });
    const text = cli(["plan", "--stack", "prod"], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "Email domains of the Statsig organization: example.com, corp.example.com (nothing written to Okta: `statsig-okta roles` reports app users whose user name (as Okta sends it) or email is outside them, whom Statsig refuses)",
    );
    expect(JSON.parse(cli(["plan", "--stack", "prod", "--json"], dir).stdout).emailDomains).toEqual(["example.com", "corp.example.com"]);
    expect(cli(["plan"]).stdout).not.toContain("Email domains");

    const bad = stackDir({
      "Pulumi.prod.yaml": `config:\n  statsig-okta:appId: ${APP}\n  statsig-okta:emailDomains:\n    - "@example.com"\n`,
    });
    const refused = cli(["plan", "--stack", "prod"], bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('statsig-okta:emailDomains[0]: "@example.com" is not an email domain');
  });

  it("--json prints the same plan for machines, unknown ids marked as unknown", () => {
    const { code, stdout } = cli(["plan", "--json"]);
    expect(code).toBe(0);
    const plan = JSON.parse(stdout);
    expect(plan.mode).toBe("group");
    expect(plan.steps.map((s: { step: string }) => s.step)).toEqual(["1", "2", "3+5", "4+5"]);
    const appToOkta = plan.steps[2].resource;
    expect(appToOkta.inputs.targetId).toEqual({ unknown: "the user type id, looked up in Okta by `pulumi up`" });
    expect(appToOkta.options).toMatchObject({ retainOnDelete: true, replaceOnChanges: ["sourceId", "targetId"] });
    expect(plan.steps[0].resource.options).toMatchObject({ retainOnDelete: true, deleteBeforeReplace: true });
    expect(plan.steps[3].resource).toBeUndefined();
    expect(
      plan.groupAssignments.map((a: { inputs: { priority: number; profile: string } }) => [
        a.inputs.priority,
        JSON.parse(a.inputs.profile).statsigOrgRole,
      ]),
    ).toEqual([
      [1, "Owner"],
      [2, "Admin"],
      [3, "Member"],
    ]);
    expect(plan.groupAssignments.map((a: { dependsOn: string[] }) => a.dependsOn)).toEqual([
      ["statsig-app-attribute"],
      ["statsig-group-00g1ownerGroup000001"],
      ["statsig-group-00g2adminGroup000002"],
    ]);
    expect(plan.lookups.map((l: { token: string; inputs: unknown }) => [l.token, l.inputs])).toEqual([
      ["okta:app/getApp:getApp", { id: APP, activeOnly: false }],
      ["okta:user/getUserType:getUserType", { name: "user" }],
      // The example's project role: its Statsig group, searched among the app's imported groups.
      [
        "okta:index/getGroups:getGroups",
        { search: `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-Web-Member"` },
      ],
    ]);
  });

  it("--stack reads Pulumi.NAME.yaml; personal mode manages the Okta -> app mapping with PUSH", () => {
    const dir = stackDir({
      "Pulumi.prod.yaml": `config:\n  okta:orgName: acme\n  statsig-okta:appId: ${APP}\n  statsig-okta:manageAppToOktaMapping: false\n`,
    });
    const { code, stdout } = cli(["plan", "--stack", "prod"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain('Plan for Pulumi.prod.yaml: OrgRoles "statsig", personal mode');
    expect(stdout).toContain("Step 3+5  Statsig -> Okta mapping (apply on create): not managed (manageAppToOktaMapping is false)");
    expect(stdout).toContain("statsigOrgRole <- user.statsigOrgRole, apply on create and update (PUSH)");
    expect(stdout).toContain("Group assignments: none");
  });

  it("shows each project and team role link and says that removing one only unlinks", () => {
    const dir = stackDir({
      "Pulumi.dev.yaml": [
        "config:",
        `  statsig-okta:appId: ${APP}`,
        "  statsig-okta:projectRoles:",
        "    - { groupId: 00gwebengineers00001, project: Web, role: Member }",
        "    - { groupId: 00gwebgrowthleads001, project: Web App, team: Growth, role: Admin }",
        "    - { groupId: 00gwebanalysts000001, project: Web, role: Read-Only, targetGroupId: 00gStatsigWebRO00001 }",
        "    - { groupId: 00gwebnewteam0000001, project: Web, team: New, role: Member, createTeam: true }",
      ].join("\n"),
    });
    const { code, stdout } = cli(["plan", "--stack", "dev"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain("Project and team roles (group push links on the app): 4");
    const search = (name: string) => `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "${name}"`;
    expect(stdout).toContain(
      [
        '  group 00gwebengineers00001 -> "Statsig-Web-Member": Member in project Web  [statsig-push-00gwebengineers00001]',
        `        targetGroupId: the one group found at deploy by getGroups(search: ${search("Statsig-Web-Member")})`,
        // Statsig's example drops the space: "Project A" is Statsig-ProjectA-….
        '  group 00gwebgrowthleads001 -> "Statsig-WebApp-Growth-Admin": Admin of team Growth in project Web App  [statsig-push-00gwebgrowthleads001]',
        `        targetGroupId: the one group found at deploy by getGroups(search: ${search("Statsig-WebApp-Growth-Admin")})`,
        "  group 00gwebanalysts000001 -> Statsig group 00gStatsigWebRO00001: Read-Only in project Web  [statsig-push-00gwebanalysts000001]",
        '  group 00gwebnewteam0000001 -> "Statsig-Web-New-Member": Member of team New in project Web  [statsig-push-00gwebnewteam0000001]',
        "        by name (createTeam): Okta asks Statsig to create the team; nothing is looked up",
        '        a search that finds no group, or several, stops `pulumi up` before anything is written, listing the app\'s imported "Statsig-" groups (import them: the Statsig app > Import > Import Now)',
      ].join("\n"),
    );
    expect(stdout).toContain("unlinks the group (deleteTargetGroupOnDestroy false): the Statsig group and its members stay in Statsig");
    // The group lookups are shown with their links, not again among the other lookups.
    expect(stdout.split("Lookups at deploy:")[1]).not.toContain("getGroups");
    const json = JSON.parse(cli(["plan", "--stack", "dev", "--json"], dir).stdout);
    expect(json.pushLinks.map((l: { inputs: Record<string, unknown> }) => l.inputs.deleteTargetGroupOnDestroy)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(json.pushLinks.map((l: Record<string, unknown>) => [l.target, l.inputs, l.lookup])).toEqual([
      [
        "lookup",
        expect.objectContaining({ targetGroupId: { unknown: "the Statsig group's id, found by the lookup at deploy" } }),
        { token: "okta:index/getGroups:getGroups", search: search("Statsig-Web-Member"), name: "Statsig-Web-Member" },
      ],
      ["lookup", expect.anything(), expect.objectContaining({ name: "Statsig-WebApp-Growth-Admin" })],
      ["id", expect.objectContaining({ targetGroupId: "00gStatsigWebRO00001" }), undefined],
      ["create", expect.objectContaining({ targetGroupName: "Statsig-Web-New-Member" }), undefined],
    ]);
    expect(json.lookups.filter((l: { token: string }) => l.token === "okta:index/getGroups:getGroups")).toHaveLength(2);
  });

  it("an invalid config exits 1 naming each config key, and prints no plan", () => {
    const dir = stackDir({
      "bad.yaml": [
        "config:",
        "  statsig-okta:appId: 00g1b2c3d4e5f6g7h8i9",
        "  statsig-okta:roleGroups:",
        "    - { groupId: 00g1b2c3d4e5f6g7h8i9, role: owner }",
        "    - { groupId: 00g9z8y7x6w5v4u3t2s1, role: Owner }",
        "  statsig-okta:colour: blue",
      ].join("\n"),
    });
    const { code, stdout, stderr } = cli(["plan", "--config", "bad.yaml"], dir);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("statsig-okta plan: bad.yaml: The stack config has");
    expect(stderr).toContain("  - statsig-okta:colour: unknown config key");
    expect(stderr).toContain('  - statsig-okta:appId: "00g1b2c3d4e5f6g7h8i9" is not an Okta app id');
    expect(stderr).toContain('  - statsig-okta:roleGroups[0].role: "owner" is not a Statsig role. Statsig spells it "Owner".');
  });

  it("a stack value spelled like a Pulumi Output is data, not an Output: refused where an id is expected", () => {
    const dir = stackDir({
      "marked.yaml": [
        "config:",
        "  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9",
        "  statsig-okta:roleGroups:",
        "    - { groupId: { __pulumiOutput: true }, role: Admin }",
        "  statsig-okta:projectRoles:",
        "    - { groupId: { __pulumiOutput: true }, project: Web, role: Member, name: web }",
      ].join("\n"),
    });
    const { code, stdout, stderr } = cli(["plan", "--config", "marked.yaml"], dir);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/statsig-okta:roleGroups\[0\]\.groupId: expected a string or an Output<string>, got an object/);
    expect(stderr).toMatch(/statsig-okta:projectRoles\[0\]\.groupId: expected a string or an Output<string>, got an object/);
  });

  it("exits 2 when it cannot read the stack, or a key it needs is encrypted", () => {
    expect(cli(["plan", "--stack", "missing"], stackDir({}))).toMatchObject({ code: 2, stderr: expect.stringContaining("cannot read") });
    const secret = stackDir({ "Pulumi.s.yaml": "config:\n  statsig-okta:appId:\n    secure: AAABAxyz\n" });
    expect(cli(["plan", "--stack", "s"], secret)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("statsig-okta:appId is encrypted"),
    });
    expect(cli(["plan", "--stack", "a", "--config", "b"])).toMatchObject({ code: 2, stderr: expect.stringContaining("not both") });
    expect(cli(["plan", "--bogus"])).toMatchObject({ code: 2 });
  });

  it("an encrypted provider secret does not stop the plan", () => {
    const dir = stackDir({ "Pulumi.s.yaml": `config:\n  okta:apiToken:\n    secure: AAABAxyz\n  statsig-okta:appId: ${APP}\n` });
    const { code, stdout } = cli(["plan", "--stack", "s"], dir);
    expect(code).toBe(0);
    expect(stdout).not.toContain("AAABAxyz");
  });
});
