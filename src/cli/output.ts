/** Writing long outputs: in chunks, and as CSV that a spreadsheet opens without running anything. */
import { visible } from "./terminal";

/**
 * Joins lines into chunks of about a thousand, so the output of 50,000 users (or changes) is written piece by
 * piece and never held as one string.
 */
export function* chunks(lines: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length >= 1000) {
      yield buffer.join("");
      buffer = [];
    }
  }
  if (buffer.length > 0) yield buffer.join("");
}

/**
 * An RFC 4180 CSV cell. A cell that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab, CR)
 * gets a leading `'`: logins and group names come from Okta, and access reviews open the file in a spreadsheet.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV row, cells guarded by {@link csvCell}, ended by CRLF as RFC 4180 says. */
export const csvRow = (values: readonly string[]): string => `${values.map(csvCell).join(",")}\r\n`;

/**
 * Where a CSV file came from, as leading comment lines (`# name: value`), so the file carries its evidence
 * with it (docs/cli.md says why not a sidecar). A value is shown {@link visible}: a line feed in it cannot
 * end the comment and start a row.
 */
export function* csvComments(fields: Iterable<readonly [string, string | number]>): Generator<string> {
  for (const [name, value] of fields) yield `# ${name}: ${visible(String(value))}\r\n`;
}
