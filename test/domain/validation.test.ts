import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { checkOrgRolesArgs, formatPath, OrgRolesArgsError, validateOrgRolesArgs } from "../../src/domain/validation";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const G1 = "00g1b2c3d4e5f6g7h8i9";
const G2 = "00g9z8y7x6w5v4u3t2s1";
const G3 = "00gAAAAAAAAAAAAAAAAA";

/** Each bad input, the field the error must name and words it must contain. */
const bad: { name: string; args: unknown; path: string; says: RegExp }[] = [
  { name: "missing appId", args: {}, path: "appId", says: /is required/ },
  { name: "empty appId", args: { appId: "" }, path: "appId", says: /not an Okta app id.*"0oa" and 17/ },
  { name: "group id as appId", args: { appId: G1 }, path: "appId", says: /not an Okta app id/ },
  { name: "appId too long", args: { appId: `${APP}x` }, path: "appId", says: /not an Okta app id/ },
  { name: "appId a number", args: { appId: 42 }, path: "appId", says: /expected a string or an Output<string>, got number 42/ },
  {
    name: "schema id as user type",
    args: { appId: APP, userTypeId: "osc1b2c3d4e5f6g7h8i9" },
    path: "userTypeId",
    says: /not the "osc…" schema id/,
  },
  {
    name: "unknown input",
    args: { appId: APP, roles: [] },
    path: "(args)",
    says: /unknown input "roles" \(allowed: appId, userTypeId, .*, roleGroups, .*, projectRoles, emailDomains\)/,
  },
  {
    name: "READ_WRITE permissions",
    args: { appId: APP, oktaAttributePermissions: "READ_WRITE" },
    path: "oktaAttributePermissions",
    says: /users set their own Statsig role. Allowed: READ_ONLY, HIDE/,
  },
  {
    name: "master OVERRIDE",
    args: { appId: APP, oktaAttributeMaster: "OVERRIDE" },
    path: "oktaAttributeMaster",
    says: /Allowed: PROFILE_MASTER, OKTA/,
  },
  {
    name: "attribute name with a dash",
    args: { appId: APP, oktaAttributeName: "statsig-role" },
    path: "oktaAttributeName",
    says: /variable name/,
  },
  { name: "protect as a string", args: { appId: APP, protect: "yes" }, path: "protect", says: /expected true or false, got "yes"/ },
  { name: "firstPriority negative", args: { appId: APP, firstPriority: -1 }, path: "firstPriority", says: /from 1 to 100/ },
  {
    name: "firstPriority 0, which the provider never sends",
    args: { appId: APP, firstPriority: 0 },
    path: "firstPriority",
    says: /0 cannot be written: the Okta provider treats priority 0 as not set.*Use 1/,
  },
  {
    name: "a base profile attribute as the Okta attribute",
    args: { appId: APP, oktaAttributeName: "login" },
    path: "oktaAttributeName",
    says: /"login" is a base attribute of the Okta user profile.*custom attribute name/,
  },
  {
    name: "a role group also pushed for a project role",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "Admin" }], projectRoles: [{ groupId: G1, project: "Web", role: "Member" }] },
    path: "projectRoles[0].groupId",
    says: /is also roleGroups\[0\]: Okta does not support one group both assigned to the app and pushed to it/,
  },
  {
    name: "a project role spelled in lower case, reported with the org-role problems",
    args: { appId: "x", projectRoles: [{ groupId: G1, project: "Web", role: "admin" }] },
    path: "projectRoles[0].role",
    says: /Statsig spells it "Admin"/,
  },
  {
    name: "an Output where a list of groups is needed",
    args: { appId: APP, roleGroups: pulumi.output([]) },
    path: "roleGroups",
    says: /expected a list .*not an Output.*got an Output/,
  },
  { name: "firstPriority fraction", args: { appId: APP, firstPriority: 1.5 }, path: "firstPriority", says: /whole number/ },
  {
    name: "roleGroups not a list",
    args: { appId: APP, roleGroups: { groupId: G1, role: "Admin" } },
    path: "roleGroups",
    says: /expected a list/,
  },
  {
    name: "lowercase role",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "admin" }] },
    path: "roleGroups[0].role",
    says: /Statsig spells it "Admin"/,
  },
  {
    // The one spelling rule of every role name: case, spaces, "-" and "_" ignored, as for project roles.
    name: "role with a dash",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "ad-min" }] },
    path: "roleGroups[0].role",
    says: /"ad-min" is not a Statsig role\. Statsig spells it "Admin"\. Allowed, exactly as spelled: Member, Admin, Owner/,
  },
  {
    name: "unknown role",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "Viewer" }] },
    path: "roleGroups[0].role",
    says: /not a Statsig role\. Allowed, exactly as spelled: Member, Admin, Owner/,
  },
  {
    name: "look-alike role",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "Оwner" }] },
    path: "roleGroups[0].role",
    says: /"Оwner" \(with non-ASCII character U\+041E at position 1\) is not a Statsig role\. Allowed/,
  },
  {
    name: "role group as an Output",
    args: { appId: APP, roleGroups: [pulumi.output({ groupId: G1, role: "Admin" })] },
    path: "roleGroups[0]",
    says: /expected \{ groupId, role \} with an optional name, got an Output/,
  },
  {
    name: "role group not an object",
    args: { appId: APP, roleGroups: ["Admin"] },
    path: "roleGroups[0]",
    says: /expected \{ groupId, role \} with an optional name, got "Admin"/,
  },
  { name: "missing role", args: { appId: APP, roleGroups: [{ groupId: G1 }] }, path: "roleGroups[0].role", says: /is required/ },
  {
    name: "malformed group id",
    args: { appId: APP, roleGroups: [{ groupId: "admins", role: "Admin" }] },
    path: "roleGroups[0].groupId",
    says: /not an Okta group id/,
  },
  {
    name: "unknown key in a group",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "Admin", priority: 1 }] },
    path: "roleGroups[0]",
    says: /unknown input "priority" \(allowed: groupId, role, name\)/,
  },
  {
    name: "same group twice",
    args: {
      appId: APP,
      roleGroups: [
        { groupId: G1, role: "Admin" },
        { groupId: G1, role: "Member" },
      ],
    },
    path: "roleGroups[1].groupId",
    says: /already listed at roleGroups\[0\]/,
  },
  {
    name: "same group under a name",
    args: {
      appId: APP,
      roleGroups: [
        { groupId: G1, role: "Admin" },
        { groupId: G1, role: "Admin", name: "x" },
      ],
    },
    path: "roleGroups[1].groupId",
    says: /already listed/,
  },
  {
    name: "two Owner groups",
    args: {
      appId: APP,
      roleGroups: [
        { groupId: G1, role: "Owner" },
        { groupId: G2, role: "Owner" },
      ],
    },
    path: "roleGroups",
    says: /single Owner/,
  },
  {
    name: "Output group id without a name",
    args: { appId: APP, roleGroups: [{ groupId: pulumi.output(G1), role: "Admin" }] },
    path: "roleGroups[0].name",
    says: /required when groupId is an Output/,
  },
  {
    name: "duplicate names",
    args: {
      appId: APP,
      roleGroups: [
        { groupId: pulumi.output(G1), role: "Admin", name: "a" },
        { groupId: pulumi.output(G2), role: "Member", name: "a" },
      ],
    },
    path: "roleGroups[1].name",
    says: /names must be unique/,
  },
  {
    name: "name with a space",
    args: { appId: APP, roleGroups: [{ groupId: G1, role: "Admin", name: "the admins" }] },
    path: "roleGroups[0].name",
    says: /not a valid name/,
  },
  {
    name: "priorities past 100",
    args: {
      appId: APP,
      firstPriority: 99,
      roleGroups: [
        { groupId: G1, role: "Admin" },
        { groupId: G2, role: "Admin" },
        { groupId: G3, role: "Admin" },
      ],
    },
    path: "roleGroups",
    says: /up to 101; Okta allows up to 100, so list at most 2/,
  },
];

