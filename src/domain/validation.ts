/**
 * The component's input rules as typed zod schemas: parsing valid args yields {@link ValidArgs}, with every
 * default filled in. Pure (no Pulumi runtime), so `plan` and `check` use it without loading the SDK.
 */
import type { Input } from "@pulumi/pulumi";
import { z } from "zod";
import { checkProjectRoles, type ValidProjectRole } from "./projectRoles";
import { describe, GROUP_ID_PATTERN, isDeferred, NAME_PATTERN, NAME_RULE } from "./values";
import { FIRST_PRIORITY, MAX_PRIORITY, ROLE_ENUM_ORDER, ROLES, STATSIG_ATTRIBUTE } from "./orgRoles";
import { spellingHint } from "./suggest";

/** One problem with the input: where it is and what to do about it. */
export interface ArgsIssue {
  path: (string | number)[];
  message: string;
}

/** Thrown before any resource exists when the input is invalid. Lists every problem, not just the first. */
export class OrgRolesArgsError extends Error {
  constructor(
    readonly subject: string,
    readonly issues: ArgsIssue[],
    renderPath: (path: (string | number)[]) => string = formatPath,
  ) {
    const lines = issues.map((issue) => `  - ${renderPath(issue.path)}: ${issue.message}`);
    const count = issues.length === 1 ? "1 invalid input" : `${issues.length} invalid inputs`;
    super(`${subject} has ${count}:\n${lines.join("\n")}`);
    this.name = "OrgRolesArgsError";
  }
}

/** `roleGroups[1].role` style paths, as a user writes them. */
export function formatPath(path: (string | number)[]): string {
  if (path.length === 0) return "(args)";
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
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

const required = (input: unknown, otherwise: string, what: string) => (input === undefined ? `is required: ${what}` : otherwise);

/** An Okta id: a plain string checked now, or an Output/promise checked by Okta at deploy. */
function idInput(pattern: RegExp, what: string, example: string) {
  return z
    .custom<Input<string>>((value) => typeof value === "string" || isDeferred(value), {
      error: (issue) =>
        required(issue.input, `expected a string or an Output<string>, got ${describe(issue.input)}`, `${what}, ${example}`),
    })
    .check(
      z.refine((value) => typeof value !== "string" || pattern.test(value), {
        error: (issue) => `${describe(issue.input)} is not ${what}: expected ${example}`,
      }),
    );
}

/** A plain string matching `pattern`; `problem` says what a bad value is not. */
function plainPattern(pattern: RegExp, problem: string) {
  return z.string({ error: (issue) => `${describe(issue.input)} ${problem}` }).regex(pattern, {
    error: (issue) => `${describe(issue.input)} ${problem}`,
  });
}

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
  error: (issue) => {
    if (issue.input === undefined) return `is required: one of ${ROLE_ENUM_ORDER.join(", ")}`;
    return `${describe(issue.input)} is not a Statsig role.${spellingHint(ROLES, issue.input)} Allowed, exactly as spelled: ${ROLE_ENUM_ORDER.join(", ")}`;
  },
});

const roleGroupObject = z.strictObject(
  {
    groupId: idInput(GROUP_ID_PATTERN, "an Okta group id", '"00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"'),
    role: roleSchema,
    name: plainPattern(NAME_PATTERN, `is not a valid name: ${NAME_RULE}`).optional(),
  },
  { error: (issue) => `expected { groupId, role } with an optional name, got ${describe(issue.input)}` },
);

const roleGroupSchema = roleGroupObject
  .check(
    z.refine((group) => typeof group.groupId === "string" || group.name !== undefined, {
      path: ["name"],
      error: "is required when groupId is an Output: it names the assignment so it survives reordering",
    }),
  )
  // A plain id names the assignment even when a name is given: the name matters only for an id not known yet.
  .transform((group) => ({ ...group, key: typeof group.groupId === "string" ? group.groupId : group.name! }));

export type ValidRoleGroup = z.output<typeof roleGroupSchema>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The rules over the whole list, reported with the field problems: one role per group, unique names, a single
 * Owner, priorities within Okta's range. The list may hold invalid entries here, so it reads defensively.
 */
