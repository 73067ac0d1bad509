/**
 * Org states for the fake Okta: a fresh org, and orgs set up by hand as Statsig's guide says (steps 1-5), in
 * personal or group mode. Values are written out as an admin would leave them, not computed from src/.
 */
import type { Attribute, FakeAssignment, FakeMapping, FakeOrg } from "./fakeOktaServer";

export const APP_ID = "0oastatsigapp0000001";
export const DEFAULT_TYPE_ID = "otydefaultusertype01";
export const DEFAULT_SCHEMA_ID = "oscdefaultusertype01";
export const CONTRACTOR_TYPE_ID = "otycontractortype001";
export const CONTRACTOR_SCHEMA_ID = "osccontractortype001";
export const APP_TO_OKTA_ID = "prmapptooktamapping1";
export const OKTA_TO_APP_ID = "prmoktatoappmapping1";
export const OWNERS = "00gownersgroup000001";
export const ADMINS = "00gadminsgroup000001";
export const MEMBERS = "00gmembersgroup00001";
export const LEGACY = "00glegacygroup000001";
export const EVERYONE = "00geveryonegroup0001";

const SCIM_NAMESPACE = "urn:ietf:params:scim:schemas:core:2.0:User";
const roleValues = () => ({
  enum: ["Member", "Admin", "Owner"],
  oneOf: [
    { const: "Member", title: "Member" },
    { const: "Admin", title: "Admin" },
    { const: "Owner", title: "Owner" },
  ],
});

/** Step 1 as the admin console leaves it, with the role values. */
export const oktaAttribute = (): Attribute => ({
  title: "Statsig org role",
  type: "string",
  ...roleValues(),
  permissions: [{ principal: "SELF", action: "READ_ONLY" }],
  master: { type: "PROFILE_MASTER" },
});

/** Step 2: Personal (SELF) or Group (NONE). Okta keeps no permissions or master on app attributes (recorded). */
export const appAttribute = (scope: "SELF" | "NONE"): Attribute => ({
  title: "Statsig org role",
  type: "string",
  ...roleValues(),
  scope,
  externalName: "statsigOrgRole",
  externalNamespace: SCIM_NAMESPACE,
});

function mappings(): FakeMapping[] {
  // Okta creates both mapping objects with the app, with its default attribute mappings.
  return [
    {
      id: APP_TO_OKTA_ID,
      source: { id: APP_ID, name: "statsig_scim", type: "appuser" },
      target: { id: DEFAULT_TYPE_ID, name: "user", type: "user" },
      properties: { firstName: { expression: "appuser.givenName", pushStatus: "DONT_PUSH" } },
    },
    {
      id: OKTA_TO_APP_ID,
      source: { id: DEFAULT_TYPE_ID, name: "user", type: "user" },
      target: { id: APP_ID, name: "statsig_scim", type: "appuser" },
      properties: {
        userName: { expression: "user.login", pushStatus: "PUSH" },
        givenName: { expression: "user.firstName", pushStatus: "PUSH" },
      },
    },
  ];
}

/** The Statsig SCIM app just added: nothing of the five steps done; one group assigned for access. */
export function freshOrg(): FakeOrg {
  return {
    userTypes: [
      { id: CONTRACTOR_TYPE_ID, name: "contractor", displayName: "Contractor", default: false, schemaId: CONTRACTOR_SCHEMA_ID },
      { id: DEFAULT_TYPE_ID, name: "user", displayName: "User", default: true, schemaId: DEFAULT_SCHEMA_ID },
    ],
    userSchemas: { [DEFAULT_SCHEMA_ID]: {}, [CONTRACTOR_SCHEMA_ID]: {} },
    apps: { [APP_ID]: { name: "statsig_scim", schema: {}, groups: [{ id: EVERYONE, priority: 0, profile: {} }] } },
    mappings: mappings(),
  };
}

/** The guide in personal mode: the role comes from each user's Okta attribute. */
export function personalOrg(): FakeOrg {
  const org = freshOrg();
  org.userSchemas[DEFAULT_SCHEMA_ID] = { statsigOrgRole: oktaAttribute() };
  org.apps[APP_ID]!.schema = { statsigOrgRole: appAttribute("SELF") };
  org.mappings[0]!.properties.statsigOrgRole = { expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" };
  org.mappings[1]!.properties.statsigOrgRole = { expression: "user.statsigOrgRole", pushStatus: "PUSH" };
  return org;
}

/**
 * Statsig's guide followed by hand, in personal mode, exactly as its five steps say: the guide asks for no list
 * of values, so both attributes are plain strings. The user permission is the console's default for a new
 * attribute, read-only (the guide does not say).
 */
export function guideOrg(): FakeOrg {
  const org = personalOrg();
  const plain = (attribute: Attribute): Attribute => {
    const { enum: _e, oneOf: _o, ...rest } = attribute;
    return { ...rest, title: "statsigOrgRole" };
  };
  org.userSchemas[DEFAULT_SCHEMA_ID] = { statsigOrgRole: plain(oktaAttribute()) };
  org.apps[APP_ID]!.schema = { statsigOrgRole: plain(appAttribute("SELF")) };
  return org;
}

/** Group mode: roles from group assignments, no Okta -> app mapping of the role. Priorities: Owner, Admin, Member. */
export function groupOrg(): FakeOrg {
  const org = personalOrg();
  org.apps[APP_ID]!.schema = { statsigOrgRole: appAttribute("NONE") };
  delete org.mappings[1]!.properties.statsigOrgRole;
  const groups: FakeAssignment[] = [
    // From 1: the provider never writes priority 0 (okta-notes.md "Read first"); null echoed as Okta does.
    { id: OWNERS, priority: 1, profile: { statsigOrgRole: "Owner" } },
    { id: ADMINS, priority: 2, profile: { statsigOrgRole: "Admin" } },
    { id: MEMBERS, priority: 3, profile: { statsigOrgRole: "Member" } },
    { id: EVERYONE, priority: 4, profile: { statsigOrgRole: null } },
  ];
  org.apps[APP_ID]!.groups = groups;
  return org;
}

/** A stack file for the root project, as a user writes it. */
export function stackYaml(lines: string[]): string {
  return ["config:", `  statsig-okta:appId: ${APP_ID}`, ...lines.map((line) => `  ${line}`), ""].join("\n");
}

/** The role groups of groupOrg() as stack config. */
export const GROUP_CONFIG = [
  "statsig-okta:roleGroups:",
  `  - groupId: ${MEMBERS}`,
  "    role: Member",
  `  - groupId: ${OWNERS}`,
  "    role: Owner",
  `  - groupId: ${ADMINS}`,
  "    role: Admin",
];
