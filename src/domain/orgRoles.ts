/**
 * Statsig's org roles and the pure rules that turn a list of role groups into Okta group assignments.
 * Kept free of Pulumi so the rules can be table-tested and reused by the plan command.
 */
import { spelledAs } from "./suggest";

/** The SCIM attribute Statsig reads, and the variable name of the attribute on the Statsig app's profile. */
export const STATSIG_ATTRIBUTE = "statsigOrgRole";

/** The role a `statsigOrgRole` value carries: absent, null and "" all mean no role. */
export const sentRole = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** The SCIM namespace Okta needs on the app attribute to send it to Statsig at all. */
export const SCIM_CORE_USER_NAMESPACE = "urn:ietf:params:scim:schemas:core:2.0:User";

/**
 * What changing the Owner means, said once for the warning, the findings and check. Statsig has a single Owner,
 * who "can only be replaced by another user", and refuses a second one ("Cannot set multiple owners";
 * docs/reference/statsig.md#one-owner): a new member of the Owner group is an ownership transfer, and which of
 * the two Statsig does with it is undocumented.
 */
export const OWNER_CHANGE =
  'changing who holds it transfers ownership of the Statsig organization (the Owner "can only be replaced by another user"); if Statsig refuses it ("Cannot set multiple owners"), transfer ownership in Statsig first';

/** What the Owner role group must hold. */
export const OWNER_GROUP_RULE = `the group must hold exactly one person, the current Statsig Owner (Statsig has a single Owner); ${OWNER_CHANGE}`;

/** Statsig's org roles, spelled exactly as Statsig expects them, highest first. */
export const ROLES = ["Owner", "Admin", "Member"] as const;
export type Role = (typeof ROLES)[number];

/** The enum order shown to admins in Okta's profile editor (the order of Statsig's guide). */
export const ROLE_ENUM_ORDER: readonly Role[] = ["Member", "Admin", "Owner"];

/**
 * Group-assignment priorities: the lowest number wins. Okta allows 0 to 100, but the Okta provider never sends
 * 0 (it reads priority with GetOk, which treats 0 as unset: the PUT body is `{}` and Okta appends the group;
 * docs/reference/okta.md#priority-0-is-never-sent), so the highest priority the component can write is 1.
 */
export const OKTA_TOP_PRIORITY = 0;
export const FIRST_PRIORITY = 1;
export const MAX_PRIORITY = 100;

/** The correctly spelled org role for a value that differs only in case, spaces, "-" or "_" ({@link spelledAs}). */
export const suggestRole = (value: string): Role | undefined => spelledAs(ROLES, value);

/** One role group after validation: `key` is what names its child resource. */
export interface RoleGroupKeyed {
  key: string;
  role: Role;
}

export interface PlannedAssignment<T extends RoleGroupKeyed> {
  group: T;
  priority: number;
}

/**
 * Gives every role group an explicit, unique priority: Owner groups first, then Admin, then Member, so a
 * user in several groups gets the highest role. Within a role the order is by key, not by list position,
 * so reordering the list changes nothing in Okta.
 */
export function assignPriorities<T extends RoleGroupKeyed>(groups: readonly T[], firstPriority = FIRST_PRIORITY): PlannedAssignment<T>[] {
  const rank = (role: Role) => ROLES.indexOf(role);
  const sorted = [...groups].sort((a, b) => rank(a.role) - rank(b.role) || compareKeys(a.key, b.key));
  return sorted.map((group, i) => ({ group, priority: firstPriority + i }));
}

function compareKeys(a: string, b: string): number {
  // Code-unit order, not locale order: the result must not depend on the machine running `pulumi up`.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The group assignment profile that carries the role to Statsig. */
export function assignmentProfile(role: Role): string {
  return JSON.stringify({ [STATSIG_ATTRIBUTE]: role });
}
