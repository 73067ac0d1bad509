/**
 * Stack config to component args, for the root program and for `plan` and `check`. Pure: no Pulumi runtime.
 */
import type { OrgRolesArgs } from "../domain/args";
import { closest } from "../domain/suggest";
import { CONFIG_NAMESPACE, DEFAULT_COMPONENT_NAME } from "./names";
import {
  checkOrgRolesArgs,
  formatPath,
  NAME_PATTERN,
  NAME_RULE,
  OrgRolesArgsError,
  type ArgsIssue,
  type ValidArgs,
} from "../domain/validation";

type Kind = "string" | "boolean" | "number" | "json";

/** Every stack config key the root program reads, and how its text is parsed. */
export const CONFIG_KEYS: Record<keyof OrgRolesArgs | "name", Kind> = {
  name: "string",
  appId: "string",
  userTypeId: "string",
  oktaAttributeName: "string",
  manageOktaAttribute: "boolean",
  oktaAttributePermissions: "string",
  oktaAttributeMaster: "string",
  manageAppToOktaMapping: "boolean",
  protect: "boolean",
  roleGroups: "json",
  firstPriority: "number",
  retainAssignments: "boolean",
  projectRoles: "json",
  emailDomains: "json",
};

const configPath = (path: (string | number)[]) => `${CONFIG_NAMESPACE}:${formatPath(path)}`;

/**
 * Turns a stack's config (as `pulumi.runtime.allConfig()` returns it: full keys, string values) into the
 * component's name and args. Every problem, from unknown keys to bad roles, comes back in one error whose
 * paths are config keys (`statsig-okta:roleGroups[0].role`).
 */
export function argsFromConfig(config: Record<string, string>): { name: string; args: OrgRolesArgs; valid: ValidArgs } {
  const issues: ArgsIssue[] = [];
  const values: Record<string, unknown> = {};
  const empty: string[] = [];
  for (const [fullKey, text] of Object.entries(config)) {
    if (!fullKey.startsWith(`${CONFIG_NAMESPACE}:`)) continue; // okta:* and others belong to their providers
    const key = fullKey.slice(CONFIG_NAMESPACE.length + 1);
    // Own keys only: `statsig-okta:constructor` or `:__proto__` must be unknown keys, not Object's members.
    const kind = Object.hasOwn(CONFIG_KEYS, key) ? CONFIG_KEYS[key as keyof typeof CONFIG_KEYS] : undefined;
    if (!kind) {
      const near = closest(key, Object.keys(CONFIG_KEYS));
      const hint = near ? `did you mean ${CONFIG_NAMESPACE}:${near}?` : `Known keys: ${Object.keys(CONFIG_KEYS).join(", ")}`;
      issues.push({ path: [key], message: `unknown config key; ${hint}` });
      continue;
    }
    // `key:` with nothing after it: left out, so validation says whether the key is required.
    if (text.trim() === "") {
      empty.push(key);
      continue;
    }
    const parsed = parseValue(kind, text);
    if (parsed.ok) values[key] = parsed.value;
    else issues.push({ path: [key], message: parsed.message });
  }
  const { name, ...args } = values;
  if (name !== undefined && (typeof name !== "string" || !NAME_PATTERN.test(name))) {
    issues.push({
      path: ["name"],
      message: `${JSON.stringify(name)} is not a valid component name: ${NAME_RULE}`,
    });
  }
  const checked = checkOrgRolesArgs(args);
  for (const key of empty) {
    // Left out, the key has no issue of its own but "is required".
    const required = checked.issues.find((issue) => issue.path[0] === key);
    issues.push({
      path: [key],
      message: required
        ? `is empty but required${required.message.replace(/^is required/, "")}; set it in the stack file or with \`pulumi config set ${CONFIG_NAMESPACE}:${key} <value>\``
        : `is empty: ${EXPECTED[CONFIG_KEYS[key as keyof typeof CONFIG_KEYS]]}, or remove the line to use the default`,
    });
  }
  issues.push(...checked.issues.filter((issue) => !empty.includes(String(issue.path[0]))));
  if (issues.length > 0 || !checked.value) throw new OrgRolesArgsError("The stack config", issues, configPath);
  return { name: (name as string | undefined) ?? DEFAULT_COMPONENT_NAME, args: args as unknown as OrgRolesArgs, valid: checked.value };
}

/** What a value of each kind looks like, for an empty one. */
const EXPECTED: Record<Kind, string> = {
  string: "give a value",
  boolean: "use true or false",
  number: "give a whole number",
  json: "give a YAML list",
};

function parseValue(kind: Kind, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  switch (kind) {
    case "string":
      return { ok: true, value: text };
    case "boolean":
      if (text === "true" || text === "false") return { ok: true, value: text === "true" };
      return { ok: false, message: `${JSON.stringify(text)} is not a boolean: ${EXPECTED.boolean}` };
    case "number":
      // Digits only: Number() would also take "0x10", "1e1" and " 5 ".
      if (/^-?\d{1,9}$/.test(text)) return { ok: true, value: Number(text) };
      return { ok: false, message: `${JSON.stringify(text)} is not a whole number` };
    case "json":
      try {
        return { ok: true, value: JSON.parse(text) };
      } catch {
        return {
          ok: false,
          message: "is not valid structured config: set it as a YAML list in the stack file, or with `pulumi config set --path`",
        };
      }
  }
}
