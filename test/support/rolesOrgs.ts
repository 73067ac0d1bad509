/**
 * Org states for `statsig-okta roles`, each user placed to show one situation a role can be in. Values are
 * written out as an admin would leave them (group priorities, profiles, individual values), not computed from src/.
 */
import {
  addApp,
  addAppGroups,
  mappingOf,
  newOrg,
  oktaId,
  type FakeAppUser,
  type FakeAssignment,
  type GroupPushMapping,
  type OktaOrg,
} from "./oktaOrg";

export const APP_ID = "0oastatsigapp0000001";
export const USER_TYPE_ID = "otydefaultusertype01";
export const OWNERS = "00gowners00000000001";
export const ADMINS = "00gadmins00000000001";
export const MEMBERS = "00gmembers0000000001";
/** A role group (Admin) that nobody assigned to the app. */
export const AUDITORS = "00gauditors000000001";
/** A role group (Admin) whose assignment carries the wrong role. */
export const LEADS = "00gleads000000000001";
/** Not a role group, assigned above the role groups with a role of its own. */
export const CONTRACTORS = "00gcontractors000001";
/** Not a role group, assigned below them without a role. */
export const INTERNS = "00ginterns0000000001";

/** A group-mode stack config with these role groups. */
const groupStack = (roleGroups: [string, string][]) => [
  `statsig-okta:appId: ${APP_ID}`,
  `statsig-okta:roleGroups: '${JSON.stringify(roleGroups.map(([groupId, role]) => ({ groupId, role })))}'`,
];

/** The stack config of the group-mode org: role groups in the order the component ranks them (Owner first). */
export const GROUP_STACK = groupStack([
  [OWNERS, "Owner"],
  [ADMINS, "Admin"],
  [AUDITORS, "Admin"],
  [LEADS, "Admin"],
  [MEMBERS, "Member"],
]);

export const stackYaml = (lines: string[]) => `config:\n${lines.map((line) => `  ${line}`).join("\n")}\n`;

const userId = (index: number) => `00u${String(index + 1).padStart(17, "0")}`;

interface Person {
  login: string;
  status?: string;
  attributes?: Record<string, string | null>;
  groups: string[];
  /** Absent: not assigned to the app. */
  app?: Omit<FakeAppUser, "userId">;
}

/** Group assignments, priorities 0, 1, 2, … in this order, each with its role (or none) in the profile. */
const assignments = (groups: [string, string | null][]): FakeAssignment[] =>
  groups.map(([id, role], priority) => ({ id, priority, profile: role === null ? {} : { statsigOrgRole: role } }));

/**
 * An org with the Statsig app, these people and groups, the app's group assignments, and `oktaToApp` the
 * expression of the role in the Okta -> app mapping (none when absent).
 */
function build(
  people: Person[],
  groups: { id: string; name: string }[],
  setup: { assignments: FakeAssignment[]; oktaToApp?: string },
): OktaOrg {
  const org = newOrg(USER_TYPE_ID);
  const app = addApp(org, APP_ID);
  const members = new Map<string, string[]>(groups.map((group) => [group.id, []]));
  for (const [index, person] of people.entries()) {
    const id = userId(index);
    org.users.push({
      id,
      login: person.login,
      status: person.status ?? "ACTIVE",
      ...(person.attributes ? { attributes: person.attributes } : {}),
    });
    for (const group of person.groups) members.get(group)!.push(id);
    if (person.app) app.users.push({ userId: id, ...person.app });
  }
  org.groups = groups.map((group) => ({ ...group, members: members.get(group.id)! }));
  app.groups = setup.assignments;
  if (setup.oktaToApp !== undefined) {
    mappingOf(org, USER_TYPE_ID, APP_ID).properties.statsigOrgRole = { expression: setup.oktaToApp, pushStatus: "PUSH" };
  }
  return org;
}

const GROUPS = [
  { id: OWNERS, name: "Statsig Owners" },
  { id: ADMINS, name: "Statsig Admins" },
  { id: AUDITORS, name: "Statsig Auditors" },
  { id: LEADS, name: "Statsig Leads" },
  { id: MEMBERS, name: "Statsig Members" },
  { id: CONTRACTORS, name: "Contractors" },
  { id: INTERNS, name: "Interns" },
];

/**
 * Group mode. Live priorities: Contractors 0 (a non-role group on top, with Member), Owners 1, Admins 2,
 * Members 3, Leads 4 (carries Member, the config says Admin), Interns 5 (no role). Auditors is not assigned.
 */
