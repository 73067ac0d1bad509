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
import { spelledAs, spellingHint } from "./suggest";
import { describe, GROUP_ID_PATTERN, isDeferred, NAME_PATTERN, NAME_RULE } from "./values";

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
   * The name of the Statsig group to link to, when it is not Statsig's usual `Statsig-<Project>-<Role>`
   * (`Statsig-<Project>-<Team>-<Role>`). Okta links to the app group of that name, or asks Statsig to create
   * one when none exists. Cannot be combined with `targetGroupId`.
   */
  targetGroupName?: pulumi.Input<string>;
  /**
   * The Okta id (`00g…`) of the Statsig group to link to, as imported into Okta (Directory > Groups, source
   * the Statsig app). Cannot be combined with `targetGroupName`.
   */
  targetGroupId?: pulumi.Input<string>;
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
  /** What the link targets: exactly one of the two is set. */
  targetGroupName?: pulumi.Input<string>;
  targetGroupId?: pulumi.Input<string>;
  /** A role that is not one of Statsig's built-in project roles. */
  custom: boolean;
}

/** One problem with the input, with the path a user writes (`["projectRoles", 0, "role"]`). */
export interface ProjectRolesIssue {
  path: (string | number)[];
  message: string;
}

export interface ProjectRolesCheck {
  issues: ProjectRolesIssue[];
  /** Allowed, but a human should look: custom roles, Owner, names Statsig may spell differently. */
  warnings: string[];
  /** Set when there are no issues. */
  value?: ValidProjectRole[];
}

/** The correctly spelled built-in project role for a value that differs only in case, spaces, "-" or "_". */
export const suggestProjectRole = (value: string) => spelledAs(PROJECT_ROLES, value);
/** The correctly spelled team role for a value that differs only in case, spaces, "-" or "_". */
export const suggestTeamRole = (value: string) => spelledAs(TEAM_ROLES, value);

/** Statsig's name for the group of a project role (`Statsig-<Project>-<Role>`) or team role (`Statsig-<Project>-<Team>-<Role>`). */
export function statsigGroupName({ project, role, team }: { project: string; role: string; team?: string | undefined }): string {
  return [STATSIG_GROUP_PREFIX + project, ...(team !== undefined ? [team] : []), role].join("-");
}

/** The child resource name of a link: only the component's name and the entry's key, never its position. */
export function pushGroupName(componentName: string, key: string): string {
  return `${componentName}-push-${key}`;
}

// --- Field rules: each returns what is wrong, or nothing. ---

type Rule = (value: unknown) => string | undefined;

/**
 * Project, team and custom role names. Statsig documents no rules for them; Okta group names are 1 to 255
 * characters. Assumed: Statsig keeps the name as shown in its console (its docs' examples drop spaces, see
 * the warning), so only what can never be right is refused: empty names, spaces around the name and control
 * characters.
 */
const nameRule =
  (what: string): Rule =>
  (value) => {
    if (typeof value !== "string") return `expected the ${what} as a plain string, got ${describe(value)}`;
    if (value.trim() === "") return `the ${what} is empty: give it as Statsig shows it`;
    if (value !== value.trim()) return `${describe(value)} has spaces around it: give the ${what} as Statsig shows it, without them`;
    if (/[\x00-\x1f\x7f]/.test(value))
      return `${describe(value)} contains a control character (tab, newline…), which no Statsig ${what} has`;
    return undefined;
  };

const oktaGroupId =
  (what: string): Rule =>
  (value) => {
    if (isDeferred(value)) return undefined;
    if (typeof value !== "string") return `expected ${what} (a string or an Output<string>), got ${describe(value)}`;
    return GROUP_ID_PATTERN.test(value)
      ? undefined
      : `${describe(value)} is not ${what}: expected "00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"`;
  };

const targetName: Rule = (value) => {
  if (isDeferred(value)) return undefined;
  if (typeof value !== "string") return `expected a group name (a string or an Output<string>), got ${describe(value)}`;
  if (value.trim() === "") return "is blank: give the Statsig group's name, or leave targetGroupName out for Statsig's own";
  if (value.length > OKTA_GROUP_NAME_MAX) return `${describe(value)} is not an Okta group name: 1 to ${OKTA_GROUP_NAME_MAX} characters`;
  return undefined;
};

const keyName: Rule = (value) =>
  typeof value === "string" && NAME_PATTERN.test(value) ? undefined : `${describe(value)} is not a valid name: ${NAME_RULE}`;

const REQUIRED: Record<string, string> = {
  groupId: 'is required: the Okta group id ("00g…") whose members get the role',
  project: "is required: the Statsig project's name",
  role: `is required: a project role (${PROJECT_ROLES.join(", ")}, or a custom role) or, with team, a team role (${TEAM_ROLES.join(", ")})`,
};

