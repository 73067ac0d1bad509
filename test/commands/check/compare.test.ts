import { describe, expect, it } from "vitest";
import { compare, isProblem, type CheckItem } from "../../../src/commands/check/compare";
import { expectedFromArgs } from "../../../src/commands/expected";
import type { OrgRolesArgs } from "../../../src/domain/args";
import { validateOrgRolesArgs } from "../../../src/domain/validation";
import type { LiveState } from "../../../src/commands/check/live";
import type { SchemaAttribute } from "../../../src/okta/types";

const APP = "0oastatsigapp0000001";
const TYPE = "otydefaultusertype01";
const NS = "urn:ietf:params:scim:schemas:core:2.0:User";
const ROLES = ["Member", "Admin", "Owner"];
const ONE_OF = ROLES.map((role) => ({ const: role, title: role }));

type Over = Partial<OrgRolesArgs> & { name?: string };

/** What `check` expects for these args: the component's own description (src/desired.ts). */
const personal = ({ name = "statsig", ...over }: Over = {}) =>
  expectedFromArgs(name, validateOrgRolesArgs("test", { appId: APP, ...over }));

const group = (over: Over = {}) =>
  personal({
    roleGroups: [
      { groupId: "00gownersgroup000001", role: "Owner" },
      { groupId: "00gadminsgroup000001", role: "Admin" },
    ],
    ...over,
  });

const oktaAttr = (over: SchemaAttribute = {}): SchemaAttribute => ({
  type: "string",
  enum: [...ROLES],
  oneOf: ONE_OF,
  permissions: [{ principal: "SELF", action: "READ_ONLY" }],
  master: { type: "PROFILE_MASTER" },
  ...over,
});

const appAttr = (scope: string, over: SchemaAttribute = {}): SchemaAttribute => ({
  type: "string",
  enum: [...ROLES],
  oneOf: ONE_OF,
  scope,
  externalName: "statsigOrgRole",
  externalNamespace: NS,
  permissions: [{ principal: "SELF", action: "READ_ONLY" }],
  ...over,
});

