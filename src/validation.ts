import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { OrgRolesArgs } from "./args";
import { assignPriorities, isRole, MAX_PRIORITY, MIN_PRIORITY, ROLE_ENUM_ORDER, STATSIG_ATTRIBUTE, suggestRole, type Role } from "./roles";

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

export const APP_ID_PATTERN = /^0oa[A-Za-z0-9]{17}$/;
export const GROUP_ID_PATTERN = /^00g[A-Za-z0-9]{17}$/;
export const USER_TYPE_ID_PATTERN = /^oty[A-Za-z0-9]{17}$/;
/** Okta profile variable names: a letter, then letters, digits or underscores. */
export const ATTRIBUTE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
/** Safe inside a Pulumi resource name and URN: role group names and the component's name from config. */
export const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const PERMISSIONS = ["READ_ONLY", "HIDE"] as const;
export const MASTERS = ["PROFILE_MASTER", "OKTA"] as const;

/** A role group after validation, with the key that names its child resource. */
export interface ValidRoleGroup {
  groupId: pulumi.Input<string>;
  role: Role;
  key: string;
}

/** The component's input after validation, with every default filled in. */
export interface ValidArgs {
  appId: pulumi.Input<string>;
  userTypeId?: pulumi.Input<string>;
  oktaAttributeName: string;
  manageOktaAttribute: boolean;
  oktaAttributePermissions: (typeof PERMISSIONS)[number];
  oktaAttributeMaster: (typeof MASTERS)[number];
  manageAppToOktaMapping: boolean;
  protect: boolean;
  roleGroups?: ValidRoleGroup[];
  firstPriority: number;
  retainAssignments: boolean;
  /** Things that are allowed but need a human to check them. */
  warnings: string[];
}

/** True for a value known only later: an Output or a promise. */
export function isDeferred(value: unknown): boolean {
  return (
    pulumi.Output.isInstance(value) ||
    (typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function")
  );
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") {
    const shown = value.length > 60 ? `a ${value.length}-character string` : JSON.stringify(value);
    // Look-alike and invisible characters print like the real thing: point at the first one.
    const odd = /[^\x20-\x7e]/.exec(value);
    return odd
      ? `${shown} (with non-ASCII character U+${odd[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at position ${odd.index + 1})`
      : shown;
  }
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

type Check = (value: string) => string | undefined;

const idCheck =
  (pattern: RegExp, what: string, example: string): Check =>
  (value) =>
    pattern.test(value) ? undefined : `${describe(value)} is not ${what}: expected ${example}`;

const checkAppId = idCheck(APP_ID_PATTERN, "an Okta app id", '"0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"');
const checkGroupId = idCheck(GROUP_ID_PATTERN, "an Okta group id", '"00g" and 17 letters or digits, e.g. "00g1b2c3d4e5f6g7h8i9"');
const checkUserTypeId = idCheck(
  USER_TYPE_ID_PATTERN,
  "an Okta user type id",
  '"oty" and 17 letters or digits (the type id, not the "osc…" schema id)',
);

/** A string, or an Output/promise of one; plain strings are checked now, deferred ones by Okta later. */
function inputString(check: Check, required: boolean) {
  // A refined z.unknown() is required in zod 4: a missing key is reported as "nonoptional" (see toIssues).
  return (required ? z.unknown() : z.unknown().optional()).superRefine((value, ctx) => {
    if (value === undefined || isDeferred(value)) return;
    if (typeof value !== "string") {
      ctx.addIssue({ code: "custom", message: `expected a string or an Output<string>, got ${describe(value)}` });
      return;
    }
    const problem = check(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
}

function plainChoice<T extends readonly string[]>(allowed: T, extra?: (value: string) => string | undefined) {
  return z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      if (typeof value !== "string" || !allowed.includes(value)) {
        const hint = typeof value === "string" ? extra?.(value) : undefined;
        ctx.addIssue({
          code: "custom",
          message: `${describe(value)} is not allowed${hint ? `; ${hint}` : ""}. Allowed: ${allowed.join(", ")}`,
        });
      }
    });
}

/** An optional plain string matching `pattern`; `problem` says what a bad value is not. */
function plainPattern(pattern: RegExp, problem: string) {
  return z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && (typeof value !== "string" || !pattern.test(value))) {
        ctx.addIssue({ code: "custom", message: `${describe(value)} ${problem}` });
      }
    });
}

