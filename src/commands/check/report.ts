import { cell, MAX_LINE, visible } from "../../cli/terminal";
import { STATSIG_ATTRIBUTE } from "../../domain/orgRoles";
import { isProblem, type CheckItem, type Comparison, type Status } from "./compare";
import type { ImportResource } from "./importFile";
import type { LiveState } from "./live";
import type { StatsigSummary } from "./statsig";

/** One finished check: where, against what, and what was found. */
export interface Report extends Comparison {
  org: string;
  appId: string;
  userType: LiveState["userType"];
  mode: "personal" | "group";
  /** The component name whose children the import ids name. */
  component: string;
  /** The stack file compared against; undefined: the component's defaults. */
  config?: string;
  /** With `--statsig`: what Statsig holds, counted. */
  statsig?: StatsigSummary;
}

export const problemCount = (report: Report): number => report.items.filter(isProblem).length;

export const importResources = (report: Report): ImportResource[] => report.items.flatMap((item) => (item.import ? [item.import] : []));

const LABELS: Record<Status, string> = {
  ok: "ok",
  missing: "MISSING",
  different: "DIFFERENT",
  "not-in-config": "NOT IN CONFIG",
  "not-managed": "not managed",
  unreadable: "UNREADABLE",
};

const stepLabel = (step: string) =>
  step === "groups"
    ? "Groups"
    : step === "push"
      ? "Push"
      : step === "statsig"
        ? "Statsig"
        : step.includes("+")
          ? `Steps ${step}`
          : `Step ${step}`;

/**
 * A value as the user would type it (JSON), as a table cell: its other control and formatting characters as
 * escapes, cut at a fixed width ({@link cell}); "(not set)" for what Okta leaves out. `--json` has it whole.
 */
const show = (value: unknown) => (value === undefined ? "(not set)" : cell(JSON.stringify(value)));

/** A line of ours that may carry what Okta or the config holds (a group's name, a mapping's expression). */
const text = (line: string) => cell(line, MAX_LINE);

function itemLines(item: CheckItem): string[] {
  const lines = [`  ${LABELS[item.status].padEnd(13)} ${stepLabel(item.step).padEnd(9)} ${text(item.title)}`];
  for (const d of item.differences) {
    const expected = d.expected === undefined ? "not set" : `expected ${show(d.expected)}`;
    lines.push(`      ${visible(d.field)}: live ${show(d.live)}, ${expected}${d.hint ? ` (${text(d.hint)})` : ""}`);
  }
  for (const note of item.notes) lines.push(`      ${text(note)}`);
  return lines;
}

/** The human report: a header, one line per step with its differences, the import ids, the verdict. */
export function formatText(report: Report): string {
  const type = report.userType;
  const against = report.config
    ? `Compared with ${visible(report.config)} (component "${report.component}", ${report.mode} mode)`
    : `Compared with the component's defaults (${report.mode} mode): pass --stack or --config to compare with a config`;
  const lines = [
    `Okta org ${visible(report.org)}, Statsig app ${visible(report.appId)}, user type "${cell(type.name)}" (${cell(type.id)}${type.isDefault ? ", the default" : ""})`,
    against,
    "",
    ...report.items.flatMap(itemLines),
  ];
  if (report.otherAssignments > 0) {
    const many = report.otherAssignments > 1;
    lines.push(
      `  ${report.otherAssignments} other group assignment${many ? "s" : ""} of the app ${many ? "carry" : "carries"} no ${STATSIG_ATTRIBUTE}: not compared`,
    );
  }
  if (report.statsig) lines.push(...statsigLines(report.statsig));
  const resources = importResources(report);
  if (resources.length > 0) {
    lines.push("", "Import ids (pulumi import <type> <name> <id>, parent: the OrgRoles component):");
    const rows = resources.map((r) => [r.type, cell(r.name), cell(r.id)] as const);
    const width = Math.max(...rows.map(([type]) => type.length));
    const nameWidth = Math.max(...rows.map(([, name]) => name.length));
    for (const [type, name, id] of rows) lines.push(`  ${type.padEnd(width)}  ${name.padEnd(nameWidth)}  ${id}`);
  }
  const count = problemCount(report);
  lines.push("", count === 0 ? "Everything matches." : `${count} difference${count > 1 ? "s" : ""} found.`);
  return `${lines.join("\n")}\n`;
}

/** `Statsig (https://statsigapi.net/scim) holds 120 users: 1 Owner, 4 Admin, 110 Member, 2 without a role, 3 inactive; 14 groups`. */
function statsigLines(statsig: StatsigSummary): string[] {
  const roles = Object.entries(statsig.roles).map(([role, count]) => `${count} ${cell(role)}`);
  const rest = [
    ...(statsig.withoutRole > 0 ? [`${statsig.withoutRole} without a role`] : []),
    ...(statsig.inactive > 0 ? [`${statsig.inactive} inactive`] : []),
  ];
  const parts = [...roles, ...rest];
  return [
    "",
    `Statsig (${visible(statsig.url)}) holds ${statsig.users} users${parts.length > 0 ? `: ${parts.join(", ")}` : ""}; ${statsig.groups} groups`,
  ];
}

/** Undefined ("not set") becomes null, so JSON keeps the key. */
const jsonValue = (value: unknown) => (value === undefined ? null : value);

/** The machine-readable report (`--json`). */
export function toJson(report: Report) {
  const count = problemCount(report);
  return {
    result: count === 0 ? "match" : "differences",
    differences: count,
    org: report.org,
    appId: report.appId,
    userType: { id: report.userType.id, name: report.userType.name, default: report.userType.isDefault },
    mode: report.mode,
    component: report.component,
    config: report.config ?? null,
    checks: report.items.map((item) => ({
      step: item.step,
      title: item.title,
      status: item.status,
      differences: item.differences.map((d) => ({
        field: d.field,
        live: jsonValue(d.live),
        expected: jsonValue(d.expected),
        ...(d.hint ? { hint: d.hint } : {}),
      })),
      notes: item.notes,
      import: item.import ?? null,
      ...(item.urn !== undefined ? { urn: item.urn } : {}),
    })),
    otherAssignments: report.otherAssignments,
    import: importResources(report),
    ...(report.statsig ? { statsig: report.statsig } : {}),
  };
}
