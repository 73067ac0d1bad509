/** The check could not be completed (bad input, unreachable org, refused credentials): exit status 2. */
export class CheckError extends Error {
  override name = "CheckError";
}

/** A fetch that threw (DNS, refused connection, TLS, timeout), described without the request's headers. */
export function unreachable(origin: string, error: unknown): CheckError {
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
  return new CheckError(`cannot reach ${origin}: ${detail}`);
}

/** The one-line message of a command's failure: a CheckError as it is, anything else as unexpected. */
export function failureMessage(error: unknown): string {
  return error instanceof CheckError ? error.message : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}
