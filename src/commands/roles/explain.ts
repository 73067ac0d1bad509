/**
 * Who has which Statsig org role and why: the pure rules of `statsig-okta roles`, applied to what was read
 * from Okta. Okta's rules, as documented:
 * - an Okta -> app mapping of the attribute wins over every assignment value (Okta KB "Usage of Group Type
 *   Attributes for Assignments");
 * - an app user assigned individually (`scope: USER`, Management API `AppUser`) keeps its own value whatever
 *   its groups say, until an admin runs "Convert assignments" in the admin console;
 * - otherwise the assigned group with the highest priority (the lowest number, Management API
 *   `ApplicationGroupAssignment.priority`) gives its profile.
 *
 * Per app user: the intended role (from the config), the source of the live role, and, when they differ, why
 * (group mode or personal mode). Then the findings about Owners and groups. Every finding goes through one
 * collector, which lists them in `KIND_ORDER`.
 */
import { projectRolesOfUser } from "../../domain/projectRoles";
import { byText } from "../report";
import { ROLES, STATSIG_ATTRIBUTE, type Role } from "../../domain/orgRoles";
import type {
  Finding,
  FindingKind,
  LiveAppUser,
  LiveGroup,
  Outsider,
  RoleSource,
  RolesInput,
  RolesReport,
  RolesTarget,
  UserRecord,
} from "./model";

/** The order findings are listed in: what Statsig refuses first. */
const KIND_ORDER: readonly FindingKind[] = [
  "multiple-owners",
  "owner-group",
  "email-domain",
  "sync-error",
  "role-differs",
  "no-role",
  "not-pushed",
  "project-link",
  "not-assigned",
  "statsig-owner",
  "statsig-differs",
  "statsig-missing",
  "statsig-unmanaged",
  "statsig-stale-member",
  "statsig-unlinked-group",
];

/** Statsig accepts one Owner; its error message, quoted in findings. */
export const ONE_OWNER = 'Statsig accepts one Owner per organization ("Cannot set multiple owners")';

/** The sync states in which Okta holds a change it has not pushed to the app yet (spec `AppUserSyncState`). */
export const PENDING_SYNC: ReadonlySet<string> = new Set(["OUT_OF_SYNC", "SYNCING"]);

/** Fixes that several findings share. */
const CONVERT = "In the admin console: Applications > Statsig > Assignments > Convert assignments (Okta has no API for it)";
const PULUMI_UP = "Run `pulumi up` for the stack (`statsig-okta check` shows the difference)";

/** The report: one record per app user (Owners first, users without a role last) and the findings. */
export function explainRoles(input: RolesInput): RolesReport {
  const context = contextOf(input);
  const findings = new FindingsCollector();
  const users = input.users.map((user) => userRecord(context, user, findings));
  multipleOwners(users, findings);
  const outsidersOf = outsidersByGroup(input.outsiders);
  ownerGroups(context, input.users, outsidersOf, findings);
  notAssigned(context, outsidersOf, findings);
  projectLinks(context, input.users, findings);
  users.sort((a, b) => compareRoles(a.role, b.role) || byText(a.login, b.login) || byText(a.id, b.id));
  return { mode: context.target.mode, projectRoles: context.target.projectRoles.length > 0, users, findings: findings.sorted() };
}

/** A finding without its users: what is wrong and how to fix it. */
type Problem = Omit<Finding, "users">;

/** Why a user's role is not the intended one: the finding's kind follows from the role (none, or another). */
type Why = Omit<Problem, "kind">;

/**
 * The one place findings are recorded, and the one order they are listed in. A finding about users known at
 * once (the Owners, a group's members) is recorded whole; users with the same problem share one finding.
 */
export class FindingsCollector {
  /** `findings`: those found before (a second pass, e.g. `--statsig`, adds to a report's). */
  constructor(private readonly findings: Finding[] = []) {}
  /** The findings of single users, by kind, reason, group and message. */
  private readonly byProblem = new Map<string, Finding>();