function plainBoolean() {
  return z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value !== undefined && typeof value !== "boolean")
        ctx.addIssue({ code: "custom", message: `expected true or false, got ${describe(value)}` });
    });
}

const roleSchema = z.unknown().superRefine((value, ctx) => {
  if (isRole(value) || value === undefined) return;
  const suggestion = typeof value === "string" ? suggestRole(value) : undefined;
  const hint = suggestion ? ` Statsig spells it "${suggestion}".` : "";
  ctx.addIssue({
    code: "custom",
    message: `${describe(value)} is not a Statsig role.${hint} Allowed, exactly as spelled: ${ROLE_ENUM_ORDER.join(", ")}`,
  });
});

const roleGroupSchema = z.strictObject({
  groupId: inputString(checkGroupId, true),
  role: roleSchema,
  name: plainPattern(NAME_PATTERN, 'is not a valid name: 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit'),
});

const argsSchema = z.strictObject({
  appId: inputString(checkAppId, true),
  userTypeId: inputString(checkUserTypeId, false),
  oktaAttributeName: plainPattern(
    ATTRIBUTE_NAME_PATTERN,
    'is not an Okta attribute variable name: a letter, then up to 99 letters, digits or "_"',
  ),
  manageOktaAttribute: plainBoolean(),
  oktaAttributePermissions: plainChoice(PERMISSIONS, (v) =>
    v === "READ_WRITE" ? "READ_WRITE would let users set their own Statsig role" : undefined,
  ),
  oktaAttributeMaster: plainChoice(MASTERS),
  manageAppToOktaMapping: plainBoolean(),
  protect: plainBoolean(),
  roleGroups: z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      if (!Array.isArray(value)) {
        ctx.addIssue({
          code: "custom",
          message: `expected a list of { groupId, role } (a plain list, not an Output), got ${describe(value)}`,
        });
      }
    }),
  firstPriority: z
    .unknown()
    .optional()
    .superRefine((value, ctx) => {
      if (value === undefined) return;
      if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_PRIORITY || value > MAX_PRIORITY) {
        ctx.addIssue({
          code: "custom",
          message: `${describe(value)} is not a priority: expected a whole number from ${MIN_PRIORITY} to ${MAX_PRIORITY}`,
        });
      }
    }),
  retainAssignments: plainBoolean(),
});

function toIssues(error: z.ZodError): ArgsIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    if (issue.code === "unrecognized_keys") {
      return { path, message: `unknown input${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}` };
    }
    if (issue.code === "invalid_type" && issue.expected === "nonoptional") {
      return { path, message: path[path.length - 1] === "role" ? `is required: one of ${ROLE_ENUM_ORDER.join(", ")}` : "is required" };
    }

    return { path, message: issue.message };
  });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Validates the component's input. Returns every problem it finds (never throws) and, when there are none,
 * the input with its defaults filled in.
 */