describe("bad input", () => {
  it.each(bad)("$name -> $path", ({ args, path, says }) => {
    const { issues, value } = checkOrgRolesArgs(args);
    expect(value).toBeUndefined();
    expect(() => validateOrgRolesArgs('OrgRoles "t"', args)).toThrow(OrgRolesArgsError);
    let message = "";
    try {
      validateOrgRolesArgs('OrgRoles "t"', args);
    } catch (error) {
      message = (error as Error).message;
    }
    const line = message.split("\n").find((l) => l.startsWith(`  - ${path}: `));
    expect(line, `no line for ${path} in:\n${message}`).toBeDefined();
    expect(line).toMatch(says);
    expect(issues.length).toBeGreaterThan(0);
  });

  it("lists every problem in one error", () => {
    const args = { appId: "x", protect: 1, roleGroups: [{ groupId: "y", role: "owner" }] };
    expect(() => validateOrgRolesArgs('statsig-okta:index:OrgRoles "s"', args)).toThrow(
      [
        'statsig-okta:index:OrgRoles "s" has 4 invalid inputs:',
        '  - appId: "x" is not an Okta app id: expected "0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"',
        "  - protect: expected true or false, got number 1",
        '  - roleGroups[0].groupId: "y" is not an Okta group id: expected "00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"',
        '  - roleGroups[0].role: "owner" is not a Statsig role. Statsig spells it "Owner". Allowed, exactly as spelled: Member, Admin, Owner',
      ].join("\n"),
    );
  });

  it("reports every problem of a role group, not only the first", () => {
    expect(checkOrgRolesArgs({ appId: APP, roleGroups: [{ groupId: pulumi.output(G1), role: "owner" }] }).issues).toEqual([
      { path: ["roleGroups", 0, "role"], message: expect.stringMatching(/Statsig spells it "Owner"/) },
      { path: ["roleGroups", 0, "name"], message: expect.stringMatching(/is required when groupId is an Output/) },
    ]);
  });

  it.each([{ args: null }, { args: APP }, { args: [APP] }])("rejects $args instead of an object of inputs", ({ args }) => {
    expect(checkOrgRolesArgs(args).issues).toEqual([{ path: [], message: expect.stringMatching(/expected an object of inputs/) }]);
  });
});

