/**
 * Statsig project and team roles through Okta Group Push: Statsig's naming and role rules, validation, the
 * `okta.PushGroup` children as pure data, and the roles a user gets. No runtime Pulumi import (the type-only
 * import below is erased), so `plan`, `check` and `roles` can use it without loading the SDK.
 *
 * Sources: Statsig docs (statsig-io/docs `access-management/scim/concepts.mdx`, `okta_scim_user_management.mdx`,
 * `okta_scim_team_management.mdx`, `access-management/projects.mdx`), terraform-provider-okta v6.12.0
 * `okta/services/idaas/resource_okta_push_group.go`, Okta's Management API spec (`GroupPushMapping`).
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { acrossFields, checkUniqueKeys, entryName, entryObject, GROUP_ID_EXAMPLE, idInput, nameForOutputId, requiredOr } from "./fields";
import { duplicates, Issues, type ArgsIssue, type Path } from "./issues";
import { ranked, spellingHint } from "./suggest";
import { describe, GROUP_ID_PATTERN, isDeferred, isPlainObject } from "./values";

/** One Okta group whose members get a Statsig project role, or a team role in a project. */
export interface ProjectRole {
  /**
   * The Okta group id (`00g…`) whose members get the role. May be an Output, for example the id of an
   * `okta.group.Group` created in the same program; then `name` is required. One entry per Okta group: Okta
   * links an Okta group to one group of the app.
   */
  groupId: pulumi.Input<string>;
  /** The Statsig project's name, as Statsig shows it (the `<Project>` in `Statsig-<Project>-<Role>`). */
  project: string;
  /**
   * The role. Project roles: exactly `Read-Only`, `Member`, `Admin` or `Owner` (Owner is warned about: only
   * the project's creator is its Owner), or the name of a custom role (Enterprise plans; allowed with a
   * warning). Team roles (with `team`): exactly `Admin` or `Member`.
   */
  role: string;
  /**
   * The Statsig team's name within the project, for a team role (`Statsig-<Project>-<Team>-<Role>`). Default:
   * none, a project role.
   */
  team?: string;
  /**
   * The name of the Statsig group to link to, when Statsig spells it otherwise than
   * `Statsig-<Project>-<Role>` (`Statsig-<Project>-<Team>-<Role>`). Like the default name, it is looked up at
   * deploy among the groups Statsig's import brought into Okta, and the link is made to the group found, by
   * its id: nothing is ever created under this name. Cannot be combined with `targetGroupId` or `createTeam`.
   */
  targetGroupName?: pulumi.Input<string>;
  /**
   * The Okta id (`00g…`) of the Statsig group to link to, as imported into Okta (Directory > Groups, source
   * the Statsig app): no lookup. Cannot be combined with `targetGroupName` or `createTeam`.
   */
  targetGroupId?: pulumi.Input<string>;
  /**
   * Creates the team in Statsig through Okta, the one creation Statsig documents over SCIM: the link asks Okta
   * to create the group `Statsig-<Project>-<Team>-Member` in Statsig instead of looking it up. Only on a team
   * `Member` entry, and only while the team does not exist yet. Default: false (the group is looked up).
   */
  createTeam?: boolean;
  /**
   * A stable key for the link's resource when `groupId` is an Output (letters, digits, `.`, `_`, `-`; at most
   * 64); required then, ignored for a plain id (the id is the key). Changing it on a deployed stack creates the
   * new link before the old one is removed, which Okta refuses for the same group: alias it instead.
   */
  name?: string;
}

/** Statsig's built-in project roles, spelled exactly as in its group names. */
export const PROJECT_ROLES = ["Read-Only", "Member", "Admin", "Owner"] as const;
/** Statsig's team roles. */
export const TEAM_ROLES = ["Admin", "Member"] as const;
/** Every group Statsig creates for roles starts with this. */
export const STATSIG_GROUP_PREFIX = "Statsig-";
/** Okta group names are 1 to 255 characters (Okta Workflows "Create Group" card; the API spec gives no limit). */
export const OKTA_GROUP_NAME_MAX = 255;
/** The Okta provider's type token of a group push link. */
export const PUSH_GROUP_TYPE = "okta:index/pushGroup:PushGroup";

/** A project role entry after validation. */
export interface ValidProjectRole {
  /** Names the link's child resource: the plain group id, or `name` for an Output id. */
  key: string;
  groupId: pulumi.Input<string>;
  project: string;
  role: string;
  team?: string;
  /** Statsig's name for the role's group, whatever the link targets. */
  statsigName: string;
  /** How the link finds its Statsig group. */
  target: LinkTarget;
  /** A role that is not one of Statsig's built-in project roles. */
  custom: boolean;
}