  /** A finding about users known at once (the Owners, a group's members). */
  add(problem: Problem, users: string[]): void {
    this.findings.push({ ...problem, users });
  }

  /** One user's problem: users with the same kind, reason, group and message share one finding. */
  addUser(login: string, problem: Problem): void {
    const key = `${problem.kind}\u0000${problem.reason ?? ""}\u0000${problem.groupId ?? ""}\u0000${problem.message}`;
    let finding = this.byProblem.get(key);
    if (!finding) {
      finding = { ...problem, users: [] };
      this.byProblem.set(key, finding);
    }
    finding.users.push(login);
  }

  /**
   * In {@link KIND_ORDER}; within a kind, the finding about more users first, then by reason, group and
   * message; each finding's users by login. The order does not depend on the order Okta listed anything in,
   * so two reports of an unchanged org are the same (docs/cli.md#order-and-metadata-of-the-report).
   */
  sorted(): Finding[] {
    for (const finding of [...this.findings, ...this.byProblem.values()]) finding.users.sort(byText);
    return [...this.findings, ...this.byProblem.values()].sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        b.users.length - a.users.length ||
        byText(a.reason ?? "", b.reason ?? "") ||
        byText(a.groupId ?? "", b.groupId ?? "") ||
        byText(a.message, b.message),
    );
  }
}

/** A group as a record names it. */
type GroupRef = UserRecord["assignment"]["groups"][number];

/** What the rules read, built once per report; nothing in it changes afterwards. */
interface Context {
  target: RolesTarget;
  groups: readonly LiveGroup[];
  /** The expression of the Okta -> app mapping of the role; undefined when nothing maps it. */
  roleMapping: string | undefined;
  /** The config's rank of each role group, by group index. */
  configRank: ReadonlyMap<number, number>;
  // One object per group and per source, shared by every record that names it: 50,000 records stay small.
  groupRefs: readonly GroupRef[];
  groupSources: readonly RoleSource[];
  fixedSources: Readonly<Record<Exclude<RoleSource["kind"], "group">, RoleSource>>;
  /** Each project role whose group's link does not push (by {@link projectRoleKey}): `missing`, or its status. */
  brokenLinks: ReadonlyMap<string, string>;
}

/** A project or team role, as one key: the config gives each Statsig group to one entry. */
const projectRoleKey = (role: { project: string; team?: string; role: string }) =>
  JSON.stringify([role.project, role.team ?? null, role.role]);

/**
 * The state of each project role's link when it does not push: `missing` without a link from its group,
 * otherwise the link's status unless ACTIVE. Nothing when the links were not read.
 */
function brokenLinksOf(input: RolesInput): Map<string, string> {
  const broken = new Map<string, string>();
  if (input.links === undefined) return broken;
  const statusOf = new Map(input.links.map((link) => [link.sourceGroupId, link.status ?? "?"]));
  for (const entry of input.target.projectRoles) {
    const status = statusOf.get(entry.groupId);
    if (status !== "ACTIVE") broken.set(projectRoleKey(entry), status ?? "missing");
  }
  return broken;
}

function contextOf(input: RolesInput): Context {
  const { target, groups } = input;
  const configRank = new Map<number, number>();
  target.roleGroups.forEach((roleGroup, rank) => {
    const index = groups.findIndex((group) => group.id === roleGroup.groupId);
    // A group listed twice keeps its first (highest) rank.
    if (index >= 0 && !configRank.has(index)) configRank.set(index, rank);
  });
  const groupRefs = groups.map((group) => ({ id: group.id, name: group.name ?? group.id, ...priorityOf(group) }));
  return {
    target,
    groups,
    roleMapping: input.roleMapping,
    configRank,
    groupRefs,
    groupSources: groupRefs.map(({ id, name, priority }) => ({
      kind: "group",
      groupId: id,
      group: name,
      ...(priority !== undefined ? { priority } : {}),
    })),
    fixedSources: {
      mapping: { kind: "mapping", expression: input.roleMapping ?? "" },
      "app-user": { kind: "app-user" },
      individual: { kind: "individual" },
      unknown: { kind: "unknown" },
    },
    brokenLinks: brokenLinksOf(input),
  };
}