export function groupOrg(options: { mapping?: boolean } = {}): OktaOrg {
  const group = (role: string | null, syncState = "SYNCHRONIZED") => ({ scope: "GROUP" as const, role, syncState });
  return build(
    [
      // Two Owners in the Owner group: Statsig refuses the second.
      { login: "olivia.owner@example.com", groups: [OWNERS], app: group("Owner") },
      { login: "oscar.owner@example.com", groups: [OWNERS], app: group("Owner") },
      // Everything as configured.
      { login: "ada.admin@example.com", groups: [ADMINS, MEMBERS], app: group("Admin") },
      { login: "mel.member@example.com", groups: [MEMBERS], app: group("Member") },
      // Assigned individually: keeps its own value (Admin) though only in Members.
      { login: "ivan.individual@example.com", groups: [MEMBERS], app: { scope: "USER", role: "Admin", syncState: "SYNCHRONIZED" } },
      // In Admins, but Contractors (not a role group) ranks higher and gives Member.
      { login: "nora.outranked@example.com", groups: [ADMINS, CONTRACTORS], app: group("Member") },
      // Role right in Okta, not pushed yet.
      { login: "nick.notpushed@example.com", groups: [MEMBERS], app: group("Member", "OUT_OF_SYNC") },
      // Assigned only through Interns: no role at all.
      { login: "nadia.norole@example.com", groups: [INTERNS], app: group(null) },
      // A failed push.
      { login: "erin.error@example.com", groups: [ADMINS], app: group("Admin", "ERROR") },
      // In the unassigned role group Auditors (Admin) and in Members: gets Member.
      { login: "gary.unassignedgroup@example.com", groups: [AUDITORS, MEMBERS], app: group("Member") },
      // Only in Auditors: not assigned to the app at all.
      { login: "uma.auditor@example.com", groups: [AUDITORS] },
      // In Members, but not assigned yet (a staged user), and a deactivated member (never reported).
      { login: "stan.staged@example.com", status: "STAGED", groups: [MEMBERS] },
      { login: "dora.deactivated@example.com", status: "DEPROVISIONED", groups: [MEMBERS] },
      // In Leads, whose assignment carries Member while the config says Admin.
      { login: "pete.profile@example.com", groups: [LEADS], app: group("Member") },
      // In Admins only, still holding an older Member value.
      { login: "alan.notapplied@example.com", groups: [ADMINS], app: group("Member") },
    ],
    GROUPS,
    {
      assignments: assignments([
        [CONTRACTORS, "Member"],
        [OWNERS, "Owner"],
        [ADMINS, "Admin"],
        [MEMBERS, "Member"],
        [LEADS, "Member"],
        [INTERNS, null],
      ]),
      // With `mapping`: the Okta -> app mapping of the role, left from personal mode.
      ...(options.mapping ? { oktaToApp: "user.statsigOrgRole" } : {}),
    },
  );
}

/** Group mode, everything as configured: no findings. */
export function cleanGroupOrg(): OktaOrg {
  return build(
    [
      { login: "olivia.owner@example.com", groups: [OWNERS], app: { scope: "GROUP", role: "Owner" } },
      { login: "ada.admin@example.com", groups: [ADMINS, MEMBERS], app: { scope: "GROUP", role: "Admin" } },
      { login: "mel.member@example.com", groups: [MEMBERS], app: { scope: "GROUP", role: "Member" } },
    ],
    GROUPS.filter((group) => [OWNERS, ADMINS, MEMBERS].includes(group.id)),
    {
      assignments: assignments([
        [OWNERS, "Owner"],
        [ADMINS, "Admin"],
        [MEMBERS, "Member"],
      ]),
    },
  );
}

export const CLEAN_GROUP_STACK = groupStack([
  [OWNERS, "Owner"],
  [ADMINS, "Admin"],
  [MEMBERS, "Member"],
]);

/** Pushed to Statsig for project roles; not assigned to the app (Okta does not support both for one group). */
export const WEB_ENGINEERS = "00gwebengineers00001";
export const WEB_GROWTH_LEADS = "00gwebgrowthleads001";

/** Statsig's groups of the two project roles, as its import brought them into Okta. */
export const STATSIG_WEB_MEMBER = "00gStatsigWebMember1";
export const STATSIG_WEB_GROWTH_ADMIN = "00gStatsigWebGrAdmin";

