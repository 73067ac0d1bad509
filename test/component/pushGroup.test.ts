/**
 * okta.PushGroup children under Pulumi's mocks, against a fake that answers like the recorded group-push
 * traffic (cassette `TestAccResourceOktaPushGroup_crud`, interactions 6, 9, 13 and 17; docs/reference/okta.md#group-push): what is registered, and what destroying it does in Okta.
 */
import * as okta from "@pulumi/okta";
import { describe, expect, it } from "vitest";
import { OrgRoles, OrgRolesArgsError, type ProjectRole } from "../../src";
import { checkProjectRoles, PUSH_GROUP_TYPE, statsigGroupSearch } from "../../src/domain/projectRoles";
import { pushGroupResources } from "../../src/domain/desired";
import { FakeOkta } from "../support/fakeOkta";
import { run } from "../support/harness";
import { FakeGroupPush } from "../support/pushGroupFake";
import { addAppGroups, orgWithAppGroups, type FakeGroup } from "../support/oktaOrg";
import { searchGroups } from "../support/groupSearch";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const ENG = "00gEngineers00000001";
const LEADS = "00gLeads000000000001";
// Statsig's groups, as "Import Now" brought them into Okta.
const STATSIG_GROUPS = [
  { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
  { id: "00gStatsigWebGrAdmin", name: "Statsig-Web-Growth-Admin" },
];

/** The fake org, with Statsig's groups imported into the app. */
function org(): FakeOkta {
  const fake = new FakeOkta();
  addAppGroups(fake.org, APP, STATSIG_GROUPS);
  return fake;
}

function desired(entries: unknown[]) {
  const { issues, value } = checkProjectRoles(entries);
  expect(issues).toEqual([]);
  return pushGroupResources("statsig", value!, APP, []);
}

const deploy = (fake: FakeOkta, projectRoles: ProjectRole[]) =>
  run((opts) => new OrgRoles("statsig", { appId: APP, projectRoles }, opts), { fake });

describe("okta.PushGroup under Pulumi's mocks", () => {
  it("links each entry by the id of the group Statsig's import brought into Okta, found by an exact search", async () => {
    const fake = org();
    const push = fake.push;
    const { resources } = await deploy(fake, [
      { groupId: ENG, project: "Web", role: "Member" },
      { groupId: LEADS, project: "Web", team: "Growth", role: "Admin" },
    ]);
    expect(fake.invocations.filter((i) => i.token === "okta:index/getGroups:getGroups").map((i) => i.inputs)).toEqual([
      { search: `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-Web-Member"` },
      { search: `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-Web-Growth-Admin"` },
    ]);
    const links = resources.filter((r) => r.type === PUSH_GROUP_TYPE);
    const common = { appId: APP, status: "ACTIVE", deleteTargetGroupOnDestroy: false };
    expect(links.map((r) => [r.name, r.inputs])).toEqual([
      [`statsig-push-${ENG}`, { ...common, sourceGroupId: ENG, targetGroupId: "00gStatsigWebMember1" }],
      [`statsig-push-${LEADS}`, { ...common, sourceGroupId: LEADS, targetGroupId: "00gStatsigWebGrAdmin" }],
    ]);
    for (const link of links) {
      expect(link.opts).toEqual({
        parent: "statsig",
        deleteBeforeReplace: true,
        replaceOnChanges: ["appId", "sourceGroupId", "targetGroupName", "targetGroupId"],
        // After the assignments (here none: the app attribute): Okta pushes only the app's users.
        dependsOn: ["statsig-app-attribute"],
      });
    }
    // The first write waits for the app check and every group lookup.
    expect(resources.find((r) => r.name === "statsig-okta-attribute")!.opts.dependsOn).toEqual(["<lookup>", "<lookup>", "<lookup>"]);
    // Linked to the imported Statsig groups: Okta created none.
    expect(push.createdGroups).toEqual([]);
    expect(push.mappings(APP).map((m) => [m.sourceGroupId, m.targetGroupId, m.status])).toEqual([
      [ENG, "00gStatsigWebMember1", "ACTIVE"],
      [LEADS, "00gStatsigWebGrAdmin", "ACTIVE"],
    ]);
    expect(links.map((r) => r.id)).toEqual(push.mappings(APP).map((m) => m.id));
    expect(push.requests.filter((r) => r.method === "POST").map((r) => r.body)).toEqual([
      { status: "ACTIVE", sourceGroupId: ENG, targetGroupId: "00gStatsigWebMember1" },
      { status: "ACTIVE", sourceGroupId: LEADS, targetGroupId: "00gStatsigWebGrAdmin" },
    ]);
  });

  it("finds a project with spaces under Statsig's name without them, and a given name or id as asked", async () => {
    const fake = org();
    addAppGroups(fake.org, APP, [
      { id: "00gStatsigProjARO001", name: "Statsig-ProjectA-Read-Only" },
      { id: "00gStatsigLegacy0001", name: "Statsig-Legacy Admins" },
    ]);
    const { resources } = await deploy(fake, [
      { groupId: ENG, project: "Project A", role: "Read-Only" },
      { groupId: LEADS, project: "Legacy", role: "Admin", targetGroupName: "Statsig-Legacy Admins" },
      { groupId: "00gAnalysts000000001", project: "Web", role: "Member", targetGroupId: "00gStatsigWebMember1" },
    ]);
    const links = resources.filter((r) => r.type === PUSH_GROUP_TYPE).map((r) => [r.inputs.sourceGroupId, r.inputs.targetGroupId]);
    expect(links.sort()).toEqual([
      ["00gAnalysts000000001", "00gStatsigWebMember1"],
      [ENG, "00gStatsigProjARO001"],
      [LEADS, "00gStatsigLegacy0001"],
    ]);
    // A given id needs no lookup.
    expect(fake.invocations.filter((i) => i.token === "okta:index/getGroups:getGroups")).toHaveLength(2);
    expect(fake.push.createdGroups).toEqual([]);
  });

  it("createTeam links by name, so that Okta asks Statsig to create the team (the one creation Statsig documents)", async () => {
    const fake = org();
    const { resources } = await deploy(fake, [{ groupId: ENG, project: "Web", team: "New Team", role: "Member", createTeam: true }]);
    const link = resources.find((r) => r.type === PUSH_GROUP_TYPE)!;
    expect(link.inputs).toEqual({
      appId: APP,
      sourceGroupId: ENG,
      status: "ACTIVE",
      deleteTargetGroupOnDestroy: false,
      targetGroupName: "Statsig-Web-NewTeam-Member",
    });
    expect(fake.invocations.filter((i) => i.token === "okta:index/getGroups:getGroups")).toEqual([]);
    expect(fake.push.createdGroups.map((g) => g.name)).toEqual(["Statsig-Web-NewTeam-Member"]);
  });

  it("createTeam anywhere but a team's Member entry is refused before anything registers, and nothing is looked up", async () => {
    const fake = org();
    let error: unknown;
    await run(
      () => {
        try {
          new OrgRoles("statsig", {
            appId: APP,
            projectRoles: [
              { groupId: ENG, project: "Web", role: "Member", createTeam: true },
              { groupId: LEADS, project: "Web", team: "Growth", role: "Admin", createTeam: true },
            ],
          });
        } catch (e) {
          error = e;
        }
      },
      { fake },
    );
    expect(error).toBeInstanceOf(OrgRolesArgsError);
    const message = (error as Error).message;
    expect(message).toMatch(/^statsig-okta:index:OrgRoles "statsig" has 2 invalid inputs:/);
    expect(message).toContain(
      "- projectRoles[0].createTeam: is only for a team's Member entry with neither targetGroupName nor targetGroupId, but team is not given:",
    );
    expect(message).toContain(
      '- projectRoles[1].createTeam: is only for a team\'s Member entry with neither targetGroupName nor targetGroupId, but role is "Admin":',
    );
    expect(fake.registrations).toEqual([]);
    expect(fake.invocations).toEqual([]);
  });

  it("destroying a link unlinks it (INACTIVE, then DELETE ?deleteTargetGroup=false): the Statsig group stays", async () => {
    const fake = org();
    const push = fake.push;
    const { resources } = await deploy(fake, [{ groupId: ENG, project: "Web", role: "Member" }]);
    const id = resources.find((r) => r.type === PUSH_GROUP_TYPE)!.id!;

    push.destroyResource(id);

    const base = `/api/v1/apps/${APP}/group-push/mappings/${id}`;
    expect(push.requests.slice(-2)).toEqual([
      { method: "PATCH", path: base, body: { status: "INACTIVE" } },
      { method: "DELETE", path: `${base}?deleteTargetGroup=false` },
    ]);
    expect(push.mappings(APP)).toEqual([]);
    expect(push.groups(APP)).toEqual(STATSIG_GROUPS);
    expect(push.deletedGroups).toEqual([]);
  });

  it("the provider's default would delete the Statsig group: what the component never leaves to it", async () => {
    const fake = org();
    const push = fake.push;
    const [child] = desired([{ groupId: ENG, project: "Web", role: "Member" }]);
    const { deleteTargetGroupOnDestroy: _dropped, ...providerDefault } = child!.inputs;
    const { resources } = await run(
      () =>
        new okta.PushGroup(child!.name, { ...providerDefault, appId: APP, targetGroupId: "00gStatsigWebMember1" } as okta.PushGroupArgs),
      { fake },
    );

    push.destroyResource(resources.find((r) => r.type === PUSH_GROUP_TYPE)!.id!);

    expect(push.requests.at(-1)!.path).toMatch(/\?deleteTargetGroup=true$/);
    expect(push.deletedGroups).toEqual([STATSIG_GROUPS[0]]);
  });

  it("a target name no Statsig group has makes Okta create one (TestAccResourceOktaPushGroup_crud): why only createTeam links by name", () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupName: "Statsig-Web App-Member" });
    expect(push.createdGroups.map((g) => g.name)).toEqual(["Statsig-Web App-Member"]);
  });
});

