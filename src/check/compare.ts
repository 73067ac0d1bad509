import {
  childNames,
  groupAssignmentName,
  RESOURCE_TYPES,
  ROLE_ENUM_ORDER,
  SCIM_CORE_USER_NAMESPACE,
  STATSIG_ATTRIBUTE,
  suggestRole,
} from "../roles";
import type { Expected } from "./expected";
import type { ImportResource } from "./importFile";
import type { LiveMapping, LiveState } from "./live";
import type { SchemaAttribute } from "./oktaTypes";

/**
 * - ok: as expected. - missing: Okta has no such object or property. - different: it exists with other values.
 * - not-in-config: a group assignment carries a role the config does not give. - not-managed: the config leaves it alone.
 */
export type Status = "ok" | "missing" | "different" | "not-in-config" | "not-managed";

/** A live value that differs from the expected one; `undefined` is "not set". */
export interface FieldDiff {
  field: string;
  live: unknown;
  expected: unknown;
  hint?: string;
}

export interface CheckItem {
  /** Statsig's step(s): "1", "2", "3+5", "4+5", or "groups" for group assignments. */
  step: string;
  title: string;
  status: Status;
  differences: FieldDiff[];
  notes: string[];
  /** The resource `pulumi import` can adopt, when the object exists and the config manages it. */
  import?: ImportResource;
}

export interface Comparison {
  items: CheckItem[];
  /** Assignments of the app that carry no role and are not in the config: not compared. */
  otherAssignments: number;
}

export const isProblem = (item: CheckItem): boolean =>
  item.status === "missing" || item.status === "different" || item.status === "not-in-config";

const ROLE_ENUM: readonly string[] = ROLE_ENUM_ORDER;
const ROLE_ONE_OF = ROLE_ENUM_ORDER.map((role) => ({ const: role, title: role }));

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff(field: string, live: unknown, expected: unknown, hint?: string): FieldDiff[] {
  return equal(live, expected) ? [] : [{ field, live, expected, ...(hint ? { hint } : {}) }];
}

/** The enum and its display names, as the component sets them on both attributes. */
function roleValueDiffs(attribute: SchemaAttribute): FieldDiff[] {
  const oneOf = attribute.oneOf?.map((entry) => ({ const: entry.const, title: entry.title }));
  return [
    ...diff("type", attribute.type, "string"),
    ...diff("enum", attribute.enum ?? undefined, ROLE_ENUM, "Statsig accepts exactly Member, Admin and Owner"),
    ...diff("oneOf", oneOf, ROLE_ONE_OF),
  ];
}

/** What the end user may do with the attribute in their own profile (principal SELF). */
const selfPermission = (attribute: SchemaAttribute) => attribute.permissions?.find((p) => p.principal === "SELF")?.action;

function item(step: string, title: string, differences: FieldDiff[], extra: Partial<CheckItem> = {}): CheckItem {
  return { step, title, status: differences.length > 0 ? "different" : "ok", differences, notes: [], ...extra };
}

function oktaAttributeItem(expected: Expected, live: LiveState): CheckItem {
  const name = expected.oktaAttributeName;
  const title = `Okta user attribute "${name}" (user type "${live.userType.name}")`;
  const attribute = live.oktaAttribute;
  if (!attribute) {
    const profile = live.userType.isDefault ? "User (default)" : `"${live.userType.name}" user type`;
    return item("1", title, [], {
      status: "missing",
      notes: [`add it to the ${profile} profile in Directory > Profile Editor, variable name ${name}`],
    });
  }
  const differences = roleValueDiffs(attribute);
  if (!expected.manageOktaAttribute) {
    return item("1", title, differences, {
      notes: ["managed elsewhere (manageOktaAttribute: false): permissions and master not compared"],
    });
  }
  differences.push(
    ...diff(
      "permissions (SELF)",
      selfPermission(attribute),
      expected.oktaAttributePermissions,
      selfPermission(attribute) === "READ_WRITE" ? "users could set their own Statsig role" : undefined,
    ),
    // Okta leaves `master` out for attributes that follow the profile source, which is PROFILE_MASTER.
    ...diff("master", attribute.master?.type ?? "PROFILE_MASTER", expected.oktaAttributeMaster),
  );
  return item("1", title, differences, {
    import: {
      type: RESOURCE_TYPES.userSchemaProperty,
      name: childNames(expected.name).oktaAttribute,
      // The provider's id names the type only when the component does (a configured userTypeId).
      id: expected.userTypeId !== undefined ? `${expected.userTypeId}.${name}` : name,
    },
  });
}

