/**
 * The bounds of a reader's requests (Okta's, Statsig's): whatever a server sends, a run ends, in bounded time
 * and memory. Each reader derives its values from the largest org the docs promise (okta/limits.ts,
 * statsig/limits.ts).
 */
export interface ReadLimits {
  /** The largest answer read, in bytes (after decompression). */
  maxBodyBytes: number;
  maxPagesPerList: number;
  maxItemsPerList: number;
  /** The longest a run may read from the server, from the client's creation. */
  maxRunMs: number;
  /** The longest one request may take, from sending it to the last byte of the answer. */
  timeoutMs: number;
}

/** The largest org the docs promise `check` and `roles` can read: 200,000 (app) users. */
export const LARGEST_ORG_USERS = 200_000;

/**
 * The bounds both readers share; each adds its pages per list (okta/limits.ts and statsig/limits.ts say why
 * these values hold for their API): 32 MiB per answer, five times the largest org's users per list, 60 minutes
 * per run and 30 s per request (`--timeout`).
 */
export const SHARED_LIMITS: Readonly<Omit<ReadLimits, "maxPagesPerList">> = {
  maxBodyBytes: 32 * 1024 * 1024,
  maxItemsPerList: 5 * LARGEST_ORG_USERS,
  maxRunMs: 60 * 60 * 1000,
  timeoutMs: 30_000,
};