describe("the fake answers like the recorded traffic", () => {
  it("POST returns the recorded link's fields, GET the same object, PATCH a new status, DELETE an empty 200", () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: [] }));
    const created = push.handle("POST", `/api/v1/apps/${APP}/group-push/mappings`, {
      sourceGroupId: ENG,
      status: "ACTIVE",
      targetGroupName: "Some Example Test Push Group",
    });
    expect(created.status).toBe(200);
    const mapping = created.body as Record<string, unknown>;
    // Pair 51's response keys, in its order.
    expect(Object.keys(mapping)).toEqual(["created", "id", "lastUpdated", "sourceGroupId", "status", "targetGroupId", "_links"]);
    expect(mapping).toMatchObject({ sourceGroupId: ENG, status: "ACTIVE", id: expect.stringMatching(/^gPm[A-Za-z0-9]{17}$/) });
    expect(mapping.targetGroupId).toMatch(/^00g[A-Za-z0-9]{17}$/);
    expect(Object.keys(mapping._links as object)).toEqual(["app", "sourceGroup", "targetGroup"]);

    const path = `/api/v1/apps/${APP}/group-push/mappings/${String(mapping.id)}`;
    expect(push.handle("GET", path).body).toEqual(mapping);
    const patched = push.handle("PATCH", path, { status: "INACTIVE" }).body as Record<string, unknown>;
    expect(patched).toMatchObject({ status: "INACTIVE", created: mapping.created });
    expect(patched.lastUpdated).not.toBe(mapping.lastUpdated);
    expect(push.handle("DELETE", `${path}?deleteTargetGroup=false`)).toEqual({ status: 200, body: "" });
    expect(push.handle("GET", path).status).toBe(404);
  });

  it.each<[string, Record<string, unknown>, number, RegExp]>([
    [
      "both target name and id (spec)",
      { sourceGroupId: LEADS, targetGroupName: "x", targetGroupId: "00gStatsigWebMember1" },
      400,
      /either targetGroupId or targetGroupName/,
    ],
    ["no target (spec)", { sourceGroupId: LEADS }, 400, /either targetGroupId or targetGroupName/],
    ["a second link of the same Okta group", { sourceGroupId: ENG, targetGroupName: "Statsig-Web-Growth-Admin" }, 400, /already pushed/],
    ["a second Okta group for one Statsig group", { sourceGroupId: LEADS, targetGroupId: "00gStatsigWebMember1" }, 400, /already linked/],
    ["a target id the app does not have", { sourceGroupId: LEADS, targetGroupId: "00gNoSuchGroup000001" }, 404, /Resource not found/],
  ])("refuses %s", (_what, body, status, summary) => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupId: "00gStatsigWebMember1" });
    const answer = push.handle("POST", `/api/v1/apps/${APP}/group-push/mappings`, body);
    expect(answer.status).toBe(status);
    expect((answer.body as { errorSummary: string }).errorSummary).toMatch(summary);
  });

  it("refuses to delete an ACTIVE link (spec: it must be INACTIVE)", () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    const mapping = push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupId: "00gStatsigWebMember1" });
    expect(push.handle("DELETE", `/api/v1/apps/${APP}/group-push/mappings/${mapping.id}?deleteTargetGroup=false`).status).toBe(400);
  });
});