/**
 * How a link finds its Statsig group:
 * - `lookup`: the group of that name that Statsig's import brought into Okta, looked up at deploy and linked by
 *   its id (Okta's spec documents `targetGroupId` as the way to link to an existing group);
 * - `id`: the given id, no lookup;
 * - `create`: by name, so that Okta asks Statsig to create it: only a team's Member group (`createTeam`).
 */
export type LinkTarget =
  { by: "lookup"; name: pulumi.Input<string> } | { by: "id"; targetGroupId: pulumi.Input<string> } | { by: "create"; name: string };

export interface ProjectRolesCheck {
  /** Every problem, with the path a user writes (`["projectRoles", 0, "role"]`). */
  issues: ArgsIssue[];
  /** Allowed, but a human should look: custom roles, Owner, names Statsig may spell differently. */
  warnings: string[];
  /** Set when there are no issues. */
  value?: ValidProjectRole[];
}

/**
 * Statsig's name for the group of a project role (`Statsig-<Project>-<Role>`) or team role
 * (`Statsig-<Project>-<Team>-<Role>`), written the way Statsig's only example does: project "Project A" with
 * role Admin is `Statsig-ProjectA-Admin` (statsig-io/docs `access-management/scim/concepts.mdx`), so spaces are
 * dropped from each part. Every other character is kept as given: Statsig documents nothing else. A guess, not a
 * rule: the component looks the name up among the groups Okta imported and fails, listing them, when it differs.
 */
export function statsigGroupName({ project, role, team }: { project: string; role: string; team?: string | undefined }): string {
  const part = (value: string) => value.replace(/\s+/g, "");
  return [STATSIG_GROUP_PREFIX + part(project), ...(team !== undefined ? [part(team)] : []), part(role)].join("-");
}

/**
 * An Okta filter string value: in double quotes, with `"` and `\` escaped by a backslash (Okta API reference,
 * "Filter" > "Special characters", developer.okta.com/docs/api/#special-characters).
 */
const filterValue = (value: string) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;

/**
 * The groups search (`GET /api/v1/groups?search=`, Okta spec `listGroups`, which documents `source.id` for
 * APP_GROUP groups) for the groups Statsig's import brought into Okta from the app `appId`: all of them, or
 * only those named `name`.
 */
export function statsigGroupSearch(appId: string, name?: string): string {
  return `type eq "APP_GROUP" and source.id eq ${filterValue(appId)}${name !== undefined ? ` and profile.name eq ${filterValue(name)}` : ""}`;
}

/** How many imported names a failed lookup suggests. */
const SUGGESTED_NAMES = 5;

/** A link whose Statsig group the lookup did not find exactly once. */
export interface GroupLookupFailure {
  /** The entry, as a user finds it: `projectRoles[0] (group 00g…, Member in project Web)`. */
  entry: string;
  /** The name looked up. */
  name: string;
  /** The ids of the groups found: none, or several. */
  found: string[];
}

/**
 * The one error of a deployment whose lookups did not each find one Statsig group: for each entry, the name it
 * looked for and the closest imported `Statsig-` names of the app, and where groups come from.
 * `imported`: the names of every group imported from the app (the second search, without a name).
 */
export function groupLookupError(
  component: string,
  appId: string,
  failures: readonly GroupLookupFailure[],
  imported: readonly string[],
): string {
  const statsigNames = [...new Set(imported.filter((name) => name.startsWith(STATSIG_GROUP_PREFIX)))];
  const lines = failures.map(({ entry, name, found }) => {
    if (found.length > 1) {
      return `  - ${entry}: ${found.length} groups of the app are named "${name}" (${found.join(", ")}): set targetGroupId to the one Statsig uses`;
    }
    const near = ranked(name, statsigNames).slice(0, SUGGESTED_NAMES);
    const names =
      near.length > 0
        ? `the closest imported Statsig groups: ${near.map((n) => `"${n}"`).join(", ")}`
        : `the app has no imported group whose name starts with "${STATSIG_GROUP_PREFIX}"`;
    return `  - ${entry}: no group "${name}" imported from the app; ${names}`;
  });
  return [
    `${component}: ${failures.length === 1 ? "a project or team role has" : `${failures.length} project or team roles have`} no Statsig group to link to in Okta, so nothing was written:`,
    ...lines,
    `Statsig's groups reach Okta only by import: in Okta, the Statsig app > Import > Import Now (Statsig's setting "Import Groups" must be on when the org has SELECTIVE_APP_IMPORT_PLATFORM). ` +
      `Then give the name Statsig uses (targetGroupName) or the group's Okta id (targetGroupId); a team that does not exist yet can be created with createTeam on its Member entry. ` +
      `Searched: ${statsigGroupSearch(appId)} and profile.name eq "<name>"`,
  ].join("\n");
}

