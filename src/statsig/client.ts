import { z } from "zod";
import { cell, MAX_CELL, MAX_LINE } from "../cli/terminal";
import { jsonBody, readBoundedBody, retryAfterMs, startAttempt, tooSlowMessage, type Attempt, type Received } from "../http/body";
import { formatCount, formatDuration } from "../http/format";
import { BoundedReader, type ReaderOptions } from "../http/reader";
import { StatsigError, unexpectedStatsigAnswer, unreachableStatsig } from "./errors";
import { LARGEST_ORG_USERS, STATSIG_LIMITS } from "./limits";

/** Which of Statsig's APIs a client reads, and the key it reads with. */
export interface StatsigApi {
  /** `SCIM API`, `Console API`, in messages. */
  name: string;
  /** The request header that carries the key (`Authorization`, `STATSIG-API-KEY`) and its value. */
  header: string;
  value: string;
  /** What the key is, in messages: `the SCIM key in STATSIG_SCIM_TOKEN`. Never the key itself. */
  key: string;
  /** Where the right key comes from, said after a 401 or 403. */
  keyHint: string;
}

export interface StatsigClientOptions extends ReaderOptions {
  /** The API's base URL (`https://statsigapi.net/scim`, see url.ts): every request goes below it. */
  baseUrl: string;
  /** The key, sent to {@link baseUrl} only, and never shown. */
  api: StatsigApi;
}

/** One page of a SCIM list: its items and the `totalResults` it announced. */
export interface ScimPage<T> {
  items: T[];
  totalResults: number;
}

/** A SCIM error body (RFC 7644 section 3.12): `detail`, shown on one line. */
function scimDetail(body: unknown): string {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  return typeof detail === "string" ? ` (${cell(detail, MAX_LINE)})` : "";
}

/**
 * A read-only client for Statsig's SCIM API (and, with another key, its Console API): it can only send GET, to URLs it builds below the base URL
 * (nothing from an answer is ever followed), with no redirect followed. Pages with `startIndex`/`count` until
 * `totalResults`, waits out a 429's `Retry-After`, parses every answer with the caller's schema, bounds every
 * read ({@link STATSIG_LIMITS}) and turns every failure into a {@link StatsigError} naming the request.
 */
export class StatsigClient extends BoundedReader {
  private readonly base: URL;

  constructor(private readonly options: StatsigClientOptions) {
    super(options, STATSIG_LIMITS);
    this.base = new URL(options.baseUrl);
  }

  /** The base URL, as given: shown in reports. */
  get url(): string {
    return this.options.baseUrl;
  }

  /**
   * A SCIM list (`/Users`, `/Groups`) one page at a time (RFC 7644 section 3.4.2.4): `startIndex` from 1, each
   * next one past the items received, until `totalResults` are read. At most `maxPagesPerList` pages and
   * `maxItemsPerList` items; a page without items before the total is reached is an error (the list would be
   * incomplete, and an incomplete list is never a verdict).
   */
  async *list<T>(resource: string, item: z.ZodType<T>, count: number, what: string): AsyncGenerator<ScimPage<T>> {
    const schema = z.object({
      totalResults: z.number().int().nonnegative(),
      Resources: z.array(item).optional(),
    });
    const { maxPagesPerList, maxItemsPerList } = this.limits;
    const bound = `the most statsig-okta reads of one list (enough for ${formatCount(LARGEST_ORG_USERS)} users, with a wide margin)`;
    let startIndex = 1;
    let read = 0;
    for (let pages = 0; ; pages++) {
      const path = this.path(resource, { startIndex, count });
      if (pages === maxPagesPerList) {
        throw new StatsigError(`GET ${path}: ${what} goes on past ${formatCount(maxPagesPerList)} pages, ${bound}; stopped`, { path });
      }
      const body = await this.request(path, what);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw unexpectedStatsigAnswer(path, parsed.error.issues, body);
      const { totalResults } = parsed.data;
      const items = parsed.data.Resources ?? [];
      read += items.length;
      if (read > maxItemsPerList) {
        throw new StatsigError(`GET ${path}: ${what} has more than ${formatCount(maxItemsPerList)} items, ${bound}; stopped`, { path });
      }
      if (items.length === 0 && startIndex <= totalResults) {
        throw new StatsigError(
          `GET ${path}: Statsig announced ${formatCount(totalResults)} in ${what} (totalResults) but sent none from item ${formatCount(startIndex)} on: the list would be incomplete`,
          { path },
        );
      }
      yield { items, totalResults };
      startIndex += items.length;
      if (startIndex > totalResults) return;
    }
  }

  /**
   * A Console API list (`/users`, `/users/teams`) one page at a time: `page` from 1 with `limit`, while the answer's
   * `pagination.nextPage` is not null (its link is never followed: the next page is asked for here). Bounded as
   * {@link list}.
   */
  async *numberedPages<T>(resource: string, item: z.ZodType<T>, limit: number, what: string): AsyncGenerator<T[]> {
    const schema = z.object({ data: z.array(item), pagination: z.object({ nextPage: z.string().nullable() }) });
    const { maxPagesPerList, maxItemsPerList } = this.limits;
    let read = 0;
    for (let page = 1; ; page++) {
      const path = this.path(resource, { limit, page });
      if (page > maxPagesPerList)
        throw new StatsigError(`GET ${path}: ${what} goes on past ${formatCount(maxPagesPerList)} pages; stopped`, { path });
      const body = await this.request(path, what);
      const parsed = schema.safeParse(body);
      if (!parsed.success) throw unexpectedStatsigAnswer(path, parsed.error.issues, body);
      read += parsed.data.data.length;
      if (read > maxItemsPerList)
        throw new StatsigError(`GET ${path}: ${what} has more than ${formatCount(maxItemsPerList)} items; stopped`, { path });
      yield parsed.data.data;
      if (parsed.data.pagination.nextPage === null || parsed.data.data.length === 0) return;
    }
  }

