/**
 * The OAuth scope each endpoint read by `check` needs, from the `security` entries of Okta's Management API
 * spec. All of them are read-only scopes.
 */
const READ_SCOPES: { prefix: string; scope: string; what: string }[] = [
  { prefix: "/api/v1/meta/types/user", scope: "okta.userTypes.read", what: "user types" },
  { prefix: "/api/v1/meta/schemas/", scope: "okta.schemas.read", what: "profile schemas" },
  { prefix: "/api/v1/mappings", scope: "okta.profileMappings.read", what: "profile mappings" },
  { prefix: "/api/v1/apps/", scope: "okta.apps.read", what: "app group assignments" },
];

/** Every scope `check` needs, requested by default for OAuth. */
export const CHECK_SCOPES: readonly string[] = [...new Set(READ_SCOPES.map((entry) => entry.scope))];

/** The read scope of the endpoint at `path`, and what it reads, for error messages. */
export function readScopeFor(path: string): { scope: string; what: string } | undefined {
  const entry = READ_SCOPES.find((candidate) => path.startsWith(candidate.prefix));
  return entry && { scope: entry.scope, what: entry.what };
}
