/**
 * `check` right after `pulumi up`: deploys the component under the fake Okta (test/fakeOkta.ts, which answers
 * like Okta and the provider, including app attributes without permissions), reads back what Okta holds, and
 * requires `check` to find all of it as expected, with import names and types equal to the component's children.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../../src/commands/check/compare";
import { expectedFromArgs } from "../../../src/commands/expected";
import type { LiveState } from "../../../src/commands/check/live";
import type { SchemaAttribute } from "../../../src/okta/types";
import type { OrgRolesArgs } from "../../../src/domain/args";
import { ORG_ROLES_TYPE } from "../../../src/domain/desired";
import { OrgRoles } from "../../../src/component/orgRoles";
import { validateOrgRolesArgs } from "../../../src/domain/validation";
import { DEFAULT_USER_TYPE_ID, FakeOkta, type Registration } from "../../support/fakeOkta";
import { run } from "../../support/harness";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const CONTRACTOR = "otycontractortype001";

/** What Okta returns for the objects the component wrote: the user schema as the provider stored it, the
 * app schema as the fake org holds it, the mapping objects and the group assignments of the app. */
function liveFrom(fake: FakeOkta, registered: Registration[], userTypeId: string): LiveState {
  const of = (type: string) => registered.filter((r) => r.type === type);
  const userAttribute = of("okta:index/userSchemaProperty:UserSchemaProperty")[0]?.state;
  const attribute = (stored: Record<string, any>): SchemaAttribute => ({
    type: stored.type,
    enum: stored.enums,
    oneOf: stored.oneOfs,
    ...(stored.permissions ? { permissions: [{ principal: "SELF", action: stored.permissions }] } : {}),
    ...(stored.master ? { master: { type: stored.master } } : {}),
    ...(stored.scope ? { scope: stored.scope } : {}),
    ...(stored.externalName ? { externalName: stored.externalName } : {}),
    ...(stored.externalNamespace ? { externalNamespace: stored.externalNamespace } : {}),
  });
  const mapping = (r: Registration | undefined) =>
    r && {
      id: r.id!,
      properties: Object.fromEntries(
        (r.state.mappings as { id: string; expression: string; pushStatus: string }[]).map((m) => [
          m.id,
          { expression: m.expression, pushStatus: m.pushStatus },
        ]),
      ),
    };
  const mappings = of("okta:profile/mapping:Mapping");
  const appToOkta = mapping(mappings.find((m) => m.inputs.sourceId === APP));
  // Okta always has the Okta -> app mapping object, mapped or not.
  const oktaToApp = mapping(mappings.find((m) => m.inputs.targetId === APP)) ?? { id: "prm-okta-default", properties: {} };
  const app = fake.apps.get(APP)!;
  return {
    userType: { id: userTypeId, name: "user", isDefault: userTypeId === DEFAULT_USER_TYPE_ID },
    ...(userAttribute ? { oktaAttribute: attribute(userAttribute) } : {}),
    appAttribute: attribute(app.schema.get("statsigOrgRole")!),
    ...(appToOkta ? { appToOkta } : {}),
    oktaToApp,
    groupAssignments: [...app.groups].map(([id, g]) => ({ id, priority: g.priority, profile: g.profile })),
  };
}

describe("check finds what `pulumi up` of the component just wrote as expected", () => {
  it.each<[string, OrgRolesArgs]>([
    ["personal mode with defaults", { appId: APP }],
    [
      "personal mode with every setting changed",
      {
        appId: APP,
        userTypeId: CONTRACTOR,
        oktaAttributeName: "stagingRole",
        oktaAttributePermissions: "HIDE",
        oktaAttributeMaster: "OKTA",
      },
    ],
    [
      "group mode",
      {
        appId: APP,
        firstPriority: 3,
        roleGroups: [
          { groupId: "00gmembersgroup00001", role: "Member" },
          { groupId: "00gownersgroup000001", role: "Owner", name: "owners" },
          { groupId: "00gadminsgroup000001", role: "Admin" },
        ],
      },
    ],
    ["group mode without the app -> Okta mapping", { appId: APP, manageAppToOktaMapping: false, roleGroups: [] }],
  ])("%s", async (_, args) => {
    const fake = new FakeOkta();
    fake.userTypes.push({ id: CONTRACTOR, name: "contractor", displayName: "Contractor", description: "" });
    const { resources } = await run((opts) => new OrgRoles("roles", args, opts), { fake });
    const registered = fake.registrations.filter((r) => r.type !== ORG_ROLES_TYPE);
    const { items } = compare(
      expectedFromArgs("roles", validateOrgRolesArgs("test", args)),
      liveFrom(fake, registered, (args.userTypeId as string | undefined) ?? DEFAULT_USER_TYPE_ID),
    );

    expect(items.filter((i) => i.status !== "ok" && i.status !== "not-managed").map((i) => [i.title, i.differences, i.notes])).toEqual([]);
    const imports = items.flatMap((i) => (i.import ? [{ type: i.import.type, name: i.import.name }] : []));
    const children = resources.filter((r) => r.type !== ORG_ROLES_TYPE).map((r) => ({ type: r.type, name: r.name }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(imports.sort(byName)).toEqual(children.sort(byName));
  });
});
