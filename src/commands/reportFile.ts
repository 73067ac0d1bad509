/**
 * A `roles --json` report read back from a file, for `diff` and `roles --since`: size-bounded, parsed with zod,
 * and refused with one message naming the file and the field when it is not a report this version reads.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import * as path from "node:path";
import { z } from "zod";
import { CliError } from "../cli/errors";
import { visible } from "../cli/terminal";
import { describeIssue } from "../okta/errors";
import type { DiffReport } from "./changes";
import { userKey } from "./changes";
import { REPORT_KIND, REPORT_VERSION, type ReportMeta } from "./report";

/**
 * The largest report read: 256 MiB, half of the longest string V8 holds (2^29 characters), and about twelve
 * times the 20.7 MB `roles --json` of 50,000 users (bench/RESULTS.md), so beyond the 200,000 app users the
 * commands are built for (docs/cli.md#limits-and-timeouts).
 */
export const MAX_REPORT_BYTES = 256 * 1024 * 1024;

/** Said as "string or null" when it is neither (a nullable string is said as "string"). */
const stringOrNull = z.union([z.string(), z.null()]);

const projectRole = z.object({ project: z.string(), role: z.string(), team: z.string().optional() });

/** Only the fields `diff` compares are kept: the rest of each user object is left behind as it is parsed. */
const user = z.object({
  id: z.string(),
  login: z.string(),
  role: stringOrNull,
  projectRoles: z.array(projectRole),
  // Written by `roles --statsig` only.
  statsig: z.union([z.object({ orgRole: stringOrNull }), z.null()]).optional(),
});

const finding = z.object({
  kind: z.string(),
  reason: z.string().optional(),
  groupId: z.string().optional(),
  users: z.array(z.string()),
});

const reportSchema = z.object({
  generatedAt: z.iso.datetime(),
  tool: z.literal("statsig-okta"),
  version: z.string(),
  report: z.literal(REPORT_KIND),
  reportVersion: z.literal(REPORT_VERSION),
  org: z.string(),
  appId: z.string(),
  config: z.string().optional(),
  configKey: z.string().optional(),
  argsSha256: z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lower-case hex digits"),
  requests: z.number().int().nonnegative(),
  // Written by `roles --statsig` only: its presence says the report read Statsig.
  statsig: z.object({ url: z.string() }).optional(),
  users: z.array(user),
  findings: z.array(finding),
});

/** A report as read from its file. */
export type ReadReport = ReportMeta & DiffReport & { file: string };

/** The file's bytes, refused when it is not a regular file or is larger than {@link MAX_REPORT_BYTES}. */
function readBounded(file: string, cwd: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path.resolve(cwd, file), "r");
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new CliError(`${visible(file)} is not a file`);
    if (stat.size > MAX_REPORT_BYTES) {
      throw new CliError(`${visible(file)} is ${stat.size} bytes; a report of more than ${MAX_REPORT_BYTES} bytes (256 MiB) is not read`);
    }
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, null);
      if (n === 0) break;
      read += n;
    }
    return buffer.toString("utf8", 0, read);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as { code?: unknown }).code;
    throw new CliError(`cannot read ${visible(file)}: ${typeof code === "string" ? code : String(error)}`, { cause: error });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The fields of a user object that diff compares (userSchema's). */
const USER_FIELDS = ["id", "login", "role", "projectRoles", "statsig"] as const;

/** `{…},` or `{…}`: one item of a list as `roles --json` writes it, without its comma. */
const item = (line: string): unknown => JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line);

/**
 * The layout `roles --json` writes (formatJson): the head on the first line, `"users": [`, one user per line,
 * `],`, `"findings": [`, one finding per line, then `]}` or, with `--since`, the rest on further lines. Read
 * line by line, each user object is dropped once the fields diff compares are taken, instead of the whole
 * file's objects being held until zod has read them: less memory and garbage collection for large reports.
 * The result is the object JSON.parse would give less the fields no one reads; any other layout, or a line
 * that is not JSON, gives undefined and the file is parsed whole, with the same checks after.
 */
function parseByLines(text: string): Record<string, unknown> | undefined {
  const lines = text.split("\n");
  if (lines[1] !== '"users": [' || !lines[0]!.endsWith(",")) return undefined;
  try {
    const body = JSON.parse(`${lines[0]!.slice(0, -1)}}`) as Record<string, unknown>;
    const users: unknown[] = [];
    let i = 2;
    for (; i < lines.length && lines[i] !== "],"; i++) {
      const user = item(lines[i]!);
      if (typeof user !== "object" || user === null) return undefined;
      users.push(
        Object.fromEntries(
          USER_FIELDS.flatMap((field) => (Object.hasOwn(user, field) ? [[field, (user as Record<string, unknown>)[field]]] : [])),
        ),
      );
    }
    if (lines[i + 1] !== '"findings": [') return undefined;
    const findings: unknown[] = [];
    for (i += 2; i < lines.length && lines[i] !== "]}" && lines[i] !== "],"; i++) findings.push(item(lines[i]!));
    if (i >= lines.length) return undefined;
    // What follows the findings (`roles --since`'s changes) must be JSON too, though diff does not read it.
    const rest = lines[i] === "]}" ? lines.slice(i + 1).join("\n") : `{${lines.slice(i + 1).join("\n")}`;
    if (rest.trim() !== "") JSON.parse(rest);
    return { ...body, users, findings };
  } catch {
    return undefined;
  }
}

const NOT_A_REPORT = "is not a `statsig-okta roles --json` report";

/**
 * The report in `file` (relative to `cwd`), or a {@link CliError} (exit 2) naming the file and the field: not
 * JSON, not a roles report, a `reportVersion` this version does not read, a field of another type, a user twice.
 */
export function readReport(file: string, cwd: string): ReadReport {
  const shown = visible(file);
  let body: unknown;
  try {
    const text = readBounded(file, cwd);
    body = parseByLines(text) ?? JSON.parse(text);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${shown} ${NOT_A_REPORT}: it is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const head = typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  if (head?.report !== REPORT_KIND || head.tool !== "statsig-okta") {
    const field = head?.tool !== "statsig-okta" ? "tool" : "report";
    const expected = field === "tool" ? '"statsig-okta"' : JSON.stringify(REPORT_KIND);
    const got = head === undefined ? "the file is not a JSON object" : field in head ? `got ${JSON.stringify(head[field])}` : "missing";
    throw new CliError(`${shown} ${NOT_A_REPORT}: ${field}: ${got} (expected ${expected})`);
  }
  if (head.reportVersion !== REPORT_VERSION) {
    throw new CliError(
      `${shown}: reportVersion ${JSON.stringify(head.reportVersion) ?? "missing"} is not one this statsig-okta reads (it reads ${REPORT_VERSION}); use the statsig-okta version that wrote it (${visible(String(head.version))}) or a newer one`,
    );
  }
  const parsed = reportSchema.safeParse(body);
  body = undefined;
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const shownIssues = issues.slice(0, 3).map((issue) => describeIssue(issue, head));
    const more = issues.length > shownIssues.length ? ` (and ${issues.length - shownIssues.length} more)` : "";
    throw new CliError(`${shown} is not a valid roles report: ${shownIssues.map(visible).join("; ")}${more}`);
  }
  const report = parsed.data;
  const seen = new Set<string>();
  for (const [index, entry] of report.users.entries()) {
    const key = userKey(entry);
    if (seen.has(key)) {
      const field = entry.id !== "" ? "id" : "login";
      throw new CliError(`${shown} is not a valid roles report: users[${index}].${field}: the same user as an earlier entry`);
    }
    seen.add(key);
  }
  return { ...report, file };
}
