import { cell, MAX_CELL, MAX_LINE, visible } from "../../cli/terminal";
import { isDeferred } from "../../domain/validation";
import { STATSIG_GROUP_PREFIX } from "../../domain/projectRoles";
import {
  assignmentsOf,
  isRef,
  LOOKUP_TOKENS,
  pushLinksOf,
  RESOURCE_TYPES,
  type Desired,
  type DesiredChild,
  type PushGroupChild,
  type DesiredLookup,
  type Ref,
} from "../../domain/desired";

/** A value that only Okta knows, shown as such instead of invented. */
export interface Unknown {
  unknown: string;
}

export interface PlannedResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  options: DesiredChild["options"];
  dependsOn: string[];
}

export interface PlanStep {
  /** Statsig's step numbers, e.g. "3+5". */
  step: string;
  title: string;
  /** What `pulumi up` creates, or adopts when Okta already has it; absent when the step is not managed. */
  resource?: PlannedResource;
  /** Why the step is not managed, when it is not. */
  notManaged?: string;
}

/** A group push link, and how it finds its Statsig group. */
export interface PlannedPushLink extends PlannedResource {
  role: string;
  /**
   * `lookup`: `targetGroupId` is the id of the one group the search finds at deploy; `id`: the given id;
   * `create`: by name, Okta asks Statsig to create the team (createTeam).
   */
  target: "lookup" | "id" | "create";
  /** The search, for a looked-up link (an {@link Unknown} while the app id or the name is an Output). */
  lookup?: { token: string; search: string | Unknown; name: unknown };
}

export interface Plan {
  source: string;
  component: string;
  mode: "personal" | "group";
  steps: PlanStep[];
  groupAssignments: PlannedResource[];
  /** Project and team roles: one group push link each, with the lookup that finds its Statsig group. */
  pushLinks: PlannedPushLink[];
  lookups: { token: string; inputs: Record<string, unknown>; why: string }[];
  /** The Statsig organization's email domains: written nowhere, checked by `statsig-okta roles`. */
  emailDomains?: string[];
  warnings: string[];
}

/** Replaces what is known only at deploy with a description of it; the app id is given, so it is shown. */
function shown(value: unknown, lookups: DesiredLookup[]): unknown {
  if (isRef(value)) {
    const lookup = lookups.find((l) => l.provides === (value as Ref).ref);
    if (lookup?.known !== undefined && !isDeferred(lookup.known)) return lookup.known;
    if (lookup?.group) return { unknown: "the Statsig group's id, found by the lookup at deploy" };
    return { unknown: value.ref === "userTypeId" ? "the user type id, looked up in Okta by `pulumi up`" : `${value.ref}, known at deploy` };
  }
  if (isDeferred(value)) return { unknown: "an Output of the program, known at deploy" };
  if (Array.isArray(value)) return value.map((item) => shown(item, lookups));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v, lookups)]));
  return value;
}

const planned = (child: DesiredChild, lookups: DesiredLookup[]): PlannedResource => ({
  type: child.type,
  name: child.name,
  inputs: shown(child.inputs, lookups) as Record<string, unknown>,
  options: child.options,
  dependsOn: child.dependsOn,
});

/** The search of a looked-up link, as the component runs it at deploy. */
function linkLookup(child: PushGroupChild, lookups: DesiredLookup[]): PlannedPushLink["lookup"] {
  const ref = child.inputs.targetGroupId;
  const lookup = isRef(ref) ? lookups.find((l) => l.provides === ref.ref) : undefined;
  if (!lookup?.group) return undefined;
  const search = lookup.args.search;
  return {
    token: lookup.token,
    search: typeof search === "string" ? search : { unknown: "the search, built at deploy from the app id and the name" },
    name: shown(lookup.group.name, lookups),
  };
}

const roleOfLink = ({ push }: PushGroupChild) =>
  push.team !== undefined ? `${push.role} of team ${push.team} in project ${push.project}` : `${push.role} in project ${push.project}`;

