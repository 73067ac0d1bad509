/**
 * The one description of what an OrgRoles component wants in Okta: every child with its type, name, inputs,
 * resource options and what it waits for, and the lookups made at deploy. The component registers exactly
 * this, `plan` prints it and `check` compares a live org with it. Pure data: no Pulumi runtime.
 */
import { assignmentProfile, assignPriorities, ROLE_ENUM_ORDER, SCIM_CORE_USER_NAMESPACE, STATSIG_ATTRIBUTE, type Role } from "./orgRoles";
import { PUSH_GROUP_TYPE, pushGroupName, statsigGroupSearch, STATSIG_GROUP_PREFIX, type ValidProjectRole } from "./projectRoles";
import type { ValidArgs } from "./validation";

/** The type token of the component. */
export const ORG_ROLES_TYPE = "statsig-okta:index:OrgRoles";

/** The Okta provider's type tokens of the component's children, as state, plans and `pulumi import` name them. */
export const RESOURCE_TYPES = {
  userSchemaProperty: "okta:index/userSchemaProperty:UserSchemaProperty",
  appUserSchemaProperty: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
  mapping: "okta:profile/mapping:Mapping",
  groupAssignment: "okta:app/groupAssignment:GroupAssignment",
  pushGroup: PUSH_GROUP_TYPE,
} as const;

/** The lookups the component makes at deploy, by the provider's function tokens. */
export const LOOKUP_TOKENS = {
  app: "okta:app/getApp:getApp",
  userType: "okta:user/getUserType:getUserType",
  groups: "okta:index/getGroups:getGroups",
} as const;

/** Okta's name for every org's default user type (read-only). */
export const DEFAULT_USER_TYPE_NAME = "user";

/**
 * A value only known at deploy time, from a lookup; inputs hold it where the value goes. `appId`, `userTypeId`,
 * or `targetGroupId:<key>`, the Statsig group of the project role entry with that key.
 */
export interface Ref {
  readonly ref: string;
}
export const APP_ID: Ref = { ref: "appId" };
export const USER_TYPE_ID: Ref = { ref: "userTypeId" };
/** The Statsig group id of the project role entry `key`, found by its lookup. */
export const targetGroupRef = (key: string): Ref => ({ ref: `targetGroupId:${key}` });
export const isRef = (value: unknown): value is Ref =>
  typeof value === "object" && value !== null && Object.keys(value).length === 1 && "ref" in value;

/** The lookup of one project role entry's Statsig group, by name among the groups imported from the app. */
export interface GroupLookup {
  /** The entry, as errors name it: `projectRoles[0] (group 00g…, Member in project Web)`. */
  entry: string;
  /** The group name searched for; an Output when `targetGroupName` is one. */
  name: unknown;
}

export interface DesiredLookup {
  /** The input value it provides. */
  provides: Ref["ref"];
  token: string;
  args: Record<string, unknown>;
  /** The value when known before deploy (the app id is given; the lookup only checks the app). */
  known?: unknown;
  why: string;
  /** Set on the lookups of project roles' Statsig groups (`okta.getGroups`), whose args are built at deploy. */
  group?: GroupLookup;
}

/** The four steps of Statsig's setup that have at most one child each. */
export type StepKind = "oktaAttribute" | "appAttribute" | "appToOkta" | "oktaToApp";
export type ChildKind = StepKind | "groupAssignment" | "pushGroup";

/** The Pulumi resource options that carry the component's safety defaults. */
export interface ChildOptions {
  retainOnDelete?: boolean;
  deleteBeforeReplace?: boolean;
  protect?: boolean;
  replaceOnChanges?: string[];
  ignoreChanges?: string[];
}

