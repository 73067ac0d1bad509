import type * as pulumi from "@pulumi/pulumi";
import type { ProjectRole } from "./projectRoles";

export type { ProjectRole };

/** One Okta group whose members get a Statsig org role. */
export interface RoleGroup {
  /**
   * The Okta group id (`00g…`). May be an Output, for example the id of an `okta.group.Group` created in the
   * same program; then `name` is required.
   */
  groupId: pulumi.Input<string>;
  /** The Statsig org role for the group's members: exactly `Member`, `Admin` or `Owner`. */
  role: string;
  /**
   * A stable key for the group's assignment resource when `groupId` is an Output (letters, digits, `.`, `_`,
   * `-`; at most 64); required then, ignored for a plain id (the id is the key). Changing it on a deployed
   * stack leaves the group unassigned (a new resource is created, then the old one deleted): alias it instead.
   */
  name?: string;
}

/** Inputs of the {@link OrgRoles} component. Only `appId` is required. */
export interface OrgRolesArgs {
  /** The instance id (`0oa…`) of the Statsig SCIM app in Okta. The app must be active with provisioning enabled. */
  appId: pulumi.Input<string>;
  /**
   * The Okta user type id (`oty…`) whose profile gets the attribute and whose mappings are managed. Default:
   * looked up as the org's default user type (`name: "user"`); a lookup that finds nothing fails the deployment.
   */
  userTypeId?: pulumi.Input<string>;
  /**
   * The variable name of the attribute on the Okta user profile. Default `statsigOrgRole`. Give a second
   * `OrgRoles` in the same org (a staging Statsig org) its own name, or set `manageOktaAttribute: false`.
   * The attribute on the Statsig app is always `statsigOrgRole`, as Statsig requires. Do not change it on a
   * deployed stack: the mapping would push the new, empty attribute to Statsig (copy the values first).
   */
  oktaAttributeName?: string;
  /**
   * Whether this component owns the Okta user attribute (step 1). Default `true`. Set `false` when another
   * `OrgRoles` or stack already manages an attribute of the same name on the same user type.
   */
  manageOktaAttribute?: boolean;
  /**
   * Who may see the Okta user attribute in their own profile: `READ_ONLY` (default) or `HIDE`. `READ_WRITE` is
   * refused: users could set their own Statsig role.
   */
  oktaAttributePermissions?: string;
  /**
   * The profile source that owns the Okta user attribute: `PROFILE_MASTER` (default, follows the org's profile
   * source, as the admin console does) or `OKTA` (admins edit it in Okta even when profiles come from an HR system).
   */
  oktaAttributeMaster?: string;
  /**
   * Whether to manage the app -> Okta mapping (steps 3 and 5: `appuser.statsigOrgRole`, apply on create only).
   * Default `true`. Set `false` if Okta rejects it ("Push status is allowed for profile mastering enabled apps only").
   */
  manageAppToOktaMapping?: boolean;
  /**
   * Sets Pulumi's `protect` on the two schema attributes, so `pulumi destroy` and removing the component fail
   * until it is turned off. Default `false`: they are retained in Okta on destroy either way.
   */
  protect?: boolean;
  /**
   * Okta groups that decide Statsig roles. When set (even to an empty list) the component works in group mode:
   * the app attribute is group-scoped, each group is assigned to the app with its role, and the Okta -> app
   * mapping of the role is not managed. Default: personal mode, the role comes from the Okta user attribute.
   */
  roleGroups?: RoleGroup[];
  /**
   * The priority of the first (highest) role group, 1 to 100; the others follow one by one, Owner groups
   * first, then Admin, then Member. Default `1`, the highest priority the Okta provider can write (it never
   * sends 0): role groups outrank every other group assigned to the app at a higher number, whose profiles
   * would otherwise win for their members. Raise it only when other groups must stay above.
   */
  firstPriority?: number;
  /**
   * Keep the group assignments in Okta when they are deleted by Pulumi (removed from `roleGroups`, component
   * destroyed or renamed): Pulumi forgets them instead of unassigning the groups. Default `false`.
   */
  retainAssignments?: boolean;
  /**
   * Okta groups whose members get a Statsig project role or team role: each is linked by Group Push to
   * Statsig's group `Statsig-<Project>-<Role>` (or `Statsig-<Project>-<Team>-<Role>`). Removing an entry or
   * destroying the component only unlinks: the Statsig group is never deleted. A group here must not also be a
   * role group (Okta does not support one group both assigned to an app and pushed to it); its members must
   * be assigned to the app through other groups. Default: none.
   */
  projectRoles?: ProjectRole[];
  /**
   * The email domains of the Statsig organization (e.g. `["example.com"]`), compared without regard to case.
   * Statsig accepts SCIM users only with the organization's email domain ("User userID is not allowed to be
   * created in this organization"). Nothing is written to Okta: `statsig-okta plan` shows the list and
   * `statsig-okta roles` reports each app user whose user name (as Okta sends it) or email is outside it. Default: not checked.
   */
  emailDomains?: string[];
}