function priorityOf(group: LiveGroup): { priority?: number } {
  return group.assignment?.priority !== undefined ? { priority: group.assignment.priority } : {};
}

/** `"Name" (00g…)`; with the live priority `"Name" (00g…, priority 2)`. */
export function groupLabel(group: LiveGroup, withPriority = false): string {
  const priority = group.assignment?.priority !== undefined ? `priority ${group.assignment.priority}` : "no priority";
  const details = withPriority ? `${group.id}, ${priority}` : group.id;
  return group.name !== undefined ? `"${group.name}" (${details})` : withPriority ? `${group.id} (${priority})` : group.id;
}

/** The config's role of a role group, by group index. */
function configRole(context: Context, index: number): Role | undefined {
  const rank = context.configRank.get(index);
  return rank === undefined ? undefined : context.target.roleGroups[rank]!.role;
}

/** One user's record; their findings go to `findings` too. */
function userRecord(context: Context, user: LiveAppUser, findings: FindingsCollector): UserRecord {
  const { target } = context;
  const assigned = assignedGroups(context, user);
  const intendedGroup = intendedGroupOf(context, user);
  const intended = intendedRole(context, user, intendedGroup);
  const role = user.role ?? null;
  const source = sourceOf(context, user, assigned);
  const problems = userProblems(context, user, { role, intended, source, winner: assigned[0], intendedGroup });
  for (const problem of problems) findings.addUser(user.login, problem);
  const projectRoles: UserRecord["projectRoles"] =
    target.projectRoles.length > 0
      ? projectRolesOfUser(
          user.groups.map((index) => context.groups[index]!.id),
          target.projectRoles,
        ).map((role) => {
          const link = context.brokenLinks.get(projectRoleKey(role));
          return link === undefined ? role : { ...role, link };
        })
      : [];
  // The project-link findings are recorded per group (projectLinks); each concerned user is marked here.
  const linkMarks = [
    ...new Set(projectRoles.flatMap((role) => (role.link !== undefined ? [`project-link:${linkReason(role.link)}`] : []))),
  ];
  return {
    id: user.id,
    login: user.login,
    ...(user.status !== undefined ? { status: user.status } : {}),
    assignment: {
      individual: user.scope === "USER",
      groups: assigned.map((index) => context.groupRefs[index]!),
    },
    role,
    source,
    ...(intended !== undefined ? { intended } : {}),
    ...(user.syncState !== undefined ? { syncState: user.syncState } : {}),
    projectRoles,
    findings: [...problems.map((problem) => (problem.reason ? `${problem.kind}:${problem.reason}` : problem.kind)), ...linkMarks],
  };
}

/** What the user's findings are drawn from. */
interface UserFacts {
  role: string | null;
  intended: string | null | undefined;
  source: RoleSource;
  /** The assigned group whose profile Okta gives the user (group mode). */
  winner: number | undefined;
  intendedGroup: number | undefined;
}

/** Group mode: the user's role group that comes first in the config's order (not Okta's priorities). */
function intendedGroupOf(context: Context, user: LiveAppUser): number | undefined {
  let intendedGroup: number | undefined;
  for (const index of user.groups) {
    const rank = context.configRank.get(index);
    if (rank !== undefined && (intendedGroup === undefined || rank < context.configRank.get(intendedGroup)!)) intendedGroup = index;
  }
  return intendedGroup;
}

/** The role the config intends: group mode, the role of that group (null without one); personal mode, the Okta attribute. */
function intendedRole(context: Context, user: LiveAppUser, intendedGroup: number | undefined): string | null | undefined {
  if (context.target.mode === "personal") return user.oktaAttribute;
  return intendedGroup === undefined ? null : configRole(context, intendedGroup)!;
}

/**
 * The user's groups that are assigned to the app, the highest live priority (the lowest number) first, those
 * without a priority last; a tie goes to the lower group id.
 */
