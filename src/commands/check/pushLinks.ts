/**
 * `check` for project and team roles: compares the Statsig app's group push links (read by live.ts) with the
 * links the component would create. Pure; items have the shape of compare.ts.
 */
import { childUrn, type UrnScope } from "../../domain/desired";
import { PUSH_GROUP_TYPE, pushGroupName, STATSIG_GROUP_PREFIX } from "../../domain/projectRoles";
import type { ExpectedPushLink } from "../expected";
import type { CheckItem, FieldDiff } from "./compare";
import type { LivePushLink } from "./live";

/** Where the links are: the app, and the component, stack and project that name each link's URN. */
export interface PushLinkContext extends UrnScope {
  appId: string;
  componentName: string;
}

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

/** Where an admin fixes or unlinks a link by hand. */
const PUSH_GROUPS_TAB = "the admin console (Applications > the Statsig app > Push Groups)";

/** The URN of the link's child resource, and what to do when `check` could not tell its stack or project. */
function urnOf(context: PushLinkContext, key: string): { urn: string; unknown: string } {
  const urn = childUrn(context, { type: PUSH_GROUP_TYPE, name: pushGroupName(context.componentName, key) });
  const missing = [context.stack === undefined ? "<stack>" : undefined, context.project === undefined ? "<project>" : undefined].filter(
    (part) => part !== undefined,
  );
  const unknown =
    missing.length > 0 ? ` (fill in ${missing.join(" and ")}, not known to check: \`pulumi stack --show-urns\` lists the URN)` : "";
  return { urn, unknown };
}

/**
 * A link in ERROR blocks Pulumi: the provider's update and delete refuse a link that is neither ACTIVE nor
 * INACTIVE (terraform-provider-okta v6.12.0 `okta/services/idaas/resource_okta_push_group.go`,
 * docs/reference/okta.md#group-push).
 */
function stuckInError(context: PushLinkContext, key: string): string {
  const { urn, unknown } = urnOf(context, key);
  return `a link in ERROR blocks Pulumi: the Okta provider refuses to update or delete it ("Group push mapping in disallowed status"), so \`pulumi up\` changing or removing it and \`pulumi destroy\` fail. Fix the push error or unlink the group (keeping the Statsig group) in ${PUSH_GROUPS_TAB}, or make Pulumi forget the link: pulumi state delete '${urn}'${unknown}`;
}

/**
 * A link unlinked in the admin console while the stack's state still holds it: the provider's read fails with
 * 404 (okta/terraform-provider-okta#2807, fixed after v6.12.0), so refresh and destroy fail.
 */
function goneFromOkta(context: PushLinkContext, key: string): string {
  const { urn, unknown } = urnOf(context, key);
  return `if \`pulumi up\` created this link before, it was unlinked by hand and the stack's state still holds it: the provider's read then fails with 404, so \`pulumi refresh\` and \`pulumi destroy\` fail (okta/terraform-provider-okta#2807). Run pulumi state delete '${urn}'${unknown}, then \`pulumi up\` links it again`;
}

/** A target changed by hand: the provider never reads `target_group_name` back, and `pulumi up` does not refresh. */
function retargeted(context: PushLinkContext, key: string): string {
  const { urn, unknown } = urnOf(context, key);
  return `linked to another group than the config says: either the config changed since the last \`pulumi up\` (which then relinks it), or the link was retargeted by hand, which \`pulumi up\` does not notice: then, in ${PUSH_GROUPS_TAB}, unlink it (keeping the group in the app) and link the intended one, or relink it with pulumi up --replace '${urn}'${unknown}`;
}

/** A target group Okta refused to show. */
const unreadableTarget = (link: LivePushLink) =>
  `the target group ${link.targetGroupId ?? "?"} cannot be read, so the link cannot be checked: ${link.targetUnreadable ?? ""}. If the group is gone (404: deleted in Okta, or its Statsig project deleted), import Statsig's groups again (the Statsig app's Import tab > Import Now), then unlink this link in ${PUSH_GROUPS_TAB} or relink it; a 403 needs an admin role that can read the group`;

/**
 * Compares the links the config asks for with the app's live links. Pure.
 * - ok: linked from the group, to the intended Statsig group, ACTIVE.
 * - missing: the group has no link on the app (with how to recover if the stack's state still holds one).
 * - different: linked to another group (retargeted by hand), or INACTIVE / ERROR (ERROR blocks Pulumi).
 * - unreadable: the link's target group cannot be read; the check goes on.
 * - not-in-config: a link to a `Statsig-` group that the config does not list (its members get a Statsig
 *   role), or to a group that cannot be read; links to other groups are only counted.
 * Every item about a configured link carries the URN of its child resource.
 */
