/**
 * One try of a GET and the reading of its answer, bounded in time and size, shared by the Okta and the
 * Statsig clients: each names itself (`service`) and makes its own error from the message.
 */
import { formatBytes, formatCount, formatDuration } from "./format";

/** One try of a request: its time limit, which the run's own limit may shorten. */
export interface Attempt {
  signal: AbortSignal;
  limitMs: number;
  /** True when the run's time limit, not the request's, ends this try. */
  endsRun: boolean;
  clear: () => void;
}

/**
 * A try aborted at `timeoutMs` or when the run's time (`leftMs`) ends, whichever comes first; undefined when
 * the run has no time left.
 */
export function startAttempt(leftMs: number, timeoutMs: number): Attempt | undefined {
  if (leftMs <= 0) return undefined;
  const endsRun = leftMs < timeoutMs;
  const limitMs = endsRun ? leftMs : timeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${formatDuration(limitMs)}`)), limitMs);
  return { signal: controller.signal, limitMs, endsRun, clear: () => clearTimeout(timer) };
}

/** How much of an answer came before its try ran out of time. */
export interface Received {
  received: number;
  quietMs: number;
}

/**
 * Why a try that did not end the run ran out of time (no answer, an answer that stopped coming, or one
 * trickling in too slowly), with the flag that sets the limit.
 */
export function tooSlowMessage(host: string, attempt: Attempt, body?: Received): string {
  const limit = formatDuration(attempt.limitMs);
  const how = !body
    ? `no answer from ${host} within ${limit}`
    : body.quietMs * 2 >= attempt.limitMs
      ? `the answer from ${host} stopped: no data for ${formatDuration(body.quietMs)} after ${formatCount(body.received)} bytes`
      : `the answer from ${host} did not finish within ${limit}: only ${formatCount(body.received)} bytes came, trickling in`;
  return `${how} (each request may take ${limit}; --timeout SECONDS sets it)`;
}

export interface BodyRead {
  /** Whose answer it is, in messages: "Okta", "Statsig". */
  service: string;
  /** `GET /path`, the start of every message. */
  request: string;
  host: string;
  maxBodyBytes: number;
  attempt: Attempt;
  /** The reader's error for a message (and the failure that caused it). */
  error: (message: string, cause?: unknown) => Error;
  /** The reader's error when the try ran out of time. */
  tooSlow: (body: Received) => Error;
}

/**
 * The answer's body, counted as it arrives: refused beyond `maxBodyBytes` (announced or received), and
 * reported when the connection closes early or the try's time runs out. A larger answer is never held whole.
 */
export async function readBoundedBody(response: Response, read: BodyRead): Promise<string> {
  const { attempt, maxBodyBytes: max, request, service } = read;
  const announced = Number(response.headers.get("content-length") ?? Number.NaN);
  const limit = `${formatBytes(max)}, the most statsig-okta reads of one answer`;
  if (announced > max) {
    await response.body?.cancel().catch(() => {});
    throw read.error(
      `${request}: ${service} announced an answer of ${formatBytes(announced)} (Content-Length), more than ${limit}: not read`,
    );
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  // Out of time: cancel the read, which ends it (a race with the abort instead would keep every chunk alive).
  const stop = () => void reader.cancel().catch(() => {});
  if (attempt.signal.aborted) stop();
  attempt.signal.addEventListener("abort", stop, { once: true });
  const chunks: Uint8Array[] = [];
  let received = 0;
  let lastData = Date.now();
  let tooLarge: Error | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (attempt.signal.aborted) throw attempt.signal.reason;
      if (done) break;
      received += value.byteLength;
      if (received > max) {
        tooLarge = read.error(`${request}: ${service}'s answer is larger than ${limit}: stopped reading it after ${formatBytes(received)}`);
        throw tooLarge;
      }
      chunks.push(value);
      lastData = Date.now();
    }
  } catch (error) {
    stop();
    if (error === tooLarge) throw error;
    if (attempt.signal.aborted) throw read.tooSlow({ received, quietMs: Date.now() - lastData });
    const cause = (error as { cause?: { message?: unknown } }).cause?.message ?? (error as Error).message;
    const of = Number.isFinite(announced) ? ` (of ${formatCount(announced)} announced)` : "";
    throw read.error(
      `${request}: the connection to ${read.host} closed after ${formatCount(received)} bytes of the answer${of}: ${String(cause)}`,
      error,
    );
  } finally {
    attempt.signal.removeEventListener("abort", stop);
  }
  return Buffer.concat(chunks, received).toString("utf8");
}

/**
 * How long a `Retry-After` header (RFC 9110 section 10.2.3: seconds, or an HTTP date) asks to wait, in ms;
 * undefined when absent or unreadable. A date is read against the server's own `Date` when it sent one.
 */
export function retryAfterMs(response: Response, now: () => number): number | undefined {
  const value = response.headers.get("retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would read "-5" as a year.
  const at = /^[A-Za-z]{3},/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(at)) return undefined;
  const serverNow = Date.parse(response.headers.get("date") ?? "");
  return Math.max(0, at - (Number.isFinite(serverNow) ? serverNow : now()));
}

/**
 * An answer's JSON: undefined for an empty body; a body that is not JSON is `notJson()` on a success (a wrong
 * server) and undefined on a failure (an error page, whose status says enough).
 */
export function jsonBody(text: string, ok: boolean, notJson: () => Error): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (ok) throw notJson();
    return undefined;
  }
}
