/**
 * Org states for `check`: a fresh org, and orgs set up by hand as Statsig's guide says (steps 1-5), in
 * personal or group mode. Values are written out as an admin would leave them, not computed from src/.
 */
import { addApp, addUserType, newOrg, userSchemaId, type Attribute, type FakeAssignment, type OktaOrg } from "./oktaOrg";

export const APP_ID = "0oastatsigapp0000001";
export const DEFAULT_TYPE_ID = "otydefaultusertype01";
export const DEFAULT_SCHEMA_ID = userSchemaId(DEFAULT_TYPE_ID);
export const CONTRACTOR_TYPE_ID = "otycontractortype001";
export const CONTRACTOR_SCHEMA_ID = userSchemaId(CONTRACTOR_TYPE_ID);
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

/** Step 2: Personal (SELF) or Group (NONE). Okta keeps no permissions or master on app attributes
 * (cassette `TestAccResourceOktaAppUserSchemas_crud`). */
export const appAttribute = (scope: "SELF" | "NONE"): Attribute => ({
  title: "Statsig org role",
  type: "string",
  ...roleValues(),
  scope,
  externalName: "statsigOrgRole",
  externalNamespace: SCIM_NAMESPACE,
});

/** The Statsig SCIM app just added: nothing of the five steps done; one group assigned for access. */
export function freshOrg(): OktaOrg {
  const org = newOrg(DEFAULT_TYPE_ID);
  addUserType(org, { id: CONTRACTOR_TYPE_ID, name: "contractor", displayName: "Contractor" });
  org.groups.push(
    ...[
      { id: OWNERS, name: "Statsig Owners" },
      { id: ADMINS, name: "Statsig Admins" },
      { id: MEMBERS, name: "Statsig Members" },
      { id: LEGACY, name: "Statsig Legacy" },
      { id: EVERYONE, name: "Everyone" },
    ].map((group) => ({ ...group, members: [] })),
  );
  addApp(org, APP_ID, { mappingIds: { appToOkta: APP_TO_OKTA_ID, oktaToApp: OKTA_TO_APP_ID } }).groups = [
    { id: EVERYONE, priority: 0, profile: {} },
  ];
  return org;
}

/** The guide in personal mode: the role comes from each user's Okta attribute. */
export function personalOrg(): OktaOrg {
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
export function guideOrg(): OktaOrg {
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
export function groupOrg(): OktaOrg {
  const org = personalOrg();
  org.apps[APP_ID]!.schema = { statsigOrgRole: appAttribute("NONE") };
  delete org.mappings[1]!.properties.statsigOrgRole;
  const groups: FakeAssignment[] = [
    // From 1: the provider never writes priority 0 (fakeOkta.ts, putAssignment); null echoed as Okta does.
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
