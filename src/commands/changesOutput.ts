/** The changes between two roles reports as text, JSON lines and CSV rows: `statsig-okta diff` and `roles --since`. */
import { csvRow } from "../cli/output";
import { cell } from "../cli/terminal";
import { CHANGE_KINDS, type Change, type ChangeKind } from "./changes";

/** The changes of each kind, in {@link CHANGE_KINDS}' order; kinds without changes left out. */
export function changeCounts(changes: readonly Change[]): Partial<Record<ChangeKind, number>> {
  const counts = new Map<ChangeKind, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  return Object.fromEntries(CHANGE_KINDS.flatMap((kind) => (counts.has(kind) ? [[kind, counts.get(kind)!]] : [])));
}

/** `3 changes: 1 user-added, 2 org-role`, or `No changes.` */
export function changesSummary(changes: readonly Change[]): string {
  if (changes.length === 0) return "No changes.";
  const kinds = Object.entries(changeCounts(changes)).map(([kind, count]) => `${count.toLocaleString("en-US")} ${kind}`);
  return `${changes.length.toLocaleString("en-US")} change${changes.length === 1 ? "" : "s"}: ${kinds.join(", ")}`;
}

const COLUMNS = ["login", "id", "kind", "before", "after"] as const;
const values = (change: Change): string[] => [change.login, change.id ?? "", change.kind, change.before ?? "", change.after ?? ""];

/**
 * The table of changes, one line each, every value made visible and cut as in the roles table ({@link cell});
 * `-` for none. Two passes (widths, then lines), so no row is held.
 */
export function* changesTable(changes: readonly Change[]): Generator<string> {
  const cells = (change: Change) => values(change).map((value) => cell(value) || "-");
  const widths = COLUMNS.map((column) => column.length);
  for (const change of changes) cells(change).forEach((text, i) => (widths[i] = Math.max(widths[i]!, text.length)));
  const line = (row: string[]) => `  ${row.map((text, i) => (i === row.length - 1 ? text : text.padEnd(widths[i]!))).join("  ")}\n`;
  if (changes.length === 0) return;
  yield line(COLUMNS.map((column) => column.toUpperCase()));
  for (const change of changes) yield line(cells(change));
}

/** One JSON object per line, comma-separated: the body of a `"changes": [` list. */
export function* changesJson(changes: readonly Change[]): Generator<string> {
  for (const [i, change] of changes.entries()) yield `${JSON.stringify(change)}${i < changes.length - 1 ? "," : ""}\n`;
}

/** The CSV header and one row per change. */
export function* changesCsv(changes: readonly Change[]): Generator<string> {
  yield csvRow(COLUMNS);
  for (const change of changes) yield csvRow(values(change));
}
