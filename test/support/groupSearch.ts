/**
 * The `search` of Okta's `listGroups` (`GET /api/v1/groups?search=…`), over the fake org's groups, for the
 * one kind of expression statsig-okta sends: `eq` comparisons of `type`, `source.id` and `profile.name`
 * joined by `and`, e.g. `type eq "APP_GROUP" and source.id eq "0oa…" and profile.name eq "Statsig-Web-Admin"`.
 * Okta's spec (`listGroups`, parameter `search`) names `type`, the `source.id` of APP_GROUP groups and profile
 * attributes as searchable, with the operators `eq`, `sw` and `co`. Anything else is refused here as Okta
 * refuses a search it cannot parse: 400, E0000031 "Invalid search criteria." (Okta's error codes reference).
 * So a caller that built another expression, or quoted a value wrongly, fails in the tests instead of
 * matching by accident. Assumed: `eq` on `profile.name` matches the whole name exactly.
 * It imports only oktaOrg.ts, like every fake that answers from the org.
 */
import type { FakeGroup } from "./oktaOrg";

/** What each searchable attribute is of a fake group (spec `Group`: `type`, `_links.source`, `profile.name`). */
const ATTRIBUTES: Record<string, (group: FakeGroup) => string | undefined> = {
  type: (group) => (group.source !== undefined ? "APP_GROUP" : "OKTA_GROUP"),
  "source.id": (group) => group.source,
  "profile.name": (group) => group.name,
};

/**
 * One `<attribute> eq "<value>"` at the start of the rest of the search, then `and` or the end; the value a
 * JSON string (Okta's filter strings escape `"` and `\` alike), so a quoted ` and ` is part of a value.
 */
const CLAUSE = /^([A-Za-z.]+) eq ("(?:[^"\\]|\\.)*")(?: and (?=\S)|$)/;

export type SearchResult = { ok: true; groups: FakeGroup[] } | { ok: false; summary: string };

/** The groups that match `search`, in the org's order, or why Okta would refuse it. */
export function searchGroups(groups: readonly FakeGroup[], search: string): SearchResult {
  const invalid: SearchResult = { ok: false, summary: "Invalid search criteria." };
  const tests: ((group: FakeGroup) => boolean)[] = [];
  let rest = search.trim();
  while (rest !== "") {
    const match = CLAUSE.exec(rest);
    if (!match || !Object.hasOwn(ATTRIBUTES, match[1]!)) return invalid;
    let value: unknown;
    try {
      value = JSON.parse(match[2]!);
    } catch {
      return invalid; // an escape JSON does not know, such as \q
    }
    const read = ATTRIBUTES[match[1]!]!;
    tests.push((group) => read(group) === value);
    rest = rest.slice(match[0].length);
  }
  if (tests.length === 0) return invalid;
  return { ok: true, groups: groups.filter((group) => tests.every((test) => test(group))) };
}
