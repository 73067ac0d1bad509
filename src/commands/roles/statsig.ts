/**
 * `roles --statsig`: what Statsig holds (read over SCIM, statsig/scim.ts) against what Okta sends and the config
 * intends, user by user, and the findings where they part. Pure: it adds to the report `explainRoles` made.
 *
 * - Users are matched by SCIM `userName`, else the primary email, against the Okta login or the app user name,
 *   without regard to case (Okta's Statsig app sends the app user name as `userName`; docs/reference/statsig.md#reading-what-statsig-holds).
 * - Statsig's groups are matched to Okta groups through {@link StatsigLink}s: the app's live ACTIVE push links
 *   ({@link liveLinks}), named by the groups they push to, with the config's project and role where the config
 *   has the same source group. A link the config asks for but Okta does not have (or not ACTIVE) feeds nothing.
 * - Org roles are compared without regard to case: whether Statsig's values are case-sensitive is undocumented
 *   (docs/reference/statsig.md#the-org-role-attribute).
 */
import { OWNER_CHANGE, STATSIG_ATTRIBUTE } from "../../domain/orgRoles";
import type { ConsoleProject } from "../../statsig/console";
import type { HeldUser, StatsigHolding } from "../../statsig/scim";
import type { ExpectedPushLink } from "../expected";
import { FindingsCollector, groupLabel, ONE_OWNER, PENDING_SYNC } from "./explain";
import type {
  ConsoleRole,
  Finding,
  HeldProjectRole,
  LiveAppUser,
  LiveLink,
  RolesInput,
  RolesReport,
  StatsigView,
  UserRecord,
} from "./model";

/** An Okta group linked (by Group Push) to a Statsig group, and the role that group gives when the config says. */
export interface StatsigLink {
  oktaGroupId: string;
  /** The Statsig group's name (`Statsig-<Project>-<Role>`), matched to SCIM `displayName` without regard to case. */
  statsigGroup: string;
  /** Set for a link of the config; a link made outside it gives a role the config does not name. */
  project?: string;
  role?: string;
  team?: string;
}

/** What `--statsig` knows of the app's links: those that feed Statsig groups, and what it could not tell. */
export interface StatsigLinks {
  fed: StatsigLink[];
  /** ACTIVE links whose target group Okta would not show: any Statsig group may be fed by one of them. */
  unreadableTargets: number;
  /** The Statsig group names the config's links ask for, lower-cased: a group of these without a link is a project-link matter. */
  configured: ReadonlySet<string>;
}

/**
 * The links that feed Statsig groups: each live ACTIVE link whose target group's name was read (`targetNames`,
 * by Okta id; null: unreadable), with the project and role of the config's link from the same Okta group when
 * there is one.
 */