describe("the provider model refuses what the provider refuses (resource_okta_push_group.go v6.12.0)", () => {
  async function linked() {
    const fake = org();
    const { resources } = await deploy(fake, [{ groupId: ENG, project: "Web", role: "Member" }]);
    const id = resources.find((r) => r.type === PUSH_GROUP_TYPE)!.id!;
    return { push: fake.push, id, mapping: () => fake.org.apps[APP]!.pushMappings.find((m) => m.id === id) };
  }

  it('a link in ERROR, once a refresh stored it, blocks update and destroy: "Group push mapping in disallowed status"', async () => {
    const { push, id, mapping } = await linked();
    mapping()!.status = "ERROR"; // a failed push, as Okta reports it
    expect(push.refreshResource(id)).toMatchObject({ status: "ERROR", targetGroupId: "00gStatsigWebMember1" });
    const before = push.requests.length;
    expect(() => push.updateResource(id, "ACTIVE")).toThrow("Group push mapping in disallowed status");
    expect(() => push.destroyResource(id)).toThrow("Group push mapping in disallowed status");
    // Nothing was sent: the link and the Statsig group stay as they are.
    expect(push.requests.length).toBe(before);
    expect(mapping()!.status).toBe("ERROR");
  });

  it("an ACTIVE link updates by a PATCH of its status only", async () => {
    const { push, id, mapping } = await linked();
    push.updateResource(id, "INACTIVE");
    expect(push.requests.at(-1)).toEqual({
      method: "PATCH",
      path: `/api/v1/apps/${APP}/group-push/mappings/${id}`,
      body: { status: "INACTIVE" },
    });
    expect(mapping()!.status).toBe("INACTIVE");
  });

  it("a link unlinked in the admin console fails refresh and destroy (okta/terraform-provider-okta#2807)", async () => {
    const { push, id } = await linked();
    const app = push.org.apps[APP]!;
    app.pushMappings.splice(0, app.pushMappings.length);
    expect(() => push.refreshResource(id)).toThrow(/^failed to get push group mapping: 404 .*Resource not found/);
    expect(() => push.destroyResource(id)).toThrow(/404/);
  });
});

