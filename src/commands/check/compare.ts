import { assignmentsOf, childOf, wrongScopeMessage, type DesiredChild } from "../../domain/desired";
import { OKTA_TOP_PRIORITY, SCIM_CORE_USER_NAMESPACE, sentRole, STATSIG_ATTRIBUTE, suggestRole } from "../../domain/orgRoles";
import type { Expected } from "../expected";
import type { ImportResource } from "./importFile";
import type { LiveMapping } from "../lookups";
import type { LiveState } from "./live";
import type { AppGroupAssignment, SchemaAttribute } from "../../okta/types";

/**
 * - ok: as expected. - missing: Okta has no such object or property. - different: it exists with other values.
 * - not-in-config: a group assignment the config does not give changes roles. - not-managed: the config leaves it alone.
 * - unreadable: it exists, but Okta refused to show part of it (a push link's target group), so it cannot be judged.
 */
export type Status = "ok" | "missing" | "different" | "not-in-config" | "not-managed" | "unreadable";

/** A live value that differs from the expected one; `undefined` is "not set". */
export interface FieldDiff {
  field: string;
  live: unknown;
  expected: unknown;
  hint?: string;
}

export interface CheckItem {
  /** Statsig's step(s): "1", "2", "3+5", "4+5", "groups" for group assignments, "push" for group push links. */
  step: string;
  title: string;
  status: Status;
  differences: FieldDiff[];
  notes: string[];
  /** The resource `pulumi import` can adopt, when the object exists and the config manages it. */
  import?: ImportResource;
  /** The URN of the child resource that manages it (push links: `pulumi state delete` takes it). */
  urn?: string;
}

export interface Comparison {
  items: CheckItem[];
  /** Assignments of the app that carry no role and change nobody's role: not compared. */
  otherAssignments: number;
}

export const isProblem = (item: CheckItem): boolean =>
  item.status === "missing" || item.status === "different" || item.status === "not-in-config" || item.status === "unreadable";

