import { describe, expect, expectTypeOf, it } from "vitest";
import {
  assignmentsOf,
  childOf,
  describeOrgRoles,
  pushLinksOf,
  type GroupAssignmentChild,
  type PushGroupChild,
  type StepChild,
} from "../../src/domain/desired";
import { validateOrgRolesArgs } from "../../src/domain/validation";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const ADMINS = "00gAdmins00000000001";
const ENG = "00gEngineers00000001";

const desired = (args: Record<string, unknown>) => describeOrgRoles("statsig", validateOrgRolesArgs("t", { appId: APP, ...args }));

describe("the children, by kind", () => {
  const groupMode = desired({
    roleGroups: [{ groupId: ADMINS, role: "Admin" }],
    projectRoles: [{ groupId: ENG, project: "Web", team: "Growth", role: "Member" }],
  });

  it("a group assignment carries its role group, a push link its role", () => {
    expect(assignmentsOf(groupMode).map((child) => [child.kind, child.group])).toEqual([
      ["groupAssignment", { key: ADMINS, role: "Admin", priority: 1 }],
    ]);
    expect(pushLinksOf(groupMode).map((child) => [child.kind, child.push])).toEqual([
      ["pushGroup", { key: ENG, project: "Web", role: "Member", team: "Growth" }],
    ]);
    expectTypeOf(assignmentsOf(groupMode)).toEqualTypeOf<GroupAssignmentChild[]>();
    expectTypeOf<GroupAssignmentChild["group"]>().not.toBeNullable();
    expectTypeOf(pushLinksOf(groupMode)).toEqualTypeOf<PushGroupChild[]>();
    expectTypeOf<PushGroupChild["push"]>().not.toBeNullable();
  });

  it("childOf gives a step's child, or nothing when the step is not managed; the app attribute always", () => {
    expect(childOf(groupMode, "oktaToApp")).toBeUndefined();
    expect(childOf(groupMode, "appToOkta")?.kind).toBe("appToOkta");
    expect(childOf(groupMode, "appAttribute").inputs.scope).toBe("NONE");
    expect(childOf(desired({}), "appAttribute").inputs.scope).toBe("SELF");
    expectTypeOf(childOf(groupMode, "appAttribute")).toEqualTypeOf<StepChild<"appAttribute">>();
    expectTypeOf(childOf(groupMode, "oktaToApp")).toEqualTypeOf<StepChild<"oktaToApp"> | undefined>();
  });

  it("a description without the app attribute is refused, not read as if it had one", () => {
    const broken = { ...groupMode, children: groupMode.children.filter((child) => child.kind !== "appAttribute") };
    expect(() => childOf(broken, "appAttribute")).toThrow('the description of "statsig" has no app attribute');
  });
});
