import { readFileSync } from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  assignmentsOf,
  childOf,
  describeOrgRoles,
  isRef,
  ORG_ROLES_TYPE,
  pushLinksOf,
  wrongScopeMessage,
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
      [
        "pushGroup",
        { key: ENG, project: "Web", role: "Member", team: "Growth", target: "lookup", targetName: "Statsig-Web-Growth-Member" },
      ],
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

const NS = "urn:ietf:params:scim:schemas:core:2.0:User";
const ROLE_VALUES = {
  type: "string",
  enums: ["Member", "Admin", "Owner"],
  oneOfs: [
    { const: "Member", title: "Member" },
    { const: "Admin", title: "Admin" },
    { const: "Owner", title: "Owner" },
  ],
};
const MAPPING_OPTIONS = { retainOnDelete: true, replaceOnChanges: ["sourceId", "targetId"] };
const PUSH_OPTIONS = { deleteBeforeReplace: true, replaceOnChanges: ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"] };
const APP_LOOKUP = {
  provides: "appId",
  token: "okta:app/getApp:getApp",
  args: { id: APP, activeOnly: false },
  known: APP,
  why: "checks that the Statsig app exists and is active before anything is written to it",
};

describe("the description, whole", () => {
  it("personal mode with the defaults: the four steps, in order, each waiting for the one before", () => {
    // Strict: an input set to undefined (no userType for the default type) would still reach the provider.
    expect(desired({})).toStrictEqual({
      component: "statsig",
      mode: "personal",
      oktaAttributeName: "statsigOrgRole",
      lookups: [
        APP_LOOKUP,
        {
          provides: "userTypeId",
          token: "okta:user/getUserType:getUserType",
          args: { name: "user" },
          why: "the id of the org's default user type, which the mappings connect to the app",
        },
      ],
      children: [
        {
          kind: "oktaAttribute",
          step: "1",
          title: "Okta user attribute",
          type: "okta:index/userSchemaProperty:UserSchemaProperty",
          name: "statsig-okta-attribute",
          inputs: {
            index: "statsigOrgRole",
            title: "Statsig org role",
            description: "Statsig organization role, sent to Statsig over SCIM as statsigOrgRole.",
            ...ROLE_VALUES,
            permissions: "READ_ONLY",
            master: "PROFILE_MASTER",
          },
          options: { retainOnDelete: true, deleteBeforeReplace: true, replaceOnChanges: ["userType"] },
          dependsOn: [],
          waitsFor: ["appId"],
        },
        {
          kind: "appAttribute",
          step: "2",
          title: "Statsig app attribute",
          type: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
          name: "statsig-app-attribute",
          inputs: {
            appId: { ref: "appId" },
            index: "statsigOrgRole",
            title: "Statsig org role",
            description: "Statsig organization role (SCIM statsigOrgRole).",
            ...ROLE_VALUES,
            externalName: "statsigOrgRole",
            externalNamespace: NS,
            scope: "SELF",
            permissions: "READ_ONLY",
          },
          options: { retainOnDelete: true, deleteBeforeReplace: true, replaceOnChanges: ["appId"], ignoreChanges: ["scope"] },
          dependsOn: ["statsig-okta-attribute"],
        },
        {
          kind: "appToOkta",
          step: "3+5",
          title: "Statsig -> Okta mapping (apply on create)",
          type: "okta:profile/mapping:Mapping",
          name: "statsig-app-to-okta",
          inputs: {
            sourceId: { ref: "appId" },
            targetId: { ref: "userTypeId" },
            deleteWhenAbsent: false,
            mappings: [{ id: "statsigOrgRole", expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" }],
          },
          options: MAPPING_OPTIONS,
          dependsOn: ["statsig-okta-attribute", "statsig-app-attribute"],
        },
        {
          kind: "oktaToApp",
          step: "4+5",
          title: "Okta -> Statsig mapping (apply on create and update)",
          type: "okta:profile/mapping:Mapping",
          name: "statsig-okta-to-app",
          inputs: {
            sourceId: { ref: "userTypeId" },
            targetId: { ref: "appId" },
            deleteWhenAbsent: false,
            mappings: [{ id: "statsigOrgRole", expression: "user.statsigOrgRole", pushStatus: "PUSH" }],
          },
          options: MAPPING_OPTIONS,
          dependsOn: ["statsig-okta-attribute", "statsig-app-attribute"],
        },
      ],
      notManaged: [],
      warnings: [],
    });
  });

  it("a named user type and attribute, protected, with the Statsig -> Okta mapping managed elsewhere", () => {
    const { lookups, children, notManaged } = describeOrgRoles(
      "roles",
      validateOrgRolesArgs("t", {
        appId: APP,
        userTypeId: "otycontractortype001",
        oktaAttributeName: "stagingRole",
        oktaAttributePermissions: "HIDE",
        oktaAttributeMaster: "OKTA",
        protect: true,
        manageAppToOktaMapping: false,
      }),
    );
    expect(lookups).toEqual([APP_LOOKUP]);
    expect(children.map((child) => [child.name, child.inputs, child.options])).toEqual([
      [
        "roles-okta-attribute",
        {
          index: "stagingRole",
          title: "Statsig org role",
          description: "Statsig organization role, sent to Statsig over SCIM as statsigOrgRole.",
          ...ROLE_VALUES,
          permissions: "HIDE",
          master: "OKTA",
          userType: "otycontractortype001",
        },
        { retainOnDelete: true, deleteBeforeReplace: true, replaceOnChanges: ["userType"], protect: true },
      ],
      [
        "roles-app-attribute",
        expect.objectContaining({ scope: "SELF" }),
        { retainOnDelete: true, deleteBeforeReplace: true, replaceOnChanges: ["appId"], protect: true, ignoreChanges: ["scope"] },
      ],
      [
        "roles-okta-to-app",
        {
          sourceId: "otycontractortype001",
          targetId: { ref: "appId" },
          deleteWhenAbsent: false,
          mappings: [{ id: "statsigOrgRole", expression: "user.stagingRole", pushStatus: "PUSH" }],
        },
        MAPPING_OPTIONS,
      ],
    ]);
    expect(notManaged).toEqual([
      { kind: "appToOkta", step: "3+5", title: "Statsig -> Okta mapping (apply on create)", why: "manageAppToOktaMapping is false" },
    ]);
  });

  it("group mode: assignments one after the other from the first priority, then the push links after the last", () => {
    const owners = pulumi.output("00gOwners00000000001");
    const later = pulumi.output("00gLater000000000001");
    const laterTarget = pulumi.output("00gStatsigLater00001");
    const outputName = pulumi.output("Statsig-Api-Member (old)");
    const description = describeOrgRoles(
      "s",
      validateOrgRolesArgs("t", {
        appId: APP,
        userTypeId: "otycontractortype001",
        manageOktaAttribute: false,
        retainAssignments: true,
        firstPriority: 5,
        roleGroups: [
          { groupId: ADMINS, role: "Admin" },
          { groupId: owners, role: "Owner", name: "owners" },
        ],
        projectRoles: [
          { groupId: ENG, project: "Web", team: "Growth", role: "Member" },
          { groupId: later, name: "later", project: "Web", role: "Admin", targetGroupId: laterTarget },
          { groupId: "00gEngineers00000002", project: "Api", role: "Admin", targetGroupId: "00gStatsigGroup00001" },
          { groupId: "00gEngineers00000003", project: "Api", role: "Member", targetGroupName: outputName },
        ],
      }),
    );
    expect(description.mode).toBe("group");
    expect(description.notManaged).toEqual([
      {
        kind: "oktaAttribute",
        step: "1",
        title: "Okta user attribute",
        why: "manageOktaAttribute is false: the attribute is owned elsewhere",
      },
      {
        kind: "oktaToApp",
        step: "4+5",
        title: "Okta -> Statsig mapping (apply on create and update)",
        why: 'group mode: a mapping of statsigOrgRole would override the roles of group assignments. If Okta already has one (set by hand or by personal mode), remove it: see docs/operations.md, "Switching modes"',
      },
    ]);
    const [appAttribute, appToOkta, ...rest] = description.children;
    expect([appAttribute!.name, appAttribute!.inputs.scope, appAttribute!.options.protect, appAttribute!.dependsOn]).toEqual([
      "s-app-attribute",
      "NONE",
      undefined,
      [],
    ]);
    expect([appToOkta!.inputs.targetId, appToOkta!.dependsOn]).toEqual(["otycontractortype001", ["s-app-attribute"]]);
    expect(
      rest.map(({ kind, step, title, type, name, inputs, options, dependsOn }) => ({
        kind,
        step,
        title,
        type,
        name,
        inputs,
        options,
        dependsOn,
      })),
    ).toEqual([
      {
        kind: "groupAssignment",
        step: "groups",
        title: 'Group "owners" -> Owner, priority 5',
        type: "okta:app/groupAssignment:GroupAssignment",
        name: "s-group-owners",
        inputs: { appId: { ref: "appId" }, groupId: owners, priority: 5, profile: '{"statsigOrgRole":"Owner"}', retainAssignment: true },
        options: {},
        dependsOn: ["s-app-attribute"],
      },
      {
        kind: "groupAssignment",
        step: "groups",
        title: `Group ${ADMINS} -> Admin, priority 6`,
        type: "okta:app/groupAssignment:GroupAssignment",
        name: `s-group-${ADMINS}`,
        inputs: { appId: { ref: "appId" }, groupId: ADMINS, priority: 6, profile: '{"statsigOrgRole":"Admin"}', retainAssignment: true },
        options: {},
        dependsOn: ["s-group-owners"],
      },
      {
        kind: "pushGroup",
        step: "push",
        title: `Group ${ENG} -> team Growth in project Web: Member ("Statsig-Web-Growth-Member", looked up)`,
        type: "okta:index/pushGroup:PushGroup",
        name: `s-push-${ENG}`,
        inputs: {
          appId: { ref: "appId" },
          sourceGroupId: ENG,
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: { ref: `targetGroupId:${ENG}` },
        },
        options: PUSH_OPTIONS,
        dependsOn: [`s-group-${ADMINS}`],
      },
      {
        kind: "pushGroup",
        step: "push",
        title: 'Group "later" -> project Web: Admin (Statsig group (an Output))',
        type: "okta:index/pushGroup:PushGroup",
        name: "s-push-later",
        inputs: {
          appId: { ref: "appId" },
          sourceGroupId: later,
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: laterTarget,
        },
        options: PUSH_OPTIONS,
        dependsOn: [`s-group-${ADMINS}`],
      },
      {
        kind: "pushGroup",
        step: "push",
        title: "Group 00gEngineers00000002 -> project Api: Admin (Statsig group 00gStatsigGroup00001)",
        type: "okta:index/pushGroup:PushGroup",
        name: "s-push-00gEngineers00000002",
        inputs: {
          appId: { ref: "appId" },
          sourceGroupId: "00gEngineers00000002",
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: "00gStatsigGroup00001",
        },
        options: PUSH_OPTIONS,
        dependsOn: [`s-group-${ADMINS}`],
      },
      {
        kind: "pushGroup",
        step: "push",
        // An Output name is not known yet: the title says so.
        title: "Group 00gEngineers00000003 -> project Api: Member (targetGroupName (an Output), looked up)",
        type: "okta:index/pushGroup:PushGroup",
        name: "s-push-00gEngineers00000003",
        inputs: {
          appId: { ref: "appId" },
          sourceGroupId: "00gEngineers00000003",
          status: "ACTIVE",
          deleteTargetGroupOnDestroy: false,
          targetGroupId: { ref: "targetGroupId:00gEngineers00000003" },
        },
        options: PUSH_OPTIONS,
        dependsOn: [`s-group-${ADMINS}`],
      },
    ]);
    expect(description.warnings).toEqual([
      'roleGroups[1] maps a group to Owner: the group must hold exactly one person, the current Statsig Owner (Statsig has a single Owner); changing who holds it transfers ownership of the Statsig organization (the Owner "can only be replaced by another user"); if Statsig refuses it ("Cannot set multiple owners"), transfer ownership in Statsig first',
    ]);
  });

  it("push links wait for the last of the role groups' assignments", () => {
    const description = desired({
      roleGroups: [
        { groupId: ADMINS, role: "Admin" },
        { groupId: "00gMembers0000000001", role: "Member" },
        { groupId: "00gOwners00000000001", role: "Owner" },
      ],
      projectRoles: [{ groupId: ENG, project: "Q", role: "Read-Only", targetGroupName: "Statsig-Q (old)-Read-Only" }],
    });
    expect(assignmentsOf(description).map((child) => child.name)).toEqual([
      "statsig-group-00gOwners00000000001",
      `statsig-group-${ADMINS}`,
      "statsig-group-00gMembers0000000001",
    ]);
    const [link] = pushLinksOf(description);
    expect(link!.dependsOn).toEqual(["statsig-group-00gMembers0000000001"]);
    expect(link!.title).toBe(`Group ${ENG} -> project Q: Read-Only ("Statsig-Q (old)-Read-Only", looked up)`);
  });

  it("the component's type token is the package's name and the type, as stacks' state records it", () => {
    const { name } = JSON.parse(readFileSync("package.json", "utf8")) as { name: string };
    expect(ORG_ROLES_TYPE).toBe(`${name}:index:OrgRoles`);
  });

  it("push links without role groups wait for the app attribute; a project role has no team", () => {
    const [link] = pushLinksOf(desired({ projectRoles: [{ groupId: ENG, project: "Web", role: "Member" }] }));
    expect(link!.dependsOn).toEqual(["statsig-app-attribute"]);
    expect(link!.title).toBe(`Group ${ENG} -> project Web: Member ("Statsig-Web-Member", looked up)`);
    expect(link!.push).toStrictEqual({ key: ENG, project: "Web", role: "Member", target: "lookup", targetName: "Statsig-Web-Member" });
  });

  it("each looked-up Statsig group is a lookup, and the first writes wait for all of them", () => {
    const description = desired({
      userTypeId: "otycontractortype001",
      projectRoles: [
        { groupId: ENG, project: "Project A", role: "Member" },
        { groupId: ADMINS, project: "Project A", role: "Admin", targetGroupId: "00gStatsigGroup00001" },
        { groupId: "00gLeads000000000001", project: "Project A", team: "New", role: "Member", createTeam: true },
      ],
    });
    expect(description.lookups.slice(1)).toEqual([
      {
        provides: `targetGroupId:${ENG}`,
        token: "okta:index/getGroups:getGroups",
        args: { search: `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-ProjectA-Member"` },
        why: `the Okta id of the Statsig group to link (group ${ENG}, Member in project Project A); none or several fail the deployment before anything is written, listing the app's imported "Statsig-" groups`,
        group: { entry: `projectRoles[0] (group ${ENG}, Member in project Project A)`, name: "Statsig-ProjectA-Member" },
      },
    ]);
    // Only the children that wait for no other child name the lookups; the rest wait for them through those.
    expect(description.children.map((child) => [child.name, child.waitsFor])).toEqual([
      ["statsig-okta-attribute", ["appId", `targetGroupId:${ENG}`]],
      ["statsig-app-attribute", undefined],
      ["statsig-app-to-okta", undefined],
      ["statsig-okta-to-app", undefined],
      [`statsig-push-${ENG}`, undefined],
      [`statsig-push-${ADMINS}`, undefined],
      ["statsig-push-00gLeads000000000001", undefined],
    ]);
    expect(pushLinksOf(description).map((link) => [link.inputs.targetGroupId, link.inputs.targetGroupName, link.title])).toEqual([
      [{ ref: `targetGroupId:${ENG}` }, undefined, `Group ${ENG} -> project Project A: Member ("Statsig-ProjectA-Member", looked up)`],
      ["00gStatsigGroup00001", undefined, `Group ${ADMINS} -> project Project A: Admin (Statsig group 00gStatsigGroup00001)`],
      [
        undefined,
        "Statsig-ProjectA-New-Member",
        'Group 00gLeads000000000001 -> team New in project Project A: Member ("Statsig-ProjectA-New-Member", created as a new team)',
      ],
    ]);
  });

  it("without the Okta attribute, the app attribute is the first write and waits for the group lookups", () => {
    const description = desired({ manageOktaAttribute: false, projectRoles: [{ groupId: ENG, project: "Web", role: "Member" }] });
    expect(childOf(description, "appAttribute").waitsFor).toEqual([`targetGroupId:${ENG}`]);
    expect(description.children.filter((child) => child.waitsFor !== undefined).map((child) => child.name)).toEqual([
      "statsig-app-attribute",
    ]);
  });

  it("an app id given as an Output leaves the search to deploy time", () => {
    const description = desired({ appId: pulumi.output(APP), projectRoles: [{ groupId: ENG, project: "Web", role: "Member" }] });
    expect(description.lookups.find((lookup) => lookup.group)!.args).toEqual({});
  });

  it("an empty list of role groups is group mode", () => {
    const empty = desired({ roleGroups: [] });
    expect([empty.mode, childOf(empty, "appAttribute").inputs.scope, childOf(empty, "oktaToApp")]).toEqual(["group", "NONE", undefined]);
  });
});

describe("isRef", () => {
  it.each([
    [{ ref: "appId" }, true],
    [{ ref: "userTypeId" }, true],
    [null, false],
    ["appId", false],
    // One character: as many keys as a Ref has.
    ["x", false],
    [{}, false],
    [{ id: "appId" }, false],
    [{ ref: "appId", other: 1 }, false],
  ])("%j: %s", (value, ref) => {
    expect(isRef(value)).toBe(ref);
  });
});

describe("wrongScopeMessage", () => {
  const steps =
    "Fix, in order: 1. remove statsigOrgRole from the Okta -> Statsig mapping, if it is mapped (Okta refuses to delete a mapped attribute); " +
    "2. delete the app attribute statsigOrgRole in Okta (every app user's value is gone until `pulumi up` recreates it, and a push in between may send Statsig an empty role, whose effect Statsig does not document); " +
    '3. `pulumi refresh`; 4. `pulumi up` (docs/operations.md: "Switching modes")';

  it("group mode on a Personal attribute", () => {
    expect(wrongScopeMessage("SELF", "NONE")).toBe(
      "the Statsig app attribute statsigOrgRole is Personal (SELF) in Okta, but group mode needs Group (NONE) and Okta cannot change the scope of an existing attribute; until it is fixed, group roles do not reach Statsig. " +
        steps,
    );
  });

  it("personal mode on a Group attribute", () => {
    expect(wrongScopeMessage("NONE", "SELF")).toBe(
      "the Statsig app attribute statsigOrgRole is Group (NONE) in Okta, but personal mode needs Personal (SELF) and Okta cannot change the scope of an existing attribute; until it is fixed, each user's own role does not reach Statsig. " +
        steps,
    );
  });

  it("names another scope as Okta gives it", () => {
    expect(wrongScopeMessage("GROUP", "SELF")).toMatch(/^the Statsig app attribute statsigOrgRole is GROUP in Okta, but personal mode/);
  });
});
