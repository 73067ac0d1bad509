/** The pure rules of `roles`, on inputs built by hand: the cases the fake orgs in roles.test.ts do not show. */
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
    // The larger group first.
    expect(owners).toEqual([
      ["00gbosses", ["boss1", "boss2", "own"]],
      ["00gowners", ["own", "out"]],
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
