/**
 * The pure rules of `roles`, on inputs built by hand: each rule's outcome with its exact message and fix, and
 * the cases the fake orgs in command.test.ts do not show.
 */
import { describe, expect, it } from "vitest";
import { explainRoles } from "../../../src/commands/roles/explain";
import { formatCsv, formatTable } from "../../../src/commands/roles/format";
import { rolesTargetFrom, type LiveAppUser, type LiveGroup, type RolesInput } from "../../../src/commands/roles/model";
import { expectedFromArgs } from "../../../src/commands/expected";
import { validateOrgRolesArgs } from "../../../src/domain/validation";

const groupTarget: RolesInput["target"] = {
  appId: "0oaapp",
  mode: "group",
  oktaAttributeName: "statsigOrgRole",
  roleGroups: [
    { groupId: "00gowners", role: "Owner", priority: 0 },
    { groupId: "00gadmins", role: "Admin", priority: 1 },
    { groupId: "00gmembers", role: "Member", priority: 2 },
  ],
  projectRoles: [],
};

const user = (login: string, fields: Partial<LiveAppUser>): LiveAppUser => ({
  id: `00u${login}`,
  login,
  scope: "GROUP",
  groups: [],
  ...fields,
});

describe("explainRoles", () => {
  it("names a role group that outranks another because live priorities differ from the config", () => {
    const groups: LiveGroup[] = [
      { id: "00gowners", assignment: { priority: 0, role: "Owner" } },
      { id: "00gadmins", name: "Admins", assignment: { priority: 9, role: "Admin" } },
      { id: "00gmembers", name: "Members", assignment: { priority: 1, role: "Member" } },
    ];
    const report = explainRoles({ target: groupTarget, groups, outsiders: [], users: [user("a", { role: "Member", groups: [1, 2] })] });
    expect(report.users[0]).toMatchObject({ source: { kind: "group", groupId: "00gmembers", priority: 1 }, intended: "Admin" });
    expect(report.findings).toEqual([
      expect.objectContaining({
        kind: "role-differs",
        reason: "outranked",
        groupId: "00gmembers",
        message:
          'Role group "Members" (00gmembers, priority 1) outranks role group "Admins" (00gadmins, priority 9): the live priorities differ from the config\'s',
      }),
    ]);
  });

  it("counts members outside the app in an Owner group, and groups that give Owner without being configured", () => {
    const groups: LiveGroup[] = [{ id: "00gowners" }, { id: "00gbosses", name: "Bosses", assignment: { priority: 0, role: "Owner" } }];
    const report = explainRoles({
      target: groupTarget,
      groups,
      users: [
        user("boss1", { role: "Owner", groups: [1] }),
        user("boss2", { role: "Owner", groups: [1] }),
        user("own", { role: "Owner", groups: [0, 1] }),
      ],
      outsiders: [{ group: 0, id: "00uout", login: "out" }],
    });
    const owners = report.findings.filter((finding) => finding.kind === "owner-group").map((finding) => [finding.groupId, finding.users]);
    // The larger group first; each finding's users by login.
    expect(owners).toEqual([
      ["00gbosses", ["boss1", "boss2", "own"]],
      ["00gowners", ["out", "own"]],
    ]);
    expect(report.findings[0]).toMatchObject({ kind: "multiple-owners", users: ["boss1", "boss2", "own"] });
  });

  it("keeps a value Statsig does not know in a group of its own, after the roles", () => {
    const groups: LiveGroup[] = [{ id: "00gmembers", assignment: { priority: 0, role: "member" } }];
    const report = explainRoles({
      target: groupTarget,
      groups,
      outsiders: [],
      users: [
        user("z", { role: "member", groups: [0] }),
        user("y", { role: undefined, groups: [0] }),
        user("x", { role: "Member", groups: [0] }),
      ],
    });
    expect(report.users.map((record) => [record.login, record.role])).toEqual([
      ["x", "Member"],
      ["z", "member"],
      ["y", null],
    ]);
    expect(report.users[1]!.findings).toEqual(["role-differs:group-profile"]);
    expect([...formatTable(report, { org: "https://acme.okta.com", appId: "0oaapp" })].join("")).toMatch(
      /^Not a Statsig role: "member" \(1\)$/m,
    );
  });

  it("says the source is unknown when none of a group-assigned user's groups is assigned", () => {
    const report = explainRoles({
      target: groupTarget,
      groups: [{ id: "00gadmins" }],
      outsiders: [],
      users: [user("u", { role: "Admin", groups: [0] })],
    });
    expect(report.users[0]).toMatchObject({ source: { kind: "unknown" }, findings: [] });
  });

  it("cannot tell the intended role in personal mode without the Okta user, and does not guess", () => {
    const report = explainRoles({
      target: { ...groupTarget, mode: "personal", roleGroups: [] },
      groups: [],
      outsiders: [],
      roleMapping: "user.statsigOrgRole",
      users: [user("a", { role: "Admin" }), user("b", {}), user("c", { role: "Admin", oktaAttribute: "Admin", syncState: "SYNCING" })],
    });
    expect(report.users.map((record) => [record.login, record.intended, record.findings])).toEqual([
      ["a", undefined, []],
      ["c", "Admin", ["not-pushed"]],
      ["b", undefined, ["no-role:no-attribute"]],
    ]);
  });
});