export function checkOrgRolesArgs(input: unknown): { issues: ArgsIssue[]; value?: ValidArgs } {
  if (!isPlainObject(input)) return { issues: [{ path: [], message: `expected an object of inputs, got ${describe(input)}` }] };
  const top = argsSchema.safeParse(input);
  const issues: ArgsIssue[] = top.success ? [] : toIssues(top.error);
  const args = input as unknown as OrgRolesArgs;
  const warnings: string[] = [];

  // undefined: personal mode; a list, even an empty one: group mode.
  const roleGroups: ValidRoleGroup[] | undefined = Array.isArray(args.roleGroups) ? [] : undefined;
  if (Array.isArray(args.roleGroups) && roleGroups) {
    const firstIndexOfKey = new Map<string, number>();
    const firstIndexOfId = new Map<string, number>();
    args.roleGroups.forEach((entry: unknown, i: number) => {
      if (!isPlainObject(entry)) {
        issues.push({ path: ["roleGroups", i], message: `expected { groupId, role } with an optional name, got ${describe(entry)}` });
        return;
      }
      const parsed = roleGroupSchema.safeParse(entry);
      if (!parsed.success) {
        issues.push(...toIssues(parsed.error).map((issue) => ({ ...issue, path: ["roleGroups", i, ...issue.path] })));
        return;
      }
      const group = entry as { groupId: pulumi.Input<string>; role: Role; name?: string };
      if (typeof group.groupId === "string") {
        const seen = firstIndexOfId.get(group.groupId);
        if (seen !== undefined) {
          issues.push({
            path: ["roleGroups", i, "groupId"],
            message: `group ${group.groupId} is already listed at roleGroups[${seen}]: a group has one role`,
          });
          return;
        }
        firstIndexOfId.set(group.groupId, i);
      } else if (group.name === undefined) {
        issues.push({
          path: ["roleGroups", i, "name"],
          message: "is required when groupId is an Output: it names the assignment so it survives reordering",
        });
        return;
      }
      // A plain id names the assignment even when a name is given: the name matters only for an id not known yet.
      const key = typeof group.groupId === "string" ? group.groupId : group.name!;
      const seen = firstIndexOfKey.get(key);
      if (seen !== undefined) {
        issues.push({
          path: ["roleGroups", i, "name"],
          message: `${JSON.stringify(key)} is already used by roleGroups[${seen}]: names must be unique`,
        });
        return;
      }
      firstIndexOfKey.set(key, i);
      roleGroups.push({ groupId: group.groupId, role: group.role, key });
    });

    const owners = args.roleGroups
      .map((entry: unknown, i: number) => ({ entry: entry as { role?: unknown }, i }))
      .filter(({ entry }) => entry?.role === "Owner");
    if (owners.length > 1) {
      const at = owners.map(({ i }) => `roleGroups[${i}]`).join(", ");
      issues.push({
        path: ["roleGroups"],
        message: `${owners.length} Owner groups (${at}): Statsig has a single Owner, so at most one group may have the role Owner`,
      });
    } else if (owners.length === 1) {
      warnings.push(
        `roleGroups[${owners[0]!.i}] maps a group to Owner: Statsig has a single Owner, so that group must contain exactly one person`,
      );
    }

    const first = typeof args.firstPriority === "number" ? args.firstPriority : MIN_PRIORITY;
    const last = first + args.roleGroups.length - 1;
    if (Number.isInteger(first) && first >= MIN_PRIORITY && last > MAX_PRIORITY) {
      issues.push({
        path: ["roleGroups"],
        message: `${args.roleGroups.length} groups from priority ${first} need priorities up to ${last}; Okta allows ${MIN_PRIORITY} to ${MAX_PRIORITY}, so list at most ${MAX_PRIORITY - first + 1}`,
      });
    }
  }

  if (issues.length > 0) return { issues };
  return {
    issues,
    value: {
      appId: args.appId,
      ...(args.userTypeId !== undefined ? { userTypeId: args.userTypeId } : {}),
      oktaAttributeName: args.oktaAttributeName ?? STATSIG_ATTRIBUTE,
      manageOktaAttribute: args.manageOktaAttribute ?? true,
      oktaAttributePermissions: (args.oktaAttributePermissions as ValidArgs["oktaAttributePermissions"] | undefined) ?? "READ_ONLY",
      oktaAttributeMaster: (args.oktaAttributeMaster as ValidArgs["oktaAttributeMaster"] | undefined) ?? "PROFILE_MASTER",
      manageAppToOktaMapping: args.manageAppToOktaMapping ?? true,
      protect: args.protect ?? false,
      ...(roleGroups ? { roleGroups } : {}),
      firstPriority: args.firstPriority ?? MIN_PRIORITY,
      retainAssignments: args.retainAssignments ?? false,
      warnings,
    },
  };
}

/** Validates or throws one {@link OrgRolesArgsError} naming `subject` and listing every problem. */
export function validateOrgRolesArgs(subject: string, input: unknown): ValidArgs {
  const { issues, value } = checkOrgRolesArgs(input);
  if (!value) throw new OrgRolesArgsError(subject, issues);
  return value;
}

/** The planned group assignments of valid args, in priority order. */
export function planAssignments(args: ValidArgs) {
  return assignPriorities(args.roleGroups ?? [], args.firstPriority);
}
