/**
 * The evidence a `roles --json` report carries about itself, shared by `roles` (which writes it) and `diff`
 * and `roles --since` (which read it back): the head's fields, the canonical form its args hash is taken of,
 * and the text order every sort of a report uses. No zod here: reading a report back is reportFile.ts's.
 */
import { createHash } from "node:crypto";

/** What the `report` field of a `roles --json` file says: this is a roles report. */
export const REPORT_KIND = "roles";

/**
 * The shape of the file, raised whenever a field `diff` reads changes meaning; `diff` refuses a version it
 * does not know rather than guess.
 */
export const REPORT_VERSION = 1;

/** Where and when a report was made, and from which config: the first fields of `roles --json`. */
export interface ReportMeta {
  /** When the report was made, ISO 8601 in UTC (`2026-11-30T09:00:00.000Z`). */
  generatedAt: string;
  tool: "statsig-okta";
  /** The package version of the tool that made it. */
  version: string;
  report: typeof REPORT_KIND;
  reportVersion: typeof REPORT_VERSION;
  /** The Okta org, e.g. `https://acme.okta.com`. */
  org: string;
  appId: string;
  /** The stack file the config came from, as given; absent for the component's defaults (`--app-id`). */
  config?: string;
  /** The config key the args were read from (`--key`, as given); absent for the `statsig-okta:*` keys. */
  configKey?: string;
  /** {@link argsSha256} of the args the report was made for, as the stack config gives them (before defaults). */
  argsSha256: string;
  /** The API requests sent to Okta (OAuth token requests not counted). */
  requests: number;
}

/**
 * JSON with every object's keys sorted (by UTF-16 code units, as JavaScript compares strings; integer-like keys
 * too), no whitespace, arrays in their order, and members whose value is `undefined` left out. Strings,
 * numbers, booleans and null are written as JSON.stringify writes them. Two values that differ only in the
 * order of their keys have the same canonical form.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => byText(a, b))
      .map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The SHA-256, in lower-case hex, of the {@link canonicalJson} of the args: equal for equal args. */
export const argsSha256 = (args: unknown): string => createHash("sha256").update(canonicalJson(args), "utf8").digest("hex");

/** Text order by UTF-16 code units: the same on every machine and locale (unlike localeCompare). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A project or team role as `roles` and `diff` show it: `Web: Member`, `Web/Growth: Admin`. */
export const projectRoleText = (role: { project: string; role: string; team?: string | undefined }): string =>
  `${role.project}${role.team !== undefined ? `/${role.team}` : ""}: ${role.role}`;
