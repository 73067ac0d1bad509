/**
 * Statsig's org roles and the pure rules that turn a list of role groups into Okta group assignments.
 * Kept free of Pulumi so the rules can be table-tested and reused by the plan command.
 */

/** The SCIM attribute Statsig reads, and the variable name of the attribute on the Statsig app's profile. */
export const STATSIG_ATTRIBUTE = "statsigOrgRole";

/** The SCIM namespace Okta needs on the app attribute to send it to Statsig at all. */
export const SCIM_CORE_USER_NAMESPACE = "urn:ietf:params:scim:schemas:core:2.0:User";

/** Statsig's org roles, spelled exactly as Statsig expects them, highest first. */
export const ROLES = ["Owner", "Admin", "Member"] as const;
export type Role = (typeof ROLES)[number];

/** The enum order shown to admins in Okta's profile editor (the order of Statsig's guide). */
export const ROLE_ENUM_ORDER: readonly Role[] = ["Member", "Admin", "Owner"];

/** Okta's lowest group-assignment priority number is the highest priority (see the README's known limits). */
export const MIN_PRIORITY = 0;
export const MAX_PRIORITY = 100;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The correctly spelled role for a value that differs only in case or surrounding spaces, if any. */
export function suggestRole(value: string): Role | undefined {
  const folded = value.trim().toLowerCase();
  return ROLES.find((role) => role.toLowerCase() === folded);
}

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
export function assignPriorities<T extends RoleGroupKeyed>(groups: readonly T[], firstPriority = MIN_PRIORITY): PlannedAssignment<T>[] {
  const rank = (role: Role) => ROLES.indexOf(role);
  const sorted = [...groups].sort((a, b) => rank(a.role) - rank(b.role) || compareKeys(a.key, b.key));
  return sorted.map((group, i) => ({ group, priority: firstPriority + i }));
}

function compareKeys(a: string, b: string): number {
  // Code-unit order, not locale order: the result must not depend on the machine running `pulumi up`.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Okta provider's type tokens of the component's children, as state, plans and `pulumi import` name them. */
export const RESOURCE_TYPES = {
  userSchemaProperty: "okta:index/userSchemaProperty:UserSchemaProperty",
  appUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  mapping: "okta:profile/mapping:Mapping",
  groupAssignment: "okta:app/groupAssignment:GroupAssignment",
} as const;

/** The child resource names of the five steps; they start with the component's name so aliases carry over. */
export function childNames(componentName: string) {
  return {
    oktaAttribute: `${componentName}-okta-attribute`,
    appAttribute: `${componentName}-app-attribute`,
    appToOkta: `${componentName}-app-to-okta`,
    oktaToApp: `${componentName}-okta-to-app`,
  };
}

/**
 * The child resource name of a group assignment. It depends only on the component's name and the group's
 * key (its plain id, or the name given for an id that is an Output), never on its position or its role,
 * so reordering or changing a role is an in-place update and never unassigns the group.
 */
export function groupAssignmentName(componentName: string, key: string): string {
  return `${componentName}-group-${key}`;
}

/** The group assignment profile that carries the role to Statsig. */
export function assignmentProfile(role: Role): string {
  return JSON.stringify({ [STATSIG_ATTRIBUTE]: role });
}
