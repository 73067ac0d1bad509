/**
 * What is wrong with an answer that is JSON but not of the shape a reader expects (Okta's, Statsig's), as the
 * first fields at fault: `[3].priority: expected number, got string`, `[0].id: missing (expected string)`.
 */
import type { z } from "zod";

/** What a value is, in a message: `null`, `array`, or its `typeof`. */
function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/** The value at `path` in a parsed answer, own keys only. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** `[3].priority`, `definitions.custom.properties["a b"]`; nothing for the whole answer. */
export function formatAnswerPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === "number"
        ? `[${key}]`
        : /^[A-Za-z_$][\w$]*$/.test(String(key))
          ? `${index === 0 ? "" : "."}${String(key)}`
          : `[${JSON.stringify(String(key))}]`,
    )
    .join("");
}

/** One field at fault: `[3].priority: expected number, got string`, `[0].id: missing (expected string)`. */
export function describeIssue(issue: z.core.$ZodIssue, body: unknown): string {
  const path = formatAnswerPath(issue.path);
  const where = path === "" ? "" : `${path}: `;
  const value = valueAt(body, issue.path);
  let expected: string | undefined;
  // zod says `int` for a number that must be an integer: "number" unless a number came.
  if (issue.code === "invalid_type")
    expected = issue.expected === "int" ? (typeof value === "number" ? "integer" : "number") : issue.expected;
  else if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const types = issue.errors.flatMap((errors) =>
      errors.flatMap((e) => (e.code === "invalid_type" && e.path.length === 0 ? [e.expected] : [])),
    );
    if (types.length > 0) expected = types.join(" or ");
  }
  if (expected === undefined) return `${where}${issue.message}`;
  if (value === undefined) return path === "" ? `an empty answer (expected ${expected})` : `${where}missing (expected ${expected})`;
  return `${where}expected ${expected}, got ${expected === "integer" ? String(value) : kindOf(value)}`;
}

/** The first three fields at fault, `; `-separated, and how many more there are. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], body: unknown): string {
  const shown = issues.slice(0, 3).map((issue) => describeIssue(issue, body));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : "";
  return `${shown.join("; ")}${more}`;
}

/** Why a fetch threw (DNS, refused connection, TLS, timeout), without the request's headers. */
export function whyUnreachable(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === "TimeoutError"
    ? "no answer in time"
    : typeof cause?.code === "string"
      ? cause.code
      : typeof cause?.message === "string"
        ? cause.message
        : error instanceof Error
          ? error.message
          : String(error);
}
