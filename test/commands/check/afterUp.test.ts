/**
 * `check` right after `pulumi up`: deploys the component under the fake Okta (test/support/fakeOkta.ts, which
 * writes like the provider into the fake org), then reads that same org over HTTP (fakeOktaServer.ts, which
 * answers like Okta, including app attributes without permissions) with check's own reads, and requires
 * `check` to find all of it as expected, with import names and types equal to the component's children.
 */
import { describe, expect, it } from "vitest";
import { compare } from "../../../src/commands/check/compare";
import { expectedFromArgs, type Expected } from "../../../src/commands/expected";
import { fetchLiveState, type LiveState } from "../../../src/commands/check/live";
import { OktaClient } from "../../../src/okta/client";
import type { OrgRolesArgs } from "../../../src/domain/args";
import { ORG_ROLES_TYPE } from "../../../src/domain/desired";
import { OrgRoles } from "../../../src/component/orgRoles";
import { validateOrgRolesArgs } from "../../../src/domain/validation";
import { FakeOkta } from "../../support/fakeOkta";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import { addUserType, type OktaOrg } from "../../support/oktaOrg";
import { run } from "../../support/harness";
import { apiTokenStub } from "../../support/stubAuth";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const CONTRACTOR = "otycontractortype001";
const TOKEN = "after-up-test-token";

/** What Okta returns for the org the component wrote to, read as `check` reads it. */
async function liveFrom(org: OktaOrg, expected: Expected): Promise<LiveState> {
  const server = await new FakeOktaServer(org, { apiToken: TOKEN }).start();
  try {
    const client = new OktaClient({ origin: server.origin, auth: apiTokenStub(TOKEN), log: () => {} });
    return await fetchLiveState(client, {
      appId: expected.appId,
      ...(expected.userTypeId !== undefined ? { userTypeId: expected.userTypeId } : {}),
      oktaAttributeName: expected.desired.oktaAttributeName,
    });
  } finally {
    await server.stop();
  }
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
    addUserType(fake.org, { id: CONTRACTOR, name: "contractor", displayName: "Contractor", description: "" });
    const { resources } = await run((opts) => new OrgRoles("roles", args, opts), { fake });
    const expected = expectedFromArgs("roles", validateOrgRolesArgs("test", args));
    const { items } = compare(expected, await liveFrom(fake.org, expected));

    expect(items.filter((i) => i.status !== "ok" && i.status !== "not-managed").map((i) => [i.title, i.differences, i.notes])).toEqual([]);
    const imports = items.flatMap((i) => (i.import ? [{ type: i.import.type, name: i.import.name }] : []));
    const children = resources.filter((r) => r.type !== ORG_ROLES_TYPE).map((r) => ({ type: r.type, name: r.name }));
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(imports.sort(byName)).toEqual(children.sort(byName));
  });
});