const PULUMI_UP = "Run `pulumi up` for the stack (`statsig-okta check` shows the difference)";
const ONE_OWNER = 'Statsig accepts one Owner per organization ("Cannot set multiple owners")';

/** Group mode with the role groups of `groupTarget`: Owners, Admins and Members, assigned at 0, 1, 2. */
const roleGroups = (): LiveGroup[] => [
  { id: "00gowners", name: "Owners", assignment: { priority: 0, role: "Owner" } },
  { id: "00gadmins", name: "Admins", assignment: { priority: 1, role: "Admin" } },
  { id: "00gmembers", name: "Members", assignment: { priority: 2, role: "Member" } },
];

describe("explainRoles: the source of the live role", () => {
  it("breaks a tie of live priorities by group id, and puts groups without a priority last", () => {
    const groups: LiveGroup[] = [
      { id: "00gz", name: "Z", assignment: { role: "Owner" } },
      { id: "00gb", name: "B", assignment: { priority: 1, role: "Admin" } },
      { id: "00ga", assignment: { priority: 1, role: "Member" } },
    ];
    const report = explainRoles({
      target: { ...groupTarget, roleGroups: [] },
      groups,
      outsiders: [],
      users: [
        user("u", { role: "Member", groups: [0, 1, 2] }),
        user("v", { role: "Owner", groups: [0] }),
        user("w", { role: "Member", groups: [2, 1, 0] }),
      ],
    });
    const [v, u, w] = report.users;
    expect(u!.source).toEqual({ kind: "group", groupId: "00ga", group: "00ga", priority: 1 });
    // Whatever order Okta listed the user's groups in.
    expect(w!.source).toEqual(u!.source);
    expect(w!.assignment).toEqual(u!.assignment);
    expect(u!.assignment.groups).toEqual([
      { id: "00ga", name: "00ga", priority: 1 },
      { id: "00gb", name: "B", priority: 1 },
      { id: "00gz", name: "Z" },
    ]);
    expect(v!.source).toEqual({ kind: "group", groupId: "00gz", group: "Z" });
  });

  it("takes an Okta -> app mapping over an individual assignment, and that over the groups", () => {
    const users = [user("ind", { role: "Admin", scope: "USER", groups: [2] }), user("grp", { role: "Member", groups: [2] })];
    const byGroup = explainRoles({ target: groupTarget, groups: roleGroups(), outsiders: [], users });
    expect(byGroup.users.map((record) => [record.login, record.source, record.assignment.individual])).toEqual([
      ["ind", { kind: "individual" }, true],
      ["grp", { kind: "group", groupId: "00gmembers", group: "Members", priority: 2 }, false],
    ]);
    const mapped = explainRoles({ target: groupTarget, groups: roleGroups(), outsiders: [], users, roleMapping: "user.title" });
    expect(mapped.users.map((record) => record.source)).toEqual([
      { kind: "mapping", expression: "user.title" },
      { kind: "mapping", expression: "user.title" },
    ]);
    const personal = explainRoles({
      target: { ...groupTarget, mode: "personal", roleGroups: [] },
      groups: roleGroups(),
      outsiders: [],
      users,
    });
    expect(personal.users.map((record) => record.source)).toEqual([{ kind: "app-user" }, { kind: "app-user" }]);
  });
});

