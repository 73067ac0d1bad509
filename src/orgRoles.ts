import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OrgRolesArgs } from "./args";
import { assignmentProfile, childNames, groupAssignmentName, ROLE_ENUM_ORDER, SCIM_CORE_USER_NAMESPACE, STATSIG_ATTRIBUTE } from "./roles";
import { claimOktaObjects } from "./claims";
import { OrgRolesArgsError, planAssignments, validateOrgRolesArgs, type ValidArgs } from "./validation";

/** The type token of the component. */
export const ORG_ROLES_TYPE = "statsig-okta:index:OrgRoles";

/** Okta's name for the default user type. */
const DEFAULT_USER_TYPE_NAME = "user";

/** One group assignment made by the component. */
export interface OrgRoleGroupAssignment {
  /** The Okta group id. */
  groupId: string;
  /** The Statsig role its members get. */
  role: string;
  /** Its group-assignment priority on the app (lower number wins). */
  priority: number;
}

/**
 * Statsig's "Okta SCIM Org Roles" setup as one component: the `statsigOrgRole` attribute on the Okta user
 * profile and on the Statsig SCIM app, the mappings between them, and optionally Okta groups assigned to the
 * app with a role each.
 *
 * Safe by default: the attributes and mappings are never deleted from Okta by Pulumi; group assignments are
 * removed with their role groups (see the README's "What destroy, rename and replace do"). Schema writes are
 * serialized; mappings come after both attributes.
 */
export class OrgRoles extends pulumi.ComponentResource {
  /** The Statsig app instance id. */
  public readonly appId: pulumi.Output<string>;
  /** The Okta user type id (`oty…`) used by the attribute and the mappings. */
  public readonly userTypeId: pulumi.Output<string>;
  /** `personal` (role from the Okta user attribute) or `group` (role from group assignments). */
  public readonly mode: pulumi.Output<string>;
  /** The variable name of the Okta user attribute that holds the role. */
  public readonly oktaAttributeName: pulumi.Output<string>;
  /** The `prm…` id of the app -> Okta mapping, when it is managed. */
  public readonly appToOktaMappingId: pulumi.Output<string | undefined>;
  /** The `prm…` id of the Okta -> app mapping; not managed in group mode. */
  public readonly oktaToAppMappingId: pulumi.Output<string | undefined>;
  /** The group assignments, highest priority first; empty in personal mode. */
  public readonly groupAssignments: pulumi.Output<OrgRoleGroupAssignment[]>;