function appAttributeItem(expected: Expected, live: LiveState): CheckItem {
  const title = `Statsig app attribute "${STATSIG_ATTRIBUTE}"`;
  const attribute = live.appAttribute;
  if (!attribute) {
    return item("2", title, [], {
      status: "missing",
      notes: [`add it in Directory > Profile Editor > the Statsig app, with external namespace ${SCIM_CORE_USER_NAMESPACE}`],
    });
  }
  const scope = expected.mode === "group" ? "NONE" : "SELF";
  const differences = [
    ...diff("externalName", attribute.externalName, STATSIG_ATTRIBUTE, "Statsig reads the SCIM field statsigOrgRole"),
    ...diff(
      "externalNamespace",
      attribute.externalNamespace,
      SCIM_CORE_USER_NAMESPACE,
      "without it Okta does not send the attribute to Statsig",
    ),
    // Okta's default scope is NONE (Group).
    ...diff(
      "scope",
      attribute.scope ?? "NONE",
      scope,
      expected.mode === "group"
        ? "group mode takes roles from group assignments: attribute type Group (NONE)"
        : "personal mode takes the role of each user: attribute type Personal (SELF)",
    ),
    ...roleValueDiffs(attribute),
    ...diff("permissions (SELF)", selfPermission(attribute), "READ_ONLY"),
  ];
  return item("2", title, differences, {
    import: {
      type: RESOURCE_TYPES.appUserSchemaProperty,
      name: childNames(expected.name).appAttribute,
      id: `${expected.appId}/${STATSIG_ATTRIBUTE}`,
    },
  });
}

/** A mapping the component manages: one property, with its expression and push status. */
function mappingItem(
  step: string,
  title: string,
  mapping: LiveMapping | undefined,
  property: string,
  want: { expression: string; pushStatus: "PUSH" | "DONT_PUSH"; pushHint: string },
  importName: string,
): CheckItem {
  if (!mapping) {
    return item(step, title, [], {
      status: "missing",
      notes: ["Okta has no mapping between the app and the user type: is the app active with provisioning enabled?"],
    });
  }
  const imported = { import: { type: RESOURCE_TYPES.mapping, name: importName, id: mapping.id } };
  const live = mapping.properties[property];
  if (!live) return item(step, title, [], { status: "missing", notes: [`mapping ${mapping.id} does not map ${property}`], ...imported });
  return item(
    step,
    title,
    [
      ...diff("expression", live.expression?.trim(), want.expression),
      ...diff("pushStatus", live.pushStatus, want.pushStatus, want.pushHint),
    ],
    imported,
  );
}

function appToOktaItem(expected: Expected, live: LiveState): CheckItem {
  const name = expected.oktaAttributeName;
  const title = `Statsig -> Okta mapping of "${name}" (apply on create)`;
  if (!expected.manageAppToOktaMapping) {
    const mapped = live.appToOkta?.properties[name];
    return item("3+5", title, [], {
      status: "not-managed",
      notes: [
        `not managed (manageAppToOktaMapping: false); live: ${mapped ? `${mapped.expression ?? "?"}, ${mapped.pushStatus ?? "?"}` : "not mapped"}`,
      ],
    });
  }
  return mappingItem(
    "3+5",
    title,
    live.appToOkta,
    name,
    { expression: `appuser.${STATSIG_ATTRIBUTE}`, pushStatus: "DONT_PUSH", pushHint: "Statsig -> Okta applies on create only (DONT_PUSH)" },
    childNames(expected.name).appToOkta,
  );
}

