/**
 * Stack configs that must be rejected before anything is registered, each with the config key (path) that the
 * error must name and what its message must say. Keys are written without the `statsig-okta:` namespace; `config()` adds it.
 */
const APP = "0oa1b2c3d4e5f6g7h8i9";
const G = (n: number) => `00g${String(n).padStart(17, "0")}`;
const group = (role: unknown, id: unknown = G(1), extra: Record<string, unknown> = {}) => ({ groupId: id, role, ...extra });

export interface BadConfig {
  name: string;
  config: Record<string, unknown>;
  /** The config key the error must name, e.g. `roleGroups[0].role`. */
  field: string;
  /** Parts of that key's message: what was wrong, and what is allowed or what to do. */
  says: string[];
}

// What the messages say is allowed, for the entries that share it.
const ROLES = "Allowed, exactly as spelled: Member, Admin, Owner";
const APP_ID_RULE = 'expected "0oa" and 17 letters or digits';
const GROUP_ID_RULE = 'expected "00g" and 17 letters or digits';
const BOOLEAN = "use true or false";

const withApp = (rest: Record<string, unknown>) => ({ appId: APP, ...rest });
const groups = (...entries: unknown[]) => withApp({ roleGroups: entries });

export const BAD_CONFIGS: BadConfig[] = [
  // Role spellings
  {
    name: "lowercase role",
    config: groups(group("admin")),
    field: "roleGroups[0].role",
    says: ['Statsig spells it "Admin"', ROLES],
  },
  {
    name: "uppercase role",
    config: groups(group("OWNER")),
    field: "roleGroups[0].role",
    says: ['Statsig spells it "Owner"', ROLES],
  },
  {
    name: "role with a trailing space",
    config: groups(group("Member ")),
    field: "roleGroups[0].role",
    says: ['Statsig spells it "Member"', ROLES],
  },
  {
    name: "role with a dash",
    config: groups(group("ad-min")),
    field: "roleGroups[0].role",
    says: ['Statsig spells it "Admin"', ROLES],
  },
  {
    name: "plural role",
    config: groups(group("Admins")),
    field: "roleGroups[0].role",
    says: [ROLES],
  },
  {
    name: "role Statsig does not have",
    config: groups(group("Viewer")),
    field: "roleGroups[0].role",
    says: ['"Viewer" is not a Statsig role', ROLES],
  },
  {
    name: "Cyrillic look-alike in Admin",
    config: groups(group("Аdmin")),
    field: "roleGroups[0].role",
    says: ["non-ASCII character U+0410 at position 1", ROLES],
  },
  {
    name: "Greek look-alike in Owner",
    config: groups(group("Οwner")),
    field: "roleGroups[0].role",
    says: ["non-ASCII character U+039F at position 1", ROLES],
  },
  {
    name: "zero-width space in Member",
    config: groups(group("Mem\u200bber")),
    field: "roleGroups[0].role",
    says: ["non-ASCII character U+200B at position 4", ROLES],
  },
  {
    name: "empty role",
    config: groups(group("")),
    field: "roleGroups[0].role",
    says: [ROLES],
  },
  {
    name: "role as a number",
    config: groups(group(1)),
    field: "roleGroups[0].role",
    says: ["number 1", ROLES],
  },
  {
    name: "role as a list",
    config: groups(group(["Admin"])),
    field: "roleGroups[0].role",
    says: ["a list", ROLES],
  },
  {
    name: "missing role",
    config: groups({ groupId: G(1) }),
    field: "roleGroups[0].role",
    says: ["is required: one of Member, Admin, Owner"],
  },
  {
    name: "null role",
    config: groups(group(null)),
    field: "roleGroups[0].role",
    says: [ROLES],
  },
  // Ids
  { name: "missing appId", config: {}, field: "appId", says: ["is required"] },
  { name: "empty appId", config: { appId: "" }, field: "appId", says: ["is empty but required", "pulumi config set statsig-okta:appId"] },
  {
    name: "appId of a group",
    config: { appId: G(1) },
    field: "appId",
    says: ["is not an Okta app id", APP_ID_RULE],
  },
  { name: "appId too short", config: { appId: "0oa123" }, field: "appId", says: [APP_ID_RULE] },
  {
    name: "appId with a dash",
    config: { appId: "0oa1b2c3d4-5f6g7h8i9" },
    field: "appId",
    says: [APP_ID_RULE],
  },
  {
    name: "appId with a look-alike letter",
    config: { appId: "0оa1b2c3d4e5f6g7h8i9" },
    field: "appId",
    says: ["non-ASCII character U+043E at position 2", APP_ID_RULE],
  },
  {
    name: "very long appId",
    config: { appId: `0oa${"a".repeat(5000)}` },
    field: "appId",
    says: ["a 5003-character string", APP_ID_RULE],
  },
  {
    name: "appId with surrounding spaces",
    config: { appId: ` ${APP} ` },
    field: "appId",
    says: [APP_ID_RULE],
  },
  {
    name: "app URL instead of its id",
    config: { appId: `https://acme.okta.com/admin/app/statsig/instance/${APP}` },
    field: "appId",
    says: [APP_ID_RULE],
  },
  {
    name: "schema id as userTypeId",
    config: withApp({ userTypeId: "osc1b2c3d4e5f6g7h8i9" }),
    field: "userTypeId",
    says: ['expected "oty" and 17 letters or digits', 'not the "osc…" schema id'],
  },
  {
    name: "empty userTypeId",
    config: withApp({ userTypeId: "" }),
    field: "userTypeId",
    says: ["is empty", "remove the line to use the default"],
  },
  {
    name: "group name instead of its id",
    config: groups(group("Admin", "Statsig Admins")),
    field: "roleGroups[0].groupId",
    says: ["is not an Okta group id", GROUP_ID_RULE],
  },
  {
    name: "app id as group id",
    config: groups(group("Admin", APP)),
    field: "roleGroups[0].groupId",
    says: [GROUP_ID_RULE],
  },
  {
    name: "empty group id",
    config: groups(group("Admin", "")),
    field: "roleGroups[0].groupId",
    says: [GROUP_ID_RULE],
  },
  {
    name: "group id as a number",
    config: groups(group("Admin", 7)),
    field: "roleGroups[0].groupId",
    says: ["expected a string", "got number 7"],
  },
  {
    name: "very long group id",
    config: groups(group("Admin", `00g${"x".repeat(10000)}`)),
    field: "roleGroups[0].groupId",
    says: ["a 10003-character string", GROUP_ID_RULE],
  },
  // Duplicates and Statsig's single Owner
  {
    name: "same group twice",
    config: groups(group("Admin"), group("Member")),
    field: "roleGroups[1].groupId",
    says: ["is already listed at roleGroups[0]", "a group has one role"],
  },
  {
    name: "same group twice, same role",
    config: groups(group("Admin"), group("Admin")),
    field: "roleGroups[1].groupId",
    says: ["is already listed at roleGroups[0]"],
  },
  {
    name: "same group, once named",
    config: groups(group("Admin"), group("Admin", G(1), { name: "admins" })),
    field: "roleGroups[1].groupId",
    says: ["is already listed at roleGroups[0]"],
  },
  {
    name: "two Owner groups",
    config: groups(group("Owner", G(1)), group("Owner", G(2))),
    field: "roleGroups",
    says: ["at most one group may have the role Owner"],
  },
  {
    name: "role as a boolean",
    config: groups(group(true)),
    field: "roleGroups[0].role",
    says: ["boolean true", ROLES],
  },
  // Shapes and types
  {
    // Plain data, not an Output, however it is marked: Pulumi itself would take it for one and fail at deploy.
    name: "group id spelled like a Pulumi Output",
    config: groups(group("Admin", { __pulumiOutput: true })),
    field: "roleGroups[0].groupId",
    says: ["expected a string or an Output<string>, got an object"],
  },
  {
    name: "roleGroups as a map",
    config: withApp({ roleGroups: { [G(1)]: "Admin" } }),
    field: "roleGroups",
    says: ["expected a list of { groupId, role }", "got an object"],
  },
  {
    name: "roleGroups as a string",
    config: withApp({ roleGroups: "Admin" }),
    field: "roleGroups",
    says: ["set it as a YAML list in the stack file"],
  },
  {
    name: "role group as a string",
    config: groups(`${G(1)}=Admin`),
    field: "roleGroups[0]",
    says: ["expected { groupId, role } with an optional name"],
  },
  {
    name: "unknown key in a role group",
    config: groups(group("Admin", G(1), { priority: 0 })),
    field: "roleGroups[0]",
    says: ['unknown input "priority"'],
  },
  {
    name: "name with a space",
    config: groups(group("Admin", G(1), { name: "the admins" })),
    field: "roleGroups[0].name",
    says: ['1 to 64 letters, digits, ".", "_" or "-"'],
  },
  {
    name: "very long name",
    config: groups(group("Admin", G(1), { name: "n".repeat(65) })),
    field: "roleGroups[0].name",
    says: ["a 65-character string", "1 to 64 letters"],
  },
  { name: "protect as yes", config: withApp({ protect: "yes" }), field: "protect", says: [BOOLEAN] },
  {
    name: "manageOktaAttribute as 1",
    config: withApp({ manageOktaAttribute: 1 }),
    field: "manageOktaAttribute",
    says: [BOOLEAN],
  },
  {
    name: "retainAssignments as TRUE",
    config: withApp({ retainAssignments: "TRUE" }),
    field: "retainAssignments",
    says: [BOOLEAN],
  },
  { name: "firstPriority as a word", config: withApp({ firstPriority: "high" }), field: "firstPriority", says: ["is not a whole number"] },
  {
    name: "firstPriority too large",
    config: withApp({ firstPriority: 101 }),
    field: "firstPriority",
    says: ["a whole number from 1 to 100"],
  },
  { name: "firstPriority in hex", config: withApp({ firstPriority: "0x10" }), field: "firstPriority", says: ["is not a whole number"] },
  {
    name: "firstPriority negative",
    config: withApp({ firstPriority: -1 }),
    field: "firstPriority",
    says: ["a whole number from 1 to 100"],
  },
  {
    name: "more groups than priorities",
    config: withApp({ firstPriority: 90, roleGroups: Array.from({ length: 12 }, (_, i) => group("Member", G(i))) }),
    field: "roleGroups",
    says: ["Okta allows up to 100, so list at most 11"],
  },
  {
    name: "READ_WRITE permissions",
    config: withApp({ oktaAttributePermissions: "READ_WRITE" }),
    field: "oktaAttributePermissions",
    says: ["Allowed: READ_ONLY, HIDE"],
  },
  {
    name: "lowercase permissions",
    config: withApp({ oktaAttributePermissions: "read_only" }),
    field: "oktaAttributePermissions",
    says: ["Allowed: READ_ONLY, HIDE"],
  },
  {
    name: "OVERRIDE master",
    config: withApp({ oktaAttributeMaster: "OVERRIDE" }),
    field: "oktaAttributeMaster",
    says: ["Allowed: PROFILE_MASTER, OKTA"],
  },
  {
    name: "attribute name with a dot",
    config: withApp({ oktaAttributeName: "statsig.role" }),
    field: "oktaAttributeName",
    says: ['a letter, then up to 99 letters, digits or "_"'],
  },
  {
    name: "empty attribute name",
    config: withApp({ oktaAttributeName: "" }),
    field: "oktaAttributeName",
    says: ["is empty", "remove the line to use the default"],
  },
  {
    name: "attribute name starting with a digit",
    config: withApp({ oktaAttributeName: "1role" }),
    field: "oktaAttributeName",
    says: ['a letter, then up to 99 letters, digits or "_"'],
  },
  // Unknown keys in stack config
  { name: "misspelled key", config: withApp({ rolegroups: [] }), field: "rolegroups", says: ["did you mean statsig-okta:roleGroups?"] },
  { name: "wrong case in appId key", config: { appID: APP }, field: "appID", says: ["did you mean statsig-okta:appId?"] },
  {
    name: "key of another tool",
    config: withApp({ groups: [group("Admin")] }),
    field: "groups",
    says: ["Known keys: name, appId, userTypeId"],
  },
  {
    name: "component name with a space",
    config: withApp({ name: "statsig prod" }),
    field: "name",
    says: ['1 to 64 letters, digits, ".", "_" or "-"'],
  },
];

/** A corpus entry as the root program receives it: namespaced keys, values as the Pulumi CLI passes them. */
export function config(entry: BadConfig): Record<string, string> {
  return Object.fromEntries(
    Object.entries(entry.config).map(([key, value]) => [`statsig-okta:${key}`, typeof value === "string" ? value : JSON.stringify(value)]),
  );
}