  constructor(name: string, args: OrgRolesArgs, opts?: pulumi.ComponentResourceOptions) {
    // Validate before super(): bad input must not register even the component.
    const valid = validateOrgRolesArgs(`${ORG_ROLES_TYPE} "${name}"`, args);
    // No args to super(): they would be recorded in state, and Output-valued args crash there (pulumi#23953).
    super(ORG_ROLES_TYPE, name, {}, opts);
    // Needs the provider this component's children will use, so it runs after super() but before any child.
    const conflicts = claimOktaObjects(`OrgRoles "${name}"`, this.getProvider("okta::"), valid);
    if (conflicts.length > 0) throw new OrgRolesArgsError(`${ORG_ROLES_TYPE} "${name}"`, conflicts);
    for (const warning of valid.warnings) pulumi.log.warn(warning, this);

    const groupMode = valid.roleGroups !== undefined;
    const names = childNames(name);
    const appId = pulumi.output(valid.appId);
    const userTypeId = valid.userTypeId !== undefined ? pulumi.output(valid.userTypeId) : this.lookupDefaultUserType();
    const enums = [...ROLE_ENUM_ORDER];
    const oneOfs = ROLE_ENUM_ORDER.map((role) => ({ const: role, title: role }));
    // Attributes hold every user's role: Pulumi never deletes them (retainOnDelete). A replacement keeps the
    // same id, so the old one goes first (deleteBeforeReplace), which under retainOnDelete only forgets it.
    const attributeOptions: pulumi.CustomResourceOptions = {
      parent: this,
      retainOnDelete: true,
      deleteBeforeReplace: true,
      ...(valid.protect ? { protect: true } : {}),
    };

    // Step 1: the Okta user attribute.
    const userAttribute = valid.manageOktaAttribute
      ? new okta.UserSchemaProperty(
          names.oktaAttribute,
          {
            index: valid.oktaAttributeName,
            title: "Statsig org role",
            description: "Statsig organization role, sent to Statsig over SCIM as statsigOrgRole.",
            type: "string",
            enums,
            oneOfs,
            permissions: valid.oktaAttributePermissions,
            master: valid.oktaAttributeMaster,
            // The default user type is the provider's default; naming it would change the import id.
            ...(valid.userTypeId !== undefined ? { userType: valid.userTypeId } : {}),
          },
          attributeOptions,
        )
      : undefined;

    // Step 2: the attribute on the Statsig app's user profile. Okta's schema endpoints mishandle parallel
    // writes, so it waits for step 1.
    const appAttribute = new okta.AppUserSchemaProperty(
      names.appAttribute,
      {
        appId,
        index: STATSIG_ATTRIBUTE,
        title: "Statsig org role",
        description: "Statsig organization role (SCIM statsigOrgRole).",
        type: "string",
        externalName: STATSIG_ATTRIBUTE,
        externalNamespace: SCIM_CORE_USER_NAMESPACE,
        // Group mode: the role comes from the group assignment (Group attribute). Otherwise Personal.
        scope: groupMode ? "NONE" : "SELF",
        enums,
        oneOfs,
        permissions: "READ_ONLY",
      },
      { ...attributeOptions, dependsOn: userAttribute ? [userAttribute] : [] },
    );

    // A mapping's destroy nulls every property of its source/target pair (Okta's and Statsig's defaults too),
    // so it is never run (retainOnDelete). Its update never re-resolves the pair, so a new pair is a new resource.
    const mappingOptions: pulumi.CustomResourceOptions = {
      parent: this,
      retainOnDelete: true,
      replaceOnChanges: ["sourceId", "targetId"],
      dependsOn: userAttribute ? [userAttribute, appAttribute] : [appAttribute],
    };

    // Steps 3 and 5: Statsig -> Okta, applied on create only.
    const appToOkta = valid.manageAppToOktaMapping
      ? new okta.profile.Mapping(
          names.appToOkta,
          {
            sourceId: appId,
            targetId: userTypeId,
            deleteWhenAbsent: false,
            mappings: [{ id: valid.oktaAttributeName, expression: `appuser.${STATSIG_ATTRIBUTE}`, pushStatus: "DONT_PUSH" }],
          },
          mappingOptions,
        )
      : undefined;

    // Steps 4 and 5: Okta -> Statsig, applied on create and update. Not in group mode: a mapping overrides the
    // values of group assignments.
    const oktaToApp = groupMode
      ? undefined
      : new okta.profile.Mapping(
          names.oktaToApp,
          {
            sourceId: userTypeId,
            targetId: appId,
            deleteWhenAbsent: false,
            mappings: [{ id: STATSIG_ATTRIBUTE, expression: `user.${valid.oktaAttributeName}`, pushStatus: "PUSH" }],
          },
          mappingOptions,
        );

    const assignments = this.assignGroups(name, valid, appId, appAttribute);

    this.appId = appId;
    this.userTypeId = userTypeId;
    this.mode = pulumi.output(groupMode ? "group" : "personal");
    this.oktaAttributeName = pulumi.output(valid.oktaAttributeName);
    this.appToOktaMappingId = appToOkta ? appToOkta.id : pulumi.output(undefined);
    this.oktaToAppMappingId = oktaToApp ? oktaToApp.id : pulumi.output(undefined);
    this.groupAssignments = assignments;
    this.registerOutputs({
      appId: this.appId,
      userTypeId: this.userTypeId,
      mode: this.mode,
      oktaAttributeName: this.oktaAttributeName,
      appToOktaMappingId: this.appToOktaMappingId,
      oktaToAppMappingId: this.oktaToAppMappingId,
      groupAssignments: this.groupAssignments,
    });
  }

  /** The org's default user type id; fails the deployment rather than carry on with an empty id. */
  private lookupDefaultUserType(): pulumi.Output<string> {
    return okta.user.getUserTypeOutput({ name: DEFAULT_USER_TYPE_NAME }, { parent: this }).apply((type) => {
      if (!type.id) {
        throw new Error(
          `${ORG_ROLES_TYPE}: Okta returned no id for the default user type "${DEFAULT_USER_TYPE_NAME}"; set userTypeId to the type id (oty…)`,
        );
      }
      return type.id;
    });
  }

  /** Group mode: one assignment per role group, named by the group, with its role and priority. */
  private assignGroups(name: string, valid: ValidArgs, appId: pulumi.Output<string>, appAttribute: okta.AppUserSchemaProperty) {
    const planned = planAssignments(valid);
    const assignments = planned.map(
      ({ group, priority }) =>
        new okta.app.GroupAssignment(
          groupAssignmentName(name, group.key),
          {
            appId,
            groupId: group.groupId,
            priority,
            profile: assignmentProfile(group.role),
            ...(valid.retainAssignments ? { retainAssignment: true } : {}),
          },
          // The profile names the app attribute, so the attribute must exist first.
          { parent: this, dependsOn: [appAttribute] },
        ),
    );
    // One combined Output (not one per group): it resolves once every assignment exists.
    return pulumi
      .all(assignments.map((assignment) => assignment.groupId))
      .apply((groupIds) =>
        groupIds.map((groupId, i): OrgRoleGroupAssignment => ({ groupId, role: planned[i]!.group.role, priority: planned[i]!.priority })),
      );
  }
}