/** The description, step by step, as `plan` shows it. */
export function toPlan(desired: Desired, source: string): Plan {
  const steps: PlanStep[] = [];
  for (const kind of ["oktaAttribute", "appAttribute", "appToOkta", "oktaToApp"] as const) {
    const child = desired.children.find((c) => c.kind === kind);
    const skipped = desired.notManaged.find((n) => n.kind === kind);
    if (child) steps.push({ step: child.step, title: child.title, resource: planned(child, desired.lookups) });
    else if (skipped) steps.push({ step: skipped.step, title: skipped.title, notManaged: skipped.why });
  }
  return {
    source,
    component: desired.component,
    mode: desired.mode,
    steps,
    groupAssignments: assignmentsOf(desired).map((child) => planned(child, desired.lookups)),
    pushLinks: pushLinksOf(desired).map((child) => {
      const lookup = linkLookup(child, desired.lookups);
      return { ...planned(child, desired.lookups), role: roleOfLink(child), target: child.push.target, ...(lookup ? { lookup } : {}) };
    }),
    lookups: desired.lookups.map((l) => ({
      token: l.token,
      inputs: shown(l.args, desired.lookups) as Record<string, unknown>,
      why: l.why,
    })),
    ...(desired.emailDomains !== undefined ? { emailDomains: desired.emailDomains } : {}),
    warnings: desired.warnings,
  };
}

/**
 * A value of the plan as a cell of its text: a stack file's characters that a terminal would act on shown as
 * escapes, cut at a fixed width ({@link cell}); `--json` has it whole.
 */
const show = (value: unknown): string => {
  if (value && typeof value === "object" && "unknown" in value) return cell(`<${(value as Unknown).unknown}>`);
  return cell(typeof value === "string" ? value : JSON.stringify(value));
};

function safety(resource: PlannedResource): string {
  const o = resource.options;
  const parts: string[] = [];
  if (o.retainOnDelete) parts.push("kept in Okta on destroy (retainOnDelete)");
  if (o.deleteBeforeReplace) parts.push("delete-before-replace");
  if (o.replaceOnChanges?.length) parts.push(`new resource when ${o.replaceOnChanges.join("/")} change`);
  if (o.ignoreChanges?.length) parts.push(`${o.ignoreChanges.join("/")} never changed in place (Okta ignores it)`);
  if (o.protect) parts.push("protected");
  if (resource.inputs.deleteWhenAbsent === false) parts.push("other mappings left alone (deleteWhenAbsent false)");
  if (resource.inputs.retainAssignment === true) parts.push("kept in Okta when removed (retainAssignment)");
  if (resource.dependsOn.length) parts.push(`after ${resource.dependsOn.join(", ")}`);
  return parts.join("; ");
}

function details(resource: PlannedResource): string[] {
  const i = resource.inputs;
  switch (resource.type) {
    case RESOURCE_TYPES.userSchemaProperty:
      return [
        `variable ${show(i.index)} on ${i.userType === undefined ? "the default user type" : `user type ${show(i.userType)}`}, type ${show(i.type)}, title "${show(i.title)}"`,
        `values ${(i.enums as unknown[]).map(show).join(" | ")} (picked from a list), permissions ${show(i.permissions)}, master ${show(i.master)}`,
      ];
    case RESOURCE_TYPES.appUserSchemaProperty:
      return [
        `app ${show(i.appId)}, variable ${show(i.index)}, type ${show(i.type)}, values ${(i.enums as unknown[]).map(show).join(" | ")}`,
        `external name ${show(i.externalName)}, namespace ${show(i.externalNamespace)}`,
        `attribute type ${i.scope === "SELF" ? "Personal (scope SELF)" : "Group (scope NONE)"}, permissions ${show(i.permissions)}`,
      ];
    case RESOURCE_TYPES.mapping:
      return [
        `source ${show(i.sourceId)} -> target ${show(i.targetId)}`,
        ...(i.mappings as { id: unknown; expression: unknown; pushStatus: unknown }[]).map(
          (m) =>
            `${show(m.id)} <- ${show(m.expression)}, apply on ${m.pushStatus === "PUSH" ? "create and update (PUSH)" : "create only (DONT_PUSH)"}`,
        ),
      ];
    default:
      return [];
  }
}