  /** `/scim/Users?startIndex=1&count=500`: below the base URL's path, the query built here. */
  private path(resource: string, query: Record<string, number>): string {
    // The base path without its trailing slash: a base of `https://host` is `/`, which must not give `//Users`.
    const url = new URL(`${this.base.pathname.replace(/\/+$/, "")}/${resource}`, this.base.origin);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
    return `${url.pathname}${url.search}`;
  }

  private async request(path: string, what: string): Promise<unknown> {
    const url = new URL(path, this.base.origin);
    // The key goes to the base URL's host only, whatever a path looks like.
    if (url.origin !== this.base.origin)
      throw new StatsigError(`GET ${path}: not on the host of ${this.options.baseUrl}; not sent`, { path });
    const maxRetries = this.maxRateLimitRetries;
    let rateLimited = 0;
    for (;;) {
      const attempt = startAttempt(this.runEnds - this.now(), this.limits.timeoutMs);
      if (!attempt) throw this.runOut(path, what);
      let response: Response;
      let text: string;
      try {
        try {
          // GET only; no redirect followed: a redirect could carry the key to another host.
          response = await this.fetch(url, {
            method: "GET",
            headers: {
              Accept: "application/scim+json, application/json",
              "User-Agent": this.userAgent,
              [this.options.api.header]: this.options.api.value,
            },
            redirect: "manual",
            signal: attempt.signal,
          });
        } catch (error) {
          if (attempt.signal.aborted) throw this.tooSlow(path, attempt, what);
          throw unreachableStatsig(this.options.baseUrl, path, error);
        }
        if (response.status === 429 && rateLimited < maxRetries) {
          rateLimited++;
          await response.body?.cancel().catch(() => {});
          attempt.clear();
          await this.waitForRetry(path, response, rateLimited, maxRetries, what);
          continue;
        }
        text = await readBoundedBody(response, {
          service: "Statsig",
          request: `GET ${path}`,
          host: this.base.host,
          maxBodyBytes: this.limits.maxBodyBytes,
          attempt,
          error: (message, cause) => new StatsigError(message, { path, ...(cause !== undefined ? { cause } : {}) }),
          tooSlow: (body) => this.tooSlow(path, attempt, what, body),
        });
      } finally {
        attempt.clear();
      }
      const body = jsonBody(
        text,
        response.ok,
        () =>
          new StatsigError(
            `GET ${path}: Statsig answered with something that is not JSON: is ${this.options.baseUrl} Statsig's ${this.options.api.name}?`,
            { path },
          ),
      );
      if (response.ok) return body;
      throw new StatsigError(this.explain(path, response, body, maxRetries), { path, status: response.status });
    }
  }

  private tooSlow(path: string, attempt: Attempt, what: string, body?: Received): StatsigError {
    if (attempt.endsRun) return this.runOut(path, what);
    return new StatsigError(`GET ${path}: ${tooSlowMessage(this.base.host, attempt, body)}`, { path });
  }

  private runOut(path: string, what: string): StatsigError {
    return new StatsigError(
      `GET ${path}: stopped reading ${what} after ${formatDuration(this.limits.maxRunMs)}, the longest statsig-okta reads from Statsig in one run`,
      { path },
    );
  }

  /** A 429: wait what `Retry-After` asks (10 s without one), within the wait and run limits. */
  private async waitForRetry(path: string, response: Response, attempt: number, maxRetries: number, what: string): Promise<void> {
    const waitMs = retryAfterMs(response, this.now) ?? 10_000;
    if (waitMs > this.maxWaitMs) {
      throw new StatsigError(`GET ${path}: Statsig's rate limit asks to wait ${Math.ceil(waitMs / 1000)}s (Retry-After); try again later`, {
        path,
        status: 429,
      });
    }
    if (this.now() + waitMs >= this.runEnds) throw this.runOut(path, what);
    this.options.log(
      `Statsig rate limit reached on GET ${path}: waiting ${Math.ceil(waitMs / 1000)}s (Retry-After), then retrying (${attempt} of ${maxRetries})`,
    );
    await this.sleep(waitMs);
  }

  /** What Statsig's refusal means, and what to do about it. */
  private explain(path: string, response: Response, body: unknown, maxRetries: number): string {
    const said = `GET ${path}: ${response.status} ${cell(response.statusText || "error", MAX_CELL)}${scimDetail(body)}`;
    const { key, keyHint, name } = this.options.api;
    switch (response.status) {
      case 401:
        return `${said}. Statsig does not accept ${key}: it is wrong or revoked, or belongs to another organization (${keyHint})`;
      case 403:
        return `${said}. Statsig refuses ${key} this read (${keyHint})`;
      case 404:
        return `${said}: is ${this.options.baseUrl} Statsig's ${name} (--statsig-url)?`;
      case 429:
        return `${said}: still rate limited after ${maxRetries} waits; try again later`;
      default:
        if (response.status >= 300 && response.status < 400) {
          const location = response.headers.get("location");
          return `${said}: Statsig redirected${location ? ` to ${cell(location, MAX_LINE)}` : ""}, not followed (the key goes to --statsig-url only); give the ${name}'s own URL`;
        }
        return said;
    }
  }
}
