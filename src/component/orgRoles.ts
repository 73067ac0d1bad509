import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import type { OrgRolesArgs } from "../domain/args";
import { claimOktaObjects, previousSchemaWrite, recordSchemaWrite } from "./claims";
import {
  assignmentsOf,
  childOf,
  DEFAULT_USER_TYPE_NAME,
  describeOrgRoles,
  isRef,
  ORG_ROLES_TYPE,
  RESOURCE_TYPES,
  type DesiredChild,
  type DesiredLookup,
  type GroupLookup,
  type Ref,
  wrongScopeMessage,
} from "../domain/desired";
import { groupLookupError, statsigGroupSearch, type GroupLookupFailure } from "../domain/projectRoles";
import { OrgRolesArgsError, validateOrgRolesArgs } from "../domain/validation";

export { ORG_ROLES_TYPE };

/** One group assignment made by the component. */
export interface OrgRoleGroupAssignment {
  /** The Okta group id. */
  groupId: string;
  /** The Statsig role its members get. */
  role: string;
  /** Its group-assignment priority on the app (lower number wins). */
  priority: number;
}

type Constructor = new (name: string, inputs: any, opts: pulumi.CustomResourceOptions) => pulumi.CustomResource;

/** The provider class of each child type in the description. */
const CONSTRUCTORS: Record<string, Constructor> = {
  [RESOURCE_TYPES.userSchemaProperty]: okta.UserSchemaProperty,
  [RESOURCE_TYPES.appUserSchemaProperty]: okta.AppUserSchemaProperty,
  [RESOURCE_TYPES.mapping]: okta.profile.Mapping,
  [RESOURCE_TYPES.groupAssignment]: okta.app.GroupAssignment,
  [RESOURCE_TYPES.pushGroup]: okta.PushGroup,
};