/** The child resource name of a link: only the component's name and the entry's key, never its position. */
export function pushGroupName(componentName: string, key: string): string {
  return `${componentName}-push-${key}`;
}

// --- Validation: one typed schema per entry, the rules over the list, then warnings. ---

/**
 * Project, team and custom role names. Statsig documents no rules for them; Okta group names are 1 to 255
 * characters. Assumed: Statsig keeps the name as shown in its console, without its spaces in group names (see
 * {@link statsigGroupName}), so only what can never be right is refused: empty names, spaces around the name and control
 * characters.
 */
function statsigNameProblem(what: string, value: string): string | undefined {
  if (value.trim() === "") return `the ${what} is empty: give it as Statsig shows it`;
  if (value !== value.trim()) return `${describe(value)} has spaces around it: give the ${what} as Statsig shows it, without them`;
  if (/[\x00-\x1f\x7f]/.test(value)) return `${describe(value)} contains a control character (tab, newline…), which no Statsig ${what} has`;
  return undefined;
}

const statsigName = (what: string, required = `the ${what}`) =>
  z
    .string({ error: (issue) => requiredOr(issue.input, required, `expected the ${what} as a plain string, got ${describe(issue.input)}`) })
    .check(
      z.superRefine((value, ctx) => {
        const problem = statsigNameProblem(what, value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    );

const targetName = z
  .custom<pulumi.Input<string>>((value) => typeof value === "string" || isDeferred(value), {
    error: (issue) => `expected a group name (a string or an Output<string>), got ${describe(issue.input)}`,
  })
  .check(
    z.refine((value) => typeof value !== "string" || value.trim() !== "", {
      error: "is blank: give the Statsig group's name, or leave targetGroupName out for Statsig's own",
      abort: true,
    }),
    z.refine((value) => typeof value !== "string" || value.length <= OKTA_GROUP_NAME_MAX, {
      error: (issue) => `${describe(issue.input)} is not an Okta group name: 1 to ${OKTA_GROUP_NAME_MAX} characters`,
    }),
  );

/** What is wrong with a role given as a string, seen with the entry's team: a team role, else a project role. */
function roleProblem(role: string, team: unknown): string | undefined {
  if (team !== undefined) {
    if ((TEAM_ROLES as readonly string[]).includes(role)) return undefined;
    return `${describe(role)} is not a Statsig team role.${spellingHint(TEAM_ROLES, role)} Team roles, exactly as spelled: ${TEAM_ROLES.join(", ")} (project roles and custom roles are given without team)`;
  }
  if ((PROJECT_ROLES as readonly string[]).includes(role)) return undefined;
  const hint = spellingHint(PROJECT_ROLES, role);
  if (hint)
    return `${describe(role)} is not a Statsig project role.${hint} Allowed, exactly as spelled: ${PROJECT_ROLES.join(", ")}, or a custom role's name`;
  // Any other name is a custom role's.
  return statsigNameProblem("role", role);
}

/** Statsig's name of the entry's group, from raw input: when its project, role and team are plain strings. */
function rawGroupName(entry: Record<string, unknown>): string | undefined {
  const { project, role, team } = entry;
  if (typeof project !== "string" || typeof role !== "string" || (team !== undefined && typeof team !== "string")) return undefined;
  return statsigGroupName({ project, role, team });
}

const projectRoleSchema = entryObject(
  {
    groupId: idInput(GROUP_ID_PATTERN, "an Okta group id", GROUP_ID_EXAMPLE, 'the Okta group id ("00g…") whose members get the role'),
    project: statsigName("project name", "the Statsig project's name"),
    // Checked with the team in view, below.
    role: z.string({
      error: (issue) =>
        requiredOr(
          issue.input,
          `a project role (${PROJECT_ROLES.join(", ")}, or a custom role) or, with team, a team role (${TEAM_ROLES.join(", ")})`,
          `expected the role as a plain string: ${PROJECT_ROLES.join(", ")}, or a custom role's name; got ${describe(issue.input)}`,
        ),
    }),
    team: statsigName("team name").optional(),
    targetGroupName: targetName.optional(),
    targetGroupId: idInput(GROUP_ID_PATTERN, "an Okta group id of a Statsig group", GROUP_ID_EXAMPLE).optional(),
    createTeam: z.boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` }).optional(),
    name: entryName.optional(),
  },
  "{ groupId, project, role } with optional team, targetGroupName, targetGroupId, createTeam, name",
).check(
  acrossFields((entry, report) => {
    const problem = typeof entry.role === "string" ? roleProblem(entry.role, entry.team) : undefined;
    if (problem) report("role", problem);
  }),
  // The API spec: "Either `targetGroupId` or `targetGroupName` must be provided, but not both". Checked on
  // presence, so that it also holds when either is an Output.
  acrossFields((entry, report) => {
    if (entry.targetGroupName !== undefined && entry.targetGroupId !== undefined) {
      report("targetGroupId", "cannot be combined with targetGroupName: give the Statsig group's id or its name, not both");
    }
  }),
  // Statsig documents one creation over SCIM: a team, by pushing a group named Statsig-<Project>-<Team>-Member
  // ("Creation of projects and roles is not supported"; statsig-io/docs `okta_scim_team_management.mdx`).
  acrossFields((entry, report) => {
    if (entry.createTeam !== true) return;
    const problems = [
      ...(entry.team === undefined ? ["team is not given"] : []),
      ...(entry.team !== undefined && entry.role !== "Member" ? [`role is ${describe(entry.role)}`] : []),
      ...(entry.targetGroupName !== undefined ? ["targetGroupName is given"] : []),
      ...(entry.targetGroupId !== undefined ? ["targetGroupId is given"] : []),
    ];
    if (problems.length > 0) {
      report(
        "createTeam",
        `is only for a team's Member entry with neither targetGroupName nor targetGroupId, but ${problems.join(" and ")}: Statsig creates a team from a pushed group named Statsig-<Project>-<Team>-Member and creates nothing else over SCIM; leave createTeam out to link to an existing group`,
      );
    }
  }),
  nameForOutputId("link"),
  acrossFields((entry, report) => {
    const groupName = entry.targetGroupName === undefined && entry.targetGroupId === undefined ? rawGroupName(entry) : undefined;
    if (groupName !== undefined && groupName.length > OKTA_GROUP_NAME_MAX) {
      report(
        entry.team !== undefined ? "team" : "project",
        `gives the group name "${groupName.slice(0, 40)}…" of ${groupName.length} characters; Okta group names have at most ${OKTA_GROUP_NAME_MAX}: set targetGroupId to the group Okta imported`,
      );
    }
  }),
);

