/**
 * An Okta org and a Statsig org that disagree in every way `roles --statsig` reports, one person per case, and
 * the same pair in agreement. Written out as they would be left, not computed from src/.
 */
import { addApp, newOrg, type FakeAppUser, type OktaOrg } from "./oktaOrg";
import type { ScimUserSetup, StatsigSetup } from "./fakeStatsig";
import { ADMINS, APP_ID, linkProjectGroups, MEMBERS, OWNERS, USER_TYPE_ID, WEB_ENGINEERS, WEB_GROWTH_LEADS } from "./rolesOrgs";

export const SCIM_TOKEN = "statsig-scim-key-Zq81xVb27LmPw3";

/** The config: Owner, Admin and Member role groups; Web Engineers -> Web Member, Web Growth Leads -> Web/Growth Admin. */
export { PROJECT_STACK as STATSIG_STACK } from "./rolesOrgs";

interface Person {
  login: string;
  groups: string[];
  /** Assigned to the app: the role sent and the sync state (default SYNCHRONIZED). */
  app?: { role: string; syncState?: string };
  /** In Statsig; `userName` defaults to the login. */
  statsig?: Omit<ScimUserSetup, "id" | "userName"> & { userName?: string };
}

const GROUP_NAMES: [string, string][] = [
  [OWNERS, "Statsig Owners"],
  [ADMINS, "Statsig Admins"],
  [MEMBERS, "Statsig Members"],
  [WEB_ENGINEERS, "Web Engineers"],
  [WEB_GROWTH_LEADS, "Web Growth Leads"],
];

function build(
  people: Person[],
  statsigOnly: ScimUserSetup[],
  groups: { name: string; members: string[] }[],
): { okta: OktaOrg; statsig: StatsigSetup } {
  const okta = newOrg(USER_TYPE_ID);
  const app = addApp(okta, APP_ID);
  const members = new Map<string, string[]>(GROUP_NAMES.map(([id]) => [id, []]));
  const statsig: StatsigSetup = { users: [...statsigOnly], groups: [] };
  const scimId = new Map(statsigOnly.map((user) => [user.userName, user.id]));
  people.forEach((person, index) => {
    const id = `00u${String(index + 1).padStart(17, "0")}`;
    okta.users.push({ id, login: person.login, status: "ACTIVE" });
    for (const group of person.groups) members.get(group)!.push(id);
    if (person.app) {
      const appUser: FakeAppUser = { userId: id, scope: "GROUP", role: person.app.role, syncState: person.app.syncState ?? "SYNCHRONIZED" };
      app.users.push(appUser);
    }
    if (person.statsig) {
      const user = { id: `scim-${index + 1}`, userName: person.login, ...person.statsig };
      statsig.users.push(user);
      scimId.set(person.login, user.id);
    }
  });
  okta.groups = GROUP_NAMES.map(([id, name]) => ({ id, name, members: members.get(id)! }));
  app.groups = [OWNERS, ADMINS, MEMBERS].map((id, priority) => ({
    id,
    priority,
    profile: { statsigOrgRole: ["Owner", "Admin", "Member"][priority] },
  }));
  // The config's two project role groups are linked, as `pulumi up` leaves them.
  linkProjectGroups(okta);
  statsig.groups = groups.map((group, index) => ({
    id: `grp-${index + 1}`,
    displayName: group.name,
    members: group.members.map((login) => scimId.get(login) ?? login),
  }));
  return { okta, statsig };
}