function assignedGroups(context: Context, user: LiveAppUser): number[] {
  const { groups } = context;
  const livePriority = (index: number) => groups[index]!.assignment?.priority ?? Number.POSITIVE_INFINITY;
  return user.groups
    .filter((index) => groups[index]!.assignment)
    .sort((a, b) => livePriority(a) - livePriority(b) || (groups[a]!.id < groups[b]!.id ? -1 : 1));
}

/** The source of the live role, by Okta's rules: a mapping, else an individual assignment, else the first assigned group. */
function sourceOf(context: Context, user: LiveAppUser, assigned: readonly number[]): RoleSource {
  const { fixedSources } = context;
  if (context.roleMapping !== undefined) return fixedSources.mapping;
  if (context.target.mode === "personal") return fixedSources["app-user"];
  if (user.scope === "USER") return fixedSources.individual;
  const winner = assigned[0];
  return winner === undefined ? fixedSources.unknown : context.groupSources[winner]!;
}

/**
 * Statsig accepts SCIM users only with the organization's email domain (statsig-io/docs
 * `access-management/scim/concepts.mdx`; its error, `okta_scim_troubleshooting.mdx`; docs/reference/statsig.md#who-statsig-accepts).
 */
const NOT_ALLOWED = "User userID is not allowed to be created in this organization";

/** The domain of an address, lower-cased; undefined for text without `@`. */
const domainOf = (address: string): string | undefined => {
  const at = address.lastIndexOf("@");
  return at < 0 ? undefined : address.slice(at + 1).toLowerCase();
};

/**
 * With emailDomains: the user name Okta sends Statsig (the app user name, which is the login unless the app's
 * username template says otherwise) or the email outside them (or not an address at all).
 */
function emailDomainProblem(domains: readonly string[] | undefined, user: LiveAppUser): Problem | undefined {
  if (domains === undefined) return undefined;
  const sent = user.userName ?? user.login;
  const outside = [sent, ...(user.email !== undefined ? [user.email] : [])].some((address) => {
    const domain = domainOf(address);
    return domain === undefined || !domains.includes(domain);
  });
  if (!outside) return undefined;
  return {
    kind: "email-domain",
    message: `The user name Okta sends or the email is outside the Statsig organization's email domains (${domains.join(", ")}): Statsig refuses to create the user over SCIM ("${NOT_ALLOWED}")`,
    fix: "Give the user a user name and email in one of those domains, or unassign them from the app; if the domain is the organization's, add it in Statsig and to emailDomains",
  };
}

/** A failed push, then what is wrong with the role: not the intended one, none at all, or not pushed yet. */
function userProblems(context: Context, user: LiveAppUser, facts: UserFacts): Problem[] {
  const { role, intended } = facts;
  const problems: Problem[] = [];
  const domain = emailDomainProblem(context.target.emailDomains, user);
  if (domain) problems.push(domain);
  if (user.syncState === "ERROR") {
    problems.push({
      kind: "sync-error",
      message: "A push to Statsig failed (syncState ERROR): Statsig may hold an older role, or none",
      fix: "In the admin console: Dashboard > Tasks, resolve the Statsig app's provisioning error and retry",
    });
  }
  if (intended !== undefined && role !== intended) {
    const why =
      context.target.mode === "group"
        ? whyGroupMode(context, facts.source, facts.winner, facts.intendedGroup)
        : whyPersonalMode(context, facts.source);
    problems.push({ kind: role === null ? "no-role" : "role-differs", ...why });
  } else if (role === null) {
    problems.push(noRoleSent(context, intended));
  } else if (user.syncState !== undefined && PENDING_SYNC.has(user.syncState)) {
    problems.push({
      kind: "not-pushed",
      message: `Okta holds the role but has not pushed it to Statsig yet (syncState ${user.syncState})`,
      fix: "Wait for the push; if it stays, check the Statsig app's provisioning tasks (Dashboard > Tasks)",
    });
  }
  return problems;
}