/** What every child has, whatever its kind. */
interface ChildBase {
  /** Statsig's step(s): "1", "2", "3+5", "4+5", "groups" (org roles) or "push" (project and team roles). */
  step: string;
  title: string;
  type: string;
  name: string;
  /** The provider inputs; ids may be Outputs (passed through) or {@link Ref}s. */
  inputs: Record<string, unknown>;
  options: ChildOptions;
  /** Names of the children this one waits for. */
  dependsOn: string[];
  /** Lookups this one waits for although its inputs do not use them. */
  waitsFor?: Ref["ref"][];
}

/** The child of one of the four steps (schema attributes and mappings). */
export interface StepChild<K extends StepKind = StepKind> extends ChildBase {
  kind: K;
}

/** A group assignment: the role group it assigns. */
export interface GroupAssignmentChild extends ChildBase {
  kind: "groupAssignment";
  group: { key: string; role: Role; priority: number };
}

/** A group push link: the project or team role it gives. */
export interface PushGroupChild extends ChildBase {
  kind: "pushGroup";
  push: {
    key: string;
    project: string;
    role: string;
    team?: string;
    /** How the link finds its Statsig group: looked up by name, a given id, or created by name (createTeam). */
    target: ValidProjectRole["target"]["by"];
    /** The Statsig group's name, when the link is made by name or by a lookup of it. */
    targetName?: unknown;
  };
}

/** One child resource of the component, told apart by `kind`. */
export type DesiredChild = StepChild | GroupAssignmentChild | PushGroupChild;

export interface NotManaged {
  kind: ChildKind;
  step: string;
  title: string;
  why: string;
}

export interface Desired {
  component: string;
  mode: "personal" | "group";
  /** The variable name of the Okta user attribute that holds the role (also when it is managed elsewhere). */
  oktaAttributeName: string;
  lookups: DesiredLookup[];
  children: DesiredChild[];
  notManaged: NotManaged[];
  warnings: string[];
}

/** Step titles, as plan and check show them. */
export const STEP_TITLES: Record<StepKind, string> = {
  oktaAttribute: "Okta user attribute",
  appAttribute: "Statsig app attribute",
  appToOkta: "Statsig -> Okta mapping (apply on create)",
  oktaToApp: "Okta -> Statsig mapping (apply on create and update)",
};

/** The child resource names; they start with the component's name so aliases carry over. */
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

const ROLE_VALUES = {
  type: "string",
  enums: [...ROLE_ENUM_ORDER],
  oneOfs: ROLE_ENUM_ORDER.map((role) => ({ const: role, title: role })),
};

/**
 * Attributes hold every user's role: Pulumi never deletes them (retainOnDelete). A replacement keeps the
 * same id, so the old one goes first (deleteBeforeReplace), which under retainOnDelete only forgets it.
 */
const attributeOptions = (args: ValidArgs, replaceOnChanges: string[]): ChildOptions => ({
  retainOnDelete: true,
  deleteBeforeReplace: true,
  // The provider updates these in place although they name another object (not ForceNew in
  // terraform-provider-okta v6.12.0; docs/reference/okta.md#appid-and-usertype-are-updated-in-place): the resource id would keep naming the old one.
  replaceOnChanges,
  ...(args.protect ? { protect: true } : {}),
});

/**
 * A mapping's destroy nulls every property of its source/target pair (Okta's and Statsig's defaults too), so it
 * is never run (retainOnDelete). Its update never re-resolves the pair, so a new pair is a new resource.
 */
const MAPPING_OPTIONS: ChildOptions = { retainOnDelete: true, replaceOnChanges: ["sourceId", "targetId"] };

/**
 * The provider (v6.12 `resource_okta_push_group.go`) already replaces on a change of each of these fields
 * (RequiresReplace); restated so that a provider release that updated one in place could not leave a link's
 * id naming the old group.
 */
const PUSH_GROUP_REPLACE_ON = ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"];

/** What a link targets, as plan and check show it. */
function targetTitle(entry: ValidProjectRole): string {
  const { target } = entry;
  const shown = (value: unknown) => (typeof value === "string" ? value : "(an Output)");
  if (target.by === "id") return `Statsig group ${shown(target.targetGroupId)}`;
  if (target.by === "create") return `"${target.name}", created as a new team`;
  return typeof target.name === "string" ? `"${target.name}", looked up` : "targetGroupName (an Output), looked up";
}

