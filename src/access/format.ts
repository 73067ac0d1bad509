/** The outputs of `statsig-okta roles`: a table grouped by role, JSON, and CSV for spreadsheets and access reviews. */
import { ROLES } from "../roles";
import { roleRank } from "./explain";
import type { RoleSource, RolesReport, UserRecord } from "./model";

export interface ReportContext {
  org: string;
  appId: string;
  /** The stack file the config came from; undefined for the component's defaults. */
  config?: string;
}

/** One column of the table and the CSV. A new per-user fact is one more entry here and one more field in UserRecord. */
interface Column {
  header: string;
  value: (record: UserRecord) => string;
  /** False for columns the table shows otherwise (the role is the table's grouping). */
  inTable: boolean;
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

const COLUMNS: Column[] = [
  { header: "login", value: (r) => r.login, inTable: true },
  { header: "id", value: (r) => r.id, inTable: false },
  { header: "status", value: (r) => r.status ?? "", inTable: true },
  { header: "assigned", value: assignedText, inTable: true },
  { header: "role", value: (r) => r.role ?? "", inTable: false },
  { header: "source", value: (r) => sourceText(r.source), inTable: true },
  { header: "intended", value: (r) => (r.intended === undefined ? "?" : (r.intended ?? "")), inTable: true },
  { header: "sync", value: (r) => r.syncState ?? "", inTable: true },
  { header: "findings", value: (r) => r.findings.join(" "), inTable: true },
];

/** Users per role, Owners first; `null` counts users without a role. */
function roleCounts(report: RolesReport): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const user of report.users) counts.set(user.role, (counts.get(user.role) ?? 0) + 1);
  return new Map([...counts].sort(([a], [b]) => roleRank(a) - roleRank(b) || String(a).localeCompare(String(b))));
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

export function summaryLine(report: RolesReport): string {
  const parts = [...roleCounts(report)].map(([role, count]) =>
    role === null ? `${count.toLocaleString("en-US")} without a role` : plural(count, role),
  );
  return `${plural(report.users.length, "app user")}: ${parts.length > 0 ? parts.join(", ") : "none"}; ${plural(report.findings.length, "finding")}`;
}

const MAX_LISTED = 10;

export function formatTable(report: RolesReport, context: ReportContext): string {
  const columns = COLUMNS.filter((column) => column.inTable);
  const rowsByRole = new Map<string | null, string[][]>();
  const widths = columns.map((column) => column.header.length);
  for (const record of report.users) {
    const row = columns.map((column) => column.value(record) || "-");
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i]!, cell.length)));
    const rows = rowsByRole.get(record.role) ?? [];
    rows.push(row);
    rowsByRole.set(record.role, rows);
  }
  const line = (cells: string[]) => `  ${cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ")}\n`;

  let out = `Statsig org roles of app ${context.appId} on ${context.org} (${report.mode} mode${context.config ? `, config ${context.config}` : ""})\n`;
  out += `${summaryLine(report)}\n`;
  for (const [role, count] of roleCounts(report)) {
    out += `\n${role === null ? "Without a role" : (ROLES as readonly string[]).includes(role) ? role : `Not a Statsig role: ${JSON.stringify(role)}`} (${count})\n`;
    out += line(columns.map((column) => column.header.toUpperCase()));
    for (const row of rowsByRole.get(role)!) out += line(row);
  }
  if (report.findings.length > 0) {
    out += `\nFindings\n`;
    report.findings.forEach((finding, i) => {
      const listed = finding.users.slice(0, MAX_LISTED).join(", ");
      const more = finding.users.length > MAX_LISTED ? ` and ${finding.users.length - MAX_LISTED} more` : "";
      out += `${i + 1}. [${finding.reason ? `${finding.kind}:${finding.reason}` : finding.kind}] ${finding.message}\n`;
      out += `   ${plural(finding.users.length, "user")}: ${listed}${more}\n`;
      out += `   Fix: ${finding.fix}\n`;
    });
  } else {
    out += "\nNo findings.\n";
  }
  return out;
}

export function toJson(report: RolesReport, context: ReportContext) {
  return {
    result: report.findings.length === 0 ? "ok" : "findings",
    org: context.org,
    appId: context.appId,
    mode: report.mode,
    ...(context.config !== undefined ? { config: context.config } : {}),
    summary: {
      users: report.users.length,
      roles: Object.fromEntries([...roleCounts(report)].map(([role, count]) => [role ?? "none", count])),
      findings: report.findings.length,
    },
    users: report.users,
    findings: report.findings,
  };
}

/**
 * RFC 4180 CSV. A cell that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR) gets a
 * leading `'`: group names and logins come from Okta, and access reviews open the file in a spreadsheet.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(report: RolesReport): string {
  const lines = [COLUMNS.map((column) => column.header).join(",")];
  for (const record of report.users) lines.push(COLUMNS.map((column) => csvCell(column.value(record))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}