describe("explainRoles: the intended role", () => {
  it("is the role of the user's first role group in the config's order, whatever the live priorities", () => {
    const groups: LiveGroup[] = [
      { id: "00gmembers", assignment: { priority: 0, role: "Member" } },
      { id: "00gadmins", assignment: { priority: 5, role: "Admin" } },
      { id: "00gother", assignment: { priority: 1, role: "Owner" } },
    ];
    // A group listed twice keeps its first (highest) rank; role groups Okta did not return are skipped.
    const target = {
      ...groupTarget,
      roleGroups: [
        { groupId: "00gmissing", role: "Owner" as const, priority: 0 },
        { groupId: "00gadmins", role: "Admin" as const, priority: 1 },
        { groupId: "00gmembers", role: "Member" as const, priority: 2 },
        { groupId: "00gadmins", role: "Member" as const, priority: 3 },
      ],
    };
    const report = explainRoles({
      target,
      groups,
      outsiders: [],
      users: [
        user("a", { role: "Member", groups: [0, 1] }),
        user("m", { role: "Member", groups: [0, 2] }),
        user("o", { role: "Owner", groups: [2] }),
      ],
    });
    expect(report.users.map((record) => [record.login, record.intended])).toEqual([
      ["o", null],
      ["a", "Admin"],
      ["m", "Member"],
    ]);
  });

  it("is the Okta attribute in personal mode", () => {
    const report = explainRoles({
      target: { ...groupTarget, mode: "personal", roleGroups: [] },
      groups: [],
      outsiders: [],
      roleMapping: "user.statsigOrgRole",
      users: [user("a", { role: "Admin", oktaAttribute: "Admin", groups: [] }), user("n", { role: "Admin", oktaAttribute: null })],
    });
    expect(report.users.map((record) => [record.login, record.intended])).toEqual([
      ["a", "Admin"],
      ["n", null],
    ]);
  });
});

