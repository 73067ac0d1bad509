import * as pulumi from "@pulumi/pulumi";
import { pushGroupResources } from "../../src/domain/desired";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  checkProjectRoles,
  groupLookupError,
  projectRolesOfUser,
  pushGroupName,
  statsigGroupName,
  PROJECT_ROLES,
  TEAM_ROLES,
  type ProjectRole,
  type ValidProjectRole,
} from "../../src/domain/projectRoles";
import { spelledAs } from "../../src/domain/suggest";

const ENG = "00gEngineers00000001";
const LEADS = "00gLeads000000000001";
const ANALYSTS = "00gAnalysts000000001";
const STATSIG_GROUP = "00gStatsigGroup00001";
const APP = "0oa1b2c3d4e5f6g7h8i9";

/** The valid value, or a failure that shows the issues. */
function valid(input: unknown): ValidProjectRole[] {
  const result = checkProjectRoles(input);
  expect(result.issues).toEqual([]);
  return result.value!;
}

const issuesOf = (input: unknown) => checkProjectRoles(input).issues;

describe("Statsig's group names", () => {
  it.each([
    [{ project: "ProjectA", role: "Admin" }, "Statsig-ProjectA-Admin"],
    [{ project: "ProjectA", role: "Read-Only" }, "Statsig-ProjectA-Read-Only"],
    [{ project: "ProjectA", team: "TeamA", role: "Member" }, "Statsig-ProjectA-TeamA-Member"],
    [{ project: "web-app", team: "growth", role: "Admin" }, "Statsig-web-app-growth-Admin"],
    // Statsig's only example drops the space (concepts.mdx); every part is written the same way.
    [{ project: "Project A", role: "Admin" }, "Statsig-ProjectA-Admin"],
    [{ project: "Project A", team: "Team  A", role: "Member" }, "Statsig-ProjectA-TeamA-Member"],
    [{ project: "P", role: "Metrics Admin" }, "Statsig-P-MetricsAdmin"],
    // Other characters are kept: Statsig documents nothing about them, and the lookup judges.
    [{ project: "Web (EU) & co.", role: "Read-Only" }, "Statsig-Web(EU)&co.-Read-Only"],
  ])("%o -> %s", (entry, name) => {
    expect(statsigGroupName(entry)).toBe(name);
  });

  it.each([
    ["read-only", "Read-Only"],
    ["Read Only", "Read-Only"],
    ["readonly", "Read-Only"],
    ["READ_ONLY", "Read-Only"],
    [" admin ", "Admin"],
    ["owner", "Owner"],
    ["Viewer", undefined],
  ])("the spelling of project role %j is %j", (input, expected) => {
    expect(spelledAs(PROJECT_ROLES, input)).toBe(expected);
  });

  it.each([
    ["member", "Member"],
    ["ADMIN", "Admin"],
    ["Read-Only", undefined],
    ["Owner", undefined],
  ])("the spelling of team role %j is %j", (input, expected) => {
    expect(spelledAs(TEAM_ROLES, input)).toBe(expected);
  });
});

