/**
 * The OAuth scopes each endpoint read by `check` and `roles` needs, from the `security` entries of Okta's
 * Management API spec (an entry listing two scopes needs both). All of them are read-only scopes. First match
 * wins.
 */
type Reader = OktaCommand | "check-push";

/** The commands that read a live org. */
export type OktaCommand = "check" | "roles";

const READ_SCOPES: { match: RegExp; scopes: string[]; what: string; usedBy: readonly Reader[] }[] = [
  { match: /^\/api\/v1\/meta\/types\/user/, scopes: ["okta.userTypes.read"], what: "user types", usedBy: ["check", "roles"] },
  { match: /^\/api\/v1\/meta\/schemas\//, scopes: ["okta.schemas.read"], what: "profile schemas", usedBy: ["check"] },
  { match: /^\/api\/v1\/mappings/, scopes: ["okta.profileMappings.read"], what: "profile mappings", usedBy: ["check", "roles"] },
  // listGroupPushMappings: okta.apps.read and okta.groups.read.
  {
    match: /^\/api\/v1\/apps\/[^/]+\/group-push\//,
    scopes: ["okta.apps.read", "okta.groups.read"],
    what: "group push links",
    usedBy: ["check-push", "roles"],
  },
  // listApplicationGroupAssignments and listApplicationUsers (with expand=group / expand=user) both list okta.apps.read.
  { match: /^\/api\/v1\/apps\//, scopes: ["okta.apps.read"], what: "the app's group assignments and users", usedBy: ["check", "roles"] },
  // getGroup (the names of the groups push links target) and listGroupUsers.
  { match: /^\/api\/v1\/groups\//, scopes: ["okta.groups.read"], what: "groups and group members", usedBy: ["check-push", "roles"] },
];

const scopesOf = (command: Reader): readonly string[] => [
  ...new Set(READ_SCOPES.filter((entry) => entry.usedBy.includes(command)).flatMap((entry) => entry.scopes)),
];

/** Every scope `check` needs, requested by default for OAuth. */
export const CHECK_SCOPES: readonly string[] = scopesOf("check");

/** What `check` needs besides when the config has project roles: the push links and their target groups. */
export const PUSH_LINK_SCOPES: readonly string[] = scopesOf("check-push").filter((scope) => !CHECK_SCOPES.includes(scope));

/** Every scope `roles` needs, requested by default for OAuth. */
export const ROLES_SCOPES: readonly string[] = scopesOf("roles");

/**
 * The scopes OAuth asks for unless OKTA_SCOPES names others: everything `command` reads for a config. `check`
 * reads the group push links, and asks for their scopes, only when the config has project roles.
 */
export function scopesFor(command: OktaCommand, hasProjectRoles: boolean): readonly string[] {
  if (command === "roles") return ROLES_SCOPES;
  return hasProjectRoles ? [...CHECK_SCOPES, ...PUSH_LINK_SCOPES] : CHECK_SCOPES;
}

/** The read scope(s) of the endpoint at `path`, and what it reads, for error messages. */
export function readScopeFor(path: string): { scope: string; what: string } | undefined {
  const entry = READ_SCOPES.find((candidate) => candidate.match.test(path));
  return entry && { scope: entry.scopes.join(" and "), what: entry.what };
}