describe("explainRoles: why in group mode", () => {
  const groups = (): LiveGroup[] => [
    ...roleGroups(),
    { id: "00gauditors", name: "Auditors" },
    { id: "00gcontractors", name: "Contractors", assignment: { priority: 0, role: "Member" } },
    { id: "00ginterns", assignment: { role: "Member" } },
    { id: "00gleads", name: "Leads", assignment: { priority: 3 } },
  ];
  const target = {
    ...groupTarget,
    roleGroups: [
      ...groupTarget.roleGroups,
      { groupId: "00gauditors", role: "Admin" as const, priority: 3 },
      { groupId: "00gleads", role: "Admin" as const, priority: 4 },
    ],
  };
  const findingOf = (fields: Partial<LiveAppUser>, roleMapping?: string) => {
    const report = explainRoles({
      target,
      groups: groups(),
      outsiders: [],
      users: [user("u", fields)],
      ...(roleMapping !== undefined ? { roleMapping } : {}),
    });
    expect(report.findings).toHaveLength(1);
    expect(report.users[0]!.findings).toEqual([`${report.findings[0]!.kind}:${report.findings[0]!.reason}`]);
    return report.findings[0];
  };

  it.each([
    {
      rule: "a mapping overrides every group",
      fields: { role: "Member", groups: [1] },
      roleMapping: "user.department",
      finding: {
        kind: "role-differs",
        reason: "mapping",
        message: "An Okta -> Statsig mapping sets statsigOrgRole (user.department); in group mode it overrides every group's value",
        fix: "Remove statsigOrgRole from the Okta -> Statsig mapping (Directory > Profile Editor > Statsig > Mappings)",
      },
    },
    {
      rule: "an individual assignment keeps its own value",
      fields: { role: "Member", scope: "USER", groups: [1] },
      finding: {
        kind: "role-differs",
        reason: "individual",
        message: "Assigned to the app individually: Okta keeps the user's own value whatever their groups say",
        fix: "In the admin console: Applications > Statsig > Assignments > Convert assignments (Okta has no API for it)",
      },
    },
    {
      rule: "in no role group, the role comes from another group",
      fields: { role: "Member", groups: [5] },
      finding: {
        kind: "role-differs",
        reason: "no-role-group",
        groupId: "00ginterns",
        message: "In no role group of the config; the role comes from group 00ginterns",
        fix: "Add the user to a role group, or remove statsigOrgRole from that group's assignment",
      },
    },
    {
      rule: "in no role group and no assigned group",
      fields: { role: "Admin", groups: [] },
      finding: {
        kind: "role-differs",
        reason: "no-role-group",
        message: "In no role group of the config; the role comes from no group assigned to the app",
        fix: "Add the user to a role group, or remove statsigOrgRole from that group's assignment",
      },
    },
    {
      rule: "the role group is not assigned",
      fields: { role: "Member", groups: [3, 4] },
      finding: {
        kind: "role-differs",
        reason: "role-group-unassigned",
        groupId: "00gauditors",
        message: 'Role group "Auditors" (00gauditors) is not assigned to the app',
        fix: PULUMI_UP,
      },
    },
    {
      rule: "a group that is not a role group outranks the role group",
      fields: { role: "Member", groups: [1, 4] },
      finding: {
        kind: "role-differs",
        reason: "outranked",
        groupId: "00gcontractors",
        message:
          'Group "Contractors" (00gcontractors, priority 0) is not a role group and outranks role group "Admins" (00gadmins, priority 1)',
        fix: 'Give the role groups higher priorities than "Contractors" (00gcontractors) (`pulumi up` puts them on top by default), or remove statsigOrgRole from its assignment',
      },
    },
    {
      rule: "the role group's assignment carries no role",
      fields: { groups: [6] },
      finding: {
        kind: "no-role",
        reason: "group-profile",
        groupId: "00gleads",
        message: 'The assignment of role group "Leads" (00gleads) carries no role; the config gives Admin',
        fix: PULUMI_UP,
      },
    },
    {
      rule: "Okta has not applied the role group's role",
      fields: { role: "Member", groups: [1] },
      finding: {
        kind: "role-differs",
        reason: "not-applied",
        groupId: "00gadmins",
        message: 'Role group "Admins" (00gadmins) carries Admin, but Okta has not applied it to the user yet',
        fix: "Okta applies group values when the assignment or the user changes: save the group's assignment again in the admin console",
      },
    },
  ])("$rule", ({ fields, roleMapping, finding }) => {
    expect(findingOf(fields, roleMapping)).toEqual({ ...finding, users: ["u"] });
  });

  it("labels groups without a name or a priority in an outranked role group", () => {
    const report = explainRoles({
      target: groupTarget,
      groups: [
        { id: "00gadmins", assignment: { role: "Admin" } },
        { id: "00gmembers", name: "Members", assignment: { priority: 3, role: "Member" } },
        { id: "00gx", assignment: { priority: 0, role: "Member" } },
        { id: "00gaa", name: "Early", assignment: { role: "Member" } },
      ],
      outsiders: [],
      users: [
        user("a", { role: "Member", groups: [0, 2] }),
        user("b", { role: "Member", groups: [0, 1] }),
        user("c", { role: "Member", groups: [0, 3] }),
      ],
    });
    // One user each: by the outranking group's id.
    expect(report.findings.map((finding) => [finding.message, finding.fix])).toEqual([
      [
        'Group "Early" (00gaa, no priority) is not a role group and outranks role group 00gadmins (no priority)',
        'Give the role groups higher priorities than "Early" (00gaa) (`pulumi up` puts them on top by default), or remove statsigOrgRole from its assignment',
      ],
      [
        'Role group "Members" (00gmembers, priority 3) outranks role group 00gadmins (no priority): the live priorities differ from the config\'s',
        PULUMI_UP,
      ],
      [
        "Group 00gx (priority 0) is not a role group and outranks role group 00gadmins (no priority)",
        "Give the role groups higher priorities than 00gx (`pulumi up` puts them on top by default), or remove statsigOrgRole from its assignment",
      ],
    ]);
  });

  it("quotes a role value Statsig does not know in the group's profile", () => {
    const groups: LiveGroup[] = [{ id: "00gadmins", name: "Admins", assignment: { priority: 0, role: "admin" } }];
    const report = explainRoles({ target: groupTarget, groups, outsiders: [], users: [user("a", { role: "admin", groups: [0] })] });
    expect(report.findings[0]!.message).toBe('The assignment of role group "Admins" (00gadmins) carries "admin"; the config gives Admin');
  });
});

