import { z } from "zod";
import { cell, MAX_CELL, MAX_LINE } from "../cli/terminal";
import type { Authenticator } from "./auth";
import { OktaError, unexpectedAnswer, unreachable } from "./errors";
import { BoundedReader, type ReaderOptions } from "../http/reader";
import { jsonBody, readBoundedBody, startAttempt, tooSlowMessage, type Attempt, type Received } from "../http/body";
import { formatCount, formatDuration, LARGEST_ORG_APP_USERS, READ_LIMITS, type ReadLimits } from "./limits";
import { readScopeFor } from "./scopes";
import { onOrigin } from "./url";

export interface OktaClientOptions extends ReaderOptions {
  origin: string;
  auth: Authenticator;
  /** Every read-only scope the command needs, named when Okta refuses an OAuth token a read. */
  scopes?: readonly string[];
}

/** What a list's messages say: a 404 in the caller's words, and what the list is (e.g. "the app's users"). */
export interface ListOptions {
  notFound?: string;
  what?: string;
}

/** Okta's answer to a request that failed, in Okta's error shape (`Error` in the spec). */
function errorSummary(body: unknown): string {
  const error = body as { errorCode?: unknown; errorSummary?: unknown } | undefined;
  if (typeof error?.errorSummary !== "string") return "";
  // Okta echoes input in its summaries: one line, with controls as escapes, however long the echo.
  return ` (${typeof error.errorCode === "string" ? `${cell(error.errorCode, MAX_CELL)} ` : ""}${cell(error.errorSummary, MAX_LINE)})`;
}

/** The scope a 403 says the token lacks: `WWW-Authenticate: Bearer …, scope="okta.groups.read", error="insufficient_scope"`. */
function missingScope(response: Response): string | undefined {
  const challenge = response.headers.get("www-authenticate") ?? "";
  if (response.status !== 403 || !/error="insufficient_scope"/.test(challenge)) return undefined;
  return /(?:^|[\s,])scope="([^"]+)"/.exec(challenge)?.[1];
}

/** Pagination: the `next` target of a `Link` header (`<url>; rel="next"`, several links comma-separated). */
export function nextLink(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>(.*)$/.exec(part.trim());
    if (match && /;\s*rel="?next"?/.test(match[2]!)) return match[1];
  }
  return undefined;
}

/**
 * A read-only client for Okta's management API: it can only send GET. Waits out rate limits, follows
 * pagination, parses every answer with the caller's schema, bounds every read ({@link ReadLimits}: the size of
 * an answer, the pages of a list, the time of a request and of the run), and turns every failure into an
 * {@link OktaError} that names the request and says what to do.
 */
export class OktaClient extends BoundedReader {
  readonly origin: string;
  private readonly host: string;

  constructor(private readonly options: OktaClientOptions) {
    super(options, READ_LIMITS);
    this.origin = options.origin;
    this.host = new URL(options.origin).host;
  }

  /** One resource, parsed with `schema`. `notFound` explains a 404 in the user's terms. */
  async get<T>(path: string, schema: z.ZodType<T>, notFound?: string): Promise<T> {
    const { body } = await this.request(path, notFound);
    return parse(schema, body, path);
  }

  /** Every page of a list, following `Link: <…>; rel="next"`, each item parsed with `item`. */
  async getAll<T>(path: string, item: z.ZodType<T>, options: ListOptions = {}): Promise<T[]> {
    const items: T[] = [];
    for await (const page of this.pages(path, item, options)) items.push(...page);
    return items;
  }