/** Nothing intended and nothing sent: still a user in Statsig without a role. */
function noRoleSent(context: Context, intended: string | null | undefined): Problem {
  const attr = context.target.oktaAttributeName;
  return context.target.mode === "group"
    ? {
        kind: "no-role",
        reason: "no-role-group",
        message: "In no role group of the config, and no role is sent",
        fix: "Add the user to a role group, or unassign them from the app",
      }
    : {
        kind: "no-role",
        reason: "no-attribute",
        message: intended === null ? `The Okta attribute ${attr} is empty` : "No role is sent (the Okta user was not embedded)",
        fix: `Set the user's ${attr} in Okta`,
      };
}

/** Why the role Okta sends is not the intended one (group mode), from where it comes. */
function whyGroupMode(context: Context, source: RoleSource, winner: number | undefined, intendedGroup: number | undefined): Why {
  if (source.kind === "mapping") {
    return {
      reason: "mapping",
      message: `An Okta -> Statsig mapping sets ${STATSIG_ATTRIBUTE} (${source.expression}); in group mode it overrides every group's value`,
      fix: `Remove ${STATSIG_ATTRIBUTE} from the Okta -> Statsig mapping (Directory > Profile Editor > Statsig > Mappings)`,
    };
  }
  if (source.kind === "individual") {
    return {
      reason: "individual",
      message: "Assigned to the app individually: Okta keeps the user's own value whatever their groups say",
      fix: CONVERT,
    };
  }
  if (intendedGroup === undefined) {
    const from = winner === undefined ? "no group assigned to the app" : `group ${groupLabel(context.groups[winner]!)}`;
    return {
      reason: "no-role-group",
      ...(winner !== undefined ? { groupId: context.groups[winner]!.id } : {}),
      message: `In no role group of the config; the role comes from ${from}`,
      fix: `Add the user to a role group, or remove ${STATSIG_ATTRIBUTE} from that group's assignment`,
    };
  }
  return whyRoleGroup(context, winner, intendedGroup);
}

/** Group mode, the role from the user's groups: why the intended role group's role is not the one sent. */
function whyRoleGroup(context: Context, winner: number | undefined, intendedGroup: number): Why {
  const intended = context.groups[intendedGroup]!;
  if (!intended.assignment) {
    return {
      reason: "role-group-unassigned",
      groupId: intended.id,
      message: `Role group ${groupLabel(intended)} is not assigned to the app`,
      fix: PULUMI_UP,
    };
  }
  if (winner !== undefined && winner !== intendedGroup) return whyOutranked(context, winner, intended);
  const liveRole = intended.assignment.role;
  const role = configRole(context, intendedGroup)!;
  if (liveRole !== role) {
    return {
      reason: "group-profile",
      groupId: intended.id,
      message: `The assignment of role group ${groupLabel(intended)} carries ${liveRole === undefined ? "no role" : JSON.stringify(liveRole)}; the config gives ${role}`,
      fix: PULUMI_UP,
    };
  }
  return {
    reason: "not-applied",
    groupId: intended.id,
    message: `Role group ${groupLabel(intended)} carries ${role}, but Okta has not applied it to the user yet`,
    fix: "Okta applies group values when the assignment or the user changes: save the group's assignment again in the admin console",
  };
}

/** Another assigned group of the user has a higher live priority than the intended role group. */
function whyOutranked(context: Context, winner: number, intended: LiveGroup): Why {
  const win = context.groups[winner]!;
  const isRoleGroup = context.configRank.has(winner);
  return {
    reason: "outranked",
    groupId: win.id,
    message: isRoleGroup
      ? `Role group ${groupLabel(win, true)} outranks role group ${groupLabel(intended, true)}: the live priorities differ from the config's`
      : `Group ${groupLabel(win, true)} is not a role group and outranks role group ${groupLabel(intended, true)}`,
    fix: isRoleGroup
      ? PULUMI_UP
      : `Give the role groups higher priorities than ${groupLabel(win)} (\`pulumi up\` puts them on top by default), or remove ${STATSIG_ATTRIBUTE} from its assignment`,
  };
}