describe("explainRoles: why in personal mode", () => {
  const personal = { ...groupTarget, mode: "personal" as const, oktaAttributeName: "statsigRole", roleGroups: [] };
  const findingOf = (fields: Partial<LiveAppUser>, roleMapping?: string) =>
    explainRoles({
      target: personal,
      groups: [],
      outsiders: [],
      users: [user("u", fields)],
      ...(roleMapping !== undefined ? { roleMapping } : {}),
    }).findings;

  it.each([
    {
      rule: "no mapping",
      fields: { role: "Member", oktaAttribute: "Admin" },
      finding: {
        kind: "role-differs",
        reason: "no-mapping",
        message: "No Okta -> Statsig mapping of statsigOrgRole: the Okta attribute statsigRole never reaches the app",
        fix: "Run `pulumi up` (step 4 creates the mapping)",
      },
    },
    {
      rule: "a mapping of something else",
      fields: { oktaAttribute: "Admin" },
      roleMapping: "user.statsigOrgRole",
      finding: {
        kind: "no-role",
        reason: "other-mapping",
        message: "The Okta -> Statsig mapping sends user.statsigOrgRole, not user.statsigRole",
        fix: "Map statsigOrgRole from user.statsigRole (`pulumi up`)",
      },
    },
    {
      rule: "a mapping not applied yet",
      fields: { role: "Member", oktaAttribute: "Admin" },
      roleMapping: "user.statsigRole",
      finding: {
        kind: "role-differs",
        reason: "not-applied",
        message: "The app user's value differs from the Okta attribute statsigRole: the mapping has not been applied to the user",
        fix: "Directory > Profile Editor > Statsig > Mappings > Apply updates now (Okta applies a mapping only when a profile changes)",
      },
    },
    {
      rule: "an empty Okta attribute",
      fields: { oktaAttribute: null },
      roleMapping: "user.statsigRole",
      finding: {
        kind: "no-role",
        reason: "no-attribute",
        message: "The Okta attribute statsigRole is empty",
        fix: "Set the user's statsigRole in Okta",
      },
    },
    {
      rule: "no role and no Okta user",
      fields: {},
      roleMapping: "user.statsigRole",
      finding: {
        kind: "no-role",
        reason: "no-attribute",
        message: "No role is sent (the Okta user was not embedded)",
        fix: "Set the user's statsigRole in Okta",
      },
    },
  ])("$rule", ({ fields, roleMapping, finding }) => {
    expect(findingOf(fields, roleMapping)).toEqual([{ ...finding, users: ["u"] }]);
  });
});

describe("explainRoles: user findings", () => {
  it("says why a user of no role group has no role", () => {
    const report = explainRoles({ target: groupTarget, groups: roleGroups(), outsiders: [], users: [user("u", {})] });
    expect(report.findings).toEqual([
      {
        kind: "no-role",
        reason: "no-role-group",
        message: "In no role group of the config, and no role is sent",
        fix: "Add the user to a role group, or unassign them from the app",
        users: ["u"],
      },
    ]);
  });

  it("reports a failed push besides the role's finding, and a pending push only when the role is right", () => {
    const report = explainRoles({
      target: groupTarget,
      groups: roleGroups(),
      outsiders: [],
      users: [
        user("err", { role: "Member", syncState: "ERROR", groups: [1] }),
        user("out", { role: "Admin", syncState: "OUT_OF_SYNC", groups: [1] }),
        user("sync", { role: "Admin", syncState: "SYNCING", groups: [1] }),
        user("wrong", { role: "Member", syncState: "SYNCING", groups: [1] }),
        user("done", { role: "Admin", syncState: "SYNCHRONIZED", groups: [1] }),
      ],
    });
    expect(report.users.map((record) => [record.login, record.syncState, record.findings])).toEqual([
      ["done", "SYNCHRONIZED", []],
      ["out", "OUT_OF_SYNC", ["not-pushed"]],
      ["sync", "SYNCING", ["not-pushed"]],
      ["err", "ERROR", ["sync-error", "role-differs:not-applied"]],
      ["wrong", "SYNCING", ["role-differs:not-applied"]],
    ]);
    expect(report.findings.map(({ kind, message, fix, users }) => ({ kind, message, fix, users }))).toEqual([
      {
        kind: "sync-error",
        message: "A push to Statsig failed (syncState ERROR): Statsig may hold an older role, or none",
        fix: "In the admin console: Dashboard > Tasks, resolve the Statsig app's provisioning error and retry",
        users: ["err"],
      },
      expect.objectContaining({ kind: "role-differs", users: ["err", "wrong"] }),
      {
        kind: "not-pushed",
        message: "Okta holds the role but has not pushed it to Statsig yet (syncState OUT_OF_SYNC)",
        fix: "Wait for the push; if it stays, check the Statsig app's provisioning tasks (Dashboard > Tasks)",
        users: ["out"],
      },
      expect.objectContaining({ kind: "not-pushed", message: expect.stringContaining("(syncState SYNCING)"), users: ["sync"] }),
    ]);
  });

  it("gathers users with the same finding, lists kinds in order and the larger finding first within a kind", () => {
    const report = explainRoles({
      target: groupTarget,
      groups: roleGroups(),
      outsiders: [],
      users: [
        user("a1", { role: "Member", groups: [1] }),
        user("i1", { role: "Member", scope: "USER", groups: [1] }),
        user("m1", { role: "Admin", groups: [2] }),
        user("i2", { role: "Admin", scope: "USER", groups: [2] }),
        user("n1", { groups: [] }),
        user("a2", { role: "Member", groups: [1] }),
        user("m2", { role: "Owner", groups: [2] }),
        user("m3", { role: "Admin", groups: [2] }),
      ],
    });
    expect(report.findings.map((finding) => [finding.kind, finding.reason, finding.groupId, finding.users])).toEqual([
      ["role-differs", "not-applied", "00gmembers", ["m1", "m2", "m3"]],
      // Two users each: by reason, then group, whatever order Okta listed the users in.
      ["role-differs", "individual", undefined, ["i1", "i2"]],
      ["role-differs", "not-applied", "00gadmins", ["a1", "a2"]],
      ["no-role", "no-role-group", undefined, ["n1"]],
    ]);
  });

  it("lists findings by kind: what Statsig refuses first", () => {
    const groups: LiveGroup[] = [{ id: "00gweb", name: "Web" }, ...roleGroups()];
    const report = explainRoles({
      target: { ...groupTarget, projectRoles: [{ groupId: "00gweb", project: "Web", role: "Member" }] },
      groups,
      outsiders: [{ group: 0, id: "00uw", login: "web" }],
      users: [
        user("pending", { role: "Admin", syncState: "OUT_OF_SYNC", groups: [2] }),
        user("none", {}),
        user("differs", { role: "Member", groups: [2] }),
        user("error", { role: "Admin", syncState: "ERROR", groups: [2] }),
        user("o1", { role: "Owner", groups: [1] }),
        user("o2", { role: "Owner", groups: [1] }),
      ],
    });
    expect(report.findings.map((finding) => [finding.kind, finding.users.join(" ")])).toEqual([
      ["multiple-owners", "o1 o2"],
      ["owner-group", "o1 o2"],
      ["sync-error", "error"],
      ["role-differs", "differs"],
      ["no-role", "none"],
      ["not-pushed", "pending"],
      ["not-assigned", "web"],
    ]);
  });

  it("reports more than one Owner after each Owner's other findings", () => {
    const report = explainRoles({
      target: groupTarget,
      groups: roleGroups(),
      outsiders: [],
      users: [
        user("b", { role: "Owner", groups: [0] }),
        user("m", { role: "Member", groups: [2] }),
        user("a", { role: "Owner", groups: [1] }),
      ],
    });
    expect(report.findings[0]).toEqual({
      kind: "multiple-owners",
      message: `2 app users have the role Owner; ${ONE_OWNER}`,
      fix: "Keep one Owner and give the others Admin",
      users: ["a", "b"],
    });
    expect(report.users.map((record) => [record.login, record.findings])).toEqual([
      ["a", ["role-differs:not-applied", "multiple-owners"]],
      ["b", ["multiple-owners"]],
      ["m", []],
    ]);
    const one = explainRoles({
      target: groupTarget,
      groups: roleGroups(),
      outsiders: [],
      users: [user("b", { role: "Owner", groups: [0] })],
    });
    expect(one.findings).toEqual([]);
  });
});