/** A refined z.unknown(): zod 4 then reports a missing required key as "nonoptional" (mapped in toIssues). */
const field = (rule: Rule, required = false) =>
  (required ? z.unknown() : z.unknown().optional()).superRefine((value, ctx) => {
    if (value === undefined) return;
    const problem = rule(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

// The role is checked with the team in view (see roleProblem), so here it only has to be there.
const entrySchema = z.strictObject({
  groupId: field(oktaGroupId("an Okta group id"), true),
  project: field(nameRule("project name"), true),
  role: field(() => undefined, true),
  team: field(nameRule("team name")),
  targetGroupName: field(targetName),
  targetGroupId: field(oktaGroupId("an Okta group id of a Statsig group")),
  name: field(keyName),
});

function toIssues(error: z.ZodError, prefix: (string | number)[]): ProjectRolesIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
    if (issue.code === "unrecognized_keys") {
      const allowed = Object.keys(entrySchema.shape).join(", ");
      return {
        path,
        message: `unknown input${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (allowed: ${allowed})`,
      };
    }
    if (issue.code === "invalid_type" && issue.expected === "nonoptional") {
      return { path, message: REQUIRED[String(path[path.length - 1])] ?? "is required" };
    }
    return { path, message: issue.message };
  });
}

/** What is wrong with a role, or what to warn about, given whether the entry names a team. */
function roleProblem(role: unknown, team: unknown): { issue?: string; warning?: string; custom?: boolean } {
  if (role === undefined) return {};
  if (team !== undefined) {
    if ((TEAM_ROLES as readonly unknown[]).includes(role)) return {};
    return {
      issue: `${describe(role)} is not a Statsig team role.${spellingHint(TEAM_ROLES, role)} Team roles, exactly as spelled: ${TEAM_ROLES.join(", ")} (project roles and custom roles are given without team)`,
    };
  }
  if (role === "Owner") {
    return {
      warning: "gives the project role Owner: Statsig makes only a project's creator its Owner, so the push may fail or be ignored",
    };
  }
  if ((PROJECT_ROLES as readonly unknown[]).includes(role)) return {};
  if (typeof role === "string") {
    const hint = spellingHint(PROJECT_ROLES, role);
    if (hint) {
      return {
        issue: `${describe(role)} is not a Statsig project role.${hint} Allowed, exactly as spelled: ${PROJECT_ROLES.join(", ")}, or a custom role's name`,
      };
    }
    const problem = nameRule("role")(role);
    if (problem) return { issue: problem };
    return {
      custom: true,
      warning: `gives ${describe(role)}, which is not one of Statsig's project roles (${PROJECT_ROLES.join(", ")}): it is taken as a custom role, which exists only on Enterprise plans and only once it is defined in Statsig`,
    };
  }
  return { issue: `expected the role as a plain string: ${PROJECT_ROLES.join(", ")}, or a custom role's name; got ${describe(role)}` };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !isDeferred(value);

/**
 * Validates `projectRoles`. Never throws: returns every problem at once (paths start with "projectRoles"),
 * the warnings, and, when there are no problems, the entries with their keys and link targets.
 *
 * Refused besides bad fields: two entries with the same Okta group (Okta links an Okta group to one group of
 * an app: Statsig's docs, "By default Okta only allows you to map 1 Okta Group to 1 Statsig Group", and the
 * provider's `okta_push_group` lookup, which treats app + source group as naming one mapping), two entries
 * linking to the same Statsig group, and `targetGroupName` with `targetGroupId` (the API spec: "Either
 * `targetGroupId` or `targetGroupName` must be provided, but not both").
 */
export function checkProjectRoles(input: unknown): ProjectRolesCheck {
  if (input === undefined) return { issues: [], warnings: [], value: [] };
  if (!Array.isArray(input)) {
    return {
      issues: [
        {
          path: ["projectRoles"],
          message: `expected a list of { groupId, project, role } (a plain list, not an Output), got ${describe(input)}`,
        },
      ],
      warnings: [],
    };
  }
  const issues: ProjectRolesIssue[] = [];
  const warnings: string[] = [];
  const value: ValidProjectRole[] = [];
  const firstOfGroup = new Map<string, number>();
  const firstOfTarget = new Map<string, number>();
  const firstOfKey = new Map<string, number>();

  input.forEach((entry: unknown, i: number) => {
    const at = (...rest: (string | number)[]) => ["projectRoles", i, ...rest];
    const where = `projectRoles[${i}]`;
    if (!isPlainObject(entry)) {
      issues.push({
        path: at(),
        message: `expected { groupId, project, role } with optional team, targetGroupName, targetGroupId, name; got ${describe(entry)}`,
      });
      return;
    }
    const before = issues.length;
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) issues.push(...toIssues(parsed.error, at()));
    const role = roleProblem(entry.role, entry.team);
    if (role.issue) issues.push({ path: at("role"), message: role.issue });
    // On presence, so that it also holds when either is an Output.
    if (entry.targetGroupName !== undefined && entry.targetGroupId !== undefined) {
      issues.push({
        path: at("targetGroupId"),
        message: "cannot be combined with targetGroupName: give the Statsig group's id or its name, not both",
      });
    }
    if (isDeferred(entry.groupId) && entry.name === undefined) {
      issues.push({ path: at("name"), message: "is required when groupId is an Output: it names the link so it survives reordering" });
    }
    if (issues.length > before) return;

    const valid = entry as unknown as ProjectRole;
    const groupName = statsigGroupName(valid);
    const explicit = valid.targetGroupName !== undefined || valid.targetGroupId !== undefined;
    if (!explicit && groupName.length > OKTA_GROUP_NAME_MAX) {
      issues.push({
        path: at(valid.team !== undefined ? "team" : "project"),
        message: `gives the group name "${groupName.slice(0, 40)}…" of ${groupName.length} characters; Okta group names have at most ${OKTA_GROUP_NAME_MAX}: set targetGroupId to the group Okta imported`,
      });
      return;
    }

    // One Okta group, one link; one Statsig group, one linked Okta group.
    if (typeof valid.groupId === "string") {
      const seen = firstOfGroup.get(valid.groupId);
      if (seen !== undefined) {
        issues.push({
          path: at("groupId"),
          message: `group ${valid.groupId} is already pushed by projectRoles[${seen}]: Okta links an Okta group to one group of the app, so give each project or team role its own Okta group`,
        });
        return;
      }
      firstOfGroup.set(valid.groupId, i);
    }
    const target =
      valid.targetGroupId !== undefined
        ? typeof valid.targetGroupId === "string"
          ? `the Statsig group ${valid.targetGroupId}`
          : undefined
        : typeof valid.targetGroupName === "string" || valid.targetGroupName === undefined
          ? `"${valid.targetGroupName ?? groupName}"`
          : undefined;
    if (target !== undefined) {
      const seen = firstOfTarget.get(target);
      if (seen !== undefined) {
        issues.push({
          path: at(valid.targetGroupId !== undefined ? "targetGroupId" : valid.targetGroupName !== undefined ? "targetGroupName" : "role"),
          message: `${target} is already linked by projectRoles[${seen}]: one Okta group per Statsig group, so put both groups' members in one Okta group`,
        });
        return;
      }
      firstOfTarget.set(target, i);
    }
    // A plain id names the link even when a name is given: the name matters only for an id not known yet.
    const key = typeof valid.groupId === "string" ? valid.groupId : String(valid.name);
    const seenKey = firstOfKey.get(key);
    if (seenKey !== undefined) {
      issues.push({
        path: at("name"),
        message: `${JSON.stringify(key)} is already used by projectRoles[${seenKey}]: names must be unique`,
      });
      return;
    }
    firstOfKey.set(key, i);

    if (role.warning) warnings.push(`${where} ${role.warning}`);
    if (typeof valid.targetGroupName === "string" && !valid.targetGroupName.startsWith(STATSIG_GROUP_PREFIX)) {
      warnings.push(
        `${where} links to "${valid.targetGroupName}", which does not start with "${STATSIG_GROUP_PREFIX}" as Statsig's role groups do: Okta asks Statsig to create a group of that name if the app has none`,
      );
    }
    if (!explicit && /\s/.test(valid.project + (valid.team ?? ""))) {
      warnings.push(
        `${where} links to "${groupName}": Statsig's docs write project "Project A" as Statsig-ProjectA-Admin (team "Team A" as …-TeamA-…), so the group may be named without spaces; compare with the group Okta imported (Directory > Groups) and set targetGroupName or targetGroupId if it differs`,
      );
    }
    value.push({
      key,
      groupId: valid.groupId,
      project: valid.project,
      role: valid.role,
      ...(valid.team !== undefined ? { team: valid.team } : {}),
      statsigName: groupName,
      ...(valid.targetGroupId !== undefined
        ? { targetGroupId: valid.targetGroupId }
        : { targetGroupName: valid.targetGroupName ?? groupName }),
      custom: role.custom === true,
    });
  });

  return issues.length > 0 ? { issues, warnings } : { issues, warnings, value };
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