function oktaToAppItem(expected: Expected, live: LiveState): CheckItem {
  const title = `Okta -> Statsig mapping of "${STATSIG_ATTRIBUTE}" (apply on create and update)`;
  if (expected.mode === "group") {
    const mapped = live.oktaToApp?.properties[STATSIG_ATTRIBUTE];
    if (!mapped) return item("4+5", title, [], { notes: ["not mapped, as group mode needs"] });
    return item("4+5", title, [
      {
        field: "mapping",
        live: mapped.expression,
        expected: undefined,
        hint: `a mapped ${STATSIG_ATTRIBUTE} overrides the roles of group assignments: set it to no mapping (mapping ${live.oktaToApp!.id})`,
      },
    ]);
  }
  return mappingItem(
    "4+5",
    title,
    live.oktaToApp,
    STATSIG_ATTRIBUTE,
    { expression: `user.${expected.oktaAttributeName}`, pushStatus: "PUSH", pushHint: "with DONT_PUSH role changes never reach Statsig" },
    childNames(expected.name).oktaToApp,
  );
}

function groupItems(expected: Expected, live: LiveState): Comparison {
  const items: CheckItem[] = [];
  const byGroup = new Map(live.groupAssignments.map((assignment) => [assignment.id, assignment]));
  for (const group of expected.roleGroups) {
    const title = `Group ${group.groupId}${group.key !== group.groupId ? ` ("${group.key}")` : ""} -> ${group.role}, priority ${group.priority}`;
    const assignment = byGroup.get(group.groupId);
    if (!assignment) {
      items.push(item("groups", title, [], { status: "missing", notes: ["the group is not assigned to the app"] }));
      continue;
    }
    const role = assignment.profile?.[STATSIG_ATTRIBUTE];
    const spelled = typeof role === "string" && role !== group.role ? suggestRole(role) : undefined;
    items.push(
      item(
        "groups",
        title,
        [
          ...diff(STATSIG_ATTRIBUTE, role ?? undefined, group.role, spelled ? `Statsig spells it "${spelled}"` : undefined),
          ...diff("priority", assignment.priority, group.priority),
        ],
        {
          import: {
            type: RESOURCE_TYPES.groupAssignment,
            name: groupAssignmentName(expected.name, group.key),
            id: `${expected.appId}/${group.groupId}`,
          },
        },
      ),
    );
  }

  const configured = new Set(expected.roleGroups.map((group) => group.groupId));
  const lowestRolePriority = Math.max(...expected.roleGroups.map((group) => group.priority));
  let otherAssignments = 0;
  for (const assignment of live.groupAssignments) {
    if (configured.has(assignment.id)) continue;
    const role = assignment.profile?.[STATSIG_ATTRIBUTE];
    if (role === undefined || role === null || role === "") {
      // A group ranked above a role group gives its members its own (empty) profile instead of their role.
      if (expected.mode === "group" && typeof assignment.priority === "number" && assignment.priority < lowestRolePriority) {
        items.push(
          item("groups", `Group ${assignment.id} (priority ${assignment.priority})`, [], {
            status: "not-in-config",
            differences: [
              {
                field: "priority",
                live: assignment.priority,
                expected: undefined,
                hint: `outranks role groups without giving a role: its members who are also in a role group may get no role. Give it a priority number above ${lowestRolePriority}`,
              },
            ],
          }),
        );
        continue;
      }
      otherAssignments++;
      continue;
    }
    const hint =
      expected.mode === "group"
        ? "its members get this role, but the config does not list the group: add it to roleGroups or clear the role"
        : "ignored while the Okta -> Statsig mapping maps the role; clear it, or list the group in roleGroups";
    items.push(
      item("groups", `Group ${assignment.id} (priority ${assignment.priority ?? "?"})`, [], {
        status: "not-in-config",
        differences: [{ field: STATSIG_ATTRIBUTE, live: role, expected: undefined, hint }],
      }),
    );
  }
  return { items, otherAssignments };
}

/** Compares the live org with what the component would create. Pure: no I/O. */
export function compare(expected: Expected, live: LiveState): Comparison {
  const groups = groupItems(expected, live);
  return {
    items: [
      oktaAttributeItem(expected, live),
      appAttributeItem(expected, live),
      appToOktaItem(expected, live),
      oktaToAppItem(expected, live),
      ...groups.items,
    ],
    otherAssignments: groups.otherAssignments,
  };
}