describe("the groups search the fakes answer (spec listGroups)", () => {
  const groups: FakeGroup[] = [
    { id: "00gStatsigWebMember1", name: "Statsig-Web-Member", members: [], source: APP },
    { id: "00gStatsigQuote00001", name: 'Statsig-"Q"\\x-Admin', members: [], source: APP },
    { id: "00gOtherApp000000001", name: "Statsig-Web-Member", members: [], source: "0oa9z8y7x6w5v4u3t2s1" },
    { id: "00gOktaGroup00000001", name: "Statsig-Web-Member", members: [] },
  ];
  const ids = (search: string) => searchGroups(groups, search).map((g) => g.id);

  it.each<[string, string[]]>([
    [`type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-Web-Member"`, ["00gStatsigWebMember1"]],
    [`type eq "APP_GROUP" and source.id eq "${APP}"`, ["00gStatsigWebMember1", "00gStatsigQuote00001"]],
    ['type eq "OKTA_GROUP"', ["00gOktaGroup00000001"]],
    ['profile.name eq "Statsig-Web-Member"', ["00gStatsigWebMember1", "00gOtherApp000000001", "00gOktaGroup00000001"]],
    // The spec's example of parentheses, and `or`.
    [`type eq "APP_GROUP" and (source.id eq "0oa9z8y7x6w5v4u3t2s1" or id eq "00gOktaGroup00000001")`, ["00gOtherApp000000001"]],
    ['profile.name sw "Statsig-\\"Q" and profile.name co "x-Ad"', ["00gStatsigQuote00001"]],
    [`profile.name eq "Statsig-\\"Q\\"\\\\x-Admin"`, ["00gStatsigQuote00001"]],
  ])("%s", (search, expected) => {
    expect(ids(search)).toEqual(expected);
  });

  // The escaping (\" and \\) as Okta documents it, shared by the fake's tokenizer: this shows the
  // two agree, not that Okta parses it so (a check for a real org: docs/reference/okta.md#linking-by-id).
  it("the component's own search (statsigGroupSearch) and the fake agree on a name with quotes and backslashes", () => {
    expect(ids(statsigGroupSearch(APP, 'Statsig-"Q"\\x-Admin'))).toEqual(["00gStatsigQuote00001"]);
    expect(statsigGroupSearch(APP, 'Statsig-"Q"\\x-Admin')).toBe(
      `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-\\"Q\\"\\\\x-Admin"`,
    );
  });

  it.each([
    ["an unknown property", 'profile.colour eq "x"', "profile.colour is not searchable"],
    ["co outside the profile", 'id co "00g"', "co is allowed only on profile.name and profile.description"],
    ["an unclosed string", 'type eq "APP_GROUP', "a string value is not closed"],
    ["a dangling and", 'type eq "APP_GROUP" and', 'expected <property> <operator> "<value>"'],
  ])("refuses %s like Okta's 400 (E0000031)", (_what, search, detail) => {
    expect(() => ids(search)).toThrow(`Invalid search criteria: ${detail}`);
  });

  it("is what the provider mock answers for okta.getGroups, shaped as the data source's groups", async () => {
    const fake = org();
    const result = await fake.call({
      token: "okta:index/getGroups:getGroups",
      inputs: { search: `type eq "APP_GROUP" and source.id eq "${APP}" and profile.name eq "Statsig-Web-Member"` },
    } as never);
    expect(result.groups).toEqual([
      {
        id: "00gStatsigWebMember1",
        name: "Statsig-Web-Member",
        type: "APP_GROUP",
        description: "",
        source: APP,
        customProfileAttributes: "{}",
      },
    ]);
  });
});