/**
 * One `okta.PushGroup` per entry, linking the Okta group to its Statsig group.
 * - The target is the Statsig group's Okta id: looked up at deploy (a {@link targetGroupRef}) or given. Okta's
 *   spec, `createGroupPushMapping`: "If `targetGroupId` is provided, it links to an existing group. If
 *   `targetGroupName` is provided, it creates a new group" (docs/reference/okta.md#linking-by-id). Only
 *   `createTeam` sends a name, to create a team.
 * - `deleteTargetGroupOnDestroy: false`, always: the provider's default (true) deletes the Statsig group when
 *   the link is destroyed. Removing an entry, renaming, destroying or replacing only unlinks (Okta leaves the
 *   group and its members in Statsig). No `retainOnDelete`: unlinking is the wanted removal.
 * - `deleteBeforeReplace`: a replacement (new target) must unlink first, as Okta links an Okta group to one
 *   group of the app; create-before-delete would ask for a second link of the same group.
 * - `status: "ACTIVE"`: the provider's default too, but an INACTIVE link pushes nothing.
 */
export function pushGroupResources(
  componentName: string,
  projectRoles: readonly ValidProjectRole[],
  appId: unknown,
  dependsOn: string[],
): PushGroupChild[] {
  return projectRoles.map((entry) => {
    const { target } = entry;
    return {
      kind: "pushGroup",
      step: "push",
      title: `Group ${typeof entry.groupId === "string" ? entry.groupId : `"${entry.key}"`} -> ${entry.team !== undefined ? `team ${entry.team} in ` : ""}project ${entry.project}: ${entry.role} (${targetTitle(entry)})`,
      type: PUSH_GROUP_TYPE,
      name: pushGroupName(componentName, entry.key),
      inputs: {
        appId,
        sourceGroupId: entry.groupId,
        status: "ACTIVE",
        deleteTargetGroupOnDestroy: false,
        ...(target.by === "create"
          ? { targetGroupName: target.name }
          : { targetGroupId: target.by === "id" ? target.targetGroupId : targetGroupRef(entry.key) }),
      },
      options: { deleteBeforeReplace: true, replaceOnChanges: [...PUSH_GROUP_REPLACE_ON] },
      dependsOn: [...dependsOn],
      push: {
        key: entry.key,
        project: entry.project,
        role: entry.role,
        ...(entry.team !== undefined ? { team: entry.team } : {}),
        target: target.by,
        ...(target.by !== "id" ? { targetName: target.name } : {}),
      },
    };
  });
}

/** What an entry is, as a failed lookup names it. */
const entryLabel = (entry: ValidProjectRole, index: number) =>
  `projectRoles[${index}] (group ${typeof entry.groupId === "string" ? entry.groupId : `"${entry.key}"`}, ${entry.role} in ${entry.team !== undefined ? `team ${entry.team} of ` : ""}project ${entry.project})`;

/**
 * The lookups of the entries' Statsig groups: `okta.getGroups` with the exact search for the name among the
 * app's imported groups. The search needs the app id, known once the app check passed, so it is built at
 * deploy from {@link statsigGroupSearch}; here only when the app id and the name are plain strings.
 */
function groupLookups(projectRoles: readonly ValidProjectRole[], appId: unknown): DesiredLookup[] {
  return projectRoles.flatMap((entry, index) => {
    const { target } = entry;
    if (target.by !== "lookup") return [];
    const search = typeof appId === "string" && typeof target.name === "string" ? statsigGroupSearch(appId, target.name) : undefined;
    return [
      {
        provides: targetGroupRef(entry.key).ref,
        token: LOOKUP_TOKENS.groups,
        args: search !== undefined ? { search } : {},
        why: `the Okta id of the Statsig group to link ${entryLabel(entry, index).replace(/^projectRoles\[\d+\] /, "")}; none or several fail the deployment before anything is written, listing the app's imported "${STATSIG_GROUP_PREFIX}" groups`,
        group: { entry: entryLabel(entry, index), name: target.name },
      },
    ];
  });
}