function checkRoleGroupList(args: Record<string, unknown>, ctx: z.RefinementCtx, warnings: string[]) {
  const list = args.roleGroups;
  if (!Array.isArray(list)) return;
  const firstIndexOf = new Map<string, number>();
  list.forEach((entry: unknown, i) => {
    if (!isObject(entry)) return;
    const plainId = typeof entry.groupId === "string" ? entry.groupId : undefined;
    const key = plainId ?? (typeof entry.name === "string" ? entry.name : undefined);
    if (key === undefined) return;
    const seen = firstIndexOf.get(key);
    if (seen === undefined) firstIndexOf.set(key, i);
    else if (plainId !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["roleGroups", i, "groupId"],
        message: `group ${plainId} is already listed at roleGroups[${seen}]: a group has one role`,
      });
    else
      ctx.addIssue({
        code: "custom",
        path: ["roleGroups", i, "name"],
        message: `${JSON.stringify(key)} is already used by roleGroups[${seen}]: names must be unique`,
      });
  });

  const owners = list.flatMap((entry: unknown, i) => (isObject(entry) && entry.role === "Owner" ? [i] : []));
  if (owners.length > 1) {
    ctx.addIssue({
      code: "custom",
      path: ["roleGroups"],
      message: `${owners.length} Owner groups (${owners.map((i) => `roleGroups[${i}]`).join(", ")}): Statsig has a single Owner, so at most one group may have the role Owner`,
    });
  } else if (owners.length === 1) {
    warnings.push(
      `roleGroups[${owners[0]}] maps a group to Owner: Statsig has a single Owner, so that group must contain exactly one person`,
    );
  }

  const first = typeof args.firstPriority === "number" ? args.firstPriority : FIRST_PRIORITY;
  const last = first + list.length - 1;
  if (Number.isInteger(first) && first >= FIRST_PRIORITY && last > MAX_PRIORITY) {
    ctx.addIssue({
      code: "custom",
      path: ["roleGroups"],
      message: `${list.length} groups from priority ${first} need priorities up to ${last}; Okta allows up to ${MAX_PRIORITY}, so list at most ${MAX_PRIORITY - first + 1}`,
    });
  }
}

/** The schema of the component's input, with `warnings` collected into the given list while parsing. */
function argsSchema(warnings: string[]) {
  return z
    .strictObject({
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
          z.refine((n) => n === 0 || (Number.isInteger(n) && n >= FIRST_PRIORITY && n <= MAX_PRIORITY), {
            error: (issue) =>
              `${describe(issue.input)} is not a priority: expected a whole number from ${FIRST_PRIORITY} to ${MAX_PRIORITY}`,
          }),
        )
        .default(FIRST_PRIORITY),
      retainAssignments: flag(false),
      // Validated on its own (src/projectRoles.ts), with its issues reported alongside these.
      projectRoles: z.unknown().optional(),
    })
    .check(z.superRefine((args, ctx) => checkRoleGroupList(args as Record<string, unknown>, ctx, warnings), { when: () => true }));
}

/** The component's input after validation, with every default filled in. */
export type ValidArgs = Omit<z.output<ReturnType<typeof argsSchema>>, "projectRoles"> & {
  projectRoles: ValidProjectRole[];
  /** Things that are allowed but need a human to check them. */
  warnings: string[];
};

/**
 * A group both assigned to the app (a role group) and pushed to it (a project role) is refused: Okta does not
 * support one group for both (Okta help, "App assignments and Group Push": removed users can stay in the
 * app's groups).
 */
function checkAssignedAndPushed(input: Record<string, unknown>): ArgsIssue[] {
  if (!Array.isArray(input.roleGroups) || !Array.isArray(input.projectRoles)) return [];
  const roleGroupAt = new Map<unknown, number>();
  input.roleGroups.forEach((entry: unknown, i) => {
    if (isObject(entry) && typeof entry.groupId === "string") roleGroupAt.set(entry.groupId, i);
  });
  return input.projectRoles.flatMap((entry: unknown, i) => {
    const at = isObject(entry) && typeof entry.groupId === "string" ? roleGroupAt.get(entry.groupId) : undefined;
    if (at === undefined) return [];
    return [
      {
        path: ["projectRoles", i, "groupId"],
        message: `group ${String((entry as { groupId: string }).groupId)} is also roleGroups[${at}]: Okta does not support one group both assigned to the app and pushed to it. Push another group (the role group's members can be in both)`,
      },
    ];
  });
}

/** The inputs the component and a role group take, for "unknown input" messages. */
const ARGS_KEYS = Object.keys(argsSchema([]).shape);
const ROLE_GROUP_KEYS = Object.keys(roleGroupObject.shape);

function toIssues(error: z.ZodError): ArgsIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      const allowed = path.length === 0 ? ARGS_KEYS : ROLE_GROUP_KEYS;
      return {
        path,
        message: `unknown input${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} (allowed: ${allowed.join(", ")})`,
      };
    }
    return { path, message: issue.message };
  });
}

/**
 * Validates the component's input. Returns every problem it finds (never throws) and, when there are none,
 * the input with its defaults filled in.
 */
export function checkOrgRolesArgs(input: unknown): { issues: ArgsIssue[]; value?: ValidArgs } {
  if (!isObject(input) || isDeferred(input)) {
    return { issues: [{ path: [], message: `expected an object of inputs, got ${describe(input)}` }] };
  }
  const warnings: string[] = [];
  const parsed = argsSchema(warnings).safeParse(input);
  const projectRoles = checkProjectRoles(input.projectRoles);
  const issues = [...(parsed.success ? [] : toIssues(parsed.error)), ...projectRoles.issues, ...checkAssignedAndPushed(input)];
  if (!parsed.success || !projectRoles.value || issues.length > 0) return { issues };
  return { issues: [], value: { ...parsed.data, projectRoles: projectRoles.value, warnings: [...warnings, ...projectRoles.warnings] } };
}

/** Validates or throws one {@link OrgRolesArgsError} naming `subject` and listing every problem. */
export function validateOrgRolesArgs(subject: string, input: unknown): ValidArgs {
  const { issues, value } = checkOrgRolesArgs(input);
  if (!value) throw new OrgRolesArgsError(subject, issues);
  return value;
}
