/**
 * Stack configs that must be rejected before anything is registered, each with the config key (path) that the
 * error must name. Keys are written without the `statsig-okta:` namespace; `config()` adds it.
 */
const APP = "0oa1b2c3d4e5f6g7h8i9";
const G = (n: number) => `00g${String(n).padStart(17, "0")}`;
const group = (role: unknown, id: unknown = G(1), extra: Record<string, unknown> = {}) => ({ groupId: id, role, ...extra });

export interface BadConfig {
  name: string;
  config: Record<string, unknown>;
  /** The config key the error must name, e.g. `roleGroups[0].role`. */
  field: string;
}

const withApp = (rest: Record<string, unknown>) => ({ appId: APP, ...rest });
const groups = (...entries: unknown[]) => withApp({ roleGroups: entries });

export const BAD_CONFIGS: BadConfig[] = [
  // Role spellings
  { name: "lowercase role", config: groups(group("admin")), field: "roleGroups[0].role" },
  { name: "uppercase role", config: groups(group("OWNER")), field: "roleGroups[0].role" },
  { name: "role with a trailing space", config: groups(group("Member ")), field: "roleGroups[0].role" },
  { name: "plural role", config: groups(group("Admins")), field: "roleGroups[0].role" },
  { name: "role Statsig does not have", config: groups(group("Viewer")), field: "roleGroups[0].role" },
  { name: "Cyrillic look-alike in Admin", config: groups(group("Аdmin")), field: "roleGroups[0].role" },
  { name: "Greek look-alike in Owner", config: groups(group("Οwner")), field: "roleGroups[0].role" },
  { name: "zero-width space in Member", config: groups(group("Mem\u200bber")), field: "roleGroups[0].role" },
  { name: "empty role", config: groups(group("")), field: "roleGroups[0].role" },
  { name: "role as a number", config: groups(group(1)), field: "roleGroups[0].role" },
  { name: "role as a list", config: groups(group(["Admin"])), field: "roleGroups[0].role" },
  { name: "missing role", config: groups({ groupId: G(1) }), field: "roleGroups[0].role" },
  { name: "null role", config: groups(group(null)), field: "roleGroups[0].role" },
  // Ids
  { name: "missing appId", config: {}, field: "appId" },
  { name: "empty appId", config: { appId: "" }, field: "appId" },
  { name: "appId of a group", config: { appId: G(1) }, field: "appId" },
  { name: "appId too short", config: { appId: "0oa123" }, field: "appId" },
  { name: "appId with a dash", config: { appId: "0oa1b2c3d4-5f6g7h8i9" }, field: "appId" },
  { name: "appId with a look-alike letter", config: { appId: "0оa1b2c3d4e5f6g7h8i9" }, field: "appId" },
  { name: "very long appId", config: { appId: `0oa${"a".repeat(5000)}` }, field: "appId" },
  { name: "appId with surrounding spaces", config: { appId: ` ${APP} ` }, field: "appId" },
  { name: "app URL instead of its id", config: { appId: `https://acme.okta.com/admin/app/statsig/instance/${APP}` }, field: "appId" },
  { name: "schema id as userTypeId", config: withApp({ userTypeId: "osc1b2c3d4e5f6g7h8i9" }), field: "userTypeId" },
  { name: "empty userTypeId", config: withApp({ userTypeId: "" }), field: "userTypeId" },
  { name: "group name instead of its id", config: groups(group("Admin", "Statsig Admins")), field: "roleGroups[0].groupId" },
  { name: "app id as group id", config: groups(group("Admin", APP)), field: "roleGroups[0].groupId" },
  { name: "empty group id", config: groups(group("Admin", "")), field: "roleGroups[0].groupId" },
  { name: "group id as a number", config: groups(group("Admin", 7)), field: "roleGroups[0].groupId" },
  { name: "very long group id", config: groups(group("Admin", `00g${"x".repeat(10000)}`)), field: "roleGroups[0].groupId" },
  // Duplicates and Statsig's single Owner
  { name: "same group twice", config: groups(group("Admin"), group("Member")), field: "roleGroups[1].groupId" },
  { name: "same group twice, same role", config: groups(group("Admin"), group("Admin")), field: "roleGroups[1].groupId" },
  {
    name: "same group, once named",
    config: groups(group("Admin"), group("Admin", G(1), { name: "admins" })),
    field: "roleGroups[1].groupId",
  },
  { name: "two Owner groups", config: groups(group("Owner", G(1)), group("Owner", G(2))), field: "roleGroups" },
  { name: "role as a boolean", config: groups(group(true)), field: "roleGroups[0].role" },
  // Shapes and types
  { name: "roleGroups as a map", config: withApp({ roleGroups: { [G(1)]: "Admin" } }), field: "roleGroups" },
  { name: "roleGroups as a string", config: withApp({ roleGroups: "Admin" }), field: "roleGroups" },
  { name: "role group as a string", config: groups(`${G(1)}=Admin`), field: "roleGroups[0]" },
  { name: "unknown key in a role group", config: groups(group("Admin", G(1), { priority: 0 })), field: "roleGroups[0]" },
  { name: "name with a space", config: groups(group("Admin", G(1), { name: "the admins" })), field: "roleGroups[0].name" },
  { name: "very long name", config: groups(group("Admin", G(1), { name: "n".repeat(65) })), field: "roleGroups[0].name" },
  { name: "protect as yes", config: withApp({ protect: "yes" }), field: "protect" },
  { name: "manageOktaAttribute as 1", config: withApp({ manageOktaAttribute: 1 }), field: "manageOktaAttribute" },
  { name: "retainAssignments as TRUE", config: withApp({ retainAssignments: "TRUE" }), field: "retainAssignments" },
  { name: "firstPriority as a word", config: withApp({ firstPriority: "high" }), field: "firstPriority" },
  { name: "firstPriority too large", config: withApp({ firstPriority: 101 }), field: "firstPriority" },
  { name: "firstPriority in hex", config: withApp({ firstPriority: "0x10" }), field: "firstPriority" },
  { name: "firstPriority negative", config: withApp({ firstPriority: -1 }), field: "firstPriority" },
  {
    name: "more groups than priorities",
    config: withApp({ firstPriority: 90, roleGroups: Array.from({ length: 12 }, (_, i) => group("Member", G(i))) }),
    field: "roleGroups",
  },
  { name: "READ_WRITE permissions", config: withApp({ oktaAttributePermissions: "READ_WRITE" }), field: "oktaAttributePermissions" },
  { name: "lowercase permissions", config: withApp({ oktaAttributePermissions: "read_only" }), field: "oktaAttributePermissions" },
  { name: "OVERRIDE master", config: withApp({ oktaAttributeMaster: "OVERRIDE" }), field: "oktaAttributeMaster" },
  { name: "attribute name with a dot", config: withApp({ oktaAttributeName: "statsig.role" }), field: "oktaAttributeName" },
  { name: "empty attribute name", config: withApp({ oktaAttributeName: "" }), field: "oktaAttributeName" },
  { name: "attribute name starting with a digit", config: withApp({ oktaAttributeName: "1role" }), field: "oktaAttributeName" },
  // Unknown keys in stack config
  { name: "misspelled key", config: withApp({ rolegroups: [] }), field: "rolegroups" },
  { name: "wrong case in appId key", config: { appID: APP }, field: "appID" },
  { name: "key of another tool", config: withApp({ groups: [group("Admin")] }), field: "groups" },
  { name: "component name with a space", config: withApp({ name: "statsig prod" }), field: "name" },
];

/** A corpus entry as the root program receives it: namespaced keys, values as the Pulumi CLI passes them. */
export function config(entry: BadConfig): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.config).map(([key, value]) => [`statsig-okta:${key}`, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}
