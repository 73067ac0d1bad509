/** The outputs of `statsig-okta roles`: a table grouped by role, JSON, and CSV for spreadsheets and access reviews. */
import { chunks, csvCell, csvComments } from "../../cli/output";
import { cell, MAX_LINE, visible } from "../../cli/terminal";
import { ROLES } from "../../domain/orgRoles";
import type { Change } from "../changes";
import { changesJson, changesSummary, changesTable } from "../changesOutput";
import { projectRoleText, type ReportMeta } from "../report";
import { compareRoles } from "./explain";
import type { HeldProjectRole, RoleSource, RolesReport, UserRecord } from "./model";

/** Where and when the report was made: the whole {@link ReportMeta} for a run, org and app at least. */
export type ReportContext = Pick<ReportMeta, "org" | "appId" | "config"> & Partial<ReportMeta>;

/** `roles --since`: the changes from an earlier report to this one, and where that report came from. */
export interface SinceChanges {
  since: { file: string; generatedAt: string; argsSha256: string };
  changes: readonly Change[];
}

/** One column of the table and the CSV. A new per-user fact is one more entry here and one more field in UserRecord. */
interface Column {
  header: string;
  value: (record: UserRecord) => string;
  /** False for columns the table shows otherwise (the role is the table's grouping). */
  inTable: boolean | ((report: RolesReport) => boolean);
  /** Only in reports that have it, table and CSV alike (Statsig's columns: `--statsig`). */
  when?: (report: RolesReport) => boolean;
}

export function sourceText(source: RoleSource): string {
  switch (source.kind) {
    case "individual":
      return "individual assignment";
    case "group":
      return `group "${source.group}"${source.priority !== undefined ? ` (priority ${source.priority})` : ""}`;
    case "mapping":
      return `mapping ${source.expression}`;
    case "app-user":
      return "app user's own value (no mapping)";
    case "unknown":
      return "unknown: none of the user's groups is assigned";
  }
}

const assignedText = (record: UserRecord) =>
  [...(record.assignment.individual ? ["individual"] : []), ...record.assignment.groups.map((group) => group.name)].join(", ");

/** `Statsig-Mobile-Admin; Web: Member`: a Statsig group a link explains as its role, another by its name. */
const heldRolesText = (roles: readonly HeldProjectRole[]) =>
  roles
    .map((p) =>
      p.project !== undefined && p.role !== undefined ? projectRoleText({ project: p.project, role: p.role, team: p.team }) : p.group,
    )
    .join("; ");

const withStatsig = (report: RolesReport) => report.statsig !== undefined;

/** Statsig's org role of the user: empty when it holds none, `(no user)` when Statsig has no such user. */
function statsigRoleText(record: UserRecord): string {
  if (!record.statsig) return "(no user)";
  return `${record.statsig.orgRole ?? ""}${record.statsig.active ? "" : " (inactive)"}`;
}

const COLUMNS: Column[] = [
  { header: "login", value: (r) => r.login, inTable: true },
  { header: "id", value: (r) => r.id, inTable: false },
  { header: "status", value: (r) => r.status ?? "", inTable: true },
  { header: "assigned", value: assignedText, inTable: true },
  // With Statsig's column, the role Okta sends is a column too: the three views side by side.
  { header: "role", value: (r) => r.role ?? "", inTable: withStatsig },
  { header: "source", value: (r) => sourceText(r.source), inTable: true },
  { header: "intended", value: (r) => (r.intended === undefined ? "?" : (r.intended ?? "")), inTable: true },
  { header: "statsig role", value: statsigRoleText, inTable: true, when: withStatsig },
  { header: "sync", value: (r) => r.syncState ?? "", inTable: true },
  {
    header: "project roles",
    value: (r) => r.projectRoles.map((p) => `${projectRoleText(p)}${p.link !== undefined ? ` (link ${p.link})` : ""}`).join("; "),
    // Only for configs with project roles: a column of dashes says nothing.
    inTable: (report) => report.projectRoles,
  },
  {
    header: "statsig project roles",
    value: (r) => heldRolesText(r.statsig?.projectRoles ?? []),
    inTable: (report) => report.projectRoles || report.users.some((r) => (r.statsig?.projectRoles.length ?? 0) > 0),
    when: withStatsig,
  },
  {
    header: "console roles",
    // `Web: admin (Growth: admin)`: each project's role as its console shows it, with team roles.
    value: (r) =>
      (r.statsig?.console ?? [])
        .map((c) => `${c.project}: ${c.role}${c.teams.length > 0 ? ` (${c.teams.map((t) => `${t.team}: ${t.role}`).join(", ")})` : ""}`)
        .join("; "),
    inTable: true,
    when: (report) => (report.statsig?.consoleProjects?.length ?? 0) > 0,
  },
  { header: "findings", value: (r) => r.findings.join(" "), inTable: true },
];

/** The columns of this report, table and CSV. */
const columnsOf = (report: RolesReport) => COLUMNS.filter((column) => column.when?.(report) ?? true);

/** Users per role, Owners first; `null` counts users without a role. */
function roleCounts(report: RolesReport): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const user of report.users) counts.set(user.role, (counts.get(user.role) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => compareRoles(a, b)));
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

export function summaryLine(report: RolesReport): string {
  const parts = [...roleCounts(report)].map(([role, count]) =>
    role === null ? `${count.toLocaleString("en-US")} without a role` : plural(count, cell(role)),
  );
  return `${plural(report.users.length, "app user")}: ${parts.length > 0 ? parts.join(", ") : "none"}; ${plural(report.findings.length, "finding")}`;
}

