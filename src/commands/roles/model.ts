/**
 * The data of `statsig-okta roles`: what it reads from Okta (kept small: 50,000 app users must fit in memory
 * with room to spare) and the per-user record and findings it reports. Reading (read.ts), the rules
 * (explain.ts) and the output (format.ts) only meet here.
 */
import type { Expected } from "../expected";
import { assignmentsOf } from "../../domain/desired";
import type { UserProjectRole } from "../../domain/projectRoles";
import type { Role } from "../../domain/orgRoles";

/** What `roles` takes from the config. */
export interface RolesTarget {
  appId: string;
  /** A configured user type; otherwise the org's default type (the source of the Okta -> app mapping). */
  userTypeId?: string;
  mode: "personal" | "group";
  /** The Okta user attribute that holds the role in personal mode. */
  oktaAttributeName: string;
  /** Group mode: the role groups in the config's priority order, highest first. */
  roleGroups: { groupId: string; role: Role; priority: number }[];
  /** The groups pushed to Statsig for project and team roles. */
  projectRoles: { groupId: string; project: string; role: string; team?: string }[];
  /** The Statsig organization's email domains, lower-cased; undefined: not checked. */
  emailDomains?: string[];
}

/** The one place that reads the config's `Expected`, so a change of its shape is a change here only. */
export function rolesTargetFrom(expected: Expected): RolesTarget {
  const { desired } = expected;
  return {
    appId: expected.appId,
    ...(expected.userTypeId !== undefined ? { userTypeId: expected.userTypeId } : {}),
    mode: desired.mode,
    oktaAttributeName: desired.oktaAttributeName,
    // expectedFromArgs has checked that every group id is a plain string.
    projectRoles: expected.pushLinks.map(({ groupId, project, role, team }) => ({
      groupId,
      project,
      role,
      ...(team !== undefined ? { team } : {}),
    })),
    roleGroups: assignmentsOf(desired).map((child) => ({
      groupId: child.inputs.groupId as string,
      role: child.group.role,
      priority: child.group.priority,
    })),
    ...(desired.emailDomains !== undefined ? { emailDomains: desired.emailDomains } : {}),
  };
}

/** A group assigned to the app, or a role group of the config (assigned or not). */
export interface LiveGroup {
  id: string;
  /** The group's name when Okta embedded it (`expand=group`). */
  name?: string;
  /** Set when the group is assigned to the app. */
  assignment?: {
    priority?: number;
    /** The `statsigOrgRole` of the assignment's profile; undefined when it has none. */
    role?: string;
  };
}

/** One user assigned to the app, reduced to what the rules need. */
export interface LiveAppUser {
  id: string;
  /** The Okta login; the app user name when Okta did not embed the user. */
  login: string;
  /** The email Okta sends (the app user's, else the Okta user's), kept only when it is not the login. */
  email?: string;
  /** The app user name (`credentials.userName`) when it is not the login: Statsig may know the user by it. */
  userName?: string;
  /** The Okta user's status (`ACTIVE`, `SUSPENDED`, …); undefined when Okta did not embed the user. */
  status?: string;
  /** `USER` (assigned individually) or `GROUP` (only through groups). */
  scope?: string;
  syncState?: string;
  /** The app user's `statsigOrgRole`: what Okta sends to Statsig. Undefined when empty. */
  role?: string;
  /** The Okta user's role attribute; null when empty, undefined when Okta did not embed the user. */
  oktaAttribute?: string | null;
  /** Indexes into {@link RolesInput.groups} of the groups the user is a member of. */
  groups: number[];
}

/** A member of a role group who is not assigned to the app. */
export interface Outsider {
  group: number;
  id: string;
  login: string;
  status?: string;
}

/** A group push link of the app, reduced to what `roles` judges: where from, and its status. */
export interface LiveLink {
  sourceGroupId: string;
  /** The Okta id of the app group it pushes to (the group Statsig's import brought in). */
  targetGroupId?: string;
  /** ACTIVE, INACTIVE or ERROR (`GroupPushMappingStatus`); undefined when Okta leaves it out. */
  status?: string;
}

/** Everything `roles` read from Okta. */
export interface RolesInput {
  target: RolesTarget;
  groups: LiveGroup[];
  users: LiveAppUser[];
  outsiders: Outsider[];
  /** The app's group push links; read only when the config has project roles. */
  links?: LiveLink[];
  /** The expression of the Okta -> app mapping of `statsigOrgRole`; undefined when nothing maps it. */
  roleMapping?: string;
}