  /**
   * A list one page at a time, so a caller can reduce each page before the next one is read. At most
   * `maxPagesPerList` pages and `maxItemsPerList` items: a list that goes on (every page linking to a new
   * one) is refused, naming it.
   */
  async *pages<T>(path: string, item: z.ZodType<T>, options: ListOptions = {}): AsyncGenerator<T[]> {
    const list = z.array(item);
    const { maxPagesPerList, maxItemsPerList } = this.limits;
    const name = options.what ?? "the list";
    const bound = `the most statsig-okta reads of one list (enough for ${formatCount(LARGEST_ORG_APP_USERS)} app users, with a wide margin)`;
    const seen = new Set<string>();
    let items = 0;
    let next: string | undefined = path;
    while (next !== undefined) {
      if (seen.has(next)) throw new OktaError(`Okta's pagination for ${path} loops back to ${next}`, { method: "GET", path });
      if (seen.size === maxPagesPerList) {
        throw new OktaError(`GET ${path}: ${name} goes on past ${formatCount(maxPagesPerList)} pages, ${bound}; stopped before ${next}`, {
          method: "GET",
          path,
        });
      }
      seen.add(next);
      const { body, link } = await this.request(next, options.notFound, name);
      const page = parse(list, body, next);
      items += page.length;
      if (items > maxItemsPerList) {
        throw new OktaError(`GET ${path}: ${name} has more than ${formatCount(maxItemsPerList)} items, ${bound}; stopped at ${next}`, {
          method: "GET",
          path,
        });
      }
      const href = nextLink(link);
      next = href === undefined ? undefined : onOrigin(this.origin, href, "/api/v1/");
      yield page;
    }
  }

  private async request(path: string, notFound?: string, what?: string): Promise<{ body: unknown; link: string | null }> {
    const url = new URL(path, this.origin);
    const maxRetries = this.maxRateLimitRetries;
    let rateLimited = 0;
    let nonceRetried = false;
    for (;;) {
      if (this.now() >= this.runEnds) throw this.runOut(path, what);
      const headers = {
        Accept: "application/json",
        "User-Agent": this.userAgent,
        ...(await this.options.auth.authorize("GET", url)),
      };
      const attempt = this.attempt(path, what);
      let text: string;
      let response: Response;
      try {
        try {
          // No redirects: a redirect could carry the credentials to another host.
          response = await this.fetch(url, { method: "GET", headers, redirect: "manual", signal: attempt.signal });
        } catch (error) {
          if (attempt.signal.aborted) throw this.tooSlow(path, attempt, what);
          throw unreachable(this.origin, `GET ${path}`, error);
        }
        if (response.status === 429 && rateLimited < maxRetries) {
          rateLimited++;
          await response.body?.cancel().catch(() => {});
          attempt.clear();
          await this.waitForReset(path, response, rateLimited, maxRetries, what);
          continue;
        }
        if (response.status === 401 && !nonceRetried && this.options.auth.retryAfterUnauthorized(url, response)) {
          nonceRetried = true;
          await response.body?.cancel().catch(() => {});
          continue;
        }
        text = await this.readBody(path, response, attempt, what);
      } finally {
        attempt.clear();
      }
      const body = jsonBody(
        text,
        response.ok,
        () =>
          new OktaError(`GET ${path}: Okta answered with something that is not JSON: is ${this.origin} an Okta org?`, {
            method: "GET",
            path,
          }),
      );
      if (response.ok) return { body, link: response.headers.get("link") };
      throw this.failure(path, response, body, notFound);
    }
  }

  /** A try of a request, aborted at the request's time limit or at the end of the run's, whichever comes first. */
  private attempt(path: string, what: string | undefined): Attempt {
    const attempt = startAttempt(this.runEnds - this.now(), this.limits.timeoutMs);
    if (!attempt) throw this.runOut(path, what);
    return attempt;
  }

  /** The answer's body, bounded ({@link readBoundedBody}). */
  private readBody(path: string, response: Response, attempt: Attempt, what: string | undefined): Promise<string> {
    return readBoundedBody(response, {
      service: "Okta",
      request: `GET ${path}`,
      host: this.host,
      maxBodyBytes: this.limits.maxBodyBytes,
      attempt,
      error: (message, cause) => new OktaError(message, { method: "GET", path, ...(cause !== undefined ? { cause } : {}) }),
      tooSlow: (body) => this.tooSlow(path, attempt, what, body),
    });
  }

  /** A try that ran out of time: no answer, an answer that stopped coming, or one trickling in too slowly. */
  private tooSlow(path: string, attempt: Attempt, what: string | undefined, body?: Received): OktaError {
    if (attempt.endsRun) return this.runOut(path, what);
    return new OktaError(`GET ${path}: ${tooSlowMessage(this.host, attempt, body)}`, { method: "GET", path });
  }