/** What `--statsig` read: `Statsig (https://statsigapi.net/scim): 120 users, 14 groups`. */
export const statsigLine = (statsig: NonNullable<RolesReport["statsig"]>) =>
  `Statsig (${visible(statsig.url)}): ${plural(statsig.users, "user")}, ${plural(statsig.groups, "group")}`;

const MAX_LISTED = 10;

const roleHeading = (role: string | null) =>
  role === null ? "Without a role" : (ROLES as readonly string[]).includes(role) ? role : `Not a Statsig role: "${cell(role)}"`;

/**
 * The table: a section per role (the report's order: Owners first), then the findings with their fixes. What
 * Okta or the config sent is shown with its control and formatting characters as escapes, and each cell cut
 * at a fixed width ({@link cell}), so the table grows with its rows, not with its longest value.
 */
export function formatTable(report: RolesReport, context: ReportContext, since?: SinceChanges): Iterable<string> {
  const columns = columnsOf(report).filter((column) => (typeof column.inTable === "function" ? column.inTable(report) : column.inTable));
  const cells = (record: UserRecord) => columns.map((column) => cell(column.value(record)) || "-");
  // Two passes over the records (widths, then lines) instead of keeping every row's cells.
  const widths = columns.map((column) => column.header.length);
  for (const record of report.users) cells(record).forEach((text, i) => (widths[i] = Math.max(widths[i]!, text.length)));
  const line = (row: string[]) => `  ${row.map((text, i) => (i === row.length - 1 ? text : text.padEnd(widths[i]!))).join("  ")}\n`;
  const counts = roleCounts(report);

  function* lines(): Generator<string> {
    const config = context.config ? `, config ${visible(context.config)}` : "";
    const when = context.generatedAt !== undefined ? `, ${visible(context.generatedAt)}` : "";
    yield `Statsig org roles of app ${visible(context.appId)} on ${visible(context.org)} (${report.mode} mode${config}${when})\n`;
    yield `${summaryLine(report)}\n`;
    if (report.statsig) yield `${statsigLine(report.statsig)}\n`;
    let section: string | null | undefined;
    for (const record of report.users) {
      if (record.role !== section) {
        section = record.role;
        yield `\n${roleHeading(section)} (${counts.get(section)})\n`;
        yield line(columns.map((column) => column.header.toUpperCase()));
      }
      yield line(cells(record));
    }
    yield* findingLines();
    if (since) {
      yield `\nChanges since ${visible(since.since.file)} (${visible(since.since.generatedAt)})\n`;
      yield `${changesSummary(since.changes)}\n`;
      yield* changesTable(since.changes);
    }
  }
  function* findingLines(): Generator<string> {
    if (report.findings.length === 0) {
      yield "\nNo findings.\n";
      return;
    }
    yield "\nFindings\n";
    for (const [i, finding] of report.findings.entries()) {
      const listed = finding.users
        .slice(0, MAX_LISTED)
        .map((login) => cell(login))
        .join(", ");
      const more = finding.users.length > MAX_LISTED ? ` and ${finding.users.length - MAX_LISTED} more` : "";
      yield `${i + 1}. [${finding.reason ? `${finding.kind}:${finding.reason}` : finding.kind}] ${cell(finding.message, MAX_LINE)}\n`;
      yield `   ${plural(finding.users.length, "user")}: ${listed}${more}\n`;
      yield `   Fix: ${cell(finding.fix, MAX_LINE)}\n`;
    }
  }
  return chunks(lines());
}

/**
 * JSON: where and when the report was made (the context, in its order), the summary, then one user object per
 * line, then one finding per line; with `--since`, the earlier report and one change per line last.
 */
export function formatJson(report: RolesReport, context: ReportContext, since?: SinceChanges): Iterable<string> {
  const head = {
    ...context,
    result: report.findings.length === 0 ? "ok" : "findings",
    mode: report.mode,
    ...(report.statsig ? { statsig: report.statsig } : {}),
    summary: {
      users: report.users.length,
      // By the role value Okta sends; users without one apart, as any text (even "none") can be a value.
      roles: Object.fromEntries([...roleCounts(report)].flatMap(([role, count]) => (role === null ? [] : [[role, count]]))),
      withoutRole: roleCounts(report).get(null) ?? 0,
      findings: report.findings.length,
    },
  };
  const list = function* <T>(items: T[]) {
    for (const [i, item] of items.entries()) yield `${JSON.stringify(item)}${i < items.length - 1 ? "," : ""}\n`;
  };
  function* lines(): Generator<string> {
    yield `${JSON.stringify(head).slice(0, -1)},\n"users": [\n`;
    yield* list(report.users);
    yield `],\n"findings": [\n`;
    yield* list(report.findings);
    if (since) {
      yield `],\n"since": ${JSON.stringify(since.since)},\n"changes": [\n`;
      yield* changesJson(since.changes);
    }
    yield "]}\n";
  }
  return chunks(lines());
}

/**
 * RFC 4180 CSV, one row per user, cells guarded against formulas ({@link csvCell}); with the context, first the
 * report's metadata as `# name: value` comment lines.
 */
export function formatCsv(report: RolesReport, context?: ReportContext): Iterable<string> {
  function* lines(): Generator<string> {
    if (context)
      yield* csvComments(Object.entries(context).flatMap(([name, value]) => (value === undefined ? [] : [[name, value] as const])));
    const columns = columnsOf(report);
    yield `${columns.map((column) => column.header).join(",")}\r\n`;
    for (const record of report.users) yield `${columns.map((column) => csvCell(column.value(record))).join(",")}\r\n`;
  }
  return chunks(lines());
}