describe("explainRoles: group findings", () => {
  it("names a group that gives Owner to more than one person, by its assignment or by the config", () => {
    const groups: LiveGroup[] = [
      { id: "00gowners", name: "Owners" },
      { id: "00gbosses", name: "Bosses", assignment: { priority: 0, role: "Owner" } },
      { id: "00gsolo", assignment: { priority: 1, role: "Owner" } },
    ];
    const report = explainRoles({
      target: groupTarget,
      groups,
      users: [
        user("o1", { role: "Owner", groups: [0, 2] }),
        user("b1", { role: "Owner", groups: [1] }),
        user("b2", { role: "Owner", groups: [1] }),
      ],
      outsiders: [{ group: 0, id: "00uout", login: "out" }],
    });
    // Two members each: by group id.
    expect(report.findings.filter((finding) => finding.kind === "owner-group")).toEqual([
      expect.objectContaining({
        groupId: "00gbosses",
        message: `Group "Bosses" (00gbosses) gives Owner and has 2 members; ${ONE_OWNER}`,
        users: ["b1", "b2"],
      }),
      {
        kind: "owner-group",
        groupId: "00gowners",
        message: `Group "Owners" (00gowners) gives Owner and has 2 members; ${ONE_OWNER}`,
        fix: "Keep one person in the Owner group and move the others to an Admin group",
        users: ["o1", "out"],
      },
    ]);
  });

  it("names members of role groups and of pushed groups who are not assigned to the app", () => {
    const groups: LiveGroup[] = [
      ...roleGroups(),
      { id: "00gauditors", name: "Auditors" },
      { id: "00gweb", name: "Web" },
      { id: "00gother" },
    ];
    const target = {
      ...groupTarget,
      roleGroups: [...groupTarget.roleGroups, { groupId: "00gauditors", role: "Admin" as const, priority: 3 }],
      projectRoles: [
        { groupId: "00gweb", project: "Web", role: "Member" },
        { groupId: "00gadmins", project: "Web", role: "Admin" },
      ],
    };
    const report = explainRoles({
      target,
      groups,
      users: [],
      outsiders: [
        { group: 1, id: "00u1", login: "staged", status: "STAGED" },
        { group: 3, id: "00u2", login: "aud1" },
        { group: 3, id: "00u3", login: "aud2" },
        { group: 4, id: "00u4", login: "web1" },
        { group: 5, id: "00u5", login: "other" },
      ],
    });
    expect(report.findings).toEqual([
      {
        kind: "not-assigned",
        groupId: "00gauditors",
        message: '2 member(s) of role group "Auditors" (00gauditors) are not assigned to the app: the group is not assigned',
        fix: PULUMI_UP,
        users: ["aud1", "aud2"],
      },
      {
        kind: "not-assigned",
        groupId: "00gadmins",
        message:
          '1 member(s) of role group "Admins" (00gadmins) are not assigned to the app, although the group is (users who are not active may not be)',
        fix: "Check these users' status and the app's assignment errors in the admin console",
        users: ["staged"],
      },
      {
        kind: "not-assigned",
        groupId: "00gweb",
        message:
          "1 member(s) of \"Web\" (00gweb), pushed to Statsig for a project or team role, are not assigned to the app: Okta pushes only the app's users into Statsig's groups",
        fix: "Put them in a role group (or another group assigned to the app); Okta does not support assigning the pushed group itself",
        users: ["web1"],
      },
    ]);
  });
});

