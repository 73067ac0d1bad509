import { CliError } from "../cli/errors";
import type { z } from "zod";

/**
 * Okta could not be read: unreachable, a request refused (with Okta's HTTP `status`), or an answer that is not
 * what the API promises. Exit status 2.
 */
export class OktaError extends CliError {
  override name = "OktaError";
  /** The request that failed, when one was sent (always GET for the management API). */
  readonly method?: string;
  readonly path?: string;
  /** The scope Okta's 403 names as missing (`WWW-Authenticate: Bearer …, error="insufficient_scope", scope="…"`). */
  readonly missingScope?: string;

  constructor(message: string, details: { method?: string; path?: string; status?: number; missingScope?: string; cause?: unknown } = {}) {
    const { method, path, missingScope, ...options } = details;
    super(message, options);
    if (method !== undefined) this.method = method;
    if (path !== undefined) this.path = path;
    if (missingScope !== undefined) this.missingScope = missingScope;
  }
}

/** A fetch that threw (DNS, refused connection, TLS, timeout), described without the request's headers. */
export function unreachable(origin: string, error: unknown): OktaError {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  const name = (error as { name?: unknown } | undefined)?.name;
  const detail =
    name === "TimeoutError"
      ? "no answer in time"
      : typeof cause?.code === "string"
        ? cause.code
        : typeof cause?.message === "string"
          ? cause.message
          : error instanceof Error
            ? error.message
            : String(error);
  return new OktaError(`cannot reach ${origin}: ${detail}`);
}

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

/**
 * An answer that is JSON but not what Okta's API describes (a wrong shape is never read as a verdict): the
 * request and the first fields at fault.
 */
export function unexpectedAnswer(path: string, issues: readonly z.core.$ZodIssue[], body: unknown): OktaError {
  const shown = issues.slice(0, 3).map((issue) => describeIssue(issue, body));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : "";
  return new OktaError(`GET ${path}: Okta's answer is not what its API describes: ${shown.join("; ")}${more}`, {
    method: "GET",
    path,
  });
}
