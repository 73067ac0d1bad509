import { CliError } from "../cli/errors";

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