/** Each step's number in Statsig's guide and the provider type of its child. */
const STEPS: Record<StepKind, { step: string; type: string }> = {
  oktaAttribute: { step: "1", type: RESOURCE_TYPES.userSchemaProperty },
  appAttribute: { step: "2", type: RESOURCE_TYPES.appUserSchemaProperty },
  appToOkta: { step: "3+5", type: RESOURCE_TYPES.mapping },
  oktaToApp: { step: "4+5", type: RESOURCE_TYPES.mapping },
};

/** The child of a step: its step, title, type and name follow from its kind. */
function stepChild<K extends StepKind>(
  component: string,
  kind: K,
  inputs: Record<string, unknown>,
  options: ChildOptions,
  dependsOn: readonly string[],
): StepChild<K> {
  const { step, type } = STEPS[kind];
  return { kind, step, title: STEP_TITLES[kind], type, name: childNames(component)[kind], inputs, options, dependsOn: [...dependsOn] };
}

const notManaged = (kind: StepKind, why: string): NotManaged => ({ kind, step: STEPS[kind].step, title: STEP_TITLES[kind], why });

type Step = StepChild | NotManaged;
const isChild = (step: Step): step is StepChild => "type" in step;
const isNotManaged = (step: Step): step is NotManaged => !isChild(step);

/** Step 1: the Okta user attribute that holds each user's role. */
function oktaAttributeStep(component: string, args: ValidArgs): Step {
  if (!args.manageOktaAttribute) return notManaged("oktaAttribute", "manageOktaAttribute is false: the attribute is owned elsewhere");
  const inputs = {
    index: args.oktaAttributeName,
    title: "Statsig org role",
    description: "Statsig organization role, sent to Statsig over SCIM as statsigOrgRole.",
    ...ROLE_VALUES,
    permissions: args.oktaAttributePermissions,
    master: args.oktaAttributeMaster,
    // The default user type is the provider's default; naming it would change the import id.
    ...(args.userTypeId !== undefined ? { userType: args.userTypeId } : {}),
  };
  return {
    ...stepChild(component, "oktaAttribute", inputs, attributeOptions(args, ["userType"]), []),
    // Nothing is written before Okta confirms the app (a wrong or inactive app fails with a clear message).
    waitsFor: ["appId"],
  };
}

/** Step 2: the Statsig app attribute that Okta sends to Statsig as statsigOrgRole. */
function appAttributeStep(component: string, args: ValidArgs, schemaWrites: readonly string[]): StepChild<"appAttribute"> {
  const inputs = {
    appId: APP_ID,
    index: STATSIG_ATTRIBUTE,
    title: "Statsig org role",
    description: "Statsig organization role (SCIM statsigOrgRole).",
    ...ROLE_VALUES,
    externalName: STATSIG_ATTRIBUTE,
    externalNamespace: SCIM_CORE_USER_NAMESPACE,
    // Group mode: the role comes from the group assignment (attribute type Group). Otherwise Personal.
    scope: isGroupMode(args) ? "NONE" : "SELF",
    permissions: "READ_ONLY",
  };
  // Okta ignores a scope change on an existing attribute (docs/reference/okta.md#app-attribute-scope-cannot-change), and the provider's
  // ForceNew would re-plan a replacement on every run. The component warns instead, and check reports it.
  return stepChild(component, "appAttribute", inputs, { ...attributeOptions(args, ["appId"]), ignoreChanges: ["scope"] }, schemaWrites);
}