function equal(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff(field: string, live: unknown, expected: unknown, hint?: string): FieldDiff[] {
  return equal(live, expected) ? [] : [{ field, live, expected, ...(hint ? { hint } : {}) }];
}

/**
 * The type, enum and display names the description gives an attribute. A hand-made attribute (Statsig's guide
 * does not ask for a list of values) has none: `pulumi up` adds them, which is a note, not a difference. A
 * list that is there but wrong is a difference.
 */
function roleValues(attribute: SchemaAttribute, inputs: Record<string, unknown>): { differences: FieldDiff[]; notes: string[] } {
  const differences = diff("type", attribute.type, inputs.type);
  const notes: string[] = [];
  const liveEnum = attribute.enum ?? undefined;
  const liveOneOf = attribute.oneOf?.map((entry) => ({ const: entry.const, title: entry.title }));
  if (liveEnum === undefined && liveOneOf === undefined) {
    notes.push(`no list of values: any text reaches Statsig; \`pulumi up\` limits it to ${(inputs.enums as string[]).join(", ")}`);
  } else {
    differences.push(
      ...diff("enum", liveEnum, inputs.enums, "Statsig accepts exactly Member, Admin and Owner"),
      ...diff("oneOf", liveOneOf, inputs.oneOfs),
    );
  }
  return { differences, notes };
}

/** What the end user may do with the attribute in their own profile (principal SELF). */
const selfPermission = (attribute: SchemaAttribute) => attribute.permissions?.find((p) => p.principal === "SELF")?.action;

function item(step: string, title: string, differences: FieldDiff[], extra: Partial<CheckItem> = {}): CheckItem {
  return { step, title, status: differences.length > 0 ? "different" : "ok", differences, notes: [], ...extra };
}

const importOf = (child: DesiredChild, id: string): ImportResource => ({ type: child.type, name: child.name, id });

function oktaAttributeItem(expected: Expected, live: LiveState): CheckItem {
  const { desired } = expected;
  const name = desired.oktaAttributeName;
  const title = `Okta user attribute "${name}" (user type "${live.userType.name}")`;
  const attribute = live.oktaAttribute;
  if (!attribute) {
    const profile = live.userType.isDefault ? "User (default)" : `"${live.userType.name}" user type`;
    return item("1", title, [], {
      status: "missing",
      notes: [`add it to the ${profile} profile in Directory > Profile Editor, variable name ${name}`],
    });
  }
  const child = childOf(desired, "oktaAttribute");
  if (!child) {
    // Managed elsewhere: only the role values matter here, as the app attribute's.
    const values = roleValues(attribute, childOf(desired, "appAttribute").inputs);
    return item("1", title, values.differences, {
      notes: [...values.notes, "managed elsewhere (manageOktaAttribute: false): permissions and master not compared"],
    });
  }
  const want = child.inputs;
  const values = roleValues(attribute, want);
  const permission = selfPermission(attribute);
  const differences = [
    ...values.differences,
    ...diff(
      "permissions (SELF)",
      permission,
      want.permissions,
      permission === "READ_WRITE" ? "users could set their own Statsig role" : undefined,
    ),
    // Okta leaves `master` out for attributes that follow the profile source, which is PROFILE_MASTER.
    ...diff("master", attribute.master?.type ?? "PROFILE_MASTER", want.master),
  ];
  // The provider's id names the type only when the component does (a configured userTypeId).
  return item("1", title, differences, {
    notes: values.notes,
    import: importOf(child, expected.userTypeId !== undefined ? `${expected.userTypeId}.${name}` : name),
  });
}

function appAttributeItem(expected: Expected, live: LiveState): CheckItem {
  const child = childOf(expected.desired, "appAttribute");
  const want = child.inputs;
  const title = `Statsig app attribute "${STATSIG_ATTRIBUTE}"`;
  const attribute = live.appAttribute;
  if (!attribute) {
    return item("2", title, [], {
      status: "missing",
      notes: [`add it in Directory > Profile Editor > the Statsig app, with external namespace ${SCIM_CORE_USER_NAMESPACE}`],
    });
  }
  const values = roleValues(attribute, want);
  // Okta's default scope is NONE (Group), and it cannot change an existing attribute's scope.
  const scope = attribute.scope ?? "NONE";
  const differences = [
    ...diff("externalName", attribute.externalName, want.externalName, "Statsig reads the SCIM field statsigOrgRole"),
    ...diff(
      "externalNamespace",
      attribute.externalNamespace,
      want.externalNamespace,
      "without it Okta does not send the attribute to Statsig",
    ),
    ...diff("scope", scope, want.scope, wrongScopeMessage(scope, String(want.scope))),
    ...values.differences,
    // Real Okta answers app attributes without `permissions` (recorded GET/POST of the app schema): compare
    // them only when Okta says something.
    ...(attribute.permissions ? diff("permissions (SELF)", selfPermission(attribute), want.permissions) : []),
  ];
  return item("2", title, differences, { notes: values.notes, import: importOf(child, `${expected.appId}/${STATSIG_ATTRIBUTE}`) });
}

/** A mapping the component manages: one property, with its expression and push status. */
function mappingItem(child: DesiredChild, mapping: LiveMapping | undefined, pushHint: string): CheckItem {
  const want = (child.inputs.mappings as { id: string; expression: string; pushStatus: string }[])[0]!;
  const title = `${child.title.replace(/ \(/, ` of "${want.id}" (`)}`;
  if (!mapping) {
    return item(child.step, title, [], {
      status: "missing",
      notes: ["Okta has no mapping between the app and the user type: is the app active with provisioning enabled?"],
    });
  }
  const imported = { import: importOf(child, mapping.id) };
  const live = mapping.properties[want.id];
  if (!live)
    return item(child.step, title, [], { status: "missing", notes: [`mapping ${mapping.id} does not map ${want.id}`], ...imported });
  return item(
    child.step,
    title,
    [...diff("expression", live.expression?.trim(), want.expression), ...diff("pushStatus", live.pushStatus, want.pushStatus, pushHint)],
    imported,
  );
}

function appToOktaItem(expected: Expected, live: LiveState): CheckItem {
  const child = childOf(expected.desired, "appToOkta");
  if (child) return mappingItem(child, live.appToOkta, "Statsig -> Okta applies on create only (DONT_PUSH)");
  const skipped = expected.desired.notManaged.find((n) => n.kind === "appToOkta")!;
  const name = expected.desired.oktaAttributeName;
  const mapped = live.appToOkta?.properties[name];
  return item(skipped.step, `${skipped.title.replace(/ \(/, ` of "${name}" (`)}`, [], {
    status: "not-managed",
    notes: [`not managed (${skipped.why}); live: ${mapped ? `${mapped.expression ?? "?"}, ${mapped.pushStatus ?? "?"}` : "not mapped"}`],
  });
}

function oktaToAppItem(expected: Expected, live: LiveState): CheckItem {
  const child = childOf(expected.desired, "oktaToApp");
  if (child) return mappingItem(child, live.oktaToApp, "with DONT_PUSH role changes never reach Statsig");
  // Group mode: the role must not be mapped, or it overrides every group assignment's role.
  const skipped = expected.desired.notManaged.find((n) => n.kind === "oktaToApp")!;
  const title = `${skipped.title.replace(/ \(/, ` of "${STATSIG_ATTRIBUTE}" (`)}`;
  const mapped = live.oktaToApp?.properties[STATSIG_ATTRIBUTE];
  if (!mapped) return item(skipped.step, title, [], { notes: ["not mapped, as group mode needs"] });
  return item(skipped.step, title, [
    {
      field: "mapping",
      live: mapped.expression,
      expected: undefined,
      hint: `a mapped ${STATSIG_ATTRIBUTE} overrides the roles of group assignments: set it to no mapping (mapping ${live.oktaToApp!.id})`,
    },
  ]);
}

const roleOf = (assignment: AppGroupAssignment) => sentRole(assignment.profile?.[STATSIG_ATTRIBUTE]);

function groupItems(expected: Expected, live: LiveState): Comparison {
  const { desired } = expected;
  const wanted = assignmentsOf(desired);
  const items: CheckItem[] = [];
  const byGroup = new Map(live.groupAssignments.map((assignment) => [assignment.id, assignment]));
  for (const child of wanted) {
    const { role, priority } = child.group;
    // A plain id (expectedFromArgs refuses an Output), so it is also the group's key.
    const groupId = child.inputs.groupId as string;
    const title = `Group ${groupId} -> ${role}, priority ${priority}`;
    const assignment = byGroup.get(groupId);
    if (!assignment) {
      items.push(item("groups", title, [], { status: "missing", notes: ["the group is not assigned to the app"] }));
      continue;
    }
    const liveRole = roleOf(assignment);
    // Shown only with a difference, that is when the live role is not the configured one.
    const spelled = typeof liveRole === "string" ? suggestRole(liveRole) : undefined;
    items.push(
      item(
        "groups",
        title,
        [
          ...diff(STATSIG_ATTRIBUTE, liveRole, role, spelled ? `Statsig spells it "${spelled}"` : undefined),
          ...diff("priority", assignment.priority, priority),
        ],
        { import: importOf(child, `${expected.appId}/${groupId}`) },
      ),
    );
  }

  const configured = new Set(wanted.map((child) => child.inputs.groupId));
  // The role groups as they are in Okta: a group outranks those whose priority number is higher than its own.
  const liveRoleGroups = live.groupAssignments.filter((a) => configured.has(a.id) && typeof a.priority === "number");
  let otherAssignments = 0;
  for (const assignment of live.groupAssignments) {
    if (configured.has(assignment.id)) continue;
    const role = roleOf(assignment);
    const priority = assignment.priority;
    const title = `Group ${assignment.id} (priority ${priority ?? "?"})`;
    // Only group mode has role groups (liveRoleGroups) to outrank.
    if (role === undefined && typeof priority === "number") {
      const outranked = liveRoleGroups.filter((r) => r.priority! > priority);
      const tied = liveRoleGroups.filter((r) => r.priority === priority);
      if (outranked.length > 0 || tied.length > 0) {
        const hint =
          tied.length > 0
            ? `shares priority ${priority} with role group ${tied.map((r) => r.id).join(", ")}: which profile its members get is undefined (concurrent assignment writes re-index priorities). Run \`pulumi up\` again, or reorder the groups in the admin console`
            : priority === OKTA_TOP_PRIORITY
              ? `sits at priority 0, above every role group, without giving a role: its members who are also in a role group get no role. The Okta provider cannot write priority 0, so move this group below the role groups in the admin console (Applications > the Statsig app > Assignments > Groups) or unassign it`
              : `outranks role groups without giving a role: its members who are also in a role group may get no role. Give it a priority number above ${Math.max(...liveRoleGroups.map((r) => r.priority!))}`;
        items.push(
          item("groups", title, [], {
            status: "not-in-config",
            differences: [{ field: "priority", live: priority, expected: undefined, hint }],
          }),
        );
        continue;
      }
    }
    if (role === undefined) {
      otherAssignments++;
      continue;
    }
    const hint =
      desired.mode === "group"
        ? "its members get this role, but the config does not list the group: add it to roleGroups or clear the role"
        : "ignored while the Okta -> Statsig mapping maps the role; clear it, or list the group in roleGroups";
    items.push(
      item("groups", title, [], {
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
