import { packageVersion } from "../cli/errors";
import type { ReadLimits } from "./limits";

/** What every reader (Okta's, Statsig's) is built with; tests give a fetch, a clock, a sleep and small limits. */
export interface ReaderOptions {
  /** The command reading (`roles`), named in the User-Agent and in messages. */
  command?: string;
  fetch?: typeof fetch;
  /** Where waits for a rate limit are announced (stderr). */
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Retries of one request after a 429. */
  maxRateLimitRetries?: number;
  /** Longest wait for a rate limit before giving up. */
  maxWaitMs?: number;
  /** Bounds on what is read, each defaulting to the reader's own (tests use small ones). */
  limits?: Partial<ReadLimits>;
}

/**
 * What a read-only client holds for its run: its bounds, its User-Agent (`statsig-okta/<version> (<command>)`),
 * its fetch, clock and sleep, and when the run's time ends.
 */
export abstract class BoundedReader {
  readonly limits: Readonly<ReadLimits>;
  protected readonly userAgent: string;
  protected readonly fetch: typeof fetch;
  protected readonly sleep: (ms: number) => Promise<void>;
  protected readonly now: () => number;
  /** When the run's time limit ends, on {@link now}'s clock. */
  protected readonly runEnds: number;
  protected readonly maxRateLimitRetries: number;
  protected readonly maxWaitMs: number;

  constructor(options: ReaderOptions, defaults: Readonly<ReadLimits>) {
    this.limits = { ...defaults, ...options.limits };
    this.userAgent = `statsig-okta/${packageVersion()}${options.command ? ` (${options.command})` : ""}`;
    this.fetch = options.fetch ?? fetch;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.now = options.now ?? Date.now;
    this.runEnds = this.now() + this.limits.maxRunMs;
    this.maxRateLimitRetries = options.maxRateLimitRetries ?? 3;
    this.maxWaitMs = options.maxWaitMs ?? 120_000;
  }
}