/** Everyone agrees: the config, what Okta sends and what Statsig holds. */
export function agreeingOrgs(): { okta: OktaOrg; statsig: StatsigSetup } {
  return build(
    [
      { login: "olivia.owner@example.com", groups: [OWNERS], app: { role: "Owner" }, statsig: { role: "Owner" } },
      {
        login: "ada.admin@example.com",
        groups: [ADMINS, MEMBERS, WEB_ENGINEERS, WEB_GROWTH_LEADS],
        app: { role: "Admin" },
        // Role under the core schema's URN, as Okta's app attribute namespace has it.
        statsig: { role: "Admin", roleAt: "urn" },
      },
      // Known to Statsig by another userName, matched by its primary email (case aside).
      {
        login: "mel.member@example.com",
        groups: [MEMBERS, WEB_ENGINEERS],
        app: { role: "Member" },
        statsig: { userName: "mel-7731", emails: [{ value: "Mel.Member@Example.com", primary: true }], role: "Member" },
      },
    ],
    [],
    [
      { name: "Statsig-Web-Member", members: ["ada.admin@example.com", "mel.member@example.com"] },
      { name: "Statsig-Web-Growth-Admin", members: ["ada.admin@example.com"] },
      // A role nobody holds: no finding.
      { name: "Statsig-Web-Read-Only", members: [] },
    ],
  );
}

/**
 * Every disagreement, one person each:
 * - sam: Statsig holds Member though Okta pushed Admin (changed in Statsig);
 * - pat: Okta has not pushed Admin yet (OUT_OF_SYNC); eve: the push failed (ERROR);
 * - olivia: in the Owner group, Okta sends Owner, but Statsig's Owner is founder, who is not in Okta at all;
 * - max: assigned and synchronized, absent from Statsig (another email domain); ian: deactivated in Statsig;
 * - ghost: active in Statsig, not in Okta (and gone, deactivated: no finding);
 * - lee: still in Statsig-Web-Member though not in Web Engineers; Statsig-Mobile-Admin has mel and no link.
 */
export function disagreeingOrgs(): { okta: OktaOrg; statsig: StatsigSetup } {
  return build(
    [
      { login: "olivia.owner@example.com", groups: [OWNERS], app: { role: "Owner" }, statsig: { role: "Admin" } },
      {
        login: "ada.admin@example.com",
        groups: [ADMINS, MEMBERS, WEB_ENGINEERS, WEB_GROWTH_LEADS],
        app: { role: "Admin" },
        statsig: { role: "Admin", roleAt: "urn" },
      },
      { login: "mel.member@example.com", groups: [MEMBERS, WEB_ENGINEERS], app: { role: "Member" }, statsig: { role: "Member" } },
      { login: "sam.changed@example.com", groups: [ADMINS], app: { role: "Admin" }, statsig: { role: "Member" } },
      { login: "pat.pending@example.com", groups: [ADMINS], app: { role: "Admin", syncState: "OUT_OF_SYNC" }, statsig: { role: "Member" } },
      { login: "eve.error@example.com", groups: [ADMINS], app: { role: "Admin", syncState: "ERROR" }, statsig: { role: "Member" } },
      { login: "max.missing@contractor.example", groups: [MEMBERS], app: { role: "Member" } },
      { login: "ian.inactive@example.com", groups: [MEMBERS], app: { role: "Member" }, statsig: { role: "Member", active: false } },
      // No emails and no active flag: matched by userName, taken as active.
      {
        login: "lee.left@example.com",
        groups: [MEMBERS],
        app: { role: "Member" },
        statsig: { role: "Member", emails: null, active: null },
      },
    ],
    [
      { id: "scim-founder", userName: "founder@example.com", role: "Owner" },
      { id: "scim-ghost", userName: "ghost@example.com", role: "Member" },
      { id: "scim-gone", userName: "gone@example.com", role: "Member", active: false },
    ],
    [
      { name: "Statsig-Web-Member", members: ["ada.admin@example.com", "mel.member@example.com", "lee.left@example.com"] },
      { name: "Statsig-Web-Growth-Admin", members: ["ada.admin@example.com"] },
      { name: "Statsig-Mobile-Admin", members: ["mel.member@example.com"] },
      { name: "Statsig-Mobile-Member", members: [] },
    ],
  );
}