/**
 * cleanGroupOrg with two groups pushed for project and team roles: Ada is in both, Mel in Web Engineers, and
 * Zoe is in Web Engineers without being assigned to the app, so Okta cannot push her into Statsig's group.
 * Both links are ACTIVE unless `links` gives another status for a group, or `null` for no link.
 */
export function projectOrg(links: Record<string, GroupPushMapping["status"] | null> = {}): OktaOrg {
  const org = build(
    [
      { login: "olivia.owner@example.com", groups: [OWNERS], app: { scope: "GROUP", role: "Owner" } },
      {
        login: "ada.admin@example.com",
        groups: [ADMINS, MEMBERS, WEB_ENGINEERS, WEB_GROWTH_LEADS],
        app: { scope: "GROUP", role: "Admin" },
      },
      { login: "mel.member@example.com", groups: [MEMBERS, WEB_ENGINEERS], app: { scope: "GROUP", role: "Member" } },
      { login: "zoe.unassigned@example.com", groups: [WEB_ENGINEERS] },
    ],
    [
      ...GROUPS.filter((group) => [OWNERS, ADMINS, MEMBERS].includes(group.id)),
      { id: WEB_ENGINEERS, name: "Web Engineers" },
      { id: WEB_GROWTH_LEADS, name: "Web Growth Leads" },
    ],
    {
      assignments: assignments([
        [OWNERS, "Owner"],
        [ADMINS, "Admin"],
        [MEMBERS, "Member"],
      ]),
    },
  );
  linkProjectGroups(org, links);
  return org;
}

export const PROJECT_STACK = [
  ...CLEAN_GROUP_STACK,
  `statsig-okta:projectRoles: '${JSON.stringify([
    { groupId: WEB_ENGINEERS, project: "Web", role: "Member" },
    { groupId: WEB_GROWTH_LEADS, project: "Web", team: "Growth", role: "Admin" },
  ])}'`,
];

/** Personal mode: the role is the Okta attribute `statsigOrgRole`, mapped to the app. */
export function personalOrg(options: { mapping?: string } = {}): OktaOrg {
  return build(
    [
      {
        login: "paula.personal@example.com",
        attributes: { statsigOrgRole: "Admin" },
        groups: [MEMBERS],
        app: { scope: "GROUP", role: "Admin" },
      },
      {
        login: "ingrid.individual@example.com",
        attributes: { statsigOrgRole: "Member" },
        groups: [],
        app: { scope: "USER", role: "Member" },
      },
      // The attribute says Owner; the mapping has not reached the app user yet.
      {
        login: "percy.pending@example.com",
        attributes: { statsigOrgRole: "Owner" },
        groups: [MEMBERS],
        app: { scope: "GROUP", role: "Member" },
      },
      { login: "pam.empty@example.com", attributes: { statsigOrgRole: null }, groups: [MEMBERS], app: { scope: "GROUP", role: null } },
    ],
    [{ id: MEMBERS, name: "Statsig Users" }],
    {
      assignments: assignments([[MEMBERS, null]]),
      ...(options.mapping === "" ? {} : { oktaToApp: options.mapping ?? "user.statsigOrgRole" }),
    },
  );
}

/**
 * The two Statsig groups of PROJECT_STACK's project roles, imported into Okta as app groups, and the push links
 * that feed them (each ACTIVE unless `links` gives another status for its source group, or `null` for none).
 */
export function linkProjectGroups(org: OktaOrg, links: Record<string, GroupPushMapping["status"] | null> = {}): void {
  addAppGroups(org, APP_ID, [
    { id: STATSIG_WEB_MEMBER, name: "Statsig-Web-Member" },
    { id: STATSIG_WEB_GROWTH_ADMIN, name: "Statsig-Web-Growth-Admin" },
  ]);
  for (const [source, target] of [
    [WEB_ENGINEERS, STATSIG_WEB_MEMBER],
    [WEB_GROWTH_LEADS, STATSIG_WEB_GROWTH_ADMIN],
  ] as const) {
    const status = links[source] === undefined ? "ACTIVE" : links[source];
    if (status === null) continue;
    const at = "2026-03-25T06:09:58Z";
    org.apps[APP_ID]!.pushMappings.push({
      created: at,
      id: oktaId("gPm", source),
      lastUpdated: at,
      sourceGroupId: source,
      status,
      targetGroupId: target,
    });
  }
}
