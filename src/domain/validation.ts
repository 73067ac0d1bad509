/**
 * The component's input rules as typed zod schemas: parsing valid args yields {@link ValidArgs}, with every
 * default filled in. Pure (no Pulumi runtime), so `plan` and `check` use it without loading the SDK.
 */
import { z } from "zod";
import { checkUniqueKeys, entryName, entryObject, GROUP_ID_EXAMPLE, idInput, nameForOutputId, plainPattern, requiredOr } from "./fields";
import { duplicates, formatPath, Issues, type ArgsIssue, type Path } from "./issues";
import { checkProjectRoleList, projectRolesSchema, validProjectRoles, type ValidProjectRole } from "./projectRoles";
import { describe, GROUP_ID_PATTERN, isDeferred, isPlainObject, NAME_PATTERN, NAME_RULE } from "./values";
import { FIRST_PRIORITY, MAX_PRIORITY, OWNER_GROUP_RULE, ROLE_ENUM_ORDER, ROLES, STATSIG_ATTRIBUTE } from "./orgRoles";
import { spellingHint } from "./suggest";

export { formatPath, type ArgsIssue };

/** Thrown before any resource exists when the input is invalid. Lists every problem, not just the first. */
export class OrgRolesArgsError extends Error {
  constructor(
    readonly subject: string,
    readonly issues: ArgsIssue[],
    renderPath: (path: Path) => string = formatPath,
  ) {
    const lines = issues.map((issue) => `  - ${renderPath(issue.path)}: ${issue.message}`);
    const count = issues.length === 1 ? "1 invalid input" : `${issues.length} invalid inputs`;
    super(`${subject} has ${count}:\n${lines.join("\n")}`);
    this.name = "OrgRolesArgsError";
  }
}

export { describe, GROUP_ID_PATTERN, isDeferred, NAME_PATTERN, NAME_RULE };

export const APP_ID_PATTERN = /^0oa[A-Za-z0-9]{17}$/;
export const USER_TYPE_ID_PATTERN = /^oty[A-Za-z0-9]{17}$/;
/** Okta profile variable names: a letter, then letters, digits or underscores. */
export const ATTRIBUTE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

export const PERMISSIONS = ["READ_ONLY", "HIDE"] as const;
export const MASTERS = ["PROFILE_MASTER", "OKTA"] as const;

/**
 * The Okta user profile's base attributes (Okta Management API spec, schema `UserProfile`). A custom
 * attribute cannot take these names, and mapping one of them to Statsig would send, say, logins as roles.
 */
export const BASE_PROFILE_ATTRIBUTES: readonly string[] = [
  "city",
  "costCenter",
  "countryCode",
  "department",
  "displayName",
  "division",
  "email",
  "employeeNumber",
  "firstName",
  "honorificPrefix",
  "honorificSuffix",
  "lastName",
  "locale",
  "login",
  "manager",
  "managerId",
  "middleName",
  "mobilePhone",
  "nickName",
  "organization",
  "postalAddress",
  "preferredLanguage",
  "primaryPhone",
  "profileUrl",
  "secondEmail",
  "state",
  "streetAddress",
  "timezone",
  "title",
  "userType",
  "zipCode",
];

function choice<const T extends readonly [string, ...string[]]>(allowed: T, hint?: (value: unknown) => string | undefined) {
  return z.enum(allowed, {
    error: (issue) => {
      const extra = hint?.(issue.input);
      return `${describe(issue.input)} is not allowed${extra ? `; ${extra}` : ""}. Allowed: ${allowed.join(", ")}`;
    },
  });
}

const flag = (fallback: boolean) =>
  z.boolean({ error: (issue) => `expected true or false, got ${describe(issue.input)}` }).default(fallback);

const roleSchema = z.enum(ROLES, {
  error: (issue) =>
    requiredOr(
      issue.input,
      `one of ${ROLE_ENUM_ORDER.join(", ")}`,
      `${describe(issue.input)} is not a Statsig role.${spellingHint(ROLES, issue.input)} Allowed, exactly as spelled: ${ROLE_ENUM_ORDER.join(", ")}`,
    ),
});

const roleGroupSchema = entryObject(
  {
    groupId: idInput(GROUP_ID_PATTERN, "an Okta group id", GROUP_ID_EXAMPLE),
    role: roleSchema,
    name: entryName.optional(),
  },
  "{ groupId, role } with an optional name",
)
  .check(nameForOutputId("assignment"))
  // nameForOutputId guarantees a name when the id is not a plain string.
  .transform((group) => ({ ...group, key: typeof group.groupId === "string" ? group.groupId : group.name! }));

export type ValidRoleGroup = z.output<typeof roleGroupSchema>;

/**
 * The rules over the whole list: one role per group, unique names, a single Owner, priorities within Okta's
 * range. Checked on the raw input, so that they are reported with the problems of its entries.
 */
function checkRoleGroupList(args: Record<string, unknown>, issues: Issues) {
  const list = args.roleGroups;
  if (!Array.isArray(list)) return;
  checkUniqueKeys(list, "roleGroups", issues, (group, first) => `group ${group} is already listed at ${first}: a group has one role`);

  const owners = list.flatMap((entry: unknown, i) => (isPlainObject(entry) && entry.role === "Owner" ? [i] : []));
  if (owners.length > 1) {
    issues.error(
      ["roleGroups"],
      `${owners.length} Owner groups (${owners.map((i) => `roleGroups[${i}]`).join(", ")}): Statsig has a single Owner, so at most one group may have the role Owner`,
    );
  }

  const first = typeof args.firstPriority === "number" ? args.firstPriority : FIRST_PRIORITY;
  const last = first + list.length - 1;
  if (Number.isInteger(first) && first >= FIRST_PRIORITY && last > MAX_PRIORITY) {
    issues.error(
      ["roleGroups"],
      `${list.length} groups from priority ${first} need priorities up to ${last}; Okta allows up to ${MAX_PRIORITY}, so list at most ${MAX_PRIORITY - first + 1}`,
    );
  }
}

