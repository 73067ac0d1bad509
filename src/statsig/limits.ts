/**
 * How much `roles --statsig` and `check --statsig` read from Statsig's SCIM API before they give up, derived
 * as Okta's bounds are (okta/limits.ts) from the largest org the docs promise, 200,000 users:
 * - users are asked for {@link SCIM_PAGE_SIZE}.users per page; Statsig documents no page size, and RFC 7644
 *   section 3.4.2.4 lets a server return fewer than asked. 4,000 pages per list reads 200,000 users at 50 a page,
 *   twice over; 1,000,000 items per list is five times 200,000.
 * - groups come with their members (RFC 7644 section 4.2: `members`), so a page of them can be large: asked for
 *   {@link SCIM_PAGE_SIZE}.groups per page.
 * - 32 MiB per answer: a page of 500 SCIM users is about 250 KB (about 500 bytes each with name and emails);
 *   a group of 200,000 members about 16 MB (about 80 bytes a member). The body is counted as it arrives.
 * - 60 minutes per run, 30 s per request (`--timeout`), as for Okta.
 */
import { LARGEST_ORG_USERS, SHARED_LIMITS, type ReadLimits } from "../http/limits";

export { LARGEST_ORG_USERS };

export const STATSIG_LIMITS: Readonly<ReadLimits> = { ...SHARED_LIMITS, maxPagesPerList: 4_000 };

/** The `count` asked for per page (RFC 7644 section 3.4.2.4); the server may send fewer. */
export const SCIM_PAGE_SIZE = { users: 500, groups: 50 } as const;