/** Why the role Okta sends is not the Okta attribute (personal mode), from where it comes. */
function whyPersonalMode(context: Context, source: RoleSource): Why {
  const attr = context.target.oktaAttributeName;
  if (source.kind !== "mapping") {
    return {
      reason: "no-mapping",
      message: `No Okta -> Statsig mapping of ${STATSIG_ATTRIBUTE}: the Okta attribute ${attr} never reaches the app`,
      fix: "Run `pulumi up` (step 4 creates the mapping)",
    };
  }
  if (source.expression !== `user.${attr}`) {
    return {
      reason: "other-mapping",
      message: `The Okta -> Statsig mapping sends ${source.expression}, not user.${attr}`,
      fix: `Map ${STATSIG_ATTRIBUTE} from user.${attr} (\`pulumi up\`)`,
    };
  }
  return {
    reason: "not-applied",
    message: `The app user's value differs from the Okta attribute ${attr}: the mapping has not been applied to the user`,
    fix: "Directory > Profile Editor > Statsig > Mappings > Apply updates now (Okta applies a mapping only when a profile changes)",
  };
}

/** More than one app user with the role Owner: the finding, and a mark on each Owner's record. */
function multipleOwners(records: UserRecord[], findings: FindingsCollector): void {
  const owners = records.filter((record) => record.role === "Owner").map((record) => record.login);
  if (owners.length <= 1) return;
  findings.add(
    {
      kind: "multiple-owners",
      message: `${owners.length} app users have the role Owner; ${ONE_OWNER}`,
      fix: "Keep one Owner and give the others Admin",
    },
    owners,
  );
  const ownerSet = new Set(owners);
  for (const record of records) if (ownerSet.has(record.login)) record.findings.push("multiple-owners");
}

/** The logins of the members of each group who are not assigned to the app, by group index. */
function outsidersByGroup(outsiders: readonly Outsider[]): Map<number, string[]> {
  const outsidersOf = new Map<number, string[]>();
  for (const outsider of outsiders) {
    const list = outsidersOf.get(outsider.group) ?? [];
    list.push(outsider.login);
    outsidersOf.set(outsider.group, list);
  }
  return outsidersOf;
}

/** Groups that give Owner (by their assignment or the config) to more than one person, app users or not. */
function ownerGroups(
  context: Context,
  users: readonly LiveAppUser[],
  outsidersOf: ReadonlyMap<number, string[]>,
  findings: FindingsCollector,
): void {
  const memberCount = new Map<number, number>();
  for (const user of users) for (const index of user.groups) memberCount.set(index, (memberCount.get(index) ?? 0) + 1);
  context.groups.forEach((group, index) => {
    const givesOwner = group.assignment?.role === "Owner" || configRole(context, index) === "Owner";
    const members = (memberCount.get(index) ?? 0) + (outsidersOf.get(index)?.length ?? 0);
    if (!givesOwner || members <= 1) return;
    findings.add(
      {
        kind: "owner-group",
        groupId: group.id,
        message: `Group ${groupLabel(group)} gives Owner and has ${members} members; ${ONE_OWNER}`,
        fix: "Keep one person in the Owner group and move the others to an Admin group",
      },
      [...users.filter((user) => user.groups.includes(index)).map((user) => user.login), ...(outsidersOf.get(index) ?? [])],
    );
  });
}

/** Members of role groups, and of groups pushed for project roles, who are not assigned to the app. */
function notAssigned(context: Context, outsidersOf: ReadonlyMap<number, string[]>, findings: FindingsCollector): void {
  const pushedGroups = new Set(context.target.projectRoles.map((entry) => entry.groupId));
  for (const [index, group] of context.groups.entries()) {
    const outside = outsidersOf.get(index);
    if (!outside) continue;
    if (context.configRank.has(index)) {
      findings.add(
        {
          kind: "not-assigned",
          groupId: group.id,
          message: group.assignment
            ? `${outside.length} member(s) of role group ${groupLabel(group)} are not assigned to the app, although the group is (users who are not active may not be)`
            : `${outside.length} member(s) of role group ${groupLabel(group)} are not assigned to the app: the group is not assigned`,
          fix: group.assignment ? "Check these users' status and the app's assignment errors in the admin console" : PULUMI_UP,
        },
        outside,
      );
    } else if (pushedGroups.has(group.id)) {
      findings.add(
        {
          kind: "not-assigned",
          groupId: group.id,
          message: `${outside.length} member(s) of ${groupLabel(group)}, pushed to Statsig for a project or team role, are not assigned to the app: Okta pushes only the app's users into Statsig's groups`,
          fix: "Put them in a role group (or another group assigned to the app); Okta does not support assigning the pushed group itself",
        },
        outside,
      );
    }
  }
}