describe("checkProjectRoles: valid input", () => {
  it("no projectRoles is an empty list", () => {
    expect(checkProjectRoles(undefined)).toEqual({ issues: [], warnings: [], value: [] });
  });

  it("a project role and a team role link to Statsig's names, keyed by group id", () => {
    expect(
      valid([
        { groupId: ENG, project: "ProjectA", role: "Member" },
        { groupId: LEADS, project: "ProjectA", team: "Growth", role: "Admin" },
      ]),
    ).toEqual([
      {
        key: ENG,
        groupId: ENG,
        project: "ProjectA",
        role: "Member",
        statsigName: "Statsig-ProjectA-Member",
        target: { by: "lookup", name: "Statsig-ProjectA-Member" },
        custom: false,
      },
      {
        key: LEADS,
        groupId: LEADS,
        project: "ProjectA",
        team: "Growth",
        role: "Admin",
        statsigName: "Statsig-ProjectA-Growth-Admin",
        target: { by: "lookup", name: "Statsig-ProjectA-Growth-Admin" },
        custom: false,
      },
    ]);
  });

  it.each(["Read-Only", "Member", "Admin"])("project role %s is allowed without warning", (role) => {
    expect(checkProjectRoles([{ groupId: ENG, project: "P", role }])).toMatchObject({ issues: [], warnings: [] });
  });

  it("an explicit target name is looked up instead of Statsig's name; an id is linked as given", () => {
    const [byName, byId] = valid([
      { groupId: ENG, project: "P", role: "Admin", targetGroupName: "Statsig-P (legacy)-Admin" },
      { groupId: LEADS, project: "P", role: "Member", targetGroupId: STATSIG_GROUP },
    ]);
    expect(byName).toMatchObject({ target: { by: "lookup", name: "Statsig-P (legacy)-Admin" }, statsigName: "Statsig-P-Admin" });
    expect(byId).toMatchObject({ target: { by: "id", targetGroupId: STATSIG_GROUP }, statsigName: "Statsig-P-Member" });
  });

  it("createTeam on a team's Member entry creates the group by Statsig's name, with a warning", () => {
    const result = checkProjectRoles([{ groupId: ENG, project: "Web App", team: "New Team", role: "Member", createTeam: true }]);
    expect(result.issues).toEqual([]);
    expect(result.value![0]!.target).toEqual({ by: "create", name: "Statsig-WebApp-NewTeam-Member" });
    expect(result.warnings).toEqual([
      'projectRoles[0] creates the team "New Team" in Statsig: the link asks Okta to create "Statsig-WebApp-NewTeam-Member" instead of linking to an existing group. Use it only for a team that does not exist yet; once Statsig has it and Okta imported it, remove createTeam (the next `pulumi up` relinks the group by id, unlinking first)',
    ]);
  });

  it("createTeam: false is the default: the group is looked up", () => {
    expect(valid([{ groupId: ENG, project: "P", team: "T", role: "Member", createTeam: false }])[0]!.target).toEqual({
      by: "lookup",
      name: "Statsig-P-T-Member",
    });
  });

  it("an Output group id is keyed by its name; a plain id ignores the name", () => {
    const id = pulumi.output(ENG);
    const [fromOutput, plain] = valid([
      { groupId: id, project: "P", role: "Admin", name: "p-admins" },
      { groupId: LEADS, project: "P", role: "Member", name: "ignored" },
    ]);
    expect(fromOutput!.key).toBe("p-admins");
    expect(fromOutput!.groupId).toBe(id);
    expect(plain!.key).toBe(LEADS);
  });

  it("an Output target id passes through unchecked", () => {
    const target = pulumi.output(STATSIG_GROUP);
    expect(valid([{ groupId: ENG, project: "P", role: "Admin", targetGroupId: target }])[0]!.target).toEqual({
      by: "id",
      targetGroupId: target,
    });
  });
});

describe("checkProjectRoles: warnings", () => {
  it.each([
    [
      { groupId: ENG, project: "P", role: "Owner" },
      /projectRoles\[0\] gives the project role Owner: Statsig makes only a project's creator its Owner/,
    ],
    [
      { groupId: ENG, project: "P", role: "Metrics Admin" },
      /projectRoles\[0\] gives "Metrics Admin", which is not one of Statsig's project roles .*custom role.*Enterprise/,
    ],
  ])("%o", (entry, warning) => {
    const result = checkProjectRoles([entry]);
    expect(result.issues).toEqual([]);
    expect(result.warnings).toEqual([expect.stringMatching(warning)]);
  });

  it("a custom role is marked custom and looked up under its name", () => {
    expect(valid([{ groupId: ENG, project: "P", role: "Metrics Admin" }])[0]).toMatchObject({
      custom: true,
      target: { by: "lookup", name: "Statsig-P-MetricsAdmin" },
    });
  });

  it.each([
    { groupId: ENG, project: "Project A", role: "Admin" },
    { groupId: ENG, project: "Web", team: "Team A", role: "Member" },
    { groupId: ENG, project: "P", role: "Admin", targetGroupName: "Engineering" },
  ])("no warning about names: the lookup judges them (%o)", (entry) => {
    expect(checkProjectRoles([entry])).toMatchObject({ issues: [], warnings: [] });
  });
});