/** The one Owner group allowed needs a human to check it. */
function warnOwnerGroup(roleGroups: readonly ValidRoleGroup[], issues: Issues) {
  const owner = roleGroups.findIndex((group) => group.role === "Owner");
  if (owner >= 0) {
    issues.warn(["roleGroups", owner], `maps a group to Owner: ${OWNER_GROUP_RULE}`);
  }
}

/**
 * A group both assigned to the app (a role group) and pushed to it (a project role) is refused: Okta does not
 * support one group for both (Okta help, "App assignments and Group Push": removed users can stay in the
 * app's groups).
 */
function checkAssignedAndPushed(args: Record<string, unknown>, issues: Issues) {
  const groupIds = (list: unknown) =>
    Array.isArray(list)
      ? list.map((entry: unknown) => (isPlainObject(entry) && typeof entry.groupId === "string" ? entry.groupId : undefined))
      : [];
  const assigned = groupIds(args.roleGroups);
  for (const { key, index, first } of duplicates([...assigned, ...groupIds(args.projectRoles)])) {
    // Repeats within one list are that list's own rule.
    if (index < assigned.length || first >= assigned.length) continue;
    issues.error(
      ["projectRoles", index - assigned.length, "groupId"],
      `group ${key} is also roleGroups[${first}]: Okta does not support one group both assigned to the app and pushed to it. Push another group (the role group's members can be in both)`,
    );
  }
}

/** The schema of the component's input. */
const argsSchema = entryObject(
  {
    appId: idInput(APP_ID_PATTERN, "an Okta app id", '"0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"'),
    userTypeId: idInput(
      USER_TYPE_ID_PATTERN,
      "an Okta user type id",
      '"oty" and 17 letters or digits (the type id, not the "osc…" schema id)',
    ).optional(),
    oktaAttributeName: plainPattern(
      ATTRIBUTE_NAME_PATTERN,
      'is not an Okta attribute variable name: a letter, then up to 99 letters, digits or "_"',
    )
      .check(
        z.refine((name) => !BASE_PROFILE_ATTRIBUTES.includes(name), {
          error: (issue) =>
            `${describe(issue.input)} is a base attribute of the Okta user profile: the Okta -> Statsig mapping would send it to Statsig as the role. Use a custom attribute name such as "${STATSIG_ATTRIBUTE}" (the default)`,
        }),
      )
      .default(STATSIG_ATTRIBUTE),
    manageOktaAttribute: flag(true),
    oktaAttributePermissions: choice(PERMISSIONS, (value) =>
      value === "READ_WRITE" ? "READ_WRITE would let users set their own Statsig role" : undefined,
    ).default("READ_ONLY"),
    oktaAttributeMaster: choice(MASTERS).default("PROFILE_MASTER"),
    manageAppToOktaMapping: flag(true),
    protect: flag(false),
    // undefined: personal mode; a list, even an empty one: group mode.
    roleGroups: z
      .array(roleGroupSchema, {
        error: (issue) => `expected a list of { groupId, role } (a plain list, not an Output), got ${describe(issue.input)}`,
      })
      .optional(),
    firstPriority: z
      .number({
        error: (issue) => `${describe(issue.input)} is not a priority: expected a whole number from ${FIRST_PRIORITY} to ${MAX_PRIORITY}`,
      })
      .check(
        z.refine((n) => n !== 0, {
          error:
            "0 cannot be written: the Okta provider treats priority 0 as not set and sends none, so Okta puts the group last instead of first. Use 1 (the default), the highest priority it can write",
        }),
        // Without a message of its own, a refinement reports with the number's message above.
        z.refine((n) => n === 0 || (Number.isInteger(n) && n >= FIRST_PRIORITY && n <= MAX_PRIORITY)),
      )
      .default(FIRST_PRIORITY),
    retainAssignments: flag(false),
    projectRoles: projectRolesSchema.optional(),
  },
  "an object of inputs",
);

/** The component's input after validation, with every default filled in. */
export type ValidArgs = Omit<z.output<typeof argsSchema>, "projectRoles"> & {
  projectRoles: ValidProjectRole[];
  /** Things that are allowed but need a human to check them. */
  warnings: string[];
};

/**
 * Validates the component's input. Returns every problem it finds (never throws) and, when there are none,
 * the input with its defaults filled in.
 */
export function checkOrgRolesArgs(input: unknown): { issues: ArgsIssue[]; value?: ValidArgs } {
  const issues = new Issues();
  const args = issues.parse(argsSchema, input);
  // The rules over lists read the raw input, so that they are reported with the problems of the entries.
  const raw = isPlainObject(input) ? input : {};
  checkRoleGroupList(raw, issues);
  checkProjectRoleList(raw.projectRoles, issues);
  checkAssignedAndPushed(raw, issues);
  if (!args || issues.errors.length > 0) return { issues: issues.errors };
  warnOwnerGroup(args.roleGroups ?? [], issues);
  const projectRoles = validProjectRoles(args.projectRoles ?? [], issues);
  return { issues: [], value: { ...args, projectRoles, warnings: issues.warnings } };
}

/** Validates or throws one {@link OrgRolesArgsError} naming `subject` and listing every problem. */
export function validateOrgRolesArgs(subject: string, input: unknown): ValidArgs {
  const { issues, value } = checkOrgRolesArgs(input);
  if (!value) throw new OrgRolesArgsError(subject, issues);
  return value;
}
