/**
 * The OAuth scope each endpoint read by `check` and `roles` needs, from the `security` entries of Okta's
 * Management API spec. All of them are read-only scopes.
 */
type Command = "check" | "roles";

const READ_SCOPES: { prefix: string; scope: string; what: string; usedBy: readonly Command[] }[] = [
  { prefix: "/api/v1/meta/types/user", scope: "okta.userTypes.read", what: "user types", usedBy: ["check", "roles"] },
  { prefix: "/api/v1/meta/schemas/", scope: "okta.schemas.read", what: "profile schemas", usedBy: ["check"] },
  { prefix: "/api/v1/mappings", scope: "okta.profileMappings.read", what: "profile mappings", usedBy: ["check", "roles"] },
  // listApplicationGroupAssignments and listApplicationUsers (with expand=group / expand=user) both list okta.apps.read.
  { prefix: "/api/v1/apps/", scope: "okta.apps.read", what: "the app's group assignments and users", usedBy: ["check", "roles"] },
  // listGroupUsers
  { prefix: "/api/v1/groups/", scope: "okta.groups.read", what: "group members", usedBy: ["roles"] },
];

const scopesOf = (command: Command): readonly string[] => [
  ...new Set(READ_SCOPES.filter((entry) => entry.usedBy.includes(command)).map((entry) => entry.scope)),
];

/** Every scope `check` needs, requested by default for OAuth. */
export const CHECK_SCOPES: readonly string[] = scopesOf("check");

/** Every scope `roles` needs, requested by default for OAuth. */
export const ROLES_SCOPES: readonly string[] = scopesOf("roles");

/** The read scope of the endpoint at `path`, and what it reads, for error messages. */
export function readScopeFor(path: string): { scope: string; what: string } | undefined {
  const entry = READ_SCOPES.find((candidate) => path.startsWith(candidate.prefix));
  return entry && { scope: entry.scope, what: entry.what };
}
