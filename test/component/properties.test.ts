/**
 * Properties that must hold for every valid config, not only the examples: generated configs, described
 * (src/desired.ts) and run through the real component under the mock runtime, which must register exactly
 * the description.
 */
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrgRoles, type OrgRolesArgs, type RoleGroup } from "../../src";
import { describeOrgRoles, isRef, ORG_ROLES_TYPE, type DesiredChild } from "../../src/domain/desired";
import { ROLES, type Role } from "../../src/domain/orgRoles";
import { validateOrgRolesArgs } from "../../src/domain/validation";
import { DEFAULT_USER_TYPE_ID, FakeOkta } from "../support/fakeOkta";
import { addUserType } from "../support/oktaOrg";
import { run } from "../support/harness";

const idChar = fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
const oktaId = (prefix: string) => fc.string({ unit: idChar, minLength: 17, maxLength: 17 }).map((s) => prefix + s);

/** The plain id behind each generated Output id, to tell what the component must register. */
const plainIds = new WeakMap<object, string>();

/**
 * Valid role groups: distinct ids, at most one Owner; some ids are Outputs (groups created in the same
 * program), which then carry a name.
 */
const roleGroups = fc
  .uniqueArray(fc.record({ id: oktaId("00g"), role: fc.constantFrom<Role>("Member", "Admin", "Owner"), deferred: fc.boolean() }), {
    selector: (g) => g.id,
    maxLength: 12,
  })
  .map((groups) => {
    let owners = 0;
    return groups.map(({ id, role, deferred }): RoleGroup => {
      const safeRole = role === "Owner" && owners++ > 0 ? "Admin" : role;
      if (!deferred) return { groupId: id, role: safeRole };
      const groupId = pulumi.output(id);
      plainIds.set(groupId, id);
      return { groupId, role: safeRole, name: `g-${id}` };
    });
  });

const validArgs = fc.record(
  {
    appId: oktaId("0oa"),
    roleGroups,
    manageAppToOktaMapping: fc.boolean(),
    manageOktaAttribute: fc.boolean(),
    oktaAttributePermissions: fc.constantFrom("READ_ONLY", "HIDE"),
    oktaAttributeMaster: fc.constantFrom("PROFILE_MASTER", "OKTA"),
    protect: fc.boolean(),
    retainAssignments: fc.boolean(),
    userTypeId: oktaId("oty"),
    firstPriority: fc.integer({ min: 1, max: 80 }),
  },
  { requiredKeys: ["appId"] },
) as fc.Arbitrary<OrgRolesArgs>;

const describeArgs = (args: OrgRolesArgs) => describeOrgRoles("statsig", validateOrgRolesArgs("test", args));
const assignments = (children: DesiredChild[]) => children.filter((c) => c.kind === "groupAssignment");
const RUNS = { numRuns: 40 };

/** What the mocks must receive for a described child: lookups and Outputs replaced by their values. */
function resolved(value: unknown, args: OrgRolesArgs): unknown {
  if (isRef(value)) return value.ref === "appId" ? args.appId : (args.userTypeId ?? DEFAULT_USER_TYPE_ID);
  if (pulumi.Output.isInstance(value)) return plainIds.get(value);
  if (Array.isArray(value)) return value.map((v) => resolved(v, args));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolved(v, args)]));
  return value;
}