type ProjectRoleEntry = z.output<typeof projectRoleSchema>;

/** `projectRoles` as the component takes it: a plain list of entries. */
export const projectRolesSchema = z.array(projectRoleSchema, {
  error: (issue) => `expected a list of { groupId, project, role } (a plain list, not an Output), got ${describe(issue.input)}`,
});

/** What an entry links to, from raw input, as messages name it; unknown for an Output. */
function rawTarget(entry: unknown): string | undefined {
  if (!isPlainObject(entry)) return undefined;
  const { targetGroupId, targetGroupName } = entry;
  if (targetGroupId !== undefined) return typeof targetGroupId === "string" ? `the Statsig group ${targetGroupId}` : undefined;
  if (targetGroupName !== undefined) return typeof targetGroupName === "string" ? `"${targetGroupName}"` : undefined;
  const groupName = rawGroupName(entry);
  return groupName !== undefined ? `"${groupName}"` : undefined;
}

/**
 * The rules over the list, on the raw input so that they are reported with the problems of its entries.
 * Refused: two entries with the same Okta group (Okta links an Okta group to one group of an app: Statsig's
 * docs, "By default Okta only allows you to map 1 Okta Group to 1 Statsig Group", and the provider's
 * `okta_push_group` lookup, which treats app + source group as naming one mapping), two entries linking to
 * the same Statsig group, and two Output ids under one name.
 */
export function checkProjectRoleList(list: unknown, issues: Issues): void {
  if (!Array.isArray(list)) return;
  checkUniqueKeys(
    list,
    "projectRoles",
    issues,
    (group, first) =>
      `group ${group} is already pushed by ${first}: Okta links an Okta group to one group of the app, so give each project or team role its own Okta group`,
  );
  for (const { key, index, first } of duplicates(list.map(rawTarget))) {
    const entry = list[index] as Record<string, unknown>;
    const field = entry.targetGroupId !== undefined ? "targetGroupId" : entry.targetGroupName !== undefined ? "targetGroupName" : "role";
    issues.error(
      ["projectRoles", index, field],
      `${key} is already linked by projectRoles[${first}]: one Okta group per Statsig group, so put both groups' members in one Okta group`,
    );
  }
}