/** Where the role Okta sends comes from, by Okta's rules. */
export type RoleSource =
  /** Group mode, assigned individually: the app user keeps its own value. */
  | { kind: "individual" }
  /** The highest-priority group of the user that is assigned to the app. */
  | { kind: "group"; groupId: string; group: string; priority?: number }
  /** An Okta -> app mapping: it wins over every assignment value. */
  | { kind: "mapping"; expression: string }
  /** Personal mode without a mapping: whatever was set on the app user. */
  | { kind: "app-user" }
  /** Assigned through a group, but none of the user's groups is assigned to the app any more. */
  | { kind: "unknown" };

/** Why a user's role is not the one the config intends. */
export type Reason =
  | "mapping"
  | "individual"
  | "no-role-group"
  | "role-group-unassigned"
  | "outranked"
  | "group-profile"
  | "not-applied"
  | "no-mapping"
  | "other-mapping"
  | "no-attribute"
  /** project-link: the link of a project role's group is not there, is INACTIVE, or is in ERROR. */
  | "missing"
  | "inactive"
  | "error"
  | StatsigReason;

export type FindingKind =
  | "multiple-owners"
  | "owner-group"
  | "email-domain"
  | "role-differs"
  | "no-role"
  | "not-pushed"
  | "sync-error"
  | "project-link"
  | "not-assigned"
  | StatsigFindingKind;

/** The findings of `--statsig` (statsig.ts): Okta and the config against what Statsig holds. */
export type StatsigFindingKind =
  "statsig-differs" | "statsig-unmanaged" | "statsig-missing" | "statsig-owner" | "statsig-stale-member" | "statsig-unlinked-group";

/** Why Statsig holds another org role than Okta sends, or no user (`--statsig`). */
export type StatsigReason = "not-pushed" | "sync-error" | "owner-kept" | "one-owner" | "changed-in-statsig" | "absent" | "inactive";

/** A Statsig project or team role a user holds: the group, and what the config's link says it is (when linked). */
export interface HeldProjectRole {
  group: string;
  project?: string;
  team?: string;
  role?: string;
}

/** What Statsig holds of one app user (`--statsig`); null on the record when Statsig has no such user. */
export interface StatsigView {
  orgRole: string | null;
  active: boolean;
  projectRoles: HeldProjectRole[];
  /** With Console API keys: the user's role in each of those projects, and team roles, as the console shows them. */
  console?: ConsoleRole[];
}

/** A project role (and team roles) from a project's Console API. */
export interface ConsoleRole {
  project: string;
  role: string;
  teams: { team: string; role: string }[];
}

/** One thing to fix, with the users it concerns. */
export interface Finding {
  kind: FindingKind;
  reason?: Reason;
  /** The group the finding is about (owner-group, not-assigned, outranked, group-profile, …). */
  groupId?: string;
  /** What is wrong, one sentence. */
  message: string;
  /** What to do. */
  fix: string;
  /** The logins concerned. */
  users: string[];
}

/** One row of the report. More columns (e.g. Statsig project roles) are added as more fields. */
export interface UserRecord {
  id: string;
  login: string;
  status?: string;
  /** How the user is assigned: individually, and through which assigned groups (highest priority first). */
  assignment: { individual: boolean; groups: { id: string; name: string; priority?: number }[] };
  /** What Okta sends to Statsig; null when empty. */
  role: string | null;
  source: RoleSource;
  /**
   * The role the config intends: group mode, the role of the user's highest role group; personal mode, the
   * Okta attribute. Null for none, undefined when it cannot be told (personal mode without the Okta user).
   */
  intended?: string | null;
  syncState?: string;
  /**
   * The Statsig project and team roles the user's groups are linked to (pushed only while assigned to the app);
   * `link` is set when that group's live link does not push: `missing`, or its status (`INACTIVE`, `ERROR`).
   */
  projectRoles: (UserProjectRole & { link?: string })[];
  /** This user's findings, as `kind` or `kind:reason`. */
  findings: string[];
  /** With `--statsig`: what Statsig holds of the user (null: no such user); absent without it. */
  statsig?: StatsigView | null;
}

export interface RolesReport {
  mode: RolesTarget["mode"];
  /** Whether the config gives project or team roles (the table then shows them). */
  projectRoles: boolean;
  users: UserRecord[];
  findings: Finding[];
  /** With `--statsig`: the SCIM URL read, what it holds, counted, and the requests sent to Statsig (set by the run). */
  statsig?: { url: string; users: number; groups: number; consoleProjects?: string[]; requests?: number };
}
