import { ORG_ROLES_TYPE } from "../orgRoles";
import { childNames, RESOURCE_TYPES } from "../roles";
import type { PlannedResource, RawPlan } from "./run";

export interface PlanStep {
  /** Statsig's step numbers, e.g. "3+5". */
  step: string;
  title: string;
  /** What `pulumi up` creates, or adopts when Okta already has it; absent when the step is not managed. */
  resource?: PlannedResource;
  /** Why the step is not managed, when it is not. */
  notManaged?: string;
}

export interface Plan {
  source: string;
  component: string;
  mode: "personal" | "group";
  steps: PlanStep[];
  groupAssignments: PlannedResource[];
  lookups: RawPlan["lookups"];
  warnings: string[];
}

/** Groups what the program registered by Statsig's steps. */
export function toPlan(raw: RawPlan, source: string): Plan {
  const component = raw.resources.find((r) => r.type === ORG_ROLES_TYPE);
  const ofType = (type: string) => raw.resources.filter((r) => r.type === type);
  const names = childNames(component?.name ?? "");
  const mappings = ofType(RESOURCE_TYPES.mapping);
  const appAttribute = ofType(RESOURCE_TYPES.appUserSchemaProperty)[0];
  const mode = appAttribute?.inputs.scope === "NONE" ? "group" : "personal";
  const step = (stepNo: string, title: string, resource: PlannedResource | undefined, notManaged: string): PlanStep =>
    resource ? { step: stepNo, title, resource } : { step: stepNo, title, notManaged };
  return {
    source,
    component: component?.name ?? "?",
    mode,
    steps: [
      step(
        "1",
        "Okta user attribute",
        ofType(RESOURCE_TYPES.userSchemaProperty)[0],
        "manageOktaAttribute is false: the attribute is owned elsewhere",
      ),
      step("2", "Statsig app attribute", appAttribute, "not created"),
      step(
        "3+5",
        "App -> Okta mapping",
        mappings.find((m) => m.name === names.appToOkta),
        "manageAppToOktaMapping is false",
      ),
      step(
        "4+5",
        "Okta -> App mapping",
        mappings.find((m) => m.name === names.oktaToApp),
        "group mode: a mapping of statsigOrgRole would override the roles of group assignments. If Okta already has one (set by hand or by personal mode), remove it: see the README",
      ),
    ],
    groupAssignments: ofType(RESOURCE_TYPES.groupAssignment).sort((a, b) => Number(a.inputs.priority) - Number(b.inputs.priority)),
    lookups: raw.lookups,
    warnings: raw.warnings,
  };
}

const show = (value: unknown): string => {
  if (value && typeof value === "object" && "unknown" in value) return `<${(value as { unknown: string }).unknown}>`;
  return typeof value === "string" ? value : JSON.stringify(value);
};

function safety(resource: PlannedResource): string {
  const o = resource.options;
  const parts: string[] = [];
  if (o.retainOnDelete) parts.push("kept in Okta on destroy (retainOnDelete)");
  if (o.deleteBeforeReplace) parts.push("delete-before-replace");
  if (o.replaceOnChanges?.length) parts.push(`new resource when ${o.replaceOnChanges.join("/")} change`);
  if (o.protect) parts.push("protected");
  if (resource.inputs.deleteWhenAbsent === false) parts.push("other mappings left alone (deleteWhenAbsent false)");
  if (resource.inputs.retainAssignment === true) parts.push("kept in Okta when removed (retainAssignment)");
  if (o.dependsOn.length) parts.push(`after ${o.dependsOn.join(", ")}`);
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
  lines.push(`Plan for ${plan.source}: OrgRoles "${plan.component}", ${plan.mode} mode`);
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
    lines.push(`Group assignments on the app: ${plan.groupAssignments.length} (lowest priority number wins for a user in several groups)`);
    for (const a of plan.groupAssignments) {
      const role = (JSON.parse(String(a.inputs.profile)) as { statsigOrgRole?: string }).statsigOrgRole;
      lines.push(
        `  priority ${String(a.inputs.priority).padStart(3)}  ${role?.padEnd(6)}  group ${show(a.inputs.groupId)}  profile ${show(a.inputs.profile)}  [${a.name}]`,
      );
    }
    if (plan.groupAssignments[0]) lines.push(`        safety: ${safety(plan.groupAssignments[0])}`);
    lines.push(
      plan.groupAssignments[0]?.inputs.retainAssignment === true
        ? "        removing a group, roleGroups or the component only makes Pulumi forget the assignments (retainAssignments)"
        : "        removing a group from roleGroups unassigns it; removing roleGroups (personal mode) or `pulumi destroy` unassigns every group",
    );
  }
  if (plan.lookups.length) {
    lines.push("");
    lines.push(`Lookups at deploy: ${plan.lookups.map((l) => `${l.token.split(":").pop()}(${JSON.stringify(l.inputs)})`).join(", ")}`);
  }
  for (const w of plan.warnings) lines.push(`warning: ${w}`);
  return `${lines.join("\n")}\n`;
}
