/**
 * The live reads of `statsig-okta roles`: GET only, through the read-only {@link OktaClient}, one request
 * after the other, each list read page by page at the largest page size Okta allows and reduced to
 * {@link LiveAppUser}s before the next page is read, so memory grows with the users kept, not with Okta's
 * (much larger) responses.
 *
 * Requests: the least the page sizes allow; docs/cli.md ("Who has which role") gives the count.
 */
import type { OktaClient } from "../../okta/client";
import { getGroup, listAppGroupAssignments, listAppUsers, listGroupMembers, listGroupPushMappings } from "../../okta/endpoints";
import { OktaError, unreadableGroup } from "../../okta/errors";
import type { AppGroupAssignment, AppUser } from "../../okta/types";
import { findMapping, findUserType } from "../lookups";
import { sentRole, STATSIG_ATTRIBUTE } from "../../domain/orgRoles";
import type { LiveAppUser, LiveGroup, LiveLink, Outsider, RolesInput, RolesTarget } from "./model";

export interface ReadOptions {
  /** Progress lines (stderr), at most one per `progressEveryMs` while a list is read. */
  progress?: (line: string) => void;
  progressEveryMs?: number;
  now?: () => number;
  /** Read the app's push links even without project roles in the config (`--statsig` matches groups by them). */
  links?: boolean;
}

/** Says a progress line unless one was said less than `progressEveryMs` ago; the line is built only when said. */
type Progress = (line: () => string) => void;