/**
 * Statsig's "Okta SCIM Org Roles" setup as one component: the `statsigOrgRole` attribute on the Okta user
 * profile and on the Statsig SCIM app, the mappings between them, and optionally Okta groups assigned to the
 * app with a role each.
 *
 * Safe by default: the attributes and mappings are never deleted from Okta by Pulumi; group assignments are
 * removed with their role groups (docs/operations.md, "What destroy, rename and replace do"). Schema writes are
 * serialized, also across instances in one program; mappings come after both attributes; group assignments
 * are written one at a time in priority order.
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
    const desired = describeOrgRoles(name, valid);
    // No args to super(): they would be recorded in state, and Output-valued args crash there (pulumi#23953).
    super(ORG_ROLES_TYPE, name, {}, opts);
    // Conflicts with other instances need the provider this component's children will use, so they are found
    // after super() (the component itself is registered by then) but before any child.
    const provider = this.getProvider("okta::");
    const conflicts = claimOktaObjects(`OrgRoles "${name}"`, provider, valid);
    if (conflicts.length > 0) throw new OrgRolesArgsError(`${ORG_ROLES_TYPE} "${name}"`, conflicts);
    for (const warning of desired.warnings) pulumi.log.warn(warning, this);

    const appId = this.checkedApp(valid.appId);
    const refs: Refs = {
      appId,
      userTypeId: valid.userTypeId !== undefined ? pulumi.output(valid.userTypeId) : this.lookupDefaultUserType(),
      ...this.lookupStatsigGroups(name, appId, desired.lookups),
    };
    // Okta's schema endpoints mishandle parallel writes, also from two instances: the first schema write
    // waits for the last one of the previous instance on the same provider, and for this component's dependsOn.
    const external = [...toArray(opts?.dependsOn), ...toArray(previousSchemaWrite(provider))];
    const ref = (name: string) => {
      const output = refs[name];
      if (!output) throw new Error(`${ORG_ROLES_TYPE}: no lookup provides ${name}`);
      return output;
    };
    const created = new Map<string, pulumi.CustomResource>();
    for (const child of desired.children) {
      const Ctor = CONSTRUCTORS[child.type];
      if (!Ctor) throw new Error(`${ORG_ROLES_TYPE}: no provider class for ${child.type}`);
      const dependsOn: pulumi.Input<pulumi.Resource>[] = child.dependsOn.map((other) => created.get(other)!);
      // A lookup to wait for, as an Output that resolves to no resources (or fails with the lookup).
      for (const name of child.waitsFor ?? []) dependsOn.push(ref(name).apply(() => [] as unknown as pulumi.Resource));
      if (isSchemaWrite(child) && child.dependsOn.length === 0) dependsOn.push(...external);
      created.set(child.name, new Ctor(child.name, resolveRefs(child.inputs, ref), { parent: this, ...child.options, dependsOn }));
    }
    const lastSchemaWrite = desired.children.filter(isSchemaWrite).at(-1);
    if (lastSchemaWrite) recordSchemaWrite(provider, created.get(lastSchemaWrite.name)!);

    const appAttribute = created.get(childOf(desired, "appAttribute").name) as okta.AppUserSchemaProperty;
    this.warnOnLiveScope(appAttribute, childOf(desired, "appAttribute").inputs.scope as string);

    const mappingId = (kind: "appToOkta" | "oktaToApp") => {
      const child = childOf(desired, kind);
      return child ? created.get(child.name)!.id : pulumi.output(undefined);
    };
    this.appId = ref("appId");
    this.userTypeId = ref("userTypeId");
    this.mode = pulumi.output(desired.mode);
    this.oktaAttributeName = pulumi.output(valid.oktaAttributeName);
    this.appToOktaMappingId = mappingId("appToOkta");
    this.oktaToAppMappingId = mappingId("oktaToApp");
    // One combined Output (not one per group): it resolves once every assignment exists.
    this.groupAssignments = pulumi.all(
      assignmentsOf(desired).map(({ name, group }) =>
        (created.get(name) as okta.app.GroupAssignment).groupId.apply((groupId): OrgRoleGroupAssignment => ({
          groupId,
          role: group.role,
          priority: group.priority,
        })),
      ),
    );
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

  /**
   * The app id, once Okta confirms the app exists and is active. Without this a wrong id, an inactive app or
   * provisioning turned off fails deep in the provider ("expected non-empty ID for new state during Create").
   */
  private checkedApp(appId: pulumi.Input<string>): pulumi.Output<string> {
    return pulumi.output(appId).apply(async (id) => {
      let app: okta.app.GetAppResult;
      try {
        app = await okta.app.getApp({ id, activeOnly: false }, { parent: this });
      } catch (error) {
        // A 404, but also a 401/403 or a network error: say what each would need.
        const detail = error instanceof Error ? error.message : String(error);
        throw new Error(
          `${ORG_ROLES_TYPE}: Okta did not return the app ${id}${detail ? ` (${detail})` : ""}: check that appId is the Statsig SCIM app's id (Applications > the Statsig app: the 0oa… id in its URL), and that the provider's credentials can read apps (okta.apps.read)`,
        );
      }
      if (app.status !== "ACTIVE") {
        throw new Error(
          `${ORG_ROLES_TYPE}: the Statsig app ${id} is ${app.status || "not active"}: activate it and enable provisioning (Provisioning > To App) in Okta, then run pulumi up again`,
        );
      }
      return id;
    });
  }

  /**
   * The Okta id of each looked-up Statsig group, by its ref: `okta.getGroups` with the exact search among the
   * groups imported from the app, once the app check passed. All lookups resolve together, so one error names
   * every entry whose name matched no group, or several, with the app's imported `Statsig-` names (one more
   * search, only then); the children wait for them (`waitsFor`), so nothing is written before.
   */
  private lookupStatsigGroups(name: string, appId: pulumi.Output<string>, lookups: readonly DesiredLookup[]): Refs {
    const wanted = lookups.filter((lookup): lookup is DesiredLookup & { group: GroupLookup } => lookup.group !== undefined);
    if (wanted.length === 0) return {};
    const search = async (app: string, groupName?: string) => {
      const query = statsigGroupSearch(app, groupName);
      try {
        return (await okta.getGroups({ search: query }, { parent: this })).groups;
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new Error(
          `${ORG_ROLES_TYPE} "${name}": Okta did not answer the groups search ${query}${detail ? ` (${detail})` : ""}: the provider's credentials must be able to read groups (okta.groups.read)`,
        );
      }
    };
    const ids = pulumi
      .all([appId, pulumi.all(wanted.map((lookup) => pulumi.output(lookup.group.name as pulumi.Input<string>)))])
      .apply(async ([app, names]) => {
        const found = await Promise.all(names.map((name) => search(app, name)));
        const failures: GroupLookupFailure[] = [];
        const byRef: Record<string, string> = {};
        wanted.forEach((lookup, i) => {
          // Only a group of exactly that name counts: Okta does not document whether `eq` ignores case here.
          const groups = found[i]!.filter((group) => group.name === names[i]);
          if (groups.length === 1) byRef[lookup.provides] = groups[0]!.id;
          else failures.push({ entry: lookup.group.entry, name: names[i]!, found: groups.map((group) => group.id) });
        });
        if (failures.length > 0) {
          const imported = (await search(app)).map((group) => group.name);
          throw new Error(groupLookupError(`${ORG_ROLES_TYPE} "${name}"`, app, failures, imported));
        }
        return byRef;
      });
    return Object.fromEntries(wanted.map((lookup) => [lookup.provides, ids.apply((byRef) => byRef[lookup.provides]!)]));
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

  /**
   * Okta keeps the scope an attribute was created with, and the attribute ignores scope changes (see the
   * description), so the state holds the live scope: say so when it is not the mode's.
   */
  private warnOnLiveScope(appAttribute: okta.AppUserSchemaProperty, wanted: string) {
    appAttribute.scope.apply((live) => {
      if (live !== undefined && live !== wanted) pulumi.log.warn(wrongScopeMessage(live, wanted), this);
    });
  }
}

const isSchemaWrite = (child: DesiredChild) => child.kind === "oktaAttribute" || child.kind === "appAttribute";

function toArray<T>(value: pulumi.Input<pulumi.Input<T>[]> | pulumi.Input<T> | undefined): pulumi.Input<T>[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value as pulumi.Input<T>];
}

/** The deploy-time Output of each {@link Ref}, by its name. */
type Refs = Record<Ref["ref"], pulumi.Output<string>>;

/** The description's inputs with each {@link Ref} replaced by its deploy-time Output. */
function resolveRefs(value: unknown, ref: (name: string) => pulumi.Output<string>): unknown {
  if (isRef(value)) return ref(value.ref);
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, ref));
  if (typeof value === "object" && value !== null && !pulumi.Output.isInstance(value) && !(value instanceof Promise)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveRefs(item, ref)]));
  }
  return value;
}