/** A live org set up as the guide says, in personal mode. */
const livePersonal = (over: Partial<LiveState> = {}): LiveState => ({
  userType: { id: TYPE, name: "user", isDefault: true },
  oktaAttribute: oktaAttr(),
  appAttribute: appAttr("SELF"),
  appToOkta: { id: "prmA", properties: { statsigOrgRole: { expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" } } },
  oktaToApp: { id: "prmB", properties: { statsigOrgRole: { expression: "user.statsigOrgRole", pushStatus: "PUSH" } } },
  groupAssignments: [],
  ...over,
});

const liveGroup = (over: Partial<LiveState> = {}): LiveState =>
  livePersonal({
    appAttribute: appAttr("NONE"),
    oktaToApp: { id: "prmB", properties: { userName: { expression: "user.login", pushStatus: "PUSH" } } },
    groupAssignments: [
      { id: "00gownersgroup000001", priority: 1, profile: { statsigOrgRole: "Owner" } },
      { id: "00gadminsgroup000001", priority: 2, profile: { statsigOrgRole: "Admin" } },
    ],
    ...over,
  });

const byStep = (items: CheckItem[], step: string) => items.filter((i) => i.step === step);
const one = (items: CheckItem[], step: string) => {
  const found = byStep(items, step);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const summary = (items: CheckItem[]) => items.map((i) => `${i.step}:${i.status}`);

describe("compare", () => {
  it("finds nothing to report for an org set up as the guide says (personal mode)", () => {
    const { items, otherAssignments } = compare(personal(), livePersonal());
    expect(summary(items)).toEqual(["1:ok", "2:ok", "3+5:ok", "4+5:ok"]);
    expect(items.flatMap((i) => i.differences)).toEqual([]);
    expect(otherAssignments).toBe(0);
  });

  it("finds nothing to report for group mode set up correctly", () => {
    const { items } = compare(group(), liveGroup());
    expect(summary(items)).toEqual(["1:ok", "2:ok", "3+5:ok", "4+5:ok", "groups:ok", "groups:ok"]);
  });

  it("reports every step missing in a fresh org, and imports only the mapping objects Okta made", () => {
    const fresh = livePersonal({
      oktaAttribute: undefined,
      appAttribute: undefined,
      appToOkta: { id: "prmA", properties: {} },
      oktaToApp: { id: "prmB", properties: { userName: { expression: "user.login", pushStatus: "PUSH" } } },
    });
    delete fresh.oktaAttribute;
    delete fresh.appAttribute;
    const { items } = compare(personal(), fresh);
    expect(summary(items)).toEqual(["1:missing", "2:missing", "3+5:missing", "4+5:missing"]);
    expect(items.flatMap((i) => (i.import ? [i.import.id] : []))).toEqual(["prmA", "prmB"]);
  });

  it("reports a missing mapping object (no provisioning) without an import id", () => {
    const live = livePersonal();
    delete live.appToOkta;
    const item = one(compare(personal(), live).items, "3+5");
    expect(item.status).toBe("missing");
    expect(item.import).toBeUndefined();
    expect(item.notes.join()).toMatch(/provisioning/);
  });

  it.each<[string, Over, Partial<LiveState>, string, { field: string; live: unknown; expected: unknown; hint?: RegExp }]>([
    [
      "namespace missing",
      {},
      { appAttribute: appAttr("SELF", { externalNamespace: undefined }) },
      "2",
      { field: "externalNamespace", live: undefined, expected: NS, hint: /not send/ },
    ],
    [
      "external name misspelt",
      {},
      { appAttribute: appAttr("SELF", { externalName: "statsigorgrole" }) },
      "2",
      { field: "externalName", live: "statsigorgrole", expected: "statsigOrgRole" },
    ],
    [
      "Group scope in personal mode",
      {},
      { appAttribute: appAttr("NONE") },
      "2",
      { field: "scope", live: "NONE", expected: "SELF", hint: /Personal/ },
    ],
    [
      "Personal scope in group mode",
      { roleGroups: [] },
      { appAttribute: appAttr("SELF"), oktaToApp: { id: "prmB", properties: {} } },
      "2",
      { field: "scope", live: "SELF", expected: "NONE", hint: /Group/ },
    ],
    [
      "scope left out means NONE",
      {},
      { appAttribute: appAttr("SELF", { scope: undefined }) },
      "2",
      { field: "scope", live: "NONE", expected: "SELF" },
    ],
    [
      "enum without Owner",
      {},
      { oktaAttribute: oktaAttr({ enum: ["Member", "Admin"] }) },
      "1",
      { field: "enum", live: ["Member", "Admin"], expected: ROLES, hint: /exactly/ },
    ],
    [
      "enum in another order",
      {},
      { appAttribute: appAttr("SELF", { enum: ["Owner", "Admin", "Member"] }) },
      "2",
      { field: "enum", live: ["Owner", "Admin", "Member"], expected: ROLES },
    ],
    ["no enum at all", {}, { oktaAttribute: oktaAttr({ enum: null }) }, "1", { field: "enum", live: undefined, expected: ROLES }],
    [
      "a user may edit the role",
      {},
      { oktaAttribute: oktaAttr({ permissions: [{ principal: "SELF", action: "READ_WRITE" }] }) },
      "1",
      { field: "permissions (SELF)", live: "READ_WRITE", expected: "READ_ONLY", hint: /their own/ },
    ],
    [
      "hidden when READ_ONLY is configured",
      {},
      { oktaAttribute: oktaAttr({ permissions: [{ principal: "SELF", action: "HIDE" }] }) },
      "1",
      { field: "permissions (SELF)", live: "HIDE", expected: "READ_ONLY" },
    ],
    [
      "master OKTA when PROFILE_MASTER is configured",
      {},
      { oktaAttribute: oktaAttr({ master: { type: "OKTA" } }) },
      "1",
      { field: "master", live: "OKTA", expected: "PROFILE_MASTER" },
    ],
    [
      "master left out when OKTA is configured",
      { oktaAttributeMaster: "OKTA" },
      { oktaAttribute: oktaAttr({ master: undefined }) },
      "1",
      { field: "master", live: "PROFILE_MASTER", expected: "OKTA" },
    ],
    ["type integer", {}, { oktaAttribute: oktaAttr({ type: "integer" }) }, "1", { field: "type", live: "integer", expected: "string" }],
    [
      "the guide's step 3 expression",
      {},
      { appToOkta: { id: "prmA", properties: { statsigOrgRole: { expression: "user.statsigOrgRole", pushStatus: "DONT_PUSH" } } } },
      "3+5",
      { field: "expression", live: "user.statsigOrgRole", expected: "appuser.statsigOrgRole" },
    ],
    [
      "Statsig -> Okta applied on update too",
      {},
      { appToOkta: { id: "prmA", properties: { statsigOrgRole: { expression: "appuser.statsigOrgRole", pushStatus: "PUSH" } } } },
      "3+5",
      { field: "pushStatus", live: "PUSH", expected: "DONT_PUSH" },
    ],
    [
      "Okta -> Statsig applied on create only",
      {},
      { oktaToApp: { id: "prmB", properties: { statsigOrgRole: { expression: "user.statsigOrgRole", pushStatus: "DONT_PUSH" } } } },
      "4+5",
      { field: "pushStatus", live: "DONT_PUSH", expected: "PUSH", hint: /never reach/ },
    ],
    [
      "Okta -> Statsig from another attribute",
      { oktaAttributeName: "stagingRole" },
      { appToOkta: { id: "prmA", properties: { stagingRole: { expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" } } } },
      "4+5",
      { field: "expression", live: "user.statsigOrgRole", expected: "user.stagingRole" },
    ],
  ])("reports %s", (_, expectedOver, liveOver, step, want) => {
    const { items } = compare(personal(expectedOver), livePersonal(liveOver));
    const item = one(items, step);
    expect(item.status).toBe("different");
    const found = item.differences.find((d) => d.field === want.field);
    expect(found, JSON.stringify(item.differences)).toBeDefined();
    expect(found!.live).toEqual(want.live);
    expect(found!.expected).toEqual(want.expected);
    if (want.hint) expect(found!.hint).toMatch(want.hint);
    // Nothing else is flagged on the other steps.
    expect(items.filter((i) => i !== item && isProblem(i)).map((i) => i.step)).toEqual([]);
  });

  it("in group mode, reports a mapped statsigOrgRole on Okta -> Statsig, which overrides the groups' roles", () => {
    const live = liveGroup({
      oktaToApp: { id: "prmB", properties: { statsigOrgRole: { expression: "user.statsigOrgRole", pushStatus: "PUSH" } } },
    });
    const item = one(compare(group(), live).items, "4+5");
    expect(item.status).toBe("different");
    expect(item.differences[0]).toMatchObject({ field: "mapping", live: "user.statsigOrgRole", expected: undefined });
    expect(item.differences[0]!.hint).toMatch(/overrides/);
    expect(item.import).toBeUndefined();
  });

  it("reports a group's role spelled in lower case, with Statsig's spelling", () => {
    const live = liveGroup();
    live.groupAssignments[1]!.profile = { statsigOrgRole: "admin" };
    const [, admins] = byStep(compare(group(), live).items, "groups");
    expect(admins!.status).toBe("different");
    expect(admins!.differences).toEqual([{ field: "statsigOrgRole", live: "admin", expected: "Admin", hint: 'Statsig spells it "Admin"' }]);
  });

  it("reports a changed priority and a group that is not assigned", () => {
    const live = liveGroup();
    live.groupAssignments = [{ id: "00gownersgroup000001", priority: 5, profile: { statsigOrgRole: "Owner" } }];
    const [owners, admins] = byStep(compare(group(), live).items, "groups");
    expect(owners!.differences).toEqual([{ field: "priority", live: 5, expected: 1 }]);
    expect(admins!.status).toBe("missing");
    expect(admins!.import).toBeUndefined();
  });

  it("reports assignments with a role that the config does not list, and counts those without one", () => {
    const live = liveGroup();
    live.groupAssignments.push(
      { id: "00glegacygroup000001", priority: 7, profile: { statsigOrgRole: "Admin" } },
      { id: "00geveryonegroup0001", priority: 8, profile: { statsigOrgRole: null } },
      { id: "00gsalesgroup0000001", priority: 9, profile: {} },
    );
    const { items, otherAssignments } = compare(group(), live);
    const extra = items.filter((i) => i.status === "not-in-config");
    expect(extra.map((i) => i.title)).toEqual(["Group 00glegacygroup000001 (priority 7)"]);
    expect(extra[0]!.differences[0]).toMatchObject({ field: "statsigOrgRole", live: "Admin", expected: undefined });
    expect(extra[0]!.import).toBeUndefined();
    expect(otherAssignments).toBe(2);
  });

  const outranking = (groupAssignments: LiveState["groupAssignments"]) => {
    const { items, otherAssignments } = compare(group(), liveGroup({ groupAssignments }));
    return { extra: items.filter((i) => i.status === "not-in-config"), otherAssignments };
  };
  const OWNER_AT_1 = { id: "00gownersgroup000001", priority: 1, profile: { statsigOrgRole: "Owner" } };

  it("in group mode, reports a group at priority 0, which the provider can never move the role groups above", () => {
    const { extra, otherAssignments } = outranking([
      { id: "00geveryonegroup0001", priority: 0, profile: {} },
      OWNER_AT_1,
      { id: "00gadminsgroup000001", priority: 2, profile: { statsigOrgRole: "Admin" } },
      { id: "00gsalesgroup0000001", priority: 3, profile: {} },
    ]);
    expect(extra.map((i) => i.title)).toEqual(["Group 00geveryonegroup0001 (priority 0)"]);
    expect(extra[0]!.differences[0]!.hint).toMatch(/priority 0, above every role group.*cannot write priority 0.*admin console/);
    // Ranked below every role group, it changes nobody's role.
    expect(otherAssignments).toBe(1);
  });

  it("in group mode, reports a group without a role between role groups, and says how far down it must go", () => {
    const { extra } = outranking([
      OWNER_AT_1,
      { id: "00gsalesgroup0000001", priority: 2, profile: {} },
      { id: "00gadminsgroup000001", priority: 3, profile: { statsigOrgRole: "Admin" } },
    ]);
    expect(extra.map((i) => i.title)).toEqual(["Group 00gsalesgroup0000001 (priority 2)"]);
    expect(extra[0]!.differences[0]!.hint).toMatch(/outranks role groups without giving a role.*above 3/);
  });

  it("in group mode, reports a group that shares a role group's priority (what concurrent writes leave behind)", () => {
    const { extra } = outranking([
      OWNER_AT_1,
      { id: "00gadminsgroup000001", priority: 2, profile: { statsigOrgRole: "Admin" } },
      { id: "00gsalesgroup0000001", priority: 2, profile: {} },
    ]);
    expect(extra.map((i) => i.title)).toEqual(["Group 00gsalesgroup0000001 (priority 2)"]);
    expect(extra[0]!.differences[0]!.hint).toMatch(/shares priority 2 with role group 00gadminsgroup000001/);
  });

  it("in group mode, a group right below the last role group changes nobody's role", () => {
    const { extra, otherAssignments } = outranking([
      OWNER_AT_1,
      { id: "00gadminsgroup000001", priority: 2, profile: { statsigOrgRole: "Admin" } },
      { id: "00gsalesgroup0000001", priority: 3, profile: {} },
    ]);
    expect(extra).toEqual([]);
    expect(otherAssignments).toBe(1);
  });

  it("in personal mode, an assignment carrying a role is not in the config either", () => {
    const live = livePersonal({ groupAssignments: [{ id: "00glegacygroup000001", priority: 0, profile: { statsigOrgRole: "admin" } }] });
    const extra = one(compare(personal(), live).items, "groups");
    expect(extra.status).toBe("not-in-config");
    expect(extra.differences[0]!.hint).toMatch(/ignored while/);
  });

  it("leaves the Statsig -> Okta mapping alone when the config does not manage it", () => {
    const live = livePersonal({ appToOkta: { id: "prmA", properties: {} } });
    const item = one(compare(personal({ manageAppToOktaMapping: false }), live).items, "3+5");
    expect(item.status).toBe("not-managed");
    expect(isProblem(item)).toBe(false);
    expect(item.import).toBeUndefined();
    expect(item.notes.join()).toMatch(/not mapped/);
  });

  it("compares only the role values of an Okta attribute managed elsewhere, and imports nothing for it", () => {
    const live = livePersonal({
      oktaAttribute: oktaAttr({ permissions: [{ principal: "SELF", action: "HIDE" }], master: { type: "OKTA" } }),
    });
    const item = one(compare(personal({ manageOktaAttribute: false }), live).items, "1");
    expect(item.status).toBe("ok");
    expect(item.import).toBeUndefined();
  });

  it.each([
    ["the default user type", {}, "statsigOrgRole"],
    ["a configured user type", { userTypeId: "otycontractortype001" }, "otycontractortype001.statsigOrgRole"],
    ["another attribute name", { oktaAttributeName: "stagingRole" }, "stagingRole"],
  ])("gives the Okta attribute's import id for %s", (_, over, id) => {
    const live = livePersonal({ oktaAttribute: oktaAttr(), oktaToApp: { id: "prmB", properties: {} } });
    const item = one(compare(personal(over), live).items, "1");
    expect(item.import).toEqual({ type: "okta:index/userSchemaProperty:UserSchemaProperty", name: "statsig-okta-attribute", id });
  });

  it("names every import after the component's children", () => {
    const { items } = compare(group({ name: "roles" }), liveGroup());
    expect(items.flatMap((i) => (i.import ? [i.import] : []))).toEqual([
      { type: "okta:index/userSchemaProperty:UserSchemaProperty", name: "roles-okta-attribute", id: "statsigOrgRole" },
      { type: "okta:index/appUserSchemaProperty:AppUserSchemaProperty", name: "roles-app-attribute", id: `${APP}/statsigOrgRole` },
      { type: "okta:profile/mapping:Mapping", name: "roles-app-to-okta", id: "prmA" },
      { type: "okta:app/groupAssignment:GroupAssignment", name: "roles-group-00gownersgroup000001", id: `${APP}/00gownersgroup000001` },
      { type: "okta:app/groupAssignment:GroupAssignment", name: "roles-group-00gadminsgroup000001", id: `${APP}/00gadminsgroup000001` },
    ]);
  });
});

describe("isProblem", () => {
  it.each([
    ["missing", true],
    ["different", true],
    ["not-in-config", true],
    ["ok", false],
    ["not-managed", false],
  ] as const)("%s: %s", (status, problem) => {
    expect(isProblem({ step: "1", title: "t", status, differences: [], notes: [] })).toBe(problem);
  });
});

const MAPPING_TITLES = {
  appToOkta: 'Statsig -> Okta mapping of "statsigOrgRole" (apply on create)',
  oktaToApp: 'Okta -> Statsig mapping of "statsigOrgRole" (apply on create and update)',
};

describe("compare: each item as check shows it", () => {
  it("an org set up as the guide says: every title, no notes, and the import of each object", () => {
    expect(compare(personal(), livePersonal()).items).toEqual([
      {
        step: "1",
        title: 'Okta user attribute "statsigOrgRole" (user type "user")',
        status: "ok",
        differences: [],
        notes: [],
        import: { type: "okta:index/userSchemaProperty:UserSchemaProperty", name: "statsig-okta-attribute", id: "statsigOrgRole" },
      },
      {
        step: "2",
        title: 'Statsig app attribute "statsigOrgRole"',
        status: "ok",
        differences: [],
        notes: [],
        import: {
          type: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
          name: "statsig-app-attribute",
          id: `${APP}/statsigOrgRole`,
        },
      },
      {
        step: "3+5",
        title: MAPPING_TITLES.appToOkta,
        status: "ok",
        differences: [],
        notes: [],
        import: { type: "okta:profile/mapping:Mapping", name: "statsig-app-to-okta", id: "prmA" },
      },
      {
        step: "4+5",
        title: MAPPING_TITLES.oktaToApp,
        status: "ok",
        differences: [],
        notes: [],
        import: { type: "okta:profile/mapping:Mapping", name: "statsig-okta-to-app", id: "prmB" },
      },
    ]);
  });

  it("a fresh org: what to add where, for the default user type", () => {
    const fresh = livePersonal({
      appToOkta: { id: "prmA", properties: {} },
      oktaToApp: { id: "prmB", properties: { userName: { expression: "user.login", pushStatus: "PUSH" } } },
    });
    delete fresh.oktaAttribute;
    delete fresh.appAttribute;
    const [okta, app, appToOkta, oktaToApp] = compare(personal(), fresh).items;
    expect(okta).toEqual({
      step: "1",
      title: 'Okta user attribute "statsigOrgRole" (user type "user")',
      status: "missing",
      differences: [],
      notes: ["add it to the User (default) profile in Directory > Profile Editor, variable name statsigOrgRole"],
    });
    expect(app).toEqual({
      step: "2",
      title: 'Statsig app attribute "statsigOrgRole"',
      status: "missing",
      differences: [],
      notes: [`add it in Directory > Profile Editor > the Statsig app, with external namespace ${NS}`],
    });
    expect(appToOkta).toEqual({
      step: "3+5",
      title: MAPPING_TITLES.appToOkta,
      status: "missing",
      differences: [],
      notes: ["mapping prmA does not map statsigOrgRole"],
      import: { type: "okta:profile/mapping:Mapping", name: "statsig-app-to-okta", id: "prmA" },
    });
    expect(oktaToApp).toMatchObject({ status: "missing", notes: ["mapping prmB does not map statsigOrgRole"] });
  });

  it("a missing attribute of a configured user type is added to that type's profile", () => {
    const live = livePersonal({ userType: { id: "otycontractortype001", name: "contractor", isDefault: false } });
    delete live.oktaAttribute;
    expect(one(compare(personal({ userTypeId: "otycontractortype001" }), live).items, "1")).toEqual({
      step: "1",
      title: 'Okta user attribute "statsigOrgRole" (user type "contractor")',
      status: "missing",
      differences: [],
      notes: ['add it to the "contractor" user type profile in Directory > Profile Editor, variable name statsigOrgRole'],
    });
  });

  it("a mapping object that does not exist: is provisioning on?", () => {
    const live = livePersonal();
    delete live.oktaToApp;
    expect(one(compare(personal(), live).items, "4+5")).toEqual({
      step: "4+5",
      title: MAPPING_TITLES.oktaToApp,
      status: "missing",
      differences: [],
      notes: ["Okta has no mapping between the app and the user type: is the app active with provisioning enabled?"],
    });
  });
});

describe("compare: the role values of an attribute", () => {
  it("an attribute made by hand without a list of values: a note, not a difference", () => {
    const item = one(compare(personal(), livePersonal({ oktaAttribute: oktaAttr({ enum: null, oneOf: null }) })).items, "1");
    expect(item).toMatchObject({
      status: "ok",
      differences: [],
      notes: ["no list of values: any text reaches Statsig; `pulumi up` limits it to Member, Admin, Owner"],
    });
  });

  it("a list of values without display names is a difference of oneOf only", () => {
    const attribute = oktaAttr();
    delete attribute.oneOf;
    const item = one(compare(personal(), livePersonal({ oktaAttribute: attribute })).items, "1");
    expect(item).toMatchObject({ status: "different", notes: [] });
    expect(item.differences).toEqual([{ field: "oneOf", live: undefined, expected: ONE_OF }]);
  });

  it("display names without a list of values is a difference of enum only, with what Statsig accepts", () => {
    const item = one(compare(personal(), livePersonal({ appAttribute: appAttr("SELF", { enum: null }) })).items, "2");
    expect(item.differences).toEqual([
      { field: "enum", live: undefined, expected: ROLES, hint: "Statsig accepts exactly Member, Admin and Owner" },
    ]);
  });
});

describe("compare: the permission of the user on their own role", () => {
  const permissionOf = (permissions: SchemaAttribute["permissions"]) => {
    const attribute = oktaAttr({ permissions });
    if (permissions === undefined) delete attribute.permissions;
    return one(compare(personal(), livePersonal({ oktaAttribute: attribute })).items, "1").differences;
  };

  it("is read from the SELF entry, wherever it is in the list", () => {
    expect(
      permissionOf([
        { principal: "ADMIN", action: "HIDE" },
        { principal: "SELF", action: "READ_ONLY" },
      ]),
    ).toEqual([]);
  });

  it.each([
    ["no permissions at all", undefined],
    ["permissions without a SELF entry", [{ principal: "ADMIN", action: "READ_ONLY" }]],
  ])("is not set with %s", (_what, permissions) => {
    expect(permissionOf(permissions)).toEqual([{ field: "permissions (SELF)", live: undefined, expected: "READ_ONLY" }]);
  });

  it("only READ_WRITE gets the hint that users could set their own role", () => {
    expect(permissionOf([{ principal: "SELF", action: "HIDE" }])).toEqual([
      { field: "permissions (SELF)", live: "HIDE", expected: "READ_ONLY" },
    ]);
    expect(permissionOf([{ principal: "SELF", action: "READ_WRITE" }])).toEqual([
      { field: "permissions (SELF)", live: "READ_WRITE", expected: "READ_ONLY", hint: "users could set their own Statsig role" },
    ]);
  });

  it("the app attribute's permission is compared when Okta gives one, and not when it gives none", () => {
    const hidden = appAttr("SELF", { permissions: [{ principal: "SELF", action: "HIDE" }] });
    expect(one(compare(personal(), livePersonal({ appAttribute: hidden })).items, "2").differences).toEqual([
      { field: "permissions (SELF)", live: "HIDE", expected: "READ_ONLY" },
    ]);
    const none = appAttr("SELF");
    delete none.permissions;
    expect(one(compare(personal(), livePersonal({ appAttribute: none })).items, "2")).toMatchObject({ status: "ok", differences: [] });
  });

  it("the external name's hint says what Statsig reads", () => {
    const item = one(compare(personal(), livePersonal({ appAttribute: appAttr("SELF", { externalName: "role" }) })).items, "2");
    expect(item.differences).toEqual([
      { field: "externalName", live: "role", expected: "statsigOrgRole", hint: "Statsig reads the SCIM field statsigOrgRole" },
    ]);
  });
});

describe("compare: an Okta attribute managed elsewhere", () => {
  it("compares the role values only, and says so", () => {
    const live = livePersonal({ oktaAttribute: oktaAttr({ enum: ["Member"], master: { type: "OKTA" } }) });
    expect(one(compare(personal({ manageOktaAttribute: false }), live).items, "1")).toEqual({
      step: "1",
      title: 'Okta user attribute "statsigOrgRole" (user type "user")',
      status: "different",
      differences: [{ field: "enum", live: ["Member"], expected: ROLES, hint: "Statsig accepts exactly Member, Admin and Owner" }],
      notes: ["managed elsewhere (manageOktaAttribute: false): permissions and master not compared"],
    });
  });
});

describe("compare: the mappings", () => {
  it("an expression is compared without the spaces around it", () => {
    const live = livePersonal({
      appToOkta: { id: "prmA", properties: { statsigOrgRole: { expression: " appuser.statsigOrgRole\n", pushStatus: "DONT_PUSH" } } },
    });
    expect(one(compare(personal(), live).items, "3+5")).toMatchObject({ status: "ok", differences: [] });
  });

  it("Statsig -> Okta applied on update too: the hint says it applies on create only", () => {
    const live = livePersonal({
      appToOkta: { id: "prmA", properties: { statsigOrgRole: { expression: "appuser.statsigOrgRole", pushStatus: "PUSH" } } },
    });
    expect(one(compare(personal(), live).items, "3+5").differences).toEqual([
      { field: "pushStatus", live: "PUSH", expected: "DONT_PUSH", hint: "Statsig -> Okta applies on create only (DONT_PUSH)" },
    ]);
  });

  it.each<[string, Partial<LiveState>, string]>([
    ["mapped", {}, "live: appuser.statsigOrgRole, DONT_PUSH"],
    ["without the mapping object", { appToOkta: undefined }, "live: not mapped"],
  ])("a Statsig -> Okta mapping not managed, %s, shows what is live", (_what, over, shown) => {
    const live = livePersonal(over);
    if (over.appToOkta === undefined && "appToOkta" in over) delete live.appToOkta;
    // With the Okta attribute not managed either, the note must still be the mapping's own.
    const item = one(compare(personal({ manageAppToOktaMapping: false, manageOktaAttribute: false }), live).items, "3+5");
    expect(item).toEqual({
      step: "3+5",
      title: MAPPING_TITLES.appToOkta,
      status: "not-managed",
      differences: [],
      notes: [`not managed (manageAppToOktaMapping is false); ${shown}`],
    });
  });

  it("group mode: no Okta -> Statsig mapping of the role is as it must be, with or without the mapping object", () => {
    const unmapped = {
      step: "4+5",
      title: MAPPING_TITLES.oktaToApp,
      status: "ok",
      differences: [],
      notes: ["not mapped, as group mode needs"],
    };
    // With the Statsig -> Okta mapping not managed either, the item must still be the Okta -> Statsig one.
    const config = group({ manageAppToOktaMapping: false });
    expect(one(compare(config, liveGroup()).items, "4+5")).toEqual(unmapped);
    const live = liveGroup();
    delete live.oktaToApp;
    expect(one(compare(config, live).items, "4+5")).toEqual(unmapped);
  });

  it("group mode: a mapped role names the mapping to clear", () => {
    const live = liveGroup({
      oktaToApp: { id: "prmB", properties: { statsigOrgRole: { expression: "user.statsigOrgRole", pushStatus: "PUSH" } } },
    });
    expect(one(compare(group(), live).items, "4+5")).toEqual({
      step: "4+5",
      title: MAPPING_TITLES.oktaToApp,
      status: "different",
      differences: [
        {
          field: "mapping",
          live: "user.statsigOrgRole",
          expected: undefined,
          hint: "a mapped statsigOrgRole overrides the roles of group assignments: set it to no mapping (mapping prmB)",
        },
      ],
      notes: [],
    });
  });
});

describe("compare: group assignments", () => {
  const groupItems = (groupAssignments: LiveState["groupAssignments"], over: Over = {}) => {
    const { items, otherAssignments } = compare(group(over), liveGroup({ groupAssignments }));
    return { items: byStep(items, "groups"), otherAssignments };
  };
  const OWNERS = { id: "00gownersgroup000001", priority: 1, profile: { statsigOrgRole: "Owner" } };
  const ADMINS = { id: "00gadminsgroup000001", priority: 2, profile: { statsigOrgRole: "Admin" } };

  it("a configured group as expected, and one not assigned", () => {
    expect(groupItems([OWNERS]).items).toEqual([
      {
        step: "groups",
        title: "Group 00gownersgroup000001 -> Owner, priority 1",
        status: "ok",
        differences: [],
        notes: [],
        import: {
          type: "okta:app/groupAssignment:GroupAssignment",
          name: "statsig-group-00gownersgroup000001",
          id: `${APP}/00gownersgroup000001`,
        },
      },
      {
        step: "groups",
        title: "Group 00gadminsgroup000001 -> Admin, priority 2",
        status: "missing",
        differences: [],
        notes: ["the group is not assigned to the app"],
      },
    ]);
  });

  it("an assignment without a role, or with an empty role, carries no role", () => {
    const { items, otherAssignments } = groupItems([
      { id: "00gownersgroup000001", priority: 1, profile: {} },
      ADMINS,
      { id: "00gsalesgroup0000001", priority: 3, profile: { statsigOrgRole: "" } },
    ]);
    expect(items[0]!.differences).toEqual([{ field: "statsigOrgRole", live: undefined, expected: "Owner" }]);
    expect(items).toHaveLength(2);
    expect(otherAssignments).toBe(1);
  });

  it("a group not in the config with a role: its members get it; the whole item", () => {
    expect(groupItems([OWNERS, ADMINS, { id: "00glegacygroup000001", profile: { statsigOrgRole: "Admin" } }]).items[2]).toEqual({
      step: "groups",
      title: "Group 00glegacygroup000001 (priority ?)",
      status: "not-in-config",
      differences: [
        {
          field: "statsigOrgRole",
          live: "Admin",
          expected: undefined,
          hint: "its members get this role, but the config does not list the group: add it to roleGroups or clear the role",
        },
      ],
      notes: [],
    });
  });

  it("a group not in the config with a role above the role groups is reported for its role, not for its rank", () => {
    const [, , legacy] = groupItems([
      { id: "00glegacygroup000001", priority: 0, profile: { statsigOrgRole: "Member" } },
      OWNERS,
      ADMINS,
    ]).items;
    expect(legacy!.differences).toEqual([
      expect.objectContaining({ field: "statsigOrgRole", live: "Member", hint: expect.stringMatching(/^its members get this role/) }),
    ]);
  });

  it("a group without a role that outranks role groups: the whole item", () => {
    expect(groupItems([OWNERS, { id: "00gsalesgroup0000001", priority: 2, profile: {} }, { ...ADMINS, priority: 3 }]).items[2]).toEqual({
      step: "groups",
      title: "Group 00gsalesgroup0000001 (priority 2)",
      status: "not-in-config",
      differences: [
        {
          field: "priority",
          live: 2,
          expected: undefined,
          hint: "outranks role groups without giving a role: its members who are also in a role group may get no role. Give it a priority number above 3",
        },
      ],
      notes: [],
    });
  });

  it("a role group without a live priority is not counted when saying how far down a group must go", () => {
    const { items } = groupItems([
      { id: "00gownersgroup000001", profile: { statsigOrgRole: "Owner" } },
      { id: "00gsalesgroup0000001", priority: 2, profile: {} },
      { ...ADMINS, priority: 3 },
    ]);
    expect(items[2]!.differences[0]!.hint).toMatch(/Give it a priority number above 3$/);
  });

  it("a group that shares the priority of two role groups names both", () => {
    const { items } = groupItems([{ ...OWNERS, priority: 2 }, ADMINS, { id: "00gsalesgroup0000001", priority: 2, profile: {} }]);
    expect(items[2]!.differences[0]!.hint).toMatch(/^shares priority 2 with role group 00gownersgroup000001, 00gadminsgroup000001: /);
  });

  it("personal mode: a group with a role is ignored while the mapping maps the role", () => {
    const live = livePersonal({ groupAssignments: [{ id: "00glegacygroup000001", priority: 4, profile: { statsigOrgRole: "Admin" } }] });
    expect(one(compare(personal(), live).items, "groups").differences).toEqual([
      {
        field: "statsigOrgRole",
        live: "Admin",
        expected: undefined,
        hint: "ignored while the Okta -> Statsig mapping maps the role; clear it, or list the group in roleGroups",
      },
    ]);
  });
});
