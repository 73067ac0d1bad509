/**
 * The live reads of `statsig-okta roles`: GET only, through the read-only {@link OktaClient}, one request
 * after the other, each list read page by page at the largest page size Okta allows and reduced to
 * {@link LiveAppUser}s before the next page is read, so memory grows with the users kept, not with Okta's
 * (much larger) responses.
 *
 * Requests: ceil(assigned groups / 200) + 1 (user types) + 1 or 2 (the mapping) + ceil(app users / 500)
 * + the sum over the assigned, role and project-role groups of ceil(members / 1000): the least those page
 * sizes allow.
 */
import type { OktaClient } from "../../okta/client";
import { listAppGroupAssignments, listAppUsers, listGroupMembers } from "../../okta/endpoints";
import { findMapping, findUserType } from "../lookups";
import { STATSIG_ATTRIBUTE } from "../../domain/orgRoles";
import type { LiveAppUser, LiveGroup, Outsider, RolesInput, RolesTarget } from "./model";

export interface ReadOptions {
  /** Progress lines (stderr), at most one per `progressEveryMs` while a list is read. */
  progress?: (line: string) => void;
  progressEveryMs?: number;
  now?: () => number;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Reads every user of the app, the groups that assign them and the role groups' members. */
export async function readRoles(client: OktaClient, target: RolesTarget, options: ReadOptions = {}): Promise<RolesInput> {
  const now = options.now ?? Date.now;
  const every = options.progressEveryMs ?? 2000;
  let lastProgress = now();
  const progress = (line: () => string) => {
    if (!options.progress || now() - lastProgress < every) return;
    lastProgress = now();
    options.progress(line());
  };

  // 1. The groups assigned to the app, with their names (expand=group) in the same requests.
  const groups: LiveGroup[] = [];
  for await (const page of listAppGroupAssignments(client, target.appId, { expandGroup: true })) {
    for (const assignment of page) {
      const name = text(assignment._embedded?.group?.profile?.name);
      const role = assignment.profile?.[STATSIG_ATTRIBUTE];
      groups.push({
        id: assignment.id,
        ...(name !== undefined ? { name } : {}),
        assignment: {
          ...(typeof assignment.priority === "number" ? { priority: assignment.priority } : {}),
          ...(typeof role === "string" && role !== "" ? { role } : {}),
        },
      });
    }
  }
  const assignedCount = groups.length;
  // The role groups and the groups pushed for project roles: their members who are not app users are findings.
  const watched = [...target.roleGroups.map((group) => group.groupId), ...target.projectRoles.map((entry) => entry.groupId)];
  for (const groupId of watched) {
    if (!groups.some((group) => group.id === groupId)) groups.push({ id: groupId });
  }
  const roleGroupIds = new Set(watched);

  // 2. The Okta -> app mapping of the role: the user type, the pair's mapping, its properties.
  const userType = await findUserType(client, target.userTypeId);
  const mapping = await findMapping(client, userType.id, target.appId);
  const roleMapping = mapping?.properties[STATSIG_ATTRIBUTE]?.expression;

  // 3. Every app user with the Okta user embedded (expand=user): login, status and the Okta attribute in the
  // same requests as the app user's role, scope and syncState.
  const users: LiveAppUser[] = [];
  const byId = new Map<string, number>();
  const attr = target.oktaAttributeName;
  for await (const page of listAppUsers(client, target.appId)) {
    for (const appUser of page) {
      if (byId.has(appUser.id)) continue;
      const embedded = appUser._embedded?.user;
      const [status, scope, syncState, role] = [
        embedded?.status,
        appUser.scope,
        appUser.syncState,
        appUser.profile?.[STATSIG_ATTRIBUTE],
      ].map(text);
      byId.set(appUser.id, users.length);
      users.push({
        id: appUser.id,
        // The app user name is the login unless the app's username template says otherwise.
        login: text(embedded?.profile?.login) ?? text(appUser.credentials?.userName) ?? appUser.id,
        ...(status !== undefined ? { status } : {}),
        ...(scope !== undefined ? { scope } : {}),
        ...(syncState !== undefined ? { syncState } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(embedded ? { oktaAttribute: text(embedded.profile?.[attr]) ?? null } : {}),
        groups: [],
      });
    }
    progress(() => `statsig-okta roles: read ${users.length.toLocaleString("en-US")} app users so far`);
  }

  // 4. The members of each assigned group and each role group: who is assigned through which group, and
  // which role group members are not app users.
  const outsiders: Outsider[] = [];
  for (const [index, group] of groups.entries()) {
    const assigned = index < assignedCount;
    const notFound = assigned
      ? `group ${group.id} is assigned to the app but Okta has no such group`
      : `the config's group ${group.id} (roleGroups or projectRoles) does not exist in Okta: fix the config`;
    for await (const page of listGroupMembers(client, group.id, notFound)) {
      for (const member of page) {
        const user = byId.get(member.id);
        if (user !== undefined) {
          const memberOf = users[user]!.groups;
          if (!memberOf.includes(index)) memberOf.push(index);
        } else if (roleGroupIds.has(group.id) && member.status !== "DEPROVISIONED") {
          // Deactivated users lose every app assignment: not worth a finding.
          outsiders.push({
            group: index,
            id: member.id,
            login: text(member.profile?.login) ?? member.id,
            ...(member.status !== undefined ? { status: member.status } : {}),
          });
        }
      }
      progress(() => `statsig-okta roles: reading the members of group ${index + 1} of ${groups.length}`);
    }
  }
  return { target, groups, users, outsiders, ...(roleMapping !== undefined ? { roleMapping } : {}) };
}