/** Steps 3 and 5: the app -> Okta mapping, applied on create only. */
function appToOktaStep(component: string, args: ValidArgs, schemaWrites: readonly string[]): Step {
  if (!args.manageAppToOktaMapping) return notManaged("appToOkta", "manageAppToOktaMapping is false");
  const inputs = {
    sourceId: APP_ID,
    targetId: args.userTypeId ?? USER_TYPE_ID,
    deleteWhenAbsent: false,
    mappings: [{ id: args.oktaAttributeName, expression: `appuser.${STATSIG_ATTRIBUTE}`, pushStatus: "DONT_PUSH" }],
  };
  return stepChild(component, "appToOkta", inputs, MAPPING_OPTIONS, schemaWrites);
}

/** Steps 4 and 5: the Okta -> app mapping that pushes each user's own role (personal mode only). */
function oktaToAppStep(component: string, args: ValidArgs, schemaWrites: readonly string[]): Step {
  if (isGroupMode(args)) {
    return notManaged(
      "oktaToApp",
      `group mode: a mapping of ${STATSIG_ATTRIBUTE} would override the roles of group assignments. If Okta already has one (set by hand or by personal mode), remove it: see docs/operations.md, "Switching modes"`,
    );
  }
  const inputs = {
    sourceId: args.userTypeId ?? USER_TYPE_ID,
    targetId: APP_ID,
    deleteWhenAbsent: false,
    mappings: [{ id: STATSIG_ATTRIBUTE, expression: `user.${args.oktaAttributeName}`, pushStatus: "PUSH" }],
  };
  return stepChild(component, "oktaToApp", inputs, MAPPING_OPTIONS, schemaWrites);
}

/**
 * The role groups' assignments, one at a time in ascending priority: concurrent writes re-index priorities
 * (two simultaneous PUTs were recorded both answering priority 1; docs/reference/okta.md#concurrent-assignment-writes-re-index-priorities). The first
 * waits for `after`, the app attribute its profile names.
 */
function groupAssignments(component: string, args: ValidArgs, after: string): GroupAssignmentChild[] {
  const children: GroupAssignmentChild[] = [];
  for (const { group, priority } of assignPriorities(args.roleGroups ?? [], args.firstPriority)) {
    children.push({
      kind: "groupAssignment",
      step: "groups",
      title: `Group ${typeof group.groupId === "string" ? group.groupId : `"${group.key}"`} -> ${group.role}, priority ${priority}`,
      type: RESOURCE_TYPES.groupAssignment,
      name: groupAssignmentName(component, group.key),
      inputs: {
        appId: APP_ID,
        groupId: group.groupId,
        priority,
        profile: assignmentProfile(group.role),
        ...(args.retainAssignments ? { retainAssignment: true } : {}),
      },
      options: {},
      dependsOn: [children.at(-1)?.name ?? after],
      group: { key: group.key, role: group.role, priority },
    });
  }
  return children;
}

/**
 * The lookups made at deploy: the app always, the default user type when none is given, and the Statsig group
 * of each project role entry that is looked up.
 */
function lookupsOf(args: ValidArgs): DesiredLookup[] {
  const app: DesiredLookup = {
    provides: "appId",
    token: LOOKUP_TOKENS.app,
    args: { id: args.appId, activeOnly: false },
    known: args.appId,
    why: "checks that the Statsig app exists and is active before anything is written to it",
  };
  const groups = groupLookups(args.projectRoles, args.appId);
  if (args.userTypeId !== undefined) return [app, ...groups];
  const userType: DesiredLookup = {
    provides: "userTypeId",
    token: LOOKUP_TOKENS.userType,
    args: { name: DEFAULT_USER_TYPE_NAME },
    why: "the id of the org's default user type, which the mappings connect to the app",
  };
  return [app, userType, ...groups];
}

const isGroupMode = (args: ValidArgs) => args.roleGroups !== undefined;