describe("the component registers exactly its description", () => {
  it("for any valid config: the same children, inputs, options and order of waiting, nothing else", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const fake = new FakeOkta(false, [args.appId as string]);
        if (args.userTypeId)
          addUserType(fake.org, { id: args.userTypeId as string, name: "custom", displayName: "Custom", description: "" });
        const { resources } = await run((opts) => new OrgRoles("statsig", args, opts), { fake });
        const desired = describeArgs(args);
        const registered = resources.filter((r) => r.type !== ORG_ROLES_TYPE);
        expect(registered.map((r) => r.name).sort()).toEqual(desired.children.map((c) => c.name).sort());
        for (const child of desired.children) {
          const r = registered.find((x) => x.name === child.name)!;
          expect(r.type).toBe(child.type);
          expect(r.inputs).toEqual(resolved(child.inputs, args));
          expect(r.opts).toEqual({
            parent: "statsig",
            ...child.options,
            dependsOn: [...child.dependsOn, ...(child.waitsFor ?? []).map(() => "<lookup>")],
          });
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe("for any valid config", () => {
  it("child names are unique", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const names = describeArgs(args).children.map((r) => r.name);
        expect(new Set(names).size).toBe(names.length);
      }),
      RUNS,
    );
  });

  it("reordering role groups changes no name and no input", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, fc.func(fc.integer()), async (args, key) => {
        const shuffled = [...(args.roleGroups ?? [])]
          .map((g, i) => ({ g, k: key(i) }))
          .sort((a, b) => a.k - b.k)
          .map(({ g }) => g);
        const before = describeArgs(args).children;
        const after = describeArgs({ ...args, roleGroups: args.roleGroups ? shuffled : undefined }).children;
        const view = (rs: DesiredChild[]) => Object.fromEntries(rs.map((r) => [r.name, resolved(r.inputs, args)]));
        expect(view(after)).toEqual(view(before));
      }),
      RUNS,
    );
  });

  it("changing one group's role keeps every name and the group's appId/groupId (no replacement)", async () => {
    const withGroup = validArgs.filter((a) => (a.roleGroups?.length ?? 0) > 0);
    await fc.assert(
      fc.asyncProperty(withGroup, fc.nat(), fc.constantFrom<Role>("Member", "Admin"), async (args, pick, role) => {
        const groups = args.roleGroups as RoleGroup[];
        const i = pick % groups.length;
        const changed = groups.map((g, j) => (j === i ? { ...g, role } : g));
        const before = assignments(describeArgs(args).children);
        const after = assignments(describeArgs({ ...args, roleGroups: changed }).children);
        expect(after.map((r) => r.name).sort()).toEqual(before.map((r) => r.name).sort());
        for (const a of after) {
          const b = before.find((r) => r.name === a.name)!;
          expect([a.inputs.appId, a.inputs.groupId]).toEqual([b.inputs.appId, b.inputs.groupId]);
        }
      }),
      RUNS,
    );
  });

  it("priorities are unique, consecutive from firstPriority and role-ordered", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const list = assignments(describeArgs(args).children).map((r) => ({
          priority: r.inputs.priority as number,
          rank: ROLES.indexOf(JSON.parse(r.inputs.profile as string).statsigOrgRole),
        }));
        list.sort((a, b) => a.priority - b.priority);
        // Never 0: the provider does not send it (docs/reference/okta.md#priority-0-is-never-sent).
        const first = args.firstPriority ?? 1;
        expect(list.map((a) => a.priority)).toEqual(list.map((_, i) => first + i));
        for (let i = 1; i < list.length; i++) expect(list[i]!.rank).toBeGreaterThanOrEqual(list[i - 1]!.rank);
      }),
      RUNS,
    );
  });

  it("the same config always yields the same resources and inputs", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const strip = (rs: DesiredChild[]) => resolved(rs, args);
        expect(strip(describeArgs(args).children)).toEqual(strip(describeArgs(args).children));
      }),
      { numRuns: 20 },
    );
  });

  it("no child has a setting the notes mark as destructive", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const children = describeArgs(args).children;
        for (const r of children) {
          expect(r.type).not.toBe("okta:index/appGroupAssignments:AppGroupAssignments");
          expect(r.inputs.deleteWhenAbsent).not.toBe(true);
          expect(r.inputs.permissions).not.toBe("READ_WRITE");
          expect(r.inputs.priority).not.toBe(0);
          if (r.type.includes("SchemaProperty") || r.type === "okta:profile/mapping:Mapping") expect(r.options.retainOnDelete).toBe(true);
          if (r.type.includes("SchemaProperty")) expect(r.options.deleteBeforeReplace).toBe(true);
          if (r.type === "okta:profile/mapping:Mapping") expect(r.options.replaceOnChanges).toEqual(["sourceId", "targetId"]);
        }
        // Assignments are written one at a time, each after the one above it.
        const chain = assignments(children);
        chain.forEach((a, i) => expect(a.dependsOn).toEqual([i === 0 ? "statsig-app-attribute" : chain[i - 1]!.name]));
      }),
      RUNS,
    );
  });
});