/** The one message of input with exactly one problem, at `path`. */
const onlyIssue = (args: unknown) => {
  const { issues } = checkOrgRolesArgs(args);
  expect(issues).toHaveLength(1);
  return { path: formatPath(issues[0]!.path), message: issues[0]!.message };
};

describe("what a message says, exactly", () => {
  it("names one invalid input in the singular, and the error is an OrgRolesArgsError", () => {
    let error: unknown;
    try {
      validateOrgRolesArgs('OrgRoles "t"', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OrgRolesArgsError);
    expect((error as Error).name).toBe("OrgRolesArgsError");
    expect((error as Error).message).toBe(
      'OrgRoles "t" has 1 invalid input:\n  - appId: is required: an Okta app id, "0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"',
    );
  });

  it("userTypeId: the type id is accepted", () => {
    expect(checkOrgRolesArgs({ appId: APP, userTypeId: "oty1b2c3d4e5f6g7h8i9" }).issues).toEqual([]);
  });

  it.each([
    ["a prefix before oty", "xoty1b2c3d4e5f6g7h8i9"],
    ["a letter too many", "oty1b2c3d4e5f6g7h8i9x"],
    ["too short", "oty1b2c3"],
    ["a dash among the letters", "oty1b2c3d4e5f6g7h8-9"],
  ])("userTypeId with %s is refused", (_what, userTypeId) => {
    expect(onlyIssue({ appId: APP, userTypeId })).toEqual({
      path: "userTypeId",
      message: `${JSON.stringify(userTypeId)} is not an Okta user type id: expected "oty" and 17 letters or digits (the type id, not the "osc…" schema id)`,
    });
  });

  it("a choice without a hint lists what is allowed, and only READ_WRITE gets the self-service hint", () => {
    expect(onlyIssue({ appId: APP, oktaAttributeMaster: "OVERRIDE" })).toEqual({
      path: "oktaAttributeMaster",
      message: '"OVERRIDE" is not allowed. Allowed: PROFILE_MASTER, OKTA',
    });
    expect(onlyIssue({ appId: APP, oktaAttributePermissions: "WRITE" })).toEqual({
      path: "oktaAttributePermissions",
      message: '"WRITE" is not allowed. Allowed: READ_ONLY, HIDE',
    });
    expect(onlyIssue({ appId: APP, oktaAttributePermissions: "READ_WRITE" }).message).toBe(
      '"READ_WRITE" is not allowed; READ_WRITE would let users set their own Statsig role. Allowed: READ_ONLY, HIDE',
    );
  });

  it("an Output group id without a name: the name keeps the assignment across reorderings", () => {
    expect(onlyIssue({ appId: APP, roleGroups: [{ groupId: pulumi.output(G1), role: "Admin" }] })).toEqual({
      path: "roleGroups[0].name",
      message: "is required when groupId is an Output: it names the assignment so it survives reordering",
    });
  });

  it("two Owner groups: names both", () => {
    expect(
      onlyIssue({
        appId: APP,
        roleGroups: [
          { groupId: G1, role: "Owner" },
          { groupId: G2, role: "Admin" },
          { groupId: G3, role: "Owner" },
        ],
      }),
    ).toEqual({
      path: "roleGroups",
      message: "2 Owner groups (roleGroups[0], roleGroups[2]): Statsig has a single Owner, so at most one group may have the role Owner",
    });
  });

  it("firstPriority that is not a number says what a priority is", () => {
    expect(onlyIssue({ appId: APP, firstPriority: "1" })).toEqual({
      path: "firstPriority",
      message: '"1" is not a priority: expected a whole number from 1 to 100',
    });
  });

  it("firstPriority 0 gets the one message that says why 0 cannot be written", () => {
    expect(onlyIssue({ appId: APP, firstPriority: 0 })).toEqual({
      path: "firstPriority",
      message:
        "0 cannot be written: the Okta provider treats priority 0 as not set and sends none, so Okta puts the group last instead of first. Use 1 (the default), the highest priority it can write",
    });
  });

  it.each([
    [1, true],
    [2, true],
    [100, true],
    [101, false],
    [0.5, false],
  ])("firstPriority %s is accepted: %s", (firstPriority, accepted) => {
    const { issues, value } = checkOrgRolesArgs({ appId: APP, firstPriority });
    if (accepted) expect(value?.firstPriority).toBe(firstPriority);
    else
      expect(issues).toEqual([
        { path: ["firstPriority"], message: `number ${firstPriority} is not a priority: expected a whole number from 1 to 100` },
      ]);
  });

  it("an invalid firstPriority is reported alone, not again as priorities the groups would need", () => {
    const roleGroups = Array.from({ length: 103 }, (_, i) => ({ groupId: `00g${String(i).padStart(17, "0")}`, role: "Member" }));
    expect(onlyIssue({ appId: APP, firstPriority: -1, roleGroups }).path).toBe("firstPriority");
    expect(onlyIssue({ appId: APP, firstPriority: 1.5, roleGroups: roleGroups.slice(0, 100) }).path).toBe("firstPriority");
  });
});

describe("the fields every entry shares, exactly", () => {
  it.each<[string, unknown, string, string]>([
    [
      "a name that is not a string",
      { appId: APP, roleGroups: [{ groupId: G1, role: "Admin", name: 5 }] },
      "roleGroups[0].name",
      'number 5 is not a valid name: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
    [
      "a name with a space",
      { appId: APP, roleGroups: [{ groupId: G1, role: "Admin", name: "the admins" }] },
      "roleGroups[0].name",
      '"the admins" is not a valid name: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    ],
    [
      "an attribute name that is not a string",
      { appId: APP, oktaAttributeName: 5 },
      "oktaAttributeName",
      'number 5 is not an Okta attribute variable name: a letter, then up to 99 letters, digits or "_"',
    ],
    [
      "a missing group id",
      { appId: APP, roleGroups: [{ role: "Admin" }] },
      "roleGroups[0].groupId",
      'is required: an Okta group id, "00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"',
    ],
    [
      "two unknown inputs",
      { appId: APP, roles: [], groups: [] },
      "(args)",
      'unknown inputs "roles", "groups" (allowed: appId, userTypeId, oktaAttributeName, manageOktaAttribute, oktaAttributePermissions, oktaAttributeMaster, manageAppToOktaMapping, protect, roleGroups, firstPriority, retainAssignments, projectRoles, emailDomains)',
    ],
    [
      "one unknown input of an entry",
      { appId: APP, roleGroups: [{ groupId: G1, role: "Admin", priority: 1 }] },
      "roleGroups[0]",
      'unknown input "priority" (allowed: groupId, role, name)',
    ],
  ])("%s", (_what, args, path, message) => {
    expect(onlyIssue(args)).toEqual({ path, message });
  });

  it("names that are not strings are not compared: each is reported once", () => {
    expect(
      checkOrgRolesArgs({
        appId: APP,
        roleGroups: [
          { groupId: pulumi.output(G1), role: "Admin", name: 5 },
          { groupId: pulumi.output(G2), role: "Admin", name: 5 },
        ],
      }).issues.map((issue) => formatPath(issue.path)),
    ).toEqual(["roleGroups[0].name", "roleGroups[1].name"]);
  });

  it("two Output ids under one name", () => {
    expect(
      onlyIssue({
        appId: APP,
        roleGroups: [
          { groupId: pulumi.output(G1), role: "Admin", name: "admins" },
          { groupId: pulumi.output(G2), role: "Member", name: "admins" },
        ],
      }),
    ).toEqual({ path: "roleGroups[1].name", message: '"admins" is already used by roleGroups[0]: names must be unique' });
  });
});

describe("a group both assigned and pushed", () => {
  it("a group listed twice in roleGroups is that list's problem, reported once", () => {
    expect(
      onlyIssue({
        appId: APP,
        roleGroups: [
          { groupId: G1, role: "Admin" },
          { groupId: G1, role: "Member" },
        ],
        projectRoles: [{ groupId: G2, project: "Web", role: "Member" }],
      }),
    ).toEqual({ path: "roleGroups[1].groupId", message: `group ${G1} is already listed at roleGroups[0]: a group has one role` });
  });

  it.each([
    ["with role groups", [{ groupId: G1, role: "Admin" }]],
    ["without role groups", undefined],
  ])("a group pushed twice is the project roles' problem, reported once (%s)", (_what, roleGroups) => {
    const { path, message } = onlyIssue({
      appId: APP,
      roleGroups,
      projectRoles: [
        { groupId: G2, project: "Web", role: "Member" },
        { groupId: G2, project: "Api", role: "Member" },
      ],
    });
    expect(path).toBe("projectRoles[1].groupId");
    expect(message).toMatch(/^group 00g9z8y7x6w5v4u3t2s1 is already pushed by projectRoles\[0\]/);
  });

  it("the same Output id in both lists cannot be compared, so it is left to Okta", () => {
    const id = pulumi.output(G1);
    expect(
      checkOrgRolesArgs({
        appId: APP,
        roleGroups: [{ groupId: id, role: "Admin", name: "admins" }],
        projectRoles: [{ groupId: id, project: "Web", role: "Member", name: "web" }],
      }).issues,
    ).toEqual([]);
  });

  it("an entry that is null is reported as such, with the rest of the input still checked", () => {
    expect(
      checkOrgRolesArgs({
        appId: APP,
        roleGroups: [null, { groupId: G1, role: "Admin" }],
        projectRoles: [{ groupId: G1, project: "Web", role: "Member" }],
      }).issues,
    ).toEqual([
      { path: ["roleGroups", 0], message: "expected { groupId, role } with an optional name, got null" },
      { path: ["projectRoles", 0, "groupId"], message: expect.stringMatching(/^group 00g1b2c3d4e5f6g7h8i9 is also roleGroups\[1\]/) },
    ]);
  });
});

describe("good input", () => {
  it("fills in the defaults", () => {
    expect(validateOrgRolesArgs("t", { appId: APP })).toEqual({
      appId: APP,
      oktaAttributeName: "statsigOrgRole",
      manageOktaAttribute: true,
      oktaAttributePermissions: "READ_ONLY",
      oktaAttributeMaster: "PROFILE_MASTER",
      manageAppToOktaMapping: true,
      protect: false,
      firstPriority: 1,
      retainAssignments: false,
      projectRoles: [],
      warnings: [],
    });
  });

  it("accepts Outputs and promises where ids may be unknown until deploy", () => {
    const valid = validateOrgRolesArgs("t", {
      appId: pulumi.output("not checked now"),
      userTypeId: Promise.resolve("oty"),
      roleGroups: [{ groupId: pulumi.output("00g"), role: "Admin", name: "admins" }],
    });
    expect(valid.roleGroups).toEqual([{ groupId: expect.anything(), role: "Admin", name: "admins", key: "admins" }]);
  });

  it("keys a group by its plain id, even when named; by its name only when the id is an Output", () => {
    const valid = validateOrgRolesArgs("t", {
      appId: APP,
      roleGroups: [
        { groupId: G1, role: "Admin" },
        { groupId: G2, role: "Member", name: "members" },
        { groupId: pulumi.output(G3), role: "Member", name: "others" },
      ],
    });
    expect(valid.roleGroups?.map((g) => g.key)).toEqual([G1, G2, "others"]);
  });

  it("one Owner group is allowed, with a warning that it must hold one person", () => {
    const valid = validateOrgRolesArgs("t", { appId: APP, roleGroups: [{ groupId: G1, role: "Owner" }] });
    expect(valid.warnings).toEqual([
      expect.stringMatching(/roleGroups\[0\].*exactly one person, the current Statsig Owner.*transfers ownership/),
    ]);
  });

  it("warns about the Owner group where it is, and about nothing without one", () => {
    const roleGroups = [
      { groupId: G1, role: "Admin" },
      { groupId: G2, role: "Owner" },
    ];
    expect(validateOrgRolesArgs("t", { appId: APP, roleGroups }).warnings).toEqual([
      'roleGroups[1] maps a group to Owner: the group must hold exactly one person, the current Statsig Owner (Statsig has a single Owner); changing who holds it transfers ownership of the Statsig organization (the Owner "can only be replaced by another user"); if Statsig refuses it ("Cannot set multiple owners"), transfer ownership in Statsig first',
    ]);
    expect(validateOrgRolesArgs("t", { appId: APP, roleGroups: roleGroups.slice(0, 1) }).warnings).toEqual([]);
  });

  it("an empty roleGroups list is group mode with no groups", () => {
    expect(validateOrgRolesArgs("t", { appId: APP, roleGroups: [] }).roleGroups).toEqual([]);
  });

  it("100 groups fit priorities 1 to 100, and a 101st does not", () => {
    const roleGroups = Array.from({ length: 101 }, (_, i) => ({ groupId: `00g${String(i).padStart(17, "0")}`, role: "Member" }));
    expect(validateOrgRolesArgs("t", { appId: APP, roleGroups: roleGroups.slice(0, 100) }).roleGroups).toHaveLength(100);
    expect(checkOrgRolesArgs({ appId: APP, roleGroups }).issues).toEqual([
      { path: ["roleGroups"], message: expect.stringMatching(/101 groups from priority 1 need priorities up to 101/) },
    ]);
  });

  it("refuses every base attribute of the Okta user profile, whatever the case of the rest", () => {
    // The properties of UserProfile in Okta's Management API spec, written out here so that the list in src is checked against them.
    const base = [
      ...["city", "costCenter", "countryCode", "department", "displayName", "division", "email", "employeeNumber", "firstName"],
      ...["honorificPrefix", "honorificSuffix", "lastName", "locale", "login", "manager", "managerId", "middleName", "mobilePhone"],
      ...["nickName", "organization", "postalAddress", "preferredLanguage", "primaryPhone", "profileUrl", "secondEmail", "state"],
      ...["streetAddress", "timezone", "title", "userType", "zipCode"],
    ];
    for (const name of base) {
      expect(checkOrgRolesArgs({ appId: APP, oktaAttributeName: name }).issues.map((i) => i.path)).toEqual([["oktaAttributeName"]]);
    }
    // A custom attribute that merely contains a base name is fine.
    expect(checkOrgRolesArgs({ appId: APP, oktaAttributeName: "statsigLogin" }).issues).toEqual([]);
  });
});

describe("emailDomains", () => {
  const issuesOf = (emailDomains: unknown) =>
    checkOrgRolesArgs({ appId: APP, emailDomains }).issues.map((issue) => [formatPath(issue.path), issue.message]);
  const RULE = 'expected a domain name such as "example.com": letters, digits and "-" in labels joined by dots, without "@"';

  it("keeps the domains lower-cased; left out, nothing is checked", () => {
    expect(
      validateOrgRolesArgs("t", { appId: APP, emailDomains: ["Example.COM", "corp.example.co.uk", "xn--bcher-kva.example"] }).emailDomains,
    ).toEqual(["example.com", "corp.example.co.uk", "xn--bcher-kva.example"]);
    expect(validateOrgRolesArgs("t", { appId: APP }).emailDomains).toBeUndefined();
  });

  it.each<[unknown, string, string]>([
    [["@example.com"], "emailDomains[0]", `"@example.com" is not an email domain: ${RULE}; leave out the "@"`],
    [["ada@example.com"], "emailDomains[0]", `"ada@example.com" is not an email domain: ${RULE}; give the part after the @`],
    [
      ["*.example.com"],
      "emailDomains[0]",
      `"*.example.com" is not an email domain: ${RULE}; give the domain itself: its subdomains are not Statsig's organization domain`,
    ],
    [["localhost"], "emailDomains[0]", `"localhost" is not an email domain: ${RULE}`],
    [["-bad.example.com"], "emailDomains[0]", `"-bad.example.com" is not an email domain: ${RULE}`],
    [["example..com"], "emailDomains[0]", `"example..com" is not an email domain: ${RULE}`],
    [["exa mple.com"], "emailDomains[0]", `"exa mple.com" is not an email domain: ${RULE}`],
    [[`${"a".repeat(64)}.com`], "emailDomains[0]", `a 68-character string is not an email domain: ${RULE}`],
    [[42], "emailDomains[0]", "expected a domain name as a plain string, got number 42"],
    [
      "example.com",
      "emailDomains",
      'expected a list of email domains such as ["example.com"] (a plain list, not an Output), got "example.com"',
    ],
    [
      [],
      "emailDomains",
      "is an empty list, which would find every user outside it: give the Statsig organization's email domains, or leave emailDomains out",
    ],
    [
      ["example.com", "EXAMPLE.com"],
      "emailDomains[1]",
      '"example.com" is already listed at emailDomains[0] (domains compare without regard to case)',
    ],
  ])("refuses %j at %s", (emailDomains, path, message) => {
    expect(issuesOf(emailDomains)).toEqual([[path, message]]);
  });
});