describe("explainRoles: the records", () => {
  it("keeps the user's status and sync state, and gives project roles only when the config has some", () => {
    const users = [
      user("a", { role: "Admin", status: "ACTIVE", syncState: "SYNCHRONIZED", groups: [1] }),
      user("m", { role: "Member", groups: [2] }),
    ];
    const withProjects = explainRoles({
      target: { ...groupTarget, projectRoles: [{ groupId: "00gadmins", project: "Web", role: "Admin", team: "Growth" }] },
      groups: roleGroups(),
      outsiders: [],
      users,
    });
    expect(withProjects).toEqual({
      mode: "group",
      projectRoles: true,
      findings: [],
      users: [
        {
          id: "00ua",
          login: "a",
          status: "ACTIVE",
          assignment: { individual: false, groups: [{ id: "00gadmins", name: "Admins", priority: 1 }] },
          role: "Admin",
          source: { kind: "group", groupId: "00gadmins", group: "Admins", priority: 1 },
          intended: "Admin",
          syncState: "SYNCHRONIZED",
          projectRoles: [{ project: "Web", team: "Growth", role: "Admin" }],
          findings: [],
        },
        {
          id: "00um",
          login: "m",
          assignment: { individual: false, groups: [{ id: "00gmembers", name: "Members", priority: 2 }] },
          role: "Member",
          source: { kind: "group", groupId: "00gmembers", group: "Members", priority: 2 },
          intended: "Member",
          projectRoles: [],
          findings: [],
        },
      ],
    });
    expect(Object.keys(withProjects.users[1]!)).not.toContain("status");
    expect(Object.keys(withProjects.users[1]!)).not.toContain("syncState");
    const without = explainRoles({ target: groupTarget, groups: roleGroups(), outsiders: [], users });
    expect(without.projectRoles).toBe(false);
    expect(without.users.map((record) => record.projectRoles)).toEqual([[], []]);
  });
});

describe("rolesTargetFrom", () => {
  it("takes the app, mode, attribute and role groups in priority order", () => {
    const expected = expectedFromArgs(
      "statsig",
      validateOrgRolesArgs("test", {
        appId: "0oa1b2c3d4e5f6g7h8i9",
        userTypeId: "oty1b2c3d4e5f6g7h8i9",
        roleGroups: [
          { groupId: "00gmembers0000000001", role: "Member" },
          { groupId: "00gowners00000000001", role: "Owner" },
        ],
      }),
    );
    expect(rolesTargetFrom(expected)).toEqual({
      appId: "0oa1b2c3d4e5f6g7h8i9",
      userTypeId: "oty1b2c3d4e5f6g7h8i9",
      mode: "group",
      oktaAttributeName: "statsigOrgRole",
      roleGroups: [
        { groupId: "00gowners00000000001", role: "Owner", priority: 1 },
        { groupId: "00gmembers0000000001", role: "Member", priority: 2 },
      ],
      projectRoles: [],
    });
  });
});

