import * as okta from "@pulumi/okta";
import { describe, expect, it, vi } from "vitest";
import { OrgRoles, type OrgRolesArgs, type RoleGroup } from "../../src";
import { ADMINS, APP, APP_ATTR, ASSIGNMENT, LEADS, MAPPING, MEMBERS, OTHER_APP, OWNER } from "../support/ids";
import { run, valueOf, type Recorded } from "../support/harness";

const deploy = (args: OrgRolesArgs) => run((opts) => new OrgRoles("statsig", args, opts));
const assignments = (resources: Recorded[]) =>
  Object.fromEntries(resources.filter((r) => r.type === ASSIGNMENT).map((r) => [r.name, r.inputs]));

const groups: RoleGroup[] = [
  { groupId: MEMBERS, role: "Member" },
  { groupId: ADMINS, role: "Admin" },
  { groupId: OWNER, role: "Owner" },
  { groupId: LEADS, role: "Admin" },
];

describe("group mode", () => {
  it("makes the app attribute group-scoped and keeps steps 1 to 3", async () => {
    const { find, resources, result } = await deploy({ appId: APP, roleGroups: groups });
    expect(find(APP_ATTR).inputs.scope).toBe("NONE");
    expect(resources.filter((r) => r.type === MAPPING).map((r) => r.name)).toEqual(["statsig-app-to-okta"]);
    expect(resources.some((r) => r.type === "okta:index/userSchemaProperty:UserSchemaProperty")).toBe(true);
    expect(await valueOf(result.mode)).toBe("group");
    expect(await valueOf(result.oktaToAppMappingId)).toBeUndefined();
  });

  it("no mapping into the app carries statsigOrgRole (it would override the group values)", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: groups });
    const intoApp = resources.filter((r) => r.type === MAPPING && r.inputs.targetId === APP);
    expect(intoApp).toEqual([]);
  });

  it("assigns each group with its role as the profile and a unique, role-ordered priority", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: groups });
    expect(assignments(resources)).toEqual({
      [`statsig-group-${OWNER}`]: { appId: APP, groupId: OWNER, priority: 1, profile: '{"statsigOrgRole":"Owner"}' },
      [`statsig-group-${ADMINS}`]: { appId: APP, groupId: ADMINS, priority: 2, profile: '{"statsigOrgRole":"Admin"}' },
      [`statsig-group-${LEADS}`]: { appId: APP, groupId: LEADS, priority: 3, profile: '{"statsigOrgRole":"Admin"}' },
      [`statsig-group-${MEMBERS}`]: { appId: APP, groupId: MEMBERS, priority: 4, profile: '{"statsigOrgRole":"Member"}' },
    });
  });

  it("assignments are children of the component, written one after another from the top, and deleted when removed", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: groups });
    // Concurrent assignment writes re-index priorities (docs/reference/okta.md#concurrent-assignment-writes-re-index-priorities): each waits for the one above.
    expect(resources.filter((r) => r.type === ASSIGNMENT).map((r) => [r.name, r.opts])).toEqual([
      [`statsig-group-${OWNER}`, { parent: "statsig", dependsOn: ["statsig-app-attribute"] }],
      [`statsig-group-${ADMINS}`, { parent: "statsig", dependsOn: [`statsig-group-${OWNER}`] }],
      [`statsig-group-${LEADS}`, { parent: "statsig", dependsOn: [`statsig-group-${ADMINS}`] }],
      [`statsig-group-${MEMBERS}`, { parent: "statsig", dependsOn: [`statsig-group-${LEADS}`] }],
    ]);
    for (const r of resources.filter((r) => r.type === ASSIGNMENT)) expect(r.inputs).not.toHaveProperty("retainAssignment");
  });

  it("outputs the assignments, highest priority first", async () => {
    const { result } = await deploy({ appId: APP, roleGroups: groups });
    expect(await valueOf(result.groupAssignments)).toEqual([
      { groupId: OWNER, role: "Owner", priority: 1 },
      { groupId: ADMINS, role: "Admin", priority: 2 },
      { groupId: LEADS, role: "Admin", priority: 3 },
      { groupId: MEMBERS, role: "Member", priority: 4 },
    ]);
  });

  it("reordering roleGroups changes nothing at all", async () => {
    const before = assignments((await deploy({ appId: APP, roleGroups: groups })).resources);
    const after = assignments((await deploy({ appId: APP, roleGroups: [...groups].reverse() })).resources);
    expect(after).toEqual(before);
  });

  it("moving a group to another role keeps its name: an in-place update of profile and priorities", async () => {
    const before = assignments((await deploy({ appId: APP, roleGroups: groups })).resources);
    const moved = groups.map((g) => (g.groupId === MEMBERS ? { ...g, role: "Admin" } : g));
    const after = assignments((await deploy({ appId: APP, roleGroups: moved })).resources);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    expect(after[`statsig-group-${MEMBERS}`]).toMatchObject({ profile: '{"statsigOrgRole":"Admin"}' });
    // appId and groupId, the inputs that force replacement, are unchanged for every group.
    for (const name of Object.keys(before)) {
      expect(after[name]).toMatchObject({ appId: before[name]!.appId, groupId: before[name]!.groupId });
    }
  });

  it("removing a group removes only its assignment", async () => {
    const before = assignments((await deploy({ appId: APP, roleGroups: groups })).resources);
    const after = assignments((await deploy({ appId: APP, roleGroups: groups.filter((g) => g.groupId !== LEADS) })).resources);
    expect(Object.keys(before).filter((n) => !(n in after))).toEqual([`statsig-group-${LEADS}`]);
  });

  it("works with groups created in the same program, named by their key", async () => {
    const { resources, result } = await run((opts) => {
      const admins = new okta.group.Group("statsig-admins", { name: "Statsig Admins" });
      const members = new okta.group.Group("statsig-members", { name: "Statsig Members" });
      return new OrgRoles(
        "statsig",
        {
          appId: APP,
          roleGroups: [
            { groupId: members.id, role: "Member", name: "members" },
            { groupId: admins.id, role: "Admin", name: "admins" },
          ],
        },
        opts,
      );
    });
    const made = assignments(resources);
    expect(Object.keys(made).sort()).toEqual(["statsig-group-admins", "statsig-group-members"]);
    const groupIds = Object.fromEntries(resources.filter((r) => r.type === "okta:group/group:Group").map((r) => [r.name, r.id]));
    expect(made["statsig-group-admins"]).toEqual({
      appId: APP,
      groupId: groupIds["statsig-admins"],
      priority: 1,
      profile: '{"statsigOrgRole":"Admin"}',
    });
    expect(made["statsig-group-members"]).toMatchObject({ groupId: groupIds["statsig-members"], priority: 2 });
    expect(await valueOf(result.groupAssignments)).toEqual([
      { groupId: groupIds["statsig-admins"], role: "Admin", priority: 1 },
      { groupId: groupIds["statsig-members"], role: "Member", priority: 2 },
    ]);
  });

  it("firstPriority leaves room for groups assigned by other means", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: groups, firstPriority: 10 });
    expect(
      Object.values(assignments(resources))
        .map((a) => a.priority)
        .sort(),
    ).toEqual([10, 11, 12, 13]);
  });

  it("retainAssignments keeps assignments in Okta when Pulumi deletes them", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: groups, retainAssignments: true });
    for (const a of Object.values(assignments(resources))) expect(a.retainAssignment).toBe(true);
  });

  it("an empty list is group mode with no assignments", async () => {
    const { resources, find } = await deploy({ appId: APP, roleGroups: [] });
    expect(find(APP_ATTR).inputs.scope).toBe("NONE");
    expect(resources.filter((r) => r.type === ASSIGNMENT)).toEqual([]);
  });

  it("warns that the Owner group must hold one person", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await deploy({ appId: APP, roleGroups: groups });
      expect(warn.mock.calls.flat().join("\n")).toMatch(/roleGroups\[2\] maps a group to Owner.*exactly one person/);
    } finally {
      warn.mockRestore();
    }
  });

  it("two instances on two apps get distinct assignment names", async () => {
    const { resources } = await run((opts) => [
      new OrgRoles("prod", { appId: APP, roleGroups: [{ groupId: ADMINS, role: "Admin" }] }, opts),
      new OrgRoles("staging", { appId: OTHER_APP, manageOktaAttribute: false, roleGroups: [{ groupId: ADMINS, role: "Admin" }] }, opts),
    ]);
    expect(
      resources
        .filter((r) => r.type === ASSIGNMENT)
        .map((r) => r.name)
        .sort(),
    ).toEqual([`prod-group-${ADMINS}`, `staging-group-${ADMINS}`]);
  });
});