  /** The run's time limit reached. */
  private runOut(path: string, what: string | undefined): OktaError {
    const limit = formatDuration(this.limits.maxRunMs);
    return new OktaError(
      `GET ${path}: stopped${what ? ` reading ${what}` : ""} after ${limit}, the longest statsig-okta reads from Okta in one run (enough for ${formatCount(LARGEST_ORG_APP_USERS)} app users, with a wide margin)`,
      { method: "GET", path },
    );
  }

  /** Okta says when the limit resets (`x-rate-limit-reset`, epoch seconds); its `Date` avoids clock skew. */
  private async waitForReset(path: string, response: Response, attempt: number, maxRetries: number, what?: string): Promise<void> {
    const reset = Number(response.headers.get("x-rate-limit-reset"));
    const serverNow = Date.parse(response.headers.get("date") ?? "");
    const now = Number.isFinite(serverNow) ? serverNow : this.now();
    const waitMs = Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 250 : 10_000;
    const maxWaitMs = this.maxWaitMs;
    if (waitMs > maxWaitMs) {
      throw new OktaError(`GET ${path}: Okta's rate limit resets only in ${Math.ceil(waitMs / 1000)}s; try again later`, {
        method: "GET",
        path,
        status: 429,
      });
    }
    if (this.now() + waitMs >= this.runEnds) throw this.runOut(path, what);
    this.options.log(
      `Okta rate limit reached on GET ${path}: waiting ${Math.ceil(waitMs / 1000)}s for it to reset, then retrying (${attempt} of ${maxRetries})`,
    );
    await this.sleep(waitMs);
  }

  private failure(path: string, response: Response, body: unknown, notFound?: string): OktaError {
    const missing = missingScope(response);
    const message = this.explain(path, response, body, notFound, missing);
    return new OktaError(message, { method: "GET", path, status: response.status, ...(missing ? { missingScope: missing } : {}) });
  }

  /** What Okta's refusal means, and what to do about it. */
  private explain(path: string, response: Response, body: unknown, notFound: string | undefined, missing: string | undefined): string {
    const said = `GET ${path}: ${response.status} ${cell(response.statusText || "error", MAX_CELL)}${errorSummary(body)}`;
    const need = readScopeFor(new URL(path, this.origin).pathname);
    const neededScope = missing ?? need?.scope;
    const scope = neededScope ? `reading ${need?.what ?? "this"} needs the scope ${neededScope}` : "";
    const { auth, command, scopes } = this.options;
    const needs = command ? `everything ${command} needs` : "what it needs";
    const allScopes = command && scopes?.length ? ` (${command} needs ${scopes.join(" ")})` : "";
    switch (response.status) {
      case 401:
        return auth.kind === "api-token"
          ? `${said}. Okta does not accept ${auth.description}: it is wrong, expired or revoked, or belongs to another org`
          : `${said}. Okta does not accept ${auth.description}${scope ? `; ${scope}: grant it to the app and request it (OKTA_SCOPES)` : ""}`;
      case 403:
        return auth.kind === "api-token"
          ? `${said}. ${auth.description} may not read this: ${scope || "it needs read access"}; an API token acts with its creator's admin role (a Read-only Administrator should be able to read ${needs})`
          : `${said}. ${auth.description} may not read this: ${scope || "it needs read access"}; grant that scope in the app's "Okta API Scopes" tab and include it in OKTA_SCOPES, and give the app an admin role that can read it${allScopes}`;
      case 404:
        return `${said}${notFound ? `: ${notFound}` : ""}`;
      case 429:
        return `${said}: still rate limited after ${this.maxRateLimitRetries} waits; try again later`;
      default:
        if (response.status >= 300 && response.status < 400) {
          return `${said}: Okta redirected to ${response.headers.get("location") ?? "another address"}; use the org's own URL`;
        }
        return said;
    }
  }
}

/** `body` parsed with `schema`, or an {@link OktaError} naming the request and the fields at fault. */
function parse<T>(schema: z.ZodType<T>, body: unknown, path: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw unexpectedAnswer(path, result.error.issues, body);
  return result.data;
}