/** The description of an OrgRoles component named `component` for validated args. */
export function describeOrgRoles(component: string, args: ValidArgs): Desired {
  const oktaAttribute = oktaAttributeStep(component, args);
  // Okta's schema endpoints mishandle parallel writes, so the app attribute waits for the Okta attribute,
  // and the mappings for both.
  const appAttribute = appAttributeStep(component, args, isChild(oktaAttribute) ? [oktaAttribute.name] : []);
  const schemaWrites = [...appAttribute.dependsOn, appAttribute.name];
  const steps = [oktaAttribute, appAttribute, appToOktaStep(component, args, schemaWrites), oktaToAppStep(component, args, schemaWrites)];
  const assignments = groupAssignments(component, args, appAttribute.name);
  // Project and team roles: one group push link per entry, after the group assignments: Okta pushes only
  // users who are assigned to the app.
  const pushLinks = pushGroupResources(component, args.projectRoles, APP_ID, [assignments.at(-1)?.name ?? appAttribute.name]);
  const lookups = lookupsOf(args);
  const children = [...steps.filter(isChild), ...assignments, ...pushLinks];
  // Nothing is written before every Statsig group is found: each child that waits for no other child waits
  // for the group lookups, and every other child waits for one of those.
  const groupRefs = lookups.filter((lookup) => lookup.group !== undefined).map((lookup) => lookup.provides);
  if (groupRefs.length > 0) {
    for (const child of children) if (child.dependsOn.length === 0) child.waitsFor = [...(child.waitsFor ?? []), ...groupRefs];
  }
  return {
    component,
    mode: isGroupMode(args) ? "group" : "personal",
    oktaAttributeName: args.oktaAttributeName,
    lookups,
    children,
    notManaged: steps.filter(isNotManaged),
    warnings: args.warnings,
  };
}

/**
 * The child of a step, if the component manages it. The app attribute is always there: every mode needs it.
 */
export function childOf(desired: Desired, kind: "appAttribute"): StepChild<"appAttribute">;
export function childOf<K extends StepKind>(desired: Desired, kind: K): StepChild<K> | undefined;
export function childOf<K extends StepKind>(desired: Desired, kind: K): StepChild<K> | undefined {
  const child = desired.children.find((c): c is StepChild<K> => c.kind === kind);
  if (!child && kind === "appAttribute") throw new Error(`the description of "${desired.component}" has no app attribute`);
  return child;
}

/** The group assignments, highest priority first. */
export const assignmentsOf = (desired: Desired): GroupAssignmentChild[] =>
  desired.children.filter((child): child is GroupAssignmentChild => child.kind === "groupAssignment");

/** The group push links of the project and team roles. */
export const pushLinksOf = (desired: Desired): PushGroupChild[] =>
  desired.children.filter((child): child is PushGroupChild => child.kind === "pushGroup");

const scopeName = (scope: string) => (scope === "SELF" ? "Personal (SELF)" : scope === "NONE" ? "Group (NONE)" : scope);

/**
 * What to do when the live app attribute has the other mode's scope. Okta ignores a scope change on an
 * existing attribute, so only deleting it helps; the component never deletes it. docs/operations.md's "Switching
 * modes" gives the same steps.
 */
export function wrongScopeMessage(live: string, wanted: string): string {
  const lost = wanted === "NONE" ? "group roles do not reach Statsig" : "each user's own role does not reach Statsig";
  return (
    `the Statsig app attribute ${STATSIG_ATTRIBUTE} is ${scopeName(live)} in Okta, but ${wanted === "NONE" ? "group" : "personal"} mode needs ${scopeName(wanted)} ` +
    `and Okta cannot change the scope of an existing attribute; until it is fixed, ${lost}. Fix, in order: ` +
    `1. remove ${STATSIG_ATTRIBUTE} from the Okta -> Statsig mapping, if it is mapped (Okta refuses to delete a mapped attribute); ` +
    `2. delete the app attribute ${STATSIG_ATTRIBUTE} in Okta (every app user's value is gone until \`pulumi up\` recreates it, and a push in between may send Statsig an empty role, whose effect Statsig does not document); ` +
    '3. `pulumi refresh`; 4. `pulumi up` (docs/operations.md: "Switching modes")'
  );
}
