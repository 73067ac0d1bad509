/**
 * Properties that must hold for every valid config, not only the examples: generated configs, run through
 * the real component under the mock runtime.
 */
import * as pulumi from "@pulumi/pulumi";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OrgRoles, type OrgRolesArgs, type RoleGroup } from "../src";
import { ROLES, type Role } from "../src/roles";
import { run, type Recorded } from "./harness";

const idChar = fc.constantFrom(..."0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
const oktaId = (prefix: string) => fc.string({ unit: idChar, minLength: 17, maxLength: 17 }).map((s) => prefix + s);

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
      return deferred ? { groupId: pulumi.output(id), role: safeRole, name: `g-${id}` } : { groupId: id, role: safeRole };
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
    firstPriority: fc.integer({ min: 0, max: 80 }),
  },
  { requiredKeys: ["appId"] },
) as fc.Arbitrary<OrgRolesArgs>;

const deploy = async (args: OrgRolesArgs) => (await run((opts) => new OrgRoles("statsig", args, opts))).resources;
const assignments = (resources: Recorded[]) => resources.filter((r) => r.type === "okta:app/groupAssignment:GroupAssignment");
const RUNS = { numRuns: 40 };

describe("for any valid config", () => {
  it("child names are unique", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const names = (await deploy(args)).map((r) => r.name);
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
        const before = await deploy(args);
        const after = await deploy({ ...args, roleGroups: args.roleGroups ? shuffled : undefined });
        const view = (rs: Recorded[]) => Object.fromEntries(rs.map((r) => [r.name, r.inputs]));
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
        const before = assignments(await deploy(args));
        const after = assignments(await deploy({ ...args, roleGroups: changed }));
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
        const list = assignments(await deploy(args)).map((r) => ({
          priority: r.inputs.priority as number,
          rank: ROLES.indexOf(JSON.parse(r.inputs.profile).statsigOrgRole),
        }));
        list.sort((a, b) => a.priority - b.priority);
        const first = args.firstPriority ?? 0;
        expect(list.map((a) => a.priority)).toEqual(list.map((_, i) => first + i));
        for (let i = 1; i < list.length; i++) expect(list[i]!.rank).toBeGreaterThanOrEqual(list[i - 1]!.rank);
      }),
      RUNS,
    );
  });

  it("the same config always yields the same resources and inputs", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        const strip = (rs: Recorded[]) =>
          rs.map(({ type, name, inputs, opts }) => ({ type, name, inputs, opts })).sort((a, b) => (a.name < b.name ? -1 : 1));
        expect(strip(await deploy(args))).toEqual(strip(await deploy(args)));
      }),
      { numRuns: 20 },
    );
  });

  it("no child has a setting the notes mark as destructive", async () => {
    await fc.assert(
      fc.asyncProperty(validArgs, async (args) => {
        for (const r of await deploy(args)) {
          expect(r.type).not.toBe("okta:index/appGroupAssignments:AppGroupAssignments");
          expect(r.inputs.deleteWhenAbsent).not.toBe(true);
          expect(r.inputs.permissions).not.toBe("READ_WRITE");
          if (r.type.includes("SchemaProperty") || r.type === "okta:profile/mapping:Mapping") expect(r.opts.retainOnDelete).toBe(true);
          if (r.type.includes("SchemaProperty")) expect(r.opts.deleteBeforeReplace).toBe(true);
          if (r.type === "okta:profile/mapping:Mapping") expect(r.opts.replaceOnChanges).toEqual(["sourceId", "targetId"]);
        }
      }),
      RUNS,
    );
  });
});