describe("checkProjectRoles: refused input", () => {
  it.each<[string, unknown, (string | number)[], RegExp]>([
    ["not a list", { groupId: ENG }, ["projectRoles"], /expected a list of \{ groupId, project, role \}.*got an object/],
    ["an Output list", pulumi.output([]), ["projectRoles"], /a plain list, not an Output\), got an Output/],
    [
      "an entry that is not an object",
      ["00gEngineers00000001"],
      ["projectRoles", 0],
      /expected \{ groupId, project, role \}.*got "00gEngineers/,
    ],
    ["a missing groupId", [{ project: "P", role: "Admin" }], ["projectRoles", 0, "groupId"], /is required: the Okta group id/],
    ["a missing project", [{ groupId: ENG, role: "Admin" }], ["projectRoles", 0, "project"], /is required: the Statsig project's name/],
    [
      "a missing role",
      [{ groupId: ENG, project: "P" }],
      ["projectRoles", 0, "role"],
      /is required: a project role \(Read-Only, Member, Admin, Owner/,
    ],
    [
      "an app id as group id",
      [{ groupId: APP, project: "P", role: "Admin" }],
      ["projectRoles", 0, "groupId"],
      /"0oa1b2c3d4e5f6g7h8i9" is not an Okta group id: expected "00g" and 17/,
    ],
    [
      "a wrongly cased role",
      [{ groupId: ENG, project: "P", role: "read-only" }],
      ["projectRoles", 0, "role"],
      /"read-only" is not a Statsig project role\. Statsig spells it "Read-Only"\. Allowed, exactly as spelled: Read-Only, Member, Admin, Owner/,
    ],
    [
      "a project role for a team",
      [{ groupId: ENG, project: "P", team: "T", role: "Read-Only" }],
      ["projectRoles", 0, "role"],
      /"Read-Only" is not a Statsig team role\. Team roles, exactly as spelled: Admin, Member/,
    ],
    [
      "Owner for a team",
      [{ groupId: ENG, project: "P", team: "T", role: "Owner" }],
      ["projectRoles", 0, "role"],
      /not a Statsig team role/,
    ],
    [
      "a wrongly cased team role",
      [{ groupId: ENG, project: "P", team: "T", role: "member" }],
      ["projectRoles", 0, "role"],
      /Statsig spells it "Member"/,
    ],
    [
      "a role that is not a string",
      [{ groupId: ENG, project: "P", role: 2 }],
      ["projectRoles", 0, "role"],
      /expected the role as a plain string.*got number 2/,
    ],
    ["an empty project", [{ groupId: ENG, project: " ", role: "Admin" }], ["projectRoles", 0, "project"], /the project name is empty/],
    ["spaces around the project", [{ groupId: ENG, project: "P ", role: "Admin" }], ["projectRoles", 0, "project"], /has spaces around it/],
    [
      "a newline in the team",
      [{ groupId: ENG, project: "P", team: "T\n", role: "Admin" }],
      ["projectRoles", 0, "team"],
      /spaces around it|control character/,
    ],
    [
      "a tab inside the team",
      [{ groupId: ENG, project: "P", team: "a\tb", role: "Admin" }],
      ["projectRoles", 0, "team"],
      /control character/,
    ],
    [
      "an Output project",
      [{ groupId: ENG, project: pulumi.output("P"), role: "Admin" }],
      ["projectRoles", 0, "project"],
      /expected the project name as a plain string, got an Output/,
    ],
    [
      "a custom role with spaces around it",
      [{ groupId: ENG, project: "P", role: " Metrics " }],
      ["projectRoles", 0, "role"],
      /has spaces around it/,
    ],
    [
      "a bad target id",
      [{ groupId: ENG, project: "P", role: "Admin", targetGroupId: "Statsig-P-Admin" }],
      ["projectRoles", 0, "targetGroupId"],
      /is not an Okta group id of a Statsig group/,
    ],
    [
      "an empty target name",
      [{ groupId: ENG, project: "P", role: "Admin", targetGroupName: "" }],
      ["projectRoles", 0, "targetGroupName"],
      /is blank: give the Statsig group.s name/,
    ],
    [
      "both target name and id",
      [{ groupId: ENG, project: "P", role: "Admin", targetGroupName: "Statsig-P-Admin", targetGroupId: STATSIG_GROUP }],
      ["projectRoles", 0, "targetGroupId"],
      /cannot be combined with targetGroupName/,
    ],
    [
      "both, as Outputs",
      [{ groupId: ENG, project: "P", role: "Admin", targetGroupName: pulumi.output("x"), targetGroupId: pulumi.output(STATSIG_GROUP) }],
      ["projectRoles", 0, "targetGroupId"],
      /cannot be combined/,
    ],
    [
      "an Output id without name",
      [{ groupId: pulumi.output(ENG), project: "P", role: "Admin" }],
      ["projectRoles", 0, "name"],
      /is required when groupId is an Output/,
    ],
    [
      "a bad name",
      [{ groupId: ENG, project: "P", role: "Admin", name: "has space" }],
      ["projectRoles", 0, "name"],
      /is not a valid name: 1 to 64 letters/,
    ],
    [
      "an unknown input",
      [{ groupId: ENG, project: "P", role: "Admin", teams: "T" }],
      ["projectRoles", 0],
      /unknown input "teams" \(allowed: groupId, project, role, team, targetGroupName, targetGroupId, createTeam, name\)/,
    ],
    [
      "createTeam that is not a boolean",
      [{ groupId: ENG, project: "P", team: "T", role: "Member", createTeam: "yes" }],
      ["projectRoles", 0, "createTeam"],
      /expected true or false, got "yes"/,
    ],
    [
      "a name longer than Okta allows",
      [{ groupId: ENG, project: "P".repeat(250), role: "Admin" }],
      ["projectRoles", 0, "project"],
      /of 264 characters; Okta group names have at most 255/,
    ],
  ])("%s", (_what, input, path, message) => {
    expect(issuesOf(input)).toEqual([{ path, message: expect.stringMatching(message) }]);
    expect(checkProjectRoles(input).value).toBeUndefined();
  });

  it("reports every problem at once, with its path", () => {
    const issues = issuesOf([
      { groupId: "00g", project: "", role: "admin" },
      { groupId: ENG, project: "P", team: "T", role: "Read-Only", targetGroupName: "a", targetGroupId: STATSIG_GROUP },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual([
      ["projectRoles", 0, "groupId"],
      ["projectRoles", 0, "project"],
      ["projectRoles", 0, "role"],
      ["projectRoles", 1, "role"],
      ["projectRoles", 1, "targetGroupId"],
    ]);
  });

  it.each<[string, unknown[], [(string | number)[], RegExp][]]>([
    [
      "the same group and the same Statsig group as another entry",
      [
        { groupId: ENG, project: "P", role: "Admin" },
        { groupId: ENG, project: "P", role: "Admin" },
      ],
      [
        [["projectRoles", 1, "groupId"], /group 00gEngineers00000001 is already pushed by projectRoles\[0\]/],
        [["projectRoles", 1, "role"], /"Statsig-P-Admin" is already linked by projectRoles\[0\]/],
      ],
    ],
    [
      "a misspelled role and the group of another entry",
      [
        { groupId: ENG, project: "P", role: "Admin" },
        { groupId: ENG, project: "Q", role: "read only" },
      ],
      [
        [["projectRoles", 1, "role"], /Statsig spells it "Read-Only"/],
        [["projectRoles", 1, "groupId"], /is already pushed by projectRoles\[0\]/],
      ],
    ],
    [
      "a group name longer than Okta allows and the group of another entry",
      [
        { groupId: ENG, project: "P", role: "Admin" },
        { groupId: ENG, project: "P".repeat(250), role: "Admin" },
      ],
      [
        [["projectRoles", 1, "project"], /of 264 characters; Okta group names have at most 255/],
        [["projectRoles", 1, "groupId"], /is already pushed by projectRoles\[0\]/],
      ],
    ],
  ])("reports every problem of an entry, not only the first: %s", (_what, input, expected) => {
    expect(issuesOf(input)).toEqual(expected.map(([path, message]) => ({ path, message: expect.stringMatching(message) })));
  });

  it("refuses one Okta group in two entries: Okta links a group to one group of the app", () => {
    expect(
      issuesOf([
        { groupId: ENG, project: "A", role: "Member" },
        { groupId: ENG, project: "B", role: "Member" },
      ]),
    ).toEqual([
      {
        path: ["projectRoles", 1, "groupId"],
        message: expect.stringMatching(
          /group 00gEngineers00000001 is already pushed by projectRoles\[0\]: Okta links an Okta group to one group of the app/,
        ),
      },
    ]);
  });

  it.each<[string, Partial<ProjectRole>, Partial<ProjectRole>, string, RegExp]>([
    ["Statsig's name twice", {}, {}, "role", /"Statsig-P-Admin" is already linked by projectRoles\[0\]: one Okta group per Statsig group/],
    [
      "an explicit name equal to Statsig's",
      {},
      { targetGroupName: "Statsig-P-Admin" },
      "targetGroupName",
      /"Statsig-P-Admin" is already linked/,
    ],
    [
      "one target id twice",
      { targetGroupId: STATSIG_GROUP },
      { targetGroupId: STATSIG_GROUP },
      "targetGroupId",
      /the Statsig group 00gStatsigGroup00001 is already linked/,
    ],
  ])("refuses two Okta groups for one Statsig group: %s", (_what, first, second, field, message) => {
    expect(
      issuesOf([
        { groupId: ENG, project: "P", role: "Admin", ...first },
        { groupId: LEADS, project: "P", role: "Admin", ...second },
      ]),
    ).toEqual([{ path: ["projectRoles", 1, field], message: expect.stringMatching(message) }]);
  });

  it("a team role and the project role of the same name are different Statsig groups", () => {
    expect(
      valid([
        { groupId: ENG, project: "P", role: "Admin" },
        { groupId: LEADS, project: "P", team: "T", role: "Admin" },
      ]),
    ).toHaveLength(2);
  });

  it("refuses two Output ids with one name", () => {
    expect(
      issuesOf([
        { groupId: pulumi.output(ENG), project: "P", role: "Admin", name: "same" },
        { groupId: pulumi.output(LEADS), project: "P", role: "Member", name: "same" },
      ]),
    ).toEqual([{ path: ["projectRoles", 1, "name"], message: '"same" is already used by projectRoles[0]: names must be unique' }]);
  });

  it("Outputs cannot be compared: two Output targets are left to Okta", () => {
    expect(
      valid([
        { groupId: ENG, project: "P", role: "Admin", targetGroupId: pulumi.output(STATSIG_GROUP) },
        { groupId: LEADS, project: "P", role: "Member", targetGroupId: pulumi.output(STATSIG_GROUP) },
      ]),
    ).toHaveLength(2);
  });
});

describe("pushGroupResources", () => {
  const entries = () =>
    valid([
      { groupId: ENG, project: "P", role: "Member" },
      { groupId: LEADS, project: "P", team: "T", role: "Admin", targetGroupId: STATSIG_GROUP },
      { groupId: ANALYSTS, project: "Q", role: "Read-Only", targetGroupName: "Statsig-Q (old)-Read-Only" },
    ]);

  it("one okta.PushGroup per entry that only unlinks, never deletes the Statsig group", () => {
    expect(
      pushGroupResources("statsig", entries(), APP, ["statsig-group-x"]).map(({ kind, step, title: _title, push: _push, ...rest }) => ({
        kind,
        step,
        ...rest,
      })),
    ).toEqual([
      {
        kind: "pushGroup",
        step: "push",
        type: "okta:index/pushGroup:PushGroup",
        name: `statsig-push-${ENG}`,
        inputs: {
          appId: APP,
          sourceGroupId: ENG,
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: { ref: `targetGroupId:${ENG}` },
        },
        options: { deleteBeforeReplace: true, replaceOnChanges: ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"] },
        dependsOn: ["statsig-group-x"],
      },
      {
        kind: "pushGroup",
        step: "push",
        type: "okta:index/pushGroup:PushGroup",
        name: `statsig-push-${LEADS}`,
        inputs: { appId: APP, sourceGroupId: LEADS, status: "ACTIVE", deleteTargetGroupOnDestroy: false, targetGroupId: STATSIG_GROUP },
        options: { deleteBeforeReplace: true, replaceOnChanges: ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"] },
        dependsOn: ["statsig-group-x"],
      },
      {
        kind: "pushGroup",
        step: "push",
        type: "okta:index/pushGroup:PushGroup",
        name: `statsig-push-${ANALYSTS}`,
        inputs: {
          appId: APP,
          sourceGroupId: ANALYSTS,
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: { ref: `targetGroupId:${ANALYSTS}` },
        },
        options: { deleteBeforeReplace: true, replaceOnChanges: ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"] },
        dependsOn: ["statsig-group-x"],
      },
    ]);
  });

  it("never retains the link: removing it must unlink", () => {
    for (const resource of pushGroupResources("statsig", entries(), APP, [])) {
      expect(resource.options).not.toHaveProperty("retainOnDelete");
      expect(resource.inputs.deleteTargetGroupOnDestroy).toBe(false);
    }
  });

  it("names do not change when the list is reordered or another entry changes", () => {
    const names = (list: ValidProjectRole[]) =>
      new Map(pushGroupResources("statsig", list, APP, []).map((r) => [r.inputs.sourceGroupId, r.name]));
    const before = names(entries());
    expect(names([...entries()].reverse())).toEqual(before);
    const changed = valid([
      { groupId: ANALYSTS, project: "Q", role: "Member" },
      { groupId: ENG, project: "P", role: "Member" },
    ]);
    expect(names(changed).get(ENG)).toBe(before.get(ENG));
    expect(names(changed).get(ANALYSTS)).toBe(before.get(ANALYSTS));
  });

  it("a role change keeps the name (a replacement of the same child, unlinking first)", () => {
    const [member] = valid([{ groupId: ENG, project: "P", role: "Member" }]);
    const [admin] = valid([{ groupId: ENG, project: "P", role: "Admin" }]);
    const [a] = pushGroupResources("statsig", [member!], APP, []);
    const [b] = pushGroupResources("statsig", [admin!], APP, []);
    expect(b!.name).toBe(a!.name);
    // The same lookup ref (the entry's key) finds another group: the resolved targetGroupId changes.
    expect(b!.push.targetName).toBe("Statsig-P-Admin");
    expect(a!.push.targetName).toBe("Statsig-P-Member");
    expect(b!.options.replaceOnChanges).toContain("targetGroupId");
  });

  it("names carry the component's name, so two instances do not collide", () => {
    const list = entries();
    const a = pushGroupResources("prod", list, APP, []).map((r) => r.name);
    const b = pushGroupResources("staging", list, APP, []).map((r) => r.name);
    expect(a.filter((name) => b.includes(name))).toEqual([]);
    expect(a[0]).toBe(pushGroupName("prod", ENG));
  });

  it("passes Output ids through untouched", () => {
    const appId = pulumi.output(APP);
    const groupId = pulumi.output(ENG);
    const [resource] = pushGroupResources("s", valid([{ groupId, project: "P", role: "Admin", name: "admins" }]), appId, []);
    expect(resource!.name).toBe("s-push-admins");
    expect(resource!.inputs.appId).toBe(appId);
    expect(resource!.inputs.sourceGroupId).toBe(groupId);
  });
});

describe("projectRolesOfUser", () => {
  const roles = () =>
    valid([
      { groupId: ENG, project: "Web", role: "Member" },
      { groupId: LEADS, project: "Web", team: "Growth", role: "Admin" },
      { groupId: ANALYSTS, project: "Api", role: "Read-Only" },
      { groupId: pulumi.output("00gNotKnownYet000001"), project: "Web", role: "Admin", name: "later" },
    ]);

  it.each<[string, string[], object[]]>([
    ["no groups", [], []],
    ["unrelated groups", ["00gOther0000000000001"], []],
    ["one project role", [ENG], [{ project: "Web", role: "Member" }]],
    [
      "project roles first, then teams, sorted by project",
      [LEADS, ENG, ANALYSTS],
      [
        { project: "Api", role: "Read-Only" },
        { project: "Web", role: "Member" },
        { project: "Web", team: "Growth", role: "Admin" },
      ],
    ],
    ["an Output id never matches", ["00gNotKnownYet000001"], []],
  ])("%s", (_what, groups, expected) => {
    expect(projectRolesOfUser(groups, roles())).toEqual(expected);
  });
});

describe("types", () => {
  it("ProjectRole takes Outputs for ids and plain strings for names", () => {
    expectTypeOf<ProjectRole["groupId"]>().toEqualTypeOf<pulumi.Input<string>>();
    expectTypeOf<ProjectRole["project"]>().toEqualTypeOf<string>();
    expectTypeOf<ProjectRole["role"]>().toEqualTypeOf<string>();
    expectTypeOf<ProjectRole["team"]>().toEqualTypeOf<string | undefined>();
    const ok: ProjectRole = { groupId: pulumi.output(ENG), project: "P", role: "Admin", name: "admins" };
    expect(ok.project).toBe("P");
    // @ts-expect-error role is required
    const noRole: ProjectRole = { groupId: ENG, project: "P" };
    // @ts-expect-error the project is a plain string (Statsig's name), not an Output
    const outputProject: ProjectRole = { groupId: ENG, project: pulumi.output("P"), role: "Admin" };
    expect([noRole, outputProject]).toHaveLength(2);
  });
});

describe("checkProjectRoles: what each message says, exactly", () => {
  const P = { groupId: ENG, project: "P" };

  it.each<[string, Record<string, unknown>, (string | number)[], string]>([
    [
      "a missing role",
      { ...P },
      ["projectRoles", 0, "role"],
      "is required: a project role (Read-Only, Member, Admin, Owner, or a custom role) or, with team, a team role (Admin, Member)",
    ],
    [
      "a role that is not a string",
      { ...P, role: 2 },
      ["projectRoles", 0, "role"],
      "expected the role as a plain string: Read-Only, Member, Admin, Owner, or a custom role's name; got number 2",
    ],
    [
      "a custom role with spaces around it",
      { ...P, role: " Metrics " },
      ["projectRoles", 0, "role"],
      '" Metrics " has spaces around it: give the role as Statsig shows it, without them',
    ],
    ["an empty role", { ...P, role: "" }, ["projectRoles", 0, "role"], "the role is empty: give it as Statsig shows it"],
    [
      "a team role Statsig does not have",
      { ...P, team: "T", role: "Read-Only" },
      ["projectRoles", 0, "role"],
      '"Read-Only" is not a Statsig team role. Team roles, exactly as spelled: Admin, Member (project roles and custom roles are given without team)',
    ],
    [
      "an empty team",
      { ...P, team: "", role: "Admin" },
      ["projectRoles", 0, "team"],
      "the team name is empty: give it as Statsig shows it",
    ],
    [
      "a team that is not a string",
      { ...P, team: 5, role: "Admin" },
      ["projectRoles", 0, "team"],
      "expected the team name as a plain string, got number 5",
    ],
    [
      "a target name that is not a string",
      { ...P, role: "Admin", targetGroupName: 5 },
      ["projectRoles", 0, "targetGroupName"],
      "expected a group name (a string or an Output<string>), got number 5",
    ],
    [
      "a target name of spaces only",
      { ...P, role: "Admin", targetGroupName: "   " },
      ["projectRoles", 0, "targetGroupName"],
      "is blank: give the Statsig group's name, or leave targetGroupName out for Statsig's own",
    ],
    [
      // Blank is the one problem of a blank name, however long.
      "a target name of 300 spaces",
      { ...P, role: "Admin", targetGroupName: " ".repeat(300) },
      ["projectRoles", 0, "targetGroupName"],
      "is blank: give the Statsig group's name, or leave targetGroupName out for Statsig's own",
    ],
    [
      "a target name longer than Okta allows",
      { ...P, role: "Admin", targetGroupName: "S".repeat(256) },
      ["projectRoles", 0, "targetGroupName"],
      "a 256-character string is not an Okta group name: 1 to 255 characters",
    ],
    [
      "an Output id without name",
      { groupId: pulumi.output(ENG), project: "P", role: "Admin" },
      ["projectRoles", 0, "name"],
      "is required when groupId is an Output: it names the link so it survives reordering",
    ],
    [
      "a team role's group name longer than Okta allows",
      { ...P, team: "T".repeat(250), role: "Admin" },
      ["projectRoles", 0, "team"],
      `gives the group name "Statsig-P-${"T".repeat(30)}…" of 266 characters; Okta group names have at most 255: set targetGroupId to the group Okta imported`,
    ],
  ])("%s", (_what, entry, path, message) => {
    expect(checkProjectRoles([entry])).toEqual({ issues: [{ path, message }], warnings: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["on a project role", { project: "P", role: "Member" }, "team is not given"],
    ["on a team Admin entry", { project: "P", team: "T", role: "Admin" }, 'role is "Admin"'],
    [
      "with a target name and id",
      { project: "P", team: "T", role: "Member", targetGroupName: "Statsig-P-T-Member", targetGroupId: STATSIG_GROUP },
      "targetGroupName is given and targetGroupId is given",
    ],
  ])("createTeam %s is refused, saying what Statsig creates", (_what, fields, problem) => {
    const issues = issuesOf([{ groupId: ENG, createTeam: true, ...fields }]).filter((issue) => issue.path[2] === "createTeam");
    expect(issues).toEqual([
      {
        path: ["projectRoles", 0, "createTeam"],
        message: `is only for a team's Member entry with neither targetGroupName nor targetGroupId, but ${problem}: Statsig creates a team from a pushed group named Statsig-<Project>-<Team>-Member and creates nothing else over SCIM; leave createTeam out to link to an existing group`,
      },
    ]);
  });

  it("a target name of 255 characters is allowed", () => {
    expect(issuesOf([{ ...P, role: "Admin", targetGroupName: `Statsig-${"S".repeat(247)}` }])).toEqual([]);
  });

  it("Statsig's group name may have 255 characters, and not one more", () => {
    // "Statsig-" + project + "-Admin": 14 characters besides the project.
    expect(issuesOf([{ groupId: ENG, project: "P".repeat(241), role: "Admin" }])).toEqual([]);
    expect(issuesOf([{ groupId: ENG, project: "P".repeat(242), role: "Admin" }]).map((issue) => issue.path)).toEqual([
      ["projectRoles", 0, "project"],
    ]);
  });

  it.each([
    ["a target id", { targetGroupId: STATSIG_GROUP }],
    ["a target name", { targetGroupName: "Statsig-Long-Admin" }],
  ])("a project name too long for Statsig's group name is fine with %s: the link does not use that name", (_what, target) => {
    expect(issuesOf([{ groupId: ENG, project: "P".repeat(250), role: "Admin", ...target }])).toEqual([]);
  });
});

describe("checkProjectRoles: comparing entries that are not all valid", () => {
  it("an entry that is null is reported once, and does not stop the rules over the list", () => {
    expect(issuesOf([null, { groupId: ENG, project: "P", role: "Admin" }])).toEqual([
      {
        path: ["projectRoles", 0],
        message: "expected { groupId, project, role } with optional team, targetGroupName, targetGroupId, createTeam, name, got null",
      },
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["a role that is not a string", { role: 2 }, "role"],
    ["a team that is not a string", { team: 5, role: "Admin" }, "team"],
    ["a project that is an Output", { project: pulumi.output("P"), role: "Admin" }, "project"],
  ])("two entries with %s are not taken for the same Statsig group", (_what, fields, field) => {
    expect(
      issuesOf([
        { groupId: ENG, project: "P", ...fields },
        { groupId: LEADS, project: "P", ...fields },
      ]).map((issue) => issue.path),
    ).toEqual([
      ["projectRoles", 0, field],
      ["projectRoles", 1, field],
    ]);
  });

  it("two team roles of one team link to one Statsig group", () => {
    expect(
      issuesOf([
        { groupId: ENG, project: "P", team: "T", role: "Admin" },
        { groupId: LEADS, project: "P", team: "T", role: "Admin" },
      ]),
    ).toEqual([
      {
        path: ["projectRoles", 1, "role"],
        message:
          '"Statsig-P-T-Admin" is already linked by projectRoles[0]: one Okta group per Statsig group, so put both groups\' members in one Okta group',
      },
    ]);
  });

  it("two entries with one target name link to one Statsig group, whatever their roles", () => {
    expect(
      issuesOf([
        { groupId: ENG, project: "P", role: "Admin", targetGroupName: "Statsig-Legacy" },
        { groupId: LEADS, project: "Q", role: "Member", targetGroupName: "Statsig-Legacy" },
      ]),
    ).toEqual([
      {
        path: ["projectRoles", 1, "targetGroupName"],
        message: expect.stringMatching(/^"Statsig-Legacy" is already linked by projectRoles\[0\]/),
      },
    ]);
  });

  it("two Output target names cannot be compared: they are left to Okta", () => {
    expect(
      valid([
        { groupId: ENG, project: "P", role: "Admin", targetGroupName: pulumi.output("Statsig-P-Admin") },
        { groupId: LEADS, project: "P", role: "Member", targetGroupName: pulumi.output("Statsig-P-Admin") },
      ]),
    ).toHaveLength(2);
  });
});

describe("checkProjectRoles: warnings, exactly", () => {
  it("a custom role names Statsig's project roles", () => {
    expect(checkProjectRoles([{ groupId: ENG, project: "P", role: "Metrics Admin" }]).warnings).toEqual([
      'projectRoles[0] gives "Metrics Admin", which is not one of Statsig\'s project roles (Read-Only, Member, Admin, Owner): it is taken as a custom role, which exists only on Enterprise plans and only once it is defined in Statsig',
    ]);
  });

  it.each([
    ["a target name that starts with Statsig-", { project: "P", targetGroupName: "Statsig-P (legacy)-Admin" }],
    ["a target name for a project with spaces", { project: "Project A", targetGroupName: "Statsig-ProjectA-Admin" }],
  ])("none for %s", (_what, fields) => {
    expect(checkProjectRoles([{ groupId: ENG, role: "Admin", ...fields }])).toMatchObject({ issues: [], warnings: [] });
  });

  it("a project role has no team at all, not an undefined one", () => {
    const [entry] = valid([{ groupId: ENG, project: "P", role: "Admin" }]);
    expect(entry).not.toHaveProperty("team");
  });
});

describe("projectRolesOfUser: order and repeats", () => {
  const entries = () =>
    valid([
      { groupId: "00gWebMember00000001", project: "Web", role: "Member" },
      { groupId: "00gWebGrowthAdmin001", project: "Web", team: "Growth", role: "Admin" },
      { groupId: "00gWebAlphaMember001", project: "Web", team: "Alpha", role: "Member" },
      { groupId: "00gWebAdmin000000001", project: "Web", role: "Admin" },
      { groupId: "00gApiMember00000001", project: "Api", role: "Member" },
      { groupId: "00gWebAdminToo000001", project: "Web", role: "Admin", targetGroupId: STATSIG_GROUP },
    ]);
  const everyGroup = () => entries().map((entry) => entry.groupId as string);
  const SORTED = [
    { project: "Api", role: "Member" },
    { project: "Web", role: "Admin" },
    { project: "Web", role: "Member" },
    { project: "Web", team: "Alpha", role: "Member" },
    { project: "Web", team: "Growth", role: "Admin" },
  ];

  it("by project, then team (project roles first), then role; a role given by two groups once", () => {
    expect(projectRolesOfUser(everyGroup(), entries())).toStrictEqual(SORTED);
    expect(projectRolesOfUser(everyGroup(), entries().reverse())).toStrictEqual(SORTED);
  });

  it("a team role and the project role of the same name are both listed", () => {
    const list = valid([
      { groupId: ENG, project: "Web", role: "Admin" },
      { groupId: LEADS, project: "Web", team: "Growth", role: "Admin" },
    ]);
    expect(projectRolesOfUser([ENG, LEADS], list)).toStrictEqual([
      { project: "Web", role: "Admin" },
      { project: "Web", team: "Growth", role: "Admin" },
    ]);
  });
});

describe("groupLookupError: the one error of lookups that did not find one group", () => {
  const entry = `projectRoles[0] (group ${ENG}, Member in project Web)`;

  it("lists at most five imported Statsig- names, nearest first, and ignores other groups of the app", () => {
    const imported = [
      "Web-Member",
      "Statsig-Web-Members",
      "Statsig-Api-Admin",
      "Statsig-Web-Admin",
      "Statsig-X",
      "Statsig-Y",
      "Statsig-Web-Member-Old",
      "Statsig-Web-Admin",
    ];
    const message = groupLookupError('OrgRoles "s"', APP, [{ entry, name: "Statsig-Web-Member", found: [] }], imported);
    expect(message.split("\n")[1]).toBe(
      `  - ${entry}: no group "Statsig-Web-Member" imported from the app; the closest imported Statsig groups: "Statsig-Web-Members", "Statsig-Web-Member-Old", "Statsig-Web-Admin", "Statsig-Api-Admin", "Statsig-X"`,
    );
  });

  it("says when the app has no Statsig- group at all, and where groups come from", () => {
    expect(groupLookupError('OrgRoles "s"', APP, [{ entry, name: "Statsig-Web-Member", found: [] }], ["Everyone"])).toBe(
      [
        'OrgRoles "s": a project or team role has no Statsig group to link to in Okta, so nothing was written:',
        `  - ${entry}: no group "Statsig-Web-Member" imported from the app; the app has no imported group whose name starts with "Statsig-"`,
        `Statsig's groups reach Okta only by import: in Okta, the Statsig app > Import > Import Now (Statsig's setting "Import Groups" must be on when the org has SELECTIVE_APP_IMPORT_PLATFORM). Then give the name Statsig uses (targetGroupName) or the group's Okta id (targetGroupId); a team that does not exist yet can be created with createTeam on its Member entry. Searched: type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "<name>"`,
      ].join("\n"),
    );
  });
});
