import { describe, expect, it } from "vitest";
import { groupAssignmentName } from "../../src/domain/desired";
import { assignmentProfile, assignPriorities, suggestRole, type Role } from "../../src/domain/orgRoles";

const g = (key: string, role: Role) => ({ key, role });

describe("assignPriorities", () => {
  it.each([
    { name: "one group", groups: [g("a", "Member")], expected: [["a", 1]] },
    {
      name: "Owner before Admin before Member, whatever the list order",
      groups: [g("m", "Member"), g("a", "Admin"), g("o", "Owner")],
      expected: [
        ["o", 1],
        ["a", 2],
        ["m", 3],
      ],
    },
    {
      name: "within a role by key, not by position",
      groups: [g("zeta", "Admin"), g("alpha", "Admin"), g("mid", "Member"), g("beta", "Admin")],
      expected: [
        ["alpha", 1],
        ["beta", 2],
        ["zeta", 3],
        ["mid", 4],
      ],
    },
    {
      name: "from a first priority",
      groups: [g("m", "Member"), g("a", "Admin")],
      first: 10,
      expected: [
        ["a", 10],
        ["m", 11],
      ],
    },
    {
      name: "code-unit order of keys (upper case first)",
      groups: [g("b", "Member"), g("B", "Member")],
      expected: [
        ["B", 1],
        ["b", 2],
      ],
    },
  ])("$name", ({ groups, first, expected }) => {
    const planned = assignPriorities(groups, first);
    expect(planned.map((p) => [p.group.key, p.priority])).toEqual(expected);
  });

  it("is the same for any order of the same groups", () => {
    const groups = [g("00gC", "Member"), g("00gA", "Owner"), g("00gB", "Admin"), g("00gD", "Admin")];
    const reference = assignPriorities(groups);
    for (const order of [
      [3, 2, 1, 0],
      [1, 3, 0, 2],
      [2, 0, 3, 1],
    ]) {
      expect(assignPriorities(order.map((i) => groups[i]!))).toEqual(reference);
    }
  });

  it("changing a group's role keeps every priority unique and role-ordered", () => {
    const before = assignPriorities([g("x", "Member"), g("y", "Admin")]);
    const after = assignPriorities([g("x", "Owner"), g("y", "Admin")]);
    expect(before.map((p) => [p.group.key, p.priority])).toEqual([
      ["y", 1],
      ["x", 2],
    ]);
    expect(after.map((p) => [p.group.key, p.priority])).toEqual([
      ["x", 1],
      ["y", 2],
    ]);
  });
});

describe("groupAssignmentName", () => {
  it("depends on the component and the group key only", () => {
    expect(groupAssignmentName("statsig", "00g1b2c3d4e5f6g7h8i9")).toBe("statsig-group-00g1b2c3d4e5f6g7h8i9");
    expect(groupAssignmentName("staging", "admins")).toBe("staging-group-admins");
  });
});

describe("assignmentProfile", () => {
  it.each(["Member", "Admin", "Owner"] as const)("carries %s as statsigOrgRole", (role) => {
    expect(JSON.parse(assignmentProfile(role))).toEqual({ statsigOrgRole: role });
  });
});

describe("suggestRole", () => {
  it.each([
    ["admin", "Admin"],
    ["OWNER", "Owner"],
    [" member ", "Member"],
    ["ad-min", "Admin"],
    ["OWN_ER", "Owner"],
    ["Аdmin", undefined], // Cyrillic А: a look-alike, not a case slip
    ["Viewer", undefined],
  ])("%j -> %j", (input, expected) => {
    expect(suggestRole(input)).toBe(expected);
  });
});