const isCustomRole = (entry: ProjectRoleEntry) => entry.team === undefined && !(PROJECT_ROLES as readonly string[]).includes(entry.role);

/** What is allowed but needs a human to check it. */
function warnProjectRole(entry: ProjectRoleEntry, at: Path, issues: Issues): void {
  if (entry.team === undefined && entry.role === "Owner") {
    issues.warn(at, "gives the project role Owner: Statsig makes only a project's creator its Owner, so the push may fail or be ignored");
  } else if (isCustomRole(entry)) {
    issues.warn(
      at,
      `gives ${describe(entry.role)}, which is not one of Statsig's project roles (${PROJECT_ROLES.join(", ")}): it is taken as a custom role, which exists only on Enterprise plans and only once it is defined in Statsig`,
    );
  }
  if (entry.createTeam === true) {
    issues.warn(
      at,
      `creates the team ${describe(entry.team)} in Statsig: the link asks Okta to create "${statsigGroupName(entry)}" instead of linking to an existing group. Use it only for a team that does not exist yet; once Statsig has it and Okta imported it, remove createTeam (the next \`pulumi up\` relinks the group by id, unlinking first)`,
    );
  }
}

function linkTarget(entry: ProjectRoleEntry, statsigName: string): LinkTarget {
  if (entry.targetGroupId !== undefined) return { by: "id", targetGroupId: entry.targetGroupId };
  if (entry.createTeam === true) return { by: "create", name: statsigName };
  return { by: "lookup", name: entry.targetGroupName ?? statsigName };
}

/** The valid entries with their keys and link targets; their warnings go to `issues`. */
export function validProjectRoles(entries: readonly ProjectRoleEntry[], issues: Issues): ValidProjectRole[] {
  return entries.map((entry, i) => {
    warnProjectRole(entry, ["projectRoles", i], issues);
    const statsigName = statsigGroupName(entry);
    return {
      // The schema requires a name when the id is not a plain string.
      key: typeof entry.groupId === "string" ? entry.groupId : entry.name!,
      groupId: entry.groupId,
      project: entry.project,
      role: entry.role,
      ...(entry.team !== undefined ? { team: entry.team } : {}),
      statsigName,
      target: linkTarget(entry, statsigName),
      custom: isCustomRole(entry),
    };
  });
}

/**
 * Validates `projectRoles` alone. Never throws: returns every problem at once (paths start with
 * "projectRoles"), and, when there are none, the entries with their keys and link targets and the warnings.
 */
export function checkProjectRoles(input: unknown): ProjectRolesCheck {
  if (input === undefined) return { issues: [], warnings: [], value: [] };
  const issues = new Issues();
  const entries = issues.parse(projectRolesSchema, input, ["projectRoles"]);
  checkProjectRoleList(input, issues);
  if (!entries || issues.errors.length > 0) return { issues: issues.errors, warnings: [] };
  const value = validProjectRoles(entries, issues);
  return { issues: [], warnings: issues.warnings, value };
}

// --- The roles a user gets. ---

/** A Statsig project or team role a user holds through one of their Okta groups. */
export interface UserProjectRole {
  project: string;
  role: string;
  team?: string;
}

/**
 * The project and team roles of a user in the given Okta groups, sorted by project, then team (project roles
 * first), then role. Entries whose group id is not a plain string (an Output) cannot match and are skipped.
 * Statsig applies a role only to users assigned to its app: the caller shows that separately.
 */
export function projectRolesOfUser(
  userGroupIds: Iterable<string>,
  projectRoles: readonly Pick<ValidProjectRole, "groupId" | "project" | "role" | "team">[],
): UserProjectRole[] {
  const groups = new Set(userGroupIds);
  const seen = new Set<string>();
  const roles: UserProjectRole[] = [];
  for (const entry of projectRoles) {
    if (typeof entry.groupId !== "string" || !groups.has(entry.groupId)) continue;
    const id = JSON.stringify([entry.project, entry.team ?? null, entry.role]);
    if (seen.has(id)) continue;
    seen.add(id);
    roles.push({ project: entry.project, role: entry.role, ...(entry.team !== undefined ? { team: entry.team } : {}) });
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return roles.sort((a, b) => order(a.project, b.project) || order(a.team ?? "", b.team ?? "") || order(a.role, b.role));
}