/** Where an admin sees and fixes a group's push link. */
const PUSH_GROUPS_TAB = "the admin console (Applications > the Statsig app > Push Groups)";

/** The reason of a project-link finding, from the link's state (`missing` or its status). */
const linkReason = (state: string): "missing" | "error" | "inactive" =>
  state === "missing" ? "missing" : state === "ERROR" ? "error" : "inactive";

/**
 * Project and team roles whose group's link does not push: the link is missing, INACTIVE or in ERROR. The
 * finding names the role and the group, and lists the group's app users (the ones Okta would push); each of
 * them has the mark on their record too.
 */
function projectLinks(context: Context, users: readonly LiveAppUser[], findings: FindingsCollector): void {
  for (const entry of context.target.projectRoles) {
    const state = context.brokenLinks.get(projectRoleKey(entry));
    if (state === undefined) continue;
    const index = context.groups.findIndex((group) => group.id === entry.groupId);
    const group = index >= 0 ? groupLabel(context.groups[index]!) : entry.groupId;
    const role =
      entry.team !== undefined
        ? `${entry.role} of team ${entry.team} in project ${entry.project}`
        : `${entry.role} in project ${entry.project}`;
    const reason = linkReason(state);
    const problem: Problem =
      reason === "missing"
        ? {
            kind: "project-link",
            reason: "missing",
            groupId: entry.groupId,
            message: `Group ${group} is not linked to Statsig's group for ${role}: Okta pushes none of its members into it`,
            fix: "Run `pulumi up` to link it; if Pulumi fails on the link, `statsig-okta check` gives the recovery (a link unlinked by hand while the stack's state holds it: docs/operations.md, Stuck push links)",
          }
        : reason === "error"
          ? {
              kind: "project-link",
              reason: "error",
              groupId: entry.groupId,
              message: `The link of group ${group} for ${role} is in ERROR: the latest push failed, so Statsig may not hold this role for its members`,
              fix: `Fix the push error in ${PUSH_GROUPS_TAB} and push again; until then Pulumi cannot change or remove the link (\`statsig-okta check\` gives its URN for \`pulumi state delete\`)`,
            }
          : {
              kind: "project-link",
              reason: "inactive",
              groupId: entry.groupId,
              message: `The link of group ${group} for ${role} is ${state === "INACTIVE" ? "INACTIVE" : `not active (status ${JSON.stringify(state)})`}: Okta pushes no membership changes, so Statsig may not hold this role for its members`,
              fix: `Run \`pulumi up\` (the component keeps its links ACTIVE), or activate it in ${PUSH_GROUPS_TAB}`,
            };
    const members = index >= 0 ? users.filter((user) => user.groups.includes(index)).map((user) => user.login) : [];
    findings.add(problem, members);
  }
}

/** Owners first, then Admins, Members, other values, and users without a role last. */
function roleRank(role: string | null): number {
  const rank = (ROLES as readonly (string | null)[]).indexOf(role);
  return rank >= 0 ? rank : role === null ? ROLES.length + 1 : ROLES.length;
}

/**
 * The order of roles in the report: by rank, then values that are not Statsig roles by their text, so that
 * the users of each value stay together (one section of the table each).
 */
export const compareRoles = (a: string | null, b: string | null): number =>
  roleRank(a) - roleRank(b) || (a !== null && b !== null ? byText(a, b) : 0);
