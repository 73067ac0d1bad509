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
