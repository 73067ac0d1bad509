/**
 * `check --statsig`: the org-level view of what Statsig holds. Statsig's Owner against the members of the
 * config's Owner role group(s) (Statsig accepts one Owner and keeps it: docs/reference/statsig.md#one-owner),
 * and the users Statsig holds by org role. Per user, `roles --statsig` says more.
 */
import { assignmentsOf } from "../../domain/desired";
import { OWNER_CHANGE } from "../../domain/orgRoles";
import type { OktaClient } from "../../okta/client";
import { listGroupMembers } from "../../okta/endpoints";
import type { HeldUser, StatsigHolding } from "../../statsig/scim";
import type { Expected } from "../expected";
import type { CheckItem } from "./compare";
import { unreadableGroup } from "../../okta/errors";

/** What Statsig holds, counted (`--json`: `statsig`). */
export interface StatsigSummary {
  url: string;
  users: number;
  groups: number;
  /** Active users by `statsigOrgRole`, as Statsig spells it. */
  roles: Record<string, number>;
  /** Active users without a role. */
  withoutRole: number;
  inactive: number;
}

export function summarize(holding: StatsigHolding): StatsigSummary {
  const roles = new Map<string, number>();
  let withoutRole = 0;
  let inactive = 0;
  for (const user of holding.users) {
    if (!user.active) inactive++;
    else if (user.orgRole === null) withoutRole++;
    else roles.set(user.orgRole, (roles.get(user.orgRole) ?? 0) + 1);
  }
  return {
    url: holding.url,
    users: holding.users.length,
    groups: holding.groups.length,
    // Keys are Statsig's values: a null-prototype object, so a role named `__proto__` is a count like any other.
    roles: Object.assign(
      Object.create(null) as Record<string, number>,
      Object.fromEntries([...roles].sort(([a], [b]) => (a < b ? -1 : 1))),
    ),
    withoutRole,
    inactive,
  };
}

const key = (text: string) => text.toLowerCase();
const isOwner = (user: HeldUser) => user.active && user.orgRole !== null && key(user.orgRole) === "owner";

/**
 * The check item: Statsig's active Owner(s) against the logins of the Owner role groups' members (read from
 * Okta; users who are deprovisioned left out). Personal mode has no Owner group: each user's attribute decides.
 */
export async function compareOwner(client: OktaClient, expected: Expected, holding: StatsigHolding): Promise<CheckItem> {
  const owners = holding.users.filter(isOwner);
  const title = "Statsig's Owner is the one member of the config's Owner group";
  const live = owners.map((user) => user.userName);
  if (expected.desired.mode === "personal") {
    return {
      step: "statsig",
      title,
      status: "not-managed",
      differences: [],
      notes: [
        `Personal mode: each user's attribute decides who is Owner (roles --statsig compares them); Statsig's Owner: ${live.join(", ") || "none"}`,
      ],
    };
  }
  const groups = assignmentsOf(expected.desired).filter((child) => child.group.role === "Owner");
  const members: string[] = [];
  for (const child of groups) {
    const groupId = child.inputs.groupId as string;
    try {
      for await (const page of listGroupMembers(client, groupId, `the config's Owner group ${groupId} is not in Okta: fix the config`)) {
        for (const member of page) if (member.status !== "DEPROVISIONED") members.push(member.profile.login ?? member.id);
      }
    } catch (error) {
      // As for push links' targets: one group Okta will not show is reported, and the check goes on.
      if (!unreadableGroup(error)) throw error;
      return { step: "statsig", title, status: "unreadable", differences: [], notes: [error.message] };
    }
  }
  const same =
    owners.length === 1 &&
    members.length === 1 &&
    [owners[0]!.userName, owners[0]!.email].some((name) => name !== undefined && key(name) === key(members[0]!));
  const notes =
    groups.length === 0
      ? ["The config has no Owner group: Statsig's Owner is not set by Okta"]
      : same
        ? []
        : [`Put exactly Statsig's current Owner in the Owner group; ${OWNER_CHANGE}`];
  return {
    step: "statsig",
    title,
    status: same ? "ok" : "different",
    differences: same ? [] : [{ field: "Owner", live, expected: members }],
    notes,
  };
}