describe("formatCsv", () => {
  it("quotes separators and defuses cells a spreadsheet would run as formulas", () => {
    const groups: LiveGroup[] = [{ id: "00gx", name: '=HYPERLINK("http://evil")', assignment: { priority: 0, role: "Member" } }];
    const report = explainRoles({ target: groupTarget, groups, outsiders: [], users: [user("a,b", { role: "Member", groups: [0] })] });
    const row = [...formatCsv(report)].join("").split("\r\n")[1]!;
    expect(row.startsWith('"a,b","00ua,b",')).toBe(true);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe("project-link: the live links of project roles", () => {
  const target: RolesInput["target"] = {
    ...groupTarget,
    projectRoles: [
      { groupId: "00gweb", project: "Web", role: "Member" },
      { groupId: "00gapi", project: "Api", role: "Admin" },
      { groupId: "00ggrowth", project: "Web", team: "Growth", role: "Admin" },
    ],
  };
  const groups: LiveGroup[] = [
    { id: "00gmembers", assignment: { priority: 2, role: "Member" } },
    { id: "00gweb", name: "Web" },
    { id: "00gapi" },
    { id: "00ggrowth" },
  ];
  const users = [user("a", { role: "Member", groups: [0, 1, 2, 3] }), user("b", { role: "Member", groups: [0, 3] })];

  it("a status Okta does not document is not active either; ACTIVE and unread links mark nothing", () => {
    const report = explainRoles({
      target,
      groups,
      outsiders: [],
      users,
      links: [
        { sourceGroupId: "00gweb", status: "ACTIVE" },
        { sourceGroupId: "00gapi", status: "PENDING" },
        { sourceGroupId: "00ggrowth" },
      ],
    });
    const links = report.findings.filter((finding) => finding.kind === "project-link");
    expect(links.map((f) => [f.reason, f.groupId, f.users])).toEqual([
      ["inactive", "00ggrowth", ["a", "b"]],
      ["inactive", "00gapi", ["a"]],
    ]);
    expect(links[1]!.message).toBe(
      'The link of group 00gapi for Admin in project Api is not active (status "PENDING"): Okta pushes no membership changes, so Statsig may not hold this role for its members',
    );
    expect(links[0]!.message).toContain('(status "?")');
    expect(report.users.find((record) => record.login === "a")!.projectRoles).toEqual([
      { project: "Api", role: "Admin", link: "PENDING" },
      { project: "Web", role: "Member" },
      { project: "Web", team: "Growth", role: "Admin", link: "?" },
    ]);
    expect(report.users.find((record) => record.login === "a")!.findings).toEqual(["project-link:inactive"]);

    // Links not read (no project roles to check them for): nothing is marked.
    const unread = explainRoles({ target, groups, outsiders: [], users });
    expect(unread.findings.filter((finding) => finding.kind === "project-link")).toEqual([]);
    expect(unread.users.flatMap((record) => record.projectRoles).filter((role) => "link" in role)).toEqual([]);
  });
});

describe("email-domain", () => {
  const groups: LiveGroup[] = [{ id: "00gmembers", assignment: { priority: 2, role: "Member" } }];
  const target: RolesInput["target"] = { ...groupTarget, emailDomains: ["example.com", "corp.example.com"] };

  it("compares the domain of the user name Okta sends and the email's, without regard to case; a name without @ has none", () => {
    const report = explainRoles({
      target,
      groups,
      outsiders: [],
      users: [
        user("in@Example.COM", { role: "Member", groups: [0] }),
        user("sub@corp.example.com", { role: "Member", groups: [0], email: "Sub@CORP.example.com" }),
        user("sub@deeper.corp.example.com", { role: "Member", groups: [0] }),
        user("in2@example.com", { role: "Member", groups: [0], email: "private@example.org" }),
        user("jdoe", { role: "Member", groups: [0] }),
        // Okta sends the app user name (a username template), not the login: that is what Statsig judges.
        user("ann@other.example.net", { role: "Member", groups: [0], userName: "ann@example.com" }),
        user("bob@example.com", { role: "Member", groups: [0], userName: "bob@other.example.net" }),
      ],
    });
    expect(report.findings.map((finding) => [finding.kind, finding.users])).toEqual([
      ["email-domain", ["bob@example.com", "in2@example.com", "jdoe", "sub@deeper.corp.example.com"]],
    ]);
    expect(report.findings[0]!.message).toContain("email domains (example.com, corp.example.com)");
  });
});
