/**
 * What Statsig holds, read over SCIM (GET `/Users`, GET `/Groups`) and reduced page by page to what the
 * commands compare, so memory grows with the users kept, not with the answers.
 */
import { STATSIG_ATTRIBUTE } from "../domain/orgRoles";
import type { StatsigClient } from "./client";
import { SCIM_PAGE_SIZE } from "./limits";
import { CORE_USER_URN, scimGroupSchema, scimUserSchema, type ScimUser } from "./types";

/** A Statsig user, as SCIM shows it. */
export interface HeldUser {
  id: string;
  userName: string;
  /** The primary email, else the first one; undefined without emails. */
  email?: string;
  /** SCIM `active`; a user without it is taken as active (RFC 7643 leaves its default to the server). */
  active: boolean;
  /** `statsigOrgRole`; null when empty or absent. */
  orgRole: string | null;
}

/** A Statsig group: a project x role or team x role group (`Statsig-<Project>-<Role>`). */
export interface HeldGroup {
  id: string;
  name: string;
  /** The members' SCIM user ids. */
  members: string[];
}

export interface StatsigHolding {
  /** The SCIM base URL read. */
  url: string;
  users: HeldUser[];
  groups: HeldGroup[];
}

function heldUser(user: ScimUser): HeldUser {
  const emails = user.emails ?? [];
  const email = (emails.find((entry) => entry.primary === true) ?? emails[0])?.value;
  const role = user[STATSIG_ATTRIBUTE] ?? user[CORE_USER_URN]?.[STATSIG_ATTRIBUTE];
  return {
    id: user.id,
    userName: user.userName,
    ...(email !== undefined && email !== "" ? { email } : {}),
    active: user.active ?? true,
    orgRole: role === undefined || role === null || role === "" ? null : role,
  };
}

/** Every SCIM user, then every group with its members. A user or group listed twice (pages shifting) counts once. */
export async function readStatsig(client: StatsigClient): Promise<StatsigHolding> {
  const users: HeldUser[] = [];
  const seenUsers = new Set<string>();
  for await (const page of client.list("Users", scimUserSchema, SCIM_PAGE_SIZE.users, "Statsig's users")) {
    for (const user of page.items) {
      if (seenUsers.has(user.id)) continue;
      seenUsers.add(user.id);
      users.push(heldUser(user));
    }
  }
  const groups: HeldGroup[] = [];
  const seenGroups = new Set<string>();
  for await (const page of client.list("Groups", scimGroupSchema, SCIM_PAGE_SIZE.groups, "Statsig's groups")) {
    for (const group of page.items) {
      if (seenGroups.has(group.id)) continue;
      seenGroups.add(group.id);
      groups.push({ id: group.id, name: group.displayName, members: [...new Set((group.members ?? []).map((member) => member.value))] });
    }
  }
  return { url: client.url, users, groups };
}
