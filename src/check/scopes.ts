/**
 * The OAuth scopes each endpoint read by `check` needs, from the `security` entries of Okta's Management API
 * spec (an entry listing two scopes needs both). All of them are read-only scopes. First match wins.
 */
const READ_SCOPES: { match: RegExp; scopes: string[]; what: string }[] = [
  { match: /^\/api\/v1\/meta\/types\/user/, scopes: ["okta.userTypes.read"], what: "user types" },
  { match: /^\/api\/v1\/meta\/schemas\//, scopes: ["okta.schemas.read"], what: "profile schemas" },
  { match: /^\/api\/v1\/mappings/, scopes: ["okta.profileMappings.read"], what: "profile mappings" },
  // listGroupPushMappings: okta.apps.read and okta.groups.read.
  { match: /^\/api\/v1\/apps\/[^/]+\/group-push\//, scopes: ["okta.apps.read", "okta.groups.read"], what: "group push links" },
  { match: /^\/api\/v1\/apps\//, scopes: ["okta.apps.read"], what: "app group assignments" },
  // getGroup: the names of the groups push links target.
  { match: /^\/api\/v1\/groups\//, scopes: ["okta.groups.read"], what: "groups" },
];

/** Every scope `check` needs, requested by default for OAuth. */
export const CHECK_SCOPES: readonly string[] = [...new Set(READ_SCOPES.flatMap((entry) => entry.scopes))];

/** The read scope(s) of the endpoint at `path`, and what it reads, for error messages. */
export function readScopeFor(path: string): { scope: string; what: string } | undefined {
  const entry = READ_SCOPES.find((candidate) => candidate.match.test(path));
  return entry && { scope: entry.scopes.join(" and "), what: entry.what };
}
