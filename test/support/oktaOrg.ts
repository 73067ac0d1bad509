/**
 * One fake Okta org: the objects statsig-okta reads and the Okta provider writes, as plain data. Every fake
 * answers from it: the HTTP server of `check` and `roles` (fakeOktaServer.ts), the group push API
 * (pushGroupFake.ts) and the Pulumi mocks of the provider (fakeOkta.ts). So a test can deploy the component
 * under the mocks and then read the same org over HTTP. Tests build an org with the helpers below (or
 * checkOrgs.ts, rolesOrgs.ts) and may change it directly. It knows nothing of HTTP, and nothing of what a
 * test expects. It imports only Node built-ins: bench/roles.cjs loads it by transpiling it on the fly.
 */
import { createHash, randomUUID } from "node:crypto";

/** A custom property of a user schema or an app user schema, in Okta's words (`UserSchemaAttribute`). */
export interface Attribute {
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  oneOf?: { const: string; title: string }[];
  permissions?: { principal: string; action: string }[];
  master?: { type: string };
  scope?: string;
  externalName?: string;
  externalNamespace?: string;
}

export interface FakeUserType {
  id: string;
  /** `user` for the org's default type (the provider's `getUserType({ name: "user" })` finds it). */
  name: string;
  displayName: string;
  description: string;
  default: boolean;
}

export interface FakeUser {
  id: string;
  login: string;
  /** The profile's `email`; the login when absent, as in most orgs. */
  email?: string;
  /** Okta user status: ACTIVE, STAGED, SUSPENDED, DEPROVISIONED, … */
  status: string;
  /** The user's type; the org's default type when absent. */
  typeId?: string;
  /** Custom profile attributes of the Okta user (e.g. `statsigOrgRole`). */
  attributes?: Record<string, string | null>;
}

export interface FakeGroup {
  id: string;
  name: string;
  /** User ids, in the order Okta lists them. */
  members: string[];
  /** Set for an app group (Okta type APP_GROUP): the app it came from, e.g. Statsig's groups by "Import Now". */
  source?: string;
}

/** One group assigned to an app (`ApplicationGroupAssignment`; Okta names the group's id `id`). */
export interface FakeAssignment {
  id: string;
  priority: number;
  profile: Record<string, unknown>;
}

/** One user assigned to an app (`AppUser`). */
export interface FakeAppUser {
  userId: string;
  /** USER: assigned individually; GROUP: through a group assignment. */
  scope: "USER" | "GROUP";
  /** App user status; default PROVISIONED. */
  status?: string;
  /** Default SYNCHRONIZED. */
  syncState?: string;
  /** The app user's `statsigOrgRole`; absent or null when it has none. */
  role?: string | null;
}

/** A link from an Okta group to a group in the app (`GroupPushMapping`), without its `_links`. */
export interface GroupPushMapping {
  created: string;
  id: string;
  lastUpdated: string;
  sourceGroupId: string;
  status: "ACTIVE" | "INACTIVE" | "ERROR";
  targetGroupId: string;
}

export interface FakeApp {
  /** The app's integration name, e.g. `statsig_scim`. */
  name: string;
  label: string;
  status: "ACTIVE" | "INACTIVE";
  /** Custom properties of the app's user schema. */
  schema: Record<string, Attribute>;
  /** Group assignments, in the order Okta lists them. */
  groups: FakeAssignment[];
  /** App users, in the order Okta lists them. */
  users: FakeAppUser[];
  /** Group push links, in the order they were made. */
  pushMappings: GroupPushMapping[];
}

export interface FakeMapping {
  id: string;
  source: { id: string; name: string; type: "user" | "appuser" };
  target: { id: string; name: string; type: "user" | "appuser" };
  properties: Record<string, { expression: string; pushStatus: "PUSH" | "DONT_PUSH" }>;
}

export interface OktaOrg {
  userTypes: FakeUserType[];
  /** Custom properties of each user type's schema, by schema id (`osc…`). */
  userSchemas: Record<string, Record<string, Attribute>>;
  users: FakeUser[];
  groups: FakeGroup[];
  /** By app id (`0oa…`). */
  apps: Record<string, FakeApp>;
  /** Okta keeps one mapping object per source/target pair. */
  mappings: FakeMapping[];
}

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A stable, Okta-shaped id: a 3-character prefix and 17 letters or digits. */
export function oktaId(prefix: string, seed: string): string {
  const digest = createHash("sha256").update(seed).digest();
  let out = prefix;
  for (let i = 0; out.length < 20; i++) out += BASE62[digest[i]! % 62];
  return out;
}

/**
 * The schema id of a user type: the type id with `osc` for `oty` (cassette
 * `TestAccDataSourceOktaUserType_read`: `oty5ptm052JMcoADv1d7` links to schema `osc5ptm052JMcoADv1d7`).
 */
export const userSchemaId = (typeId: string): string => `osc${typeId.slice(3)}`;