/** The plan as a person reads it. */
export function formatPlan(plan: Plan): string {
  const lines: string[] = [];
  lines.push(`Plan for ${visible(plan.source)}: OrgRoles "${visible(plan.component)}", ${plan.mode} mode`);
  lines.push("`pulumi up` creates these in Okta, or adopts them where Okta already has them:");
  for (const s of plan.steps) {
    lines.push("");
    if (!s.resource) {
      lines.push(`Step ${s.step}  ${s.title}: not managed (${s.notManaged})`);
      continue;
    }
    lines.push(`Step ${s.step}  ${s.title}  [${s.resource.type} "${s.resource.name}"]`);
    for (const d of details(s.resource)) lines.push(`        ${d}`);
    lines.push(`        safety: ${safety(s.resource)}`);
  }
  lines.push("");
  if (plan.mode === "personal") {
    lines.push("Group assignments: none (personal mode: each user's role comes from the Okta user attribute)");
  } else {
    lines.push(
      `Group assignments on the app: ${plan.groupAssignments.length} (lowest priority number wins for a user in several groups), written one at a time in this order`,
    );
    for (const a of plan.groupAssignments) {
      const role = (JSON.parse(String(a.inputs.profile)) as { statsigOrgRole?: string }).statsigOrgRole;
      lines.push(
        `  priority ${String(a.inputs.priority).padStart(3)}  ${role?.padEnd(6)}  group ${show(a.inputs.groupId)}  profile ${show(a.inputs.profile)}  [${a.name}]`,
      );
    }
    const first = plan.groupAssignments[0];
    const shared = first ? safety({ ...first, dependsOn: [] }) : "";
    if (shared) lines.push(`        safety: ${shared}`);
    lines.push(
      first?.inputs.retainAssignment === true
        ? "        removing a group, roleGroups or the component only makes Pulumi forget the assignments (retainAssignments, once an earlier `pulumi up` stored it: the provider reads it from the old state)"
        : "        removing a group from roleGroups unassigns it; removing roleGroups (personal mode) or `pulumi destroy` unassigns every group",
    );
  }
  if (plan.pushLinks.length) {
    lines.push("");
    lines.push(`Project and team roles (group push links on the app): ${plan.pushLinks.length}`);
    for (const link of plan.pushLinks) {
      const target =
        link.target === "id"
          ? `Statsig group ${show(link.inputs.targetGroupId)}`
          : `"${show(link.target === "create" ? link.inputs.targetGroupName : link.lookup?.name)}"`;
      lines.push(`  group ${show(link.inputs.sourceGroupId)} -> ${target}: ${cell(link.role, MAX_LINE)}  [${show(link.name)}]`);
      if (link.lookup) {
        const { search, name } = link.lookup;
        // The search whole, but its name cut like any other cell.
        const shownSearch = typeof search === "string" ? cell(search, search.length - String(name).length + MAX_CELL) : show(search);
        lines.push(`        targetGroupId: the one group found at deploy by ${link.lookup.token.split(":").pop()}(search: ${shownSearch})`);
      } else if (link.target === "create") {
        lines.push("        by name (createTeam): Okta asks Statsig to create the team; nothing is looked up");
      }
    }
    if (plan.pushLinks.some((link) => link.lookup)) {
      lines.push(
        `        a search that finds no group, or several, stops \`pulumi up\` before anything is written, listing the app's imported "${STATSIG_GROUP_PREFIX}" groups (import them: the Statsig app > Import > Import Now)`,
      );
    }
    lines.push(`        safety: ${safety(plan.pushLinks[0]!)}`);
    lines.push(
      "        removing an entry or `pulumi destroy` unlinks the group (deleteTargetGroupOnDestroy false): the Statsig group and its members stay in Statsig. A changed role or target unlinks the old group first and keeps its members there: remove them in Statsig",
    );
  }
  if (plan.lookups.length) {
    lines.push("");
    lines.push("Lookups at deploy:");
    // The group lookups are shown with their links above.
    for (const l of plan.lookups.filter((lookup) => lookup.token !== LOOKUP_TOKENS.groups)) {
      lines.push(`  ${l.token.split(":").pop()}(${show(l.inputs)}): ${l.why}`);
    }
  }
  if (plan.emailDomains) {
    lines.push("");
    lines.push(
      `Email domains of the Statsig organization: ${plan.emailDomains.map(show).join(", ")} (nothing written to Okta: \`statsig-okta roles\` reports app users whose user name (as Okta sends it) or email is outside them, whom Statsig refuses)`,
    );
  }
  for (const w of plan.warnings) lines.push(`warning: ${cell(w, MAX_LINE)}`);
  return `${lines.join("\n")}\n`;
}
