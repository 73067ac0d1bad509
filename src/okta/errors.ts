import { CliError } from "../cli/errors";
import type { z } from "zod";
import { describeIssues, whyUnreachable } from "../http/answer";

/** Re-exported for the report file reader (commands/reportFile.ts), which describes its own fields the same way. */
export { describeIssue } from "../http/answer";

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

/**
 * A fetch that threw (DNS, refused connection, TLS, timeout), described without the request's headers; the
 * request (`GET /api/v1/…`) says which call failed when earlier ones got through.
 */
export function unreachable(origin: string, request: string, error: unknown): OktaError {
  return new OktaError(`cannot reach ${origin} (${request}): ${whyUnreachable(error)}`);
}

/**
 * An answer that is JSON but not what Okta's API describes (a wrong shape is never read as a verdict): the
 * request and the first fields at fault.
 */
export function unexpectedAnswer(path: string, issues: readonly z.core.$ZodIssue[], body: unknown): OktaError {
  return new OktaError(`GET ${path}: Okta's answer is not what its API describes: ${describeIssues(issues, body)}`, {
    method: "GET",
    path,
  });
}

/** Okta refused to show this one group (404 or 403), and not for want of a scope the whole token lacks. */
export const unreadableGroup = (error: unknown): error is OktaError =>
  error instanceof OktaError && (error.status === 404 || error.status === 403) && error.missingScope === undefined;
