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
