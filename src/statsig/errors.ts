import { CliError } from "../cli/errors";
import type { z } from "zod";
import { describeIssues, whyUnreachable } from "../http/answer";

/**
 * Statsig could not be read: unreachable, a request refused (with Statsig's HTTP `status`), or an answer that is
 * not a SCIM answer. Exit status 2. Its message never holds the key (the client never puts it in one).
 */
export class StatsigError extends CliError {
  override name = "StatsigError";
  /** The request that failed, when one was sent (always GET). */
  readonly method?: string;
  readonly path?: string;

  constructor(message: string, details: { path?: string; status?: number; cause?: unknown } = {}) {
    const { path, ...options } = details;
    super(message, options);
    if (path !== undefined) {
      this.method = "GET";
      this.path = path;
    }
  }
}

/** A fetch that threw, without the request's headers; the request says which call failed. */
export const unreachableStatsig = (base: string, path: string, error: unknown): StatsigError =>
  new StatsigError(`cannot reach Statsig at ${base} (GET ${path}): ${whyUnreachable(error)}`);

/** An answer that is JSON but not of the SCIM shape statsig-okta reads: the request and the fields at fault. */
export function unexpectedStatsigAnswer(path: string, issues: readonly z.core.$ZodIssue[], body: unknown): StatsigError {
  return new StatsigError(`GET ${path}: Statsig's answer is not a SCIM answer statsig-okta can read: ${describeIssues(issues, body)}`, {
    path,
  });
}