export function comparePushLinks(
  expected: readonly ExpectedPushLink[],
  live: readonly LivePushLink[],
  context: PushLinkContext,
): { items: CheckItem[]; otherLinks: number } {
  const items: CheckItem[] = [];
  const used = new Set<LivePushLink>();
  for (const want of expected) {
    const { item: checked, link } = expectedItem(want, live, context);
    items.push(checked);
    if (link) used.add(link);
  }
  let otherLinks = 0;
  for (const link of live) {
    if (used.has(link)) continue;
    const unlisted = unlistedItem(link, context);
    if (unlisted) items.push(unlisted);
    else otherLinks++;
  }
  return { items, otherLinks };
}

/** The item of one configured link, and the live link it was compared with (none when missing). */
function expectedItem(
  want: ExpectedPushLink,
  live: readonly LivePushLink[],
  context: PushLinkContext,
): { item: CheckItem; link?: LivePushLink } {
  // A plain id (expectedPushLinks refuses an Output), so it is also the entry's key.
  const title = `Group ${want.groupId} -> ${targetLabel(want)} (${roleLabel(want)})`;
  const { urn } = urnOf(context, want.key);
  const fromGroup = live.filter((link) => link.sourceGroupId === want.groupId);
  const link = fromGroup.find((candidate) => targets(want, candidate)) ?? fromGroup[0];
  if (!link) {
    const other = live.find((candidate) => targets(want, candidate));
    return {
      item: item(title, [], {
        status: "missing",
        notes: [
          `the group is not pushed to the app: in the Statsig app's Push Groups tab, push it with "Link Group" to ${targetLabel(want)}`,
          ...(other ? [`${targetLabel(want)} is linked from group ${other.sourceGroupId} instead (mapping ${other.id})`] : []),
          goneFromOkta(context, want.key),
        ],
        urn,
      }),
    };
  }
  const differences: FieldDiff[] = [];
  const notes: string[] = [];
  if (link.targetUnreadable !== undefined) notes.push(unreadableTarget(link));
  else if (!targets(want, link)) {
    differences.push(
      want.targetGroupId !== undefined
        ? { field: "targetGroupId", live: link.targetGroupId, expected: want.targetGroupId, hint: retargeted(context, want.key) }
        : {
            field: "target group",
            live: link.targetGroupName ?? link.targetGroupId,
            expected: want.targetGroupName,
            hint: retargeted(context, want.key),
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
    if (link.status === "ERROR") notes.push(stuckInError(context, want.key));
  }
  return {
    item: item(title, differences, {
      ...(link.targetUnreadable !== undefined ? { status: "unreadable" as const } : {}),
      notes,
      import: { type: PUSH_GROUP_TYPE, name: pushGroupName(context.componentName, want.key), id: `${context.appId}/${link.id}` },
      urn,
    }),
    link,
  };
}

/** A live link the config does not list: an item when it reaches a `Statsig-` group or cannot be read, else none (only counted). */
function unlistedItem(link: LivePushLink, context: PushLinkContext): CheckItem | undefined {
  if (link.targetUnreadable !== undefined) {
    return item(
      `Group ${link.sourceGroupId ?? "?"} -> group ${link.targetGroupId ?? "?"} (mapping ${link.id}, ${link.status ?? "?"})`,
      [],
      {
        status: "unreadable",
        notes: [unreadableTarget(link)],
      },
    );
  }
  if (!link.targetGroupName?.startsWith(STATSIG_GROUP_PREFIX)) return undefined;
  return item(`Group ${link.sourceGroupId ?? "?"} -> "${link.targetGroupName}" (mapping ${link.id}, ${link.status ?? "?"})`, [], {
    status: "not-in-config",
    differences: [
      {
        field: "link",
        live: link.targetGroupName,
        expected: undefined,
        hint: "its members get this Statsig role, but the config does not list the link: add it to projectRoles, or unlink it (leave the group in the app)",
      },
    ],
    // Removed from projectRoles while in ERROR: `pulumi up` cannot delete it. The URN assumes the key of a
    // plain group id; a link made outside Pulumi has none.
    notes:
      link.status === "ERROR" && link.sourceGroupId !== undefined
        ? [`if Pulumi manages this link (from an earlier projectRoles entry): ${stuckInError(context, link.sourceGroupId)}`]
        : [],
  });
}
