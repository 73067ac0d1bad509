import { LARGEST_ORG_USERS, SHARED_LIMITS, type ReadLimits } from "../http/limits";

/**
 * How much `check` and `roles` read from Okta before they give up: whatever a server sends, a run ends, in
 * bounded time and memory, with a message naming the request and the bound.
 *
 * Every bound is derived from the largest org the docs promise: **200,000 app users**, with a wide margin.
 * - A list is read in pages; the largest, the app's users, is 400 pages at 500 per page
 *   (`listApplicationUsers`); a group holding every user is 200 pages at 1000 per page (`listGroupUsers`), or
 *   1,000 if Okta served only the 200 per page its spec recommends. 2,000 pages per list is twice that worst
 *   case and five times the app's users.
 * - 1,000,000 items per list: five times 200,000 (what `roles` keeps of each item fits in memory at that).
 * - 32 MiB per answer: the largest page is 500 app users with their Okta user embedded, about 3 KB each in
 *   Okta's own example (`AppUserListEx`), 1.5 MB a page; 32 MiB leaves room for profiles ten times larger,
 *   twice over. The body is counted as it arrives, so a larger answer is never held whole.
 * - 60 minutes per run: 200,000 app users take about 1,500 requests (400 pages of app users, up to 1,000 of
 *   group members, a few more); at 100 requests a minute (the `/api/v1/apps` rate limit of paid orgs in Okta's
 *   "Rate limits" docs) that is 15 minutes of waiting, four times over.
 * - 30 s per request (`--timeout`): from sending it to the last byte of the answer.
 */
export type { ReadLimits };

/** The largest org the docs promise `check` and `roles` can read, in app users. */
export const LARGEST_ORG_APP_USERS = LARGEST_ORG_USERS;

export const READ_LIMITS: Readonly<ReadLimits> = { ...SHARED_LIMITS, maxPagesPerList: 2_000 };

/** `--timeout SECONDS`: less than this leaves no time for an answer, more is no time limit at all. */
export const MIN_TIMEOUT_SECONDS = 0.1;
export const MAX_TIMEOUT_SECONDS = 600;

export { formatBytes, formatCount, formatDuration } from "../http/format";