/** An org with only its default user type, `user`, whose schema has no custom properties yet. */
export function newOrg(defaultTypeId: string): OktaOrg {
  const org: OktaOrg = { userTypes: [], userSchemas: {}, users: [], groups: [], apps: {}, mappings: [] };
  addUserType(org, { id: defaultTypeId, name: "user", displayName: "User", description: "Okta user profile", default: true });
  return org;
}

/** Adds a user type, with its schema. */
export function addUserType(
  org: OktaOrg,
  type: Pick<FakeUserType, "id" | "name" | "displayName"> & Partial<Pick<FakeUserType, "description" | "default">>,
): FakeUserType {
  const added = { description: `${type.displayName} profile`, default: false, ...type };
  org.userTypes.push(added);
  org.userSchemas[userSchemaId(type.id)] = {};
  return added;
}

export const defaultUserType = (org: OktaOrg): FakeUserType => {
  const found = org.userTypes.find((type) => type.default);
  if (!found) throw new Error("oktaOrg: the org has no default user type");
  return found;
};

/** One end of a mapping: a user type (`user`) or an app (`appuser`), named as Okta names it. */
export function mappingEnd(org: OktaOrg, id: string): FakeMapping["source"] {
  const app = org.apps[id];
  if (app || id.startsWith("0oa")) return { id, name: app?.name ?? id, type: "appuser" };
  return { id, name: org.userTypes.find((type) => type.id === id)?.name ?? id, type: "user" };
}

/** The mapping object of a source/target pair, created (with no properties) if Okta has none yet. */
export function mappingOf(org: OktaOrg, sourceId: string, targetId: string, id = oktaId("prm", `${sourceId}->${targetId}`)): FakeMapping {
  const found = org.mappings.find((m) => m.source.id === sourceId && m.target.id === targetId);
  if (found) return found;
  const mapping: FakeMapping = { id, source: mappingEnd(org, sourceId), target: mappingEnd(org, targetId), properties: {} };
  org.mappings.push(mapping);
  return mapping;
}

/**
 * Adds an app with provisioning on. Okta creates both mapping objects between it and the default user type
 * with the app, with its default attribute mappings: app -> Okta first, then Okta -> app.
 */
export function addApp(
  org: OktaOrg,
  id: string,
  options: { name?: string; label?: string; status?: FakeApp["status"]; mappingIds?: { appToOkta: string; oktaToApp: string } } = {},
): FakeApp {
  const app: FakeApp = {
    name: options.name ?? "statsig_scim",
    label: options.label ?? "Statsig",
    status: options.status ?? "ACTIVE",
    schema: {},
    groups: [],
    users: [],
    pushMappings: [],
  };
  org.apps[id] = app;
  const typeId = defaultUserType(org).id;
  mappingOf(org, id, typeId, options.mappingIds?.appToOkta).properties = {
    firstName: { expression: "appuser.givenName", pushStatus: "DONT_PUSH" },
  };
  mappingOf(org, typeId, id, options.mappingIds?.oktaToApp).properties = {
    userName: { expression: "user.login", pushStatus: "PUSH" },
    givenName: { expression: "user.firstName", pushStatus: "PUSH" },
  };
  return app;
}

/** Groups of an app as Okta holds them (for Statsig: its groups, brought into Okta by "Import Now"). */
export function addAppGroups(org: OktaOrg, appId: string, groups: { id: string; name: string }[]): void {
  org.groups.push(...groups.map((group) => ({ ...group, members: [], source: appId })));
}

/** An org with these apps, each with the groups it holds (see {@link addAppGroups}). */
export function orgWithAppGroups(apps: Record<string, { id: string; name: string }[]>, defaultTypeId = "otydefaultusertype01"): OktaOrg {
  const org = newOrg(defaultTypeId);
  for (const [appId, groups] of Object.entries(apps)) {
    addApp(org, appId);
    addAppGroups(org, appId, groups);
  }
  return org;
}

/** Okta's `Error` body. */
export const oktaError = (code: string, summary: string) => ({
  errorCode: code,
  errorSummary: summary,
  errorLink: code,
  errorId: `oae${randomUUID().replaceAll("-", "").slice(0, 19)}`,
  errorCauses: [],
});

/**
 * A group as `GET /api/v1/groups/{id}` and `_embedded.group` show it (spec `Group`): an Okta group
 * (OKTA_GROUP, objectClass `okta:user_group`) or an app group (APP_GROUP, linked to its source app).
 */
export function groupJson(group: FakeGroup, origin: string) {
  if (group.source !== undefined) {
    return {
      id: group.id,
      type: "APP_GROUP",
      profile: { name: group.name, description: null },
      _links: { source: { href: `${origin}/api/v1/apps/${group.source}` } },
    };
  }
  return {
    id: group.id,
    created: "2024-01-09T15:36:04.000Z",
    lastUpdated: "2024-01-09T15:36:04.000Z",
    lastMembershipUpdated: "2024-01-09T15:36:04.000Z",
    objectClass: ["okta:user_group"],
    type: "OKTA_GROUP",
    profile: { name: group.name, description: null },
    _links: { self: { href: `${origin}/api/v1/groups/${group.id}` } },
  };
}
