/**
 * `check` for project and team roles: compares the Statsig app's group push links (read by live.ts) with the
 * links the component would create. Pure; items have the shape of compare.ts.
 */
import { PUSH_GROUP_TYPE, pushGroupName, STATSIG_GROUP_PREFIX } from "../../domain/projectRoles";
import type { ExpectedPushLink } from "../expected";
import type { CheckItem, FieldDiff } from "./compare";
import type { LivePushLink } from "./live";

function item(title: string, differences: FieldDiff[], extra: Partial<CheckItem> = {}): CheckItem {
  return { step: "push", title, status: differences.length > 0 ? "different" : "ok", differences, notes: [], ...extra };
}

const roleLabel = (link: ExpectedPushLink) =>
  link.team !== undefined ? `team ${link.team} ${link.role} in ${link.project}` : `${link.role} in ${link.project}`;

const targetLabel = (link: ExpectedPushLink) => link.targetGroupId ?? `"${link.targetGroupName}"`;

const targets = (want: ExpectedPushLink, link: LivePushLink) =>
  want.targetGroupId !== undefined ? link.targetGroupId === want.targetGroupId : link.targetGroupName === want.targetGroupName;

const STATUS_HINT: Record<string, string> = {
  INACTIVE: "Okta pushes no membership changes while the link is inactive",
  ERROR: "the latest push failed",
};

/**
 * Compares the links the config asks for with the app's live links. Pure.
 * - ok: linked from the group, to the intended Statsig group, ACTIVE.
 * - missing: the group has no link on the app.
 * - different: linked to another group, or INACTIVE / ERROR.
 * - not-in-config: a link to a `Statsig-` group that the config does not list (its members get a Statsig
 *   role); links to other groups are only counted.
 */
export function comparePushLinks(
  expected: readonly ExpectedPushLink[],
  live: readonly LivePushLink[],
  context: { appId: string; componentName: string },
): { items: CheckItem[]; otherLinks: number } {
  const items: CheckItem[] = [];
  const used = new Set<LivePushLink>();
  for (const want of expected) {
    // A plain id (expectedPushLinks refuses an Output), so it is also the entry's key.
    const title = `Group ${want.groupId} -> ${targetLabel(want)} (${roleLabel(want)})`;
    const fromGroup = live.filter((link) => link.sourceGroupId === want.groupId);
    const link = fromGroup.find((candidate) => targets(want, candidate)) ?? fromGroup[0];
    if (!link) {
      const other = live.find((candidate) => targets(want, candidate));
      items.push(
        item(title, [], {
          status: "missing",
          notes: [
            `the group is not pushed to the app: in the Statsig app's Push Groups tab, push it with "Link Group" to ${targetLabel(want)}`,
            ...(other ? [`${targetLabel(want)} is linked from group ${other.sourceGroupId} instead (mapping ${other.id})`] : []),
          ],
        }),
      );
      continue;
    }
    used.add(link);
    const differences: FieldDiff[] = [];
    if (!targets(want, link)) {
      differences.push(
        want.targetGroupId !== undefined
          ? { field: "targetGroupId", live: link.targetGroupId, expected: want.targetGroupId, hint: "linked to another group" }
          : {
              field: "target group",
              live: link.targetGroupName ?? link.targetGroupId,
              expected: want.targetGroupName,
              hint: "linked to another group: unlink it, leaving the group in the app, then link the intended one",
            },
      );
    }
    if (link.status !== "ACTIVE") {
      const why =
        link.status === "ERROR" && link.errorSummary
          ? `${STATUS_HINT.ERROR}: ${link.errorSummary}`
          : // Own keys only: a status such as "toString" is Okta's text, not a member of the table.
            link.status !== undefined && Object.hasOwn(STATUS_HINT, link.status)
            ? STATUS_HINT[link.status]
            : undefined;
      differences.push({ field: "status", live: link.status, expected: "ACTIVE", ...(why ? { hint: why } : {}) });
    }
    items.push(
      item(title, differences, {
        import: { type: PUSH_GROUP_TYPE, name: pushGroupName(context.componentName, want.key), id: `${context.appId}/${link.id}` },
      }),
    );
  }

  let otherLinks = 0;
  for (const link of live) {
    if (used.has(link)) continue;
    if (!link.targetGroupName?.startsWith(STATSIG_GROUP_PREFIX)) {
      otherLinks++;
      continue;
    }
    items.push(
      item(`Group ${link.sourceGroupId ?? "?"} -> "${link.targetGroupName}" (mapping ${link.id}, ${link.status ?? "?"})`, [], {
        status: "not-in-config",
        differences: [
          {
            field: "link",
            live: link.targetGroupName,
            expected: undefined,
            hint: "its members get this Statsig role, but the config does not list the link: add it to projectRoles, or unlink it (leave the group in the app)",
          },
        ],
      }),
    );
  }
  return { items, otherLinks };
}