export function liveLinks(
  live: readonly LiveLink[],
  targetNames: ReadonlyMap<string, string | null>,
  config: readonly ExpectedPushLink[],
): StatsigLinks {
  const configOf = new Map(config.map((link) => [link.groupId, link]));
  const active = live.filter((link) => link.status === "ACTIVE" && link.targetGroupId !== undefined);
  const fed = active.flatMap(({ sourceGroupId, targetGroupId }) => {
    const name = targetNames.get(targetGroupId!);
    if (name === undefined || name === null) return [];
    const { project, role, team } = configOf.get(sourceGroupId) ?? {};
    return [
      {
        oktaGroupId: sourceGroupId,
        statsigGroup: name,
        ...(project !== undefined ? { project } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(team !== undefined ? { team } : {}),
      },
    ];
  });
  return {
    fed,
    unreadableTargets: active.filter((link) => targetNames.get(link.targetGroupId!) === null).length,
    configured: new Set(config.map((link) => key(link.targetGroupName ?? link.statsigName))),
  };
}

const key = (text: string) => text.toLowerCase();
const sameRole = (a: string | null, b: string | null) => (a === null ? null : key(a)) === (b === null ? null : key(b));
const isOwner = (role: string | null) => role !== null && key(role) === "owner";

/** Okta user statuses whose app users Okta has deactivated in Statsig (or will). */
const NOT_ACTIVE_IN_OKTA = new Set(["SUSPENDED", "DEPROVISIONED"]);

type Problem = Omit<Finding, "users">;

/** Records a finding about these Statsig users, app users and other people (by login). */
type Mark = (problem: Problem, statsigUsers: readonly HeldUser[], appUsers?: readonly LiveAppUser[], others?: readonly string[]) => void;

/** The join of Okta's app users and Statsig's users, made once. */
interface Join {
  /** Statsig's user of each app user, by app user id (the first one matched). */
  statsigOf: Map<string, HeldUser>;
  /** The app user of each Statsig user, by SCIM id. */
  appUserOf: Map<string, LiveAppUser>;
  /** Statsig's users by SCIM id. */
  byId: Map<string, HeldUser>;
  /** Statsig's project and team roles of each Statsig user, by SCIM id. */
  heldRoles: Map<string, HeldProjectRole[]>;
}

function join(input: RolesInput, holding: StatsigHolding, links: readonly StatsigLink[]): Join {
  const appUserByKey = new Map<string, LiveAppUser>();
  for (const user of input.users) {
    for (const name of [user.login, user.userName])
      if (name !== undefined && !appUserByKey.has(key(name))) appUserByKey.set(key(name), user);
  }
  const statsigOf = new Map<string, HeldUser>();
  const appUserOf = new Map<string, LiveAppUser>();
  const byId = new Map<string, HeldUser>();
  for (const user of holding.users) {
    byId.set(user.id, user);
    const match = appUserByKey.get(key(user.userName)) ?? (user.email !== undefined ? appUserByKey.get(key(user.email)) : undefined);
    if (match === undefined) continue;
    appUserOf.set(user.id, match);
    if (!statsigOf.has(match.id)) statsigOf.set(match.id, user);
  }
  const linkOf = new Map<string, StatsigLink>();
  for (const link of links) if (!linkOf.has(key(link.statsigGroup))) linkOf.set(key(link.statsigGroup), link);
  const heldRoles = new Map<string, HeldProjectRole[]>();
  for (const group of [...holding.groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const link = linkOf.get(key(group.name));
    // One object per group, shared by its members: 50,000 records stay small.
    const held: HeldProjectRole = link
      ? {
          group: group.name,
          ...(link.project !== undefined ? { project: link.project } : {}),
          ...(link.team !== undefined ? { team: link.team } : {}),
          ...(link.role !== undefined ? { role: link.role } : {}),
        }
      : { group: group.name };
    for (const member of group.members) {
      const list = heldRoles.get(member) ?? [];
      list.push(held);
      heldRoles.set(member, list);
    }
  }
  return { statsigOf, appUserOf, byId, heldRoles };
}

/**
 * Adds Statsig's view to each record (`statsig`), the counts to the report, and the six `statsig-*` findings
 * to its findings, in the report's one order.
 */
export function explainStatsig(
  report: RolesReport,
  input: RolesInput,
  holding: StatsigHolding,
  links: StatsigLinks,
  consoles: readonly ConsoleProject[] = [],
): void {
  const joined = join(input, holding, links.fed);
  const findings = new FindingsCollector(report.findings);
  const recordOf = new Map(report.users.map((record) => [record.id, record]));
  const owners = holding.users.filter((user) => user.active && isOwner(user.orgRole));
  for (const record of report.users) {
    const held = joined.statsigOf.get(record.id);
    record.statsig = held
      ? view(held, joined, consoles.length > 0 ? consoleRoles(consoles, [record.login, held.userName, held.email]) : undefined)
      : null;
    const problem = userProblem(record, held, owners);
    if (problem) {
      findings.addUser(record.login, problem);
      record.findings.push(`${problem.kind}:${problem.reason}`);
    }
  }
  /** A finding about Statsig users and app users: named once each, marked on the app users' records. */
  const mark: Mark = (problem, statsigUsers, appUsers = [], others = []) => {
    const concerned = [...appUsers, ...statsigUsers.flatMap((user) => joined.appUserOf.get(user.id) ?? [])];
    const names = [
      ...concerned.map((user) => user.login),
      ...statsigUsers.filter((user) => !joined.appUserOf.has(user.id)).map((user) => user.userName),
      ...others,
    ];
    findings.add(problem, [...new Map(names.map((name) => [key(name), name])).values()]);
    for (const id of new Set(concerned.map((user) => user.id))) recordOf.get(id)?.findings.push(problem.kind);
  };
  ownerProblem(report, input, joined, owners, mark);
  unmanaged(holding, joined, findings);
  groupProblems(input, holding, links, joined, mark);
  report.findings = findings.sorted();
  report.statsig = {
    url: holding.url,
    users: holding.users.length,
    groups: holding.groups.length,
    ...(consoles.length > 0 ? { consoleProjects: consoles.map((entry) => entry.project) } : {}),
  };
}

function view(held: HeldUser, joined: Join, console: ConsoleRole[] | undefined): StatsigView {
  return { orgRole: held.orgRole, active: held.active, projectRoles: joined.heldRoles.get(held.id) ?? [], ...(console ? { console } : {}) };
}

/** The user's role in each project whose console knows one of these names (emails, without regard to case). */
function consoleRoles(consoles: readonly ConsoleProject[], names: readonly (string | undefined)[]): ConsoleRole[] {
  const keys = names.flatMap((name) => (name === undefined ? [] : [key(name)]));
  return consoles.flatMap(({ project, users }) => {
    const found = keys.map((name) => users.get(name)).find((user) => user !== undefined);
    return found ? [{ project, role: found.role, teams: found.teams }] : [];
  });
}

/** One app user against Statsig: another org role held (and the likely reason), or no active user there. */
function userProblem(record: UserRecord, held: HeldUser | undefined, owners: readonly HeldUser[]): Problem | undefined {
  if (held?.active && record.role !== null && !sameRole(held.orgRole, record.role)) return differs(record, held, owners);
  const synchronized = record.syncState === "SYNCHRONIZED" && !NOT_ACTIVE_IN_OKTA.has(record.status ?? "");
  if (!synchronized || held?.active) return undefined;
  return held === undefined
    ? {
        kind: "statsig-missing",
        reason: "absent",
        message:
          'Assigned and synchronized in Okta, but Statsig has no such user (by SCIM userName or email): Statsig may have refused it, for example for its email domain ("User userID is not allowed to be created in this organization")',
        fix: "Check the Statsig app's provisioning tasks in Okta (Dashboard > Tasks), and that the user's email has the Statsig organization's domain",
      }
    : {
        kind: "statsig-missing",
        reason: "inactive",
        message: "Assigned and synchronized in Okta, but the user is deactivated in Statsig",
        fix: "Have Okta push the user again (save their assignment in Applications > Statsig > Assignments), or unassign them if they should not have access",
      };
}

/** Statsig holds another org role than Okta sends: why, as far as Okta's state tells. */
function differs(record: UserRecord, held: HeldUser, owners: readonly HeldUser[]): Problem {
  const base = `Statsig holds another org role than Okta sends (${STATSIG_ATTRIBUTE})`;
  if (record.syncState === "ERROR") {
    return {
      kind: "statsig-differs",
      reason: "sync-error",
      message: `${base}: Okta's last push to Statsig failed (syncState ERROR)`,
      fix: "In the admin console: Dashboard > Tasks, resolve the Statsig app's provisioning error and retry",
    };
  }
  if (record.syncState !== undefined && PENDING_SYNC.has(record.syncState)) {
    return {
      kind: "statsig-differs",
      reason: "not-pushed",
      message: `${base}: Okta has not pushed the change yet (syncState OUT_OF_SYNC or SYNCING)`,
      fix: "Wait for the push; if it stays, check the Statsig app's provisioning tasks (Dashboard > Tasks)",
    };
  }
  if (isOwner(held.orgRole)) {
    return {
      kind: "statsig-differs",
      reason: "owner-kept",
      message: `${base}: Statsig keeps its Owner ("Owner cannot be modified": the Owner can only be replaced by another user)`,
      fix: `Keep this user Owner in Okta, or make the intended Owner the one member of the Owner group: ${OWNER_CHANGE}`,
    };
  }
  if (isOwner(record.role) && owners.some((owner) => owner.id !== held.id)) {
    return {
      kind: "statsig-differs",
      reason: "one-owner",
      message: `${base}: Okta sends Owner, but Statsig has another Owner; ${ONE_OWNER}`,
      fix: `Keep one Owner: take this user out of the Owner group, or make them its one member: ${OWNER_CHANGE}`,
    };
  }
  return {
    kind: "statsig-differs",
    reason: "changed-in-statsig",
    message: `${base}, though Okta's last push succeeded: changed in Statsig since, or the push did not carry the role`,
    fix: "Have Okta push the role again (save the user's assignment in Applications > Statsig > Assignments), and change org roles only in Okta",
  };
}

/** Who the config makes Owner: the members of its Owner role groups (group mode), or the users whose attribute says Owner. */
function configOwners(report: RolesReport, input: RolesInput): { owners: { login: string; user?: LiveAppUser }[]; groups: string[] } {
  if (input.target.mode === "personal") {
    const ids = new Set(report.users.filter((record) => isOwner(record.intended ?? null)).map((record) => record.id));
    return { owners: input.users.filter((user) => ids.has(user.id)).map((user) => ({ login: user.login, user })), groups: [] };
  }
  const ownerGroups = new Set(input.target.roleGroups.filter((group) => group.role === "Owner").map((group) => group.groupId));
  const indexes = new Set(input.groups.flatMap((group, index) => (ownerGroups.has(group.id) ? [index] : [])));
  const members = input.users
    .filter((user) => user.groups.some((index) => indexes.has(index)))
    .map((user) => ({ login: user.login, user }));
  const outsiders = input.outsiders.filter((outsider) => indexes.has(outsider.group)).map((outsider) => ({ login: outsider.login }));
  return { owners: [...members, ...outsiders], groups: [...indexes].map((index) => groupLabel(input.groups[index]!)) };
}

/** Statsig's one Owner should be the one person the config makes Owner. */
function ownerProblem(report: RolesReport, input: RolesInput, joined: Join, statsigOwners: readonly HeldUser[], mark: Mark): void {
  const { owners, groups } = configOwners(report, input);
  const personal = input.target.mode === "personal";
  const samePerson = (held: HeldUser, owner: { login: string; user?: LiveAppUser }) =>
    owner.user !== undefined
      ? joined.appUserOf.get(held.id)?.id === owner.user.id
      : [held.userName, held.email].some((name) => name !== undefined && key(name) === key(owner.login));
  if (statsigOwners.length === 1 && owners.length === 1 && samePerson(statsigOwners[0]!, owners[0]!)) return;
  const attr = input.target.oktaAttributeName;
  const fix = personal
    ? `Set ${attr} to Owner on Statsig's current Owner only; ${OWNER_CHANGE}`
    : `Put exactly Statsig's current Owner in one Owner role group (\`pulumi up\` for a new one); ${OWNER_CHANGE}`;
  const message =
    statsigOwners.length === 0
      ? "Statsig shows no active Owner over SCIM"
      : statsigOwners.length > 1
        ? `Statsig shows ${statsigOwners.length} active Owners; ${ONE_OWNER}`
        : owners.length === 0
          ? personal
            ? `No app user's ${attr} gives Owner: Statsig's Owner is not set by Okta`
            : "The config has no Owner group (or it is empty): Statsig's Owner is not set by Okta"
          : `Statsig's Owner is not the one member of the config's Owner ${personal ? `users (${attr} Owner)` : `group ${groups.join(", ")}`}`;
  mark(
    { kind: "statsig-owner", message, fix },
    statsigOwners,
    owners.flatMap((owner) => (owner.user ? [owner.user] : [])),
    // Members of the Owner group who are not app users have no record; the finding names them still.
    owners.flatMap((owner) => (owner.user ? [] : [owner.login])),
  );
}

/** Active Statsig users no app user matches. */
function unmanaged(holding: StatsigHolding, joined: Join, findings: FindingsCollector): void {
  const users = holding.users.filter((user) => user.active && !joined.appUserOf.has(user.id)).map((user) => user.userName);
  if (users.length === 0) return;
  findings.add(
    {
      kind: "statsig-unmanaged",
      message: `${users.length} active Statsig user(s) are not assigned to the Statsig app in Okta: access Okta does not control`,
      fix: "Assign them to the app in Okta (through a role group), or deactivate them in Statsig if they should not have access",
    },
    users,
  );
}

/** Each Statsig group: members the linked Okta group does not have, or members and no link at all. */
function groupProblems(input: RolesInput, holding: StatsigHolding, links: StatsigLinks, joined: Join, mark: Mark): void {
  const indexOf = new Map(input.groups.map((group, index) => [group.id, index]));
  for (const group of holding.groups) {
    if (group.members.length === 0) continue;
    const linked = links.fed.filter((link) => key(link.statsigGroup) === key(group.name));
    const members = group.members.map((id) => joined.byId.get(id) ?? { id, userName: id, active: false, orgRole: null });
    if (linked.length === 0) {
      // A link whose target Okta would not show may feed this group: it cannot be called unlinked.
      if (links.unreadableTargets > 0) continue;
      const configured = links.configured.has(key(group.name));
      mark(
        {
          kind: "statsig-unlinked-group",
          message: `Statsig group "${group.name}" has ${members.length} member(s), and no active Okta push link feeds it: Okta does not control who holds this role`,
          fix: configured
            ? "Its projectRoles link is missing or not ACTIVE (the project-link finding says which): fix the link, or empty the group in Statsig"
            : "Link an Okta group to it (a projectRoles entry, then `pulumi up`), or empty it in Statsig",
        },
        members,
      );
      continue;
    }
    // Members are known only of the groups roles reads (the config's): a group also fed by another link cannot be judged.
    if (linked.some((link) => !indexOf.has(link.oktaGroupId))) continue;
    const oktaGroups = linked.map((link) => indexOf.get(link.oktaGroupId)!);
    const stale = members.filter((member) => !joined.appUserOf.get(member.id)?.groups.some((index) => oktaGroups.includes(index)));
    if (stale.length === 0) continue;
    const labels = linked.map((link) => groupLabel(input.groups[indexOf.get(link.oktaGroupId)!]!));
    mark(
      {
        kind: "statsig-stale-member",
        groupId: linked[0]!.oktaGroupId,
        message: `${stale.length} member(s) of Statsig group "${group.name}" are not in the Okta group linked to it (${labels.join(", ")}): Okta does not manage their membership (left behind by an unlink, or added in Statsig)`,
        fix: "Remove them from the group in Statsig, or add them to the Okta group if they should hold the role",
      },
      stale,
    );
  }
}
