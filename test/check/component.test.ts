/**
 * `check` must expect exactly what the OrgRoles component creates. This deploys the component under Pulumi's
 * mocks, stores what it registers the way Okta would return it, and requires `check` to find all of it as
 * expected, with import names and types equal to the component's children.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { compare } from "../../src/check/compare";
import { expectedFromArgs } from "../../src/check/expected";
import type { LiveState } from "../../src/check/live";
import type { SchemaAttribute } from "../../src/check/oktaTypes";
import type { OrgRolesArgs } from "../../src/args";
import { OrgRoles, ORG_ROLES_TYPE } from "../../src/orgRoles";
import { waitForRegistrations } from "../../src/sdkInternals";
import { validateOrgRolesArgs } from "../../src/validation";

const APP = "0oastatsigapp0000001";
const DEFAULT_TYPE = "otydefaultusertype01";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, any>;
}

async function deploy(name: string, args: OrgRolesArgs): Promise<Registered[]> {
  const registered: Registered[] = [];
  await pulumi.runtime.setMocks(
    {
      newResource: ({ type, name: resourceName, inputs }) => {
        registered.push({ type, name: resourceName, inputs });
        return { id: `${resourceName}-id`, state: inputs };
      },
      call: ({ token }) => {
        if (token !== "okta:user/getUserType:getUserType") throw new Error(`unexpected lookup ${token}`);
        return { id: DEFAULT_TYPE, name: "user", displayName: "User" };
      },
    },
    "statsig-okta",
    "test",
  );
  new OrgRoles(name, args);
  await waitForRegistrations();
  return registered.filter((r) => r.type !== ORG_ROLES_TYPE);
}

/** What Okta returns for the objects the component wrote. */
function liveFrom(registered: Registered[], userTypeId: string): LiveState {
  const of = (type: string) => registered.filter((r) => r.type === type);
  const attribute = (inputs: Record<string, any>): SchemaAttribute => ({
    type: inputs.type,
    enum: inputs.enums,
    oneOf: inputs.oneOfs,
    permissions: [{ principal: "SELF", action: inputs.permissions }],
    ...(inputs.master ? { master: { type: inputs.master } } : {}),
    ...(inputs.scope ? { scope: inputs.scope } : {}),
    ...(inputs.externalName ? { externalName: inputs.externalName } : {}),
    ...(inputs.externalNamespace ? { externalNamespace: inputs.externalNamespace } : {}),
  });
  const mapping = (r: Registered | undefined) =>
    r && {
      id: `prm-${r.name}`,
      properties: Object.fromEntries(
        (r.inputs.mappings as { id: string; expression: string; pushStatus: string }[]).map((m) => [
          m.id,
          { expression: m.expression, pushStatus: m.pushStatus },
        ]),
      ),
    };
  const mappings = of("okta:profile/mapping:Mapping");
  const userAttribute = of("okta:index/userSchemaProperty:UserSchemaProperty")[0];
  const appToOkta = mapping(mappings.find((m) => m.inputs.sourceId === APP));
  // Okta always has the Okta -> app mapping object, mapped or not.
  const oktaToApp = mapping(mappings.find((m) => m.inputs.targetId === APP)) ?? { id: "prm-okta-default", properties: {} };
  return {
    userType: { id: userTypeId, name: "user", isDefault: userTypeId === DEFAULT_TYPE },
    ...(userAttribute ? { oktaAttribute: attribute(userAttribute.inputs) } : {}),
    appAttribute: attribute(of("okta:index/appUserSchemaProperty:AppUserSchemaProperty")[0]!.inputs),
    ...(appToOkta ? { appToOkta } : {}),
    oktaToApp,
    groupAssignments: of("okta:app/groupAssignment:GroupAssignment").map((r) => ({
      id: r.inputs.groupId,
      priority: r.inputs.priority,
      profile: JSON.parse(r.inputs.profile),
    })),
  };
}

describe("check expects what the OrgRoles component creates", () => {
  it.each<[string, OrgRolesArgs]>([
    ["personal mode with defaults", { appId: APP }],
    [
      "personal mode with every setting changed",
      {
        appId: APP,
        userTypeId: "otycontractortype001",
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
    const registered = await deploy("roles", args);
    const valid = validateOrgRolesArgs("test", args);
    const { items } = compare(
      expectedFromArgs("roles", valid),
      liveFrom(registered, (args.userTypeId as string | undefined) ?? DEFAULT_TYPE),
    );

    expect(items.filter((i) => i.status !== "ok" && i.status !== "not-managed").map((i) => [i.title, i.differences, i.notes])).toEqual([]);
    const imports = items.flatMap((i) => (i.import ? [{ type: i.import.type, name: i.import.name }] : []));
    const children = registered.map((r) => ({ type: r.type, name: r.name }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(imports.sort(byName)).toEqual(children.sort(byName));
  });
});