/** The groups whose members are read: the app's assigned groups first, then the config's others. */
interface GroupsToRead {
  groups: LiveGroup[];
  /** `groups[i]` is assigned to the app for i below this. */
  assigned: number;
  /** The role groups and the groups pushed for project roles: their members who are not app users are findings. */
  watched: ReadonlySet<string>;
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** Reads every user of the app, the groups that assign them and the role groups' members, in this order. */
export async function readRoles(client: OktaClient, target: RolesTarget, options: ReadOptions = {}): Promise<RolesInput> {
  const progress = throttled(options);
  const toRead = await readGroups(client, target);
  const roleMapping = await readRoleMapping(client, target);
  const users = await readAppUsers(client, target, progress);
  const outsiders = await readMembers(client, toRead, users, progress);
  const links = target.projectRoles.length > 0 || options.links === true ? await readLinks(client, target) : undefined;
  return {
    target,
    groups: toRead.groups,
    users,
    outsiders,
    ...(roleMapping !== undefined ? { roleMapping } : {}),
    ...(links !== undefined ? { links } : {}),
  };
}

/**
 * With project roles or `--statsig`, the app's group push links (`listGroupPushMappings`, 1000 per page, one
 * request per page), each reduced to its source group, target and status: a project role whose link is missing
 * or not ACTIVE is not pushed. Without project roles, an app whose links Okta will not list (404: no
 * provisioning, so no Group Push) has none, rather than stopping `--statsig`.
 */
async function readLinks(client: OktaClient, target: RolesTarget): Promise<LiveLink[]> {
  const links: LiveLink[] = [];
  let mappings: Awaited<ReturnType<typeof listGroupPushMappings>>;
  try {
    mappings = await listGroupPushMappings(client, target.appId);
  } catch (error) {
    if (target.projectRoles.length > 0 || !(error instanceof OktaError && error.status === 404)) throw error;
    return links;
  }
  for (const mapping of mappings) {
    if (mapping.sourceGroupId === undefined) continue;
    links.push({
      sourceGroupId: mapping.sourceGroupId,
      ...(mapping.targetGroupId !== undefined ? { targetGroupId: mapping.targetGroupId } : {}),
      ...(mapping.status !== undefined ? { status: mapping.status } : {}),
    });
  }
  return links;
}

/**
 * The names of the groups ACTIVE links push to (`getGroup`, one request per group: an app has few links), by
 * Okta id: Statsig's names for them; `null` for a group Okta will not show (404, 403), whose link cannot be told.
 */
export async function readLinkTargets(client: OktaClient, links: readonly LiveLink[]): Promise<Map<string, string | null>> {
  const names = new Map<string, string | null>();
  for (const { targetGroupId: id, status } of links) {
    if (id === undefined || status !== "ACTIVE" || names.has(id)) continue;
    try {
      names.set(id, (await getGroup(client, id, `group ${id}, the target of a push link, is gone`)).profile.name);
    } catch (error) {
      if (!unreadableGroup(error)) throw error;
      names.set(id, null);
    }
  }
  return names;
}

function throttled(options: ReadOptions): Progress {
  const now = options.now ?? Date.now;
  const every = options.progressEveryMs ?? 2000;
  let last = now();
  return (line) => {
    if (!options.progress || now() - last < every) return;
    last = now();
    options.progress(line());
  };
}

/** The groups assigned to the app, with their names (expand=group) in the same requests; then the config's. */
async function readGroups(client: OktaClient, target: RolesTarget): Promise<GroupsToRead> {
  const groups: LiveGroup[] = [];
  for await (const page of listAppGroupAssignments(client, target.appId, { expandGroup: true })) groups.push(...page.map(liveGroup));
  const assigned = groups.length;
  const watched = [...target.roleGroups.map((group) => group.groupId), ...target.projectRoles.map((entry) => entry.groupId)];
  for (const groupId of watched) {
    if (!groups.some((group) => group.id === groupId)) groups.push({ id: groupId });
  }
  return { groups, assigned, watched: new Set(watched) };
}

function liveGroup(assignment: AppGroupAssignment): LiveGroup {
  const name = text(assignment._embedded?.group?.profile.name);
  const role = sentRole(assignment.profile[STATSIG_ATTRIBUTE]);
  return {
    id: assignment.id,
    ...(name !== undefined ? { name } : {}),
    assignment: {
      ...(typeof assignment.priority === "number" ? { priority: assignment.priority } : {}),
      ...(role !== undefined ? { role } : {}),
    },
  };
}

/** The expression of the Okta -> app mapping of the role: the user type, the pair's mapping, its properties. */
async function readRoleMapping(client: OktaClient, target: RolesTarget): Promise<string | undefined> {
  const userType = await findUserType(client, target.userTypeId);
  const mapping = await findMapping(client, userType.id, target.appId, [STATSIG_ATTRIBUTE]);
  return mapping?.properties[STATSIG_ATTRIBUTE]?.expression;
}

/**
 * Every app user with the Okta user embedded (expand=user): login, status and the Okta attribute in the same
 * requests as the app user's role, scope and syncState. An app user listed twice (pages shifting) counts once.
 */
async function readAppUsers(client: OktaClient, target: RolesTarget, progress: Progress): Promise<LiveAppUser[]> {
  const users: LiveAppUser[] = [];
  const seen = new Set<string>();
  for await (const page of listAppUsers(client, target.appId, target.oktaAttributeName)) {
    for (const appUser of page) {
      if (seen.has(appUser.id)) continue;
      seen.add(appUser.id);
      users.push(liveAppUser(appUser, target.oktaAttributeName));
    }
    progress(() => `statsig-okta roles: read ${users.length.toLocaleString("en-US")} app users so far`);
  }
  return users;
}

function liveAppUser(appUser: AppUser, oktaAttributeName: string): LiveAppUser {
  const embedded = appUser._embedded?.user;
  const [status, scope, syncState] = [embedded?.status, appUser.scope, appUser.syncState].map(text);
  const role = sentRole(appUser.profile[STATSIG_ATTRIBUTE]);
  // The app user name is the login unless the app's username template says otherwise.
  const userName = text(appUser.credentials?.userName);
  const login = text(embedded?.profile.get("login")) ?? userName ?? appUser.id;
  const email = text(appUser.profile.email) ?? text(embedded?.profile.get("email"));
  return {
    id: appUser.id,
    login,
    // Most logins are the email: a copy of each would double what 50,000 records keep.
    ...(email !== undefined && email !== login ? { email } : {}),
    ...(userName !== undefined && userName !== login ? { userName } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(syncState !== undefined ? { syncState } : {}),
    ...(role !== undefined ? { role } : {}),
    ...(embedded ? { oktaAttribute: text(embedded.profile.get(oktaAttributeName)) ?? null } : {}),
    groups: [],
  };
}

/**
 * The members of each group to read: records in each app user's `groups` the groups it is a member of, and
 * returns the members of watched groups who are not app users.
 */
async function readMembers(client: OktaClient, toRead: GroupsToRead, users: LiveAppUser[], progress: Progress): Promise<Outsider[]> {
  const { groups, assigned, watched } = toRead;
  const byId = new Map(users.map((user) => [user.id, user]));
  const outsiders: Outsider[] = [];
  for (const [index, group] of groups.entries()) {
    const notFound =
      index < assigned
        ? `group ${group.id} is assigned to the app but Okta has no such group`
        : `the config's group ${group.id} (roleGroups or projectRoles) does not exist in Okta: fix the config`;
    for await (const page of listGroupMembers(client, group.id, notFound)) {
      for (const member of page) {
        const user = byId.get(member.id);
        if (user !== undefined) {
          if (!user.groups.includes(index)) user.groups.push(index);
        } else if (watched.has(group.id) && member.status !== "DEPROVISIONED") {
          // Deactivated users lose every app assignment: not worth a finding.
          outsiders.push({
            group: index,
            id: member.id,
            login: text(member.profile.login) ?? member.id,
            ...(member.status !== undefined ? { status: member.status } : {}),
          });
        }
      }
      progress(() => `statsig-okta roles: reading the members of group ${index + 1} of ${groups.length}`);
    }
  }
  return outsiders;
}
