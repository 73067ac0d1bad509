import { describeOrgRoles } from "../../../src/domain/desired";
import { apiTokenStub } from "../../support/stubAuth";
import { validateOrgRolesArgs } from "../../../src/domain/validation";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { OktaClient } from "../../../src/okta/client";
import { comparePushLinks } from "../../../src/commands/check/pushLinks";
import { fetchPushLinks, type LivePushLink } from "../../../src/commands/check/live";
import { expectedPushLinks, type ExpectedPushLink } from "../../../src/commands/expected";
import { CHECK_SCOPES, PUSH_LINK_SCOPES, readScopeFor } from "../../../src/okta/scopes";
import { checkProjectRoles } from "../../../src/domain/projectRoles";
import { pushGroupResources } from "../../../src/domain/desired";
import { FakeGroupPush } from "../../support/pushGroupFake";
import { newOrg, orgWithAppGroups } from "../../support/oktaOrg";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const ENG = "00gEngineers00000001";
const LEADS = "00gLeads000000000001";
const OTHER = "00gOtherOktaGroup001";
const MEMBER_GROUP = "00gStatsigWebMember1";
const ADMIN_GROUP = "00gStatsigWebAdmin01";
const CONTEXT = { appId: APP, componentName: "statsig", stack: "prod", project: "statsig-okta" };
/** The URN Pulumi gives the link of ENG, as `pulumi stack --show-urns` prints it for a top-level component. */
const ENG_URN = `urn:pulumi:prod::statsig-okta::statsig-okta:index:OrgRoles$okta:index/pushGroup:PushGroup::statsig-push-${ENG}`;
const STATSIG_GROUPS = [
  { id: MEMBER_GROUP, name: "Statsig-Web-Member" },
  { id: ADMIN_GROUP, name: "Statsig-Web-Admin" },
  { id: "00gStatsigWebGrMembr", name: "Statsig-Web-Growth-Member" },
  { id: "00gSlackAllStaff0001", name: "all-staff" },
];

/** The links `check` expects: from the component's own description of these entries. */
const described = (entries: unknown[]) => describeOrgRoles("statsig", validateOrgRolesArgs("test", { appId: APP, projectRoles: entries }));
const expected = (entries: unknown[]): ExpectedPushLink[] => expectedPushLinks(described(entries));

const live = (link: Partial<LivePushLink>): LivePushLink => ({
  id: "gPmMapping0000000001",
  sourceGroupId: ENG,
  targetGroupId: MEMBER_GROUP,
  targetGroupName: "Statsig-Web-Member",
  status: "ACTIVE",
  ...link,
});

describe("comparePushLinks", () => {
  const memberOfWeb = () => expected([{ groupId: ENG, project: "Web", role: "Member" }]);

  it("ok: linked from the group to Statsig's group, ACTIVE; with the import id of the link", () => {
    expect(comparePushLinks(memberOfWeb(), [live({})], CONTEXT)).toEqual({
      items: [
        {
          step: "push",
          title: `Group ${ENG} -> "Statsig-Web-Member" (Member in Web)`,
          status: "ok",
          differences: [],
          notes: [],
          import: { type: "okta:index/pushGroup:PushGroup", name: `statsig-push-${ENG}`, id: `${APP}/gPmMapping0000000001` },
          urn: ENG_URN,
        },
      ],
      otherLinks: 0,
    });
  });

  it.each<[string, Partial<LivePushLink>, object[]]>([
    [
      "INACTIVE",
      { status: "INACTIVE" },
      [{ field: "status", live: "INACTIVE", expected: "ACTIVE", hint: expect.stringMatching(/no membership changes/) }],
    ],
    [
      "ERROR, with Okta's summary",
      { status: "ERROR", errorSummary: "User not assigned" },
      [{ field: "status", live: "ERROR", expected: "ACTIVE", hint: "the latest push failed: User not assigned" }],
    ],
    [
      "another target",
      { targetGroupId: ADMIN_GROUP, targetGroupName: "Statsig-Web-Admin" },
      [
        {
          field: "target group",
          live: "Statsig-Web-Admin",
          expected: "Statsig-Web-Member",
          hint: expect.stringMatching(/linked to another group/),
        },
      ],
    ],
  ])("different: %s", (_what, link, differences) => {
    const [item] = comparePushLinks(memberOfWeb(), [live(link)], CONTEXT).items;
    expect(item).toMatchObject({ status: "different", differences });
  });

  it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])("a status %j is Okta's text: different, with no hint", (status) => {
    const [item] = comparePushLinks(memberOfWeb(), [live({ status })], CONTEXT).items;
    expect(item).toMatchObject({ status: "different", differences: [{ field: "status", live: status, expected: "ACTIVE" }] });
    expect(item!.differences[0]).not.toHaveProperty("hint");
  });

  it("an explicit target id is compared by id", () => {
    const want = expected([{ groupId: ENG, project: "Web", role: "Member", targetGroupId: ADMIN_GROUP }]);
    expect(comparePushLinks(want, [live({ targetGroupId: ADMIN_GROUP, targetGroupName: "renamed" })], CONTEXT).items[0]!.status).toBe("ok");
    expect(comparePushLinks(want, [live({})], CONTEXT).items[0]).toMatchObject({
      status: "different",
      differences: [{ field: "targetGroupId", live: MEMBER_GROUP, expected: ADMIN_GROUP }],
    });
  });

  it("missing: the group is not pushed; says which group holds the Statsig group instead", () => {
    const { items } = comparePushLinks(memberOfWeb(), [live({ id: "gPmFromOther00000001", sourceGroupId: OTHER })], CONTEXT);
    expect(items[0]).toMatchObject({
      status: "missing",
      notes: [
        expect.stringMatching(/push it with "Link Group" to "Statsig-Web-Member"/),
        `"Statsig-Web-Member" is linked from group ${OTHER} instead (mapping gPmFromOther00000001)`,
        expect.stringMatching(/^if `pulumi up` created this link before/),
      ],
    });
    expect(items[0]).not.toHaveProperty("import");
    // That other link gives a Statsig role the config does not list.
    expect(items[1]).toMatchObject({ status: "not-in-config", title: expect.stringContaining(OTHER) });
  });

  it("not-in-config only for links to Statsig- groups; other links are counted", () => {
    const { items, otherLinks } = comparePushLinks(
      [],
      [
        live({ sourceGroupId: OTHER, targetGroupName: "Statsig-Web-Growth-Member" }),
        live({ id: "gPmSlack000000000001", sourceGroupId: LEADS, targetGroupId: "00gSlackAllStaff0001", targetGroupName: "all-staff" }),
      ],
      CONTEXT,
    );
    expect(items).toEqual([
      {
        step: "push",
        title: `Group ${OTHER} -> "Statsig-Web-Growth-Member" (mapping gPmMapping0000000001, ACTIVE)`,
        status: "not-in-config",
        differences: [
          {
            field: "link",
            live: "Statsig-Web-Growth-Member",
            expected: undefined,
            hint: expect.stringMatching(/add it to projectRoles, or unlink it/),
          },
        ],
        notes: [],
      },
    ]);
    expect(otherLinks).toBe(1);
  });

  it("an Output id cannot be checked", () => {
    const desired = described([{ groupId: pulumi.output(ENG), project: "Web", role: "Admin", name: "admins" }]);
    expect(() => expectedPushLinks(desired)).toThrow('projectRoles "admins" groupId must be a plain string to check a live org');
  });
});

describe("comparePushLinks: each item as check shows it", () => {
  const memberOfWeb = () => expected([{ groupId: ENG, project: "Web", role: "Member" }]);
  const IMPORT = { type: "okta:index/pushGroup:PushGroup", name: `statsig-push-${ENG}`, id: `${APP}/gPmMapping0000000001` };

  it("a team role is titled with its team", () => {
    const want = expected([{ groupId: ENG, project: "Web", team: "Growth", role: "Member" }]);
    const [item] = comparePushLinks(want, [live({ targetGroupName: "Statsig-Web-Growth-Member" })], CONTEXT).items;
    expect(item!.title).toBe(`Group ${ENG} -> "Statsig-Web-Growth-Member" (team Growth Member in Web)`);
    expect(item!.status).toBe("ok");
  });

  it("missing, with no other group linked to the Statsig group: the one note says how to link it", () => {
    expect(comparePushLinks(memberOfWeb(), [], CONTEXT).items).toEqual([
      {
        step: "push",
        title: `Group ${ENG} -> "Statsig-Web-Member" (Member in Web)`,
        status: "missing",
        differences: [],
        notes: [
          `the group is not pushed to the app: in the Statsig app's Push Groups tab, push it with "Link Group" to "Statsig-Web-Member"`,
          `if \`pulumi up\` created this link before, it was unlinked by hand and the stack's state still holds it: the provider's read then fails with 404, so \`pulumi refresh\` and \`pulumi destroy\` fail (okta/terraform-provider-okta#2807). Run pulumi state delete '${ENG_URN}', then \`pulumi up\` links it again`,
        ],
        urn: ENG_URN,
      },
    ]);
  });

  it("of two links from the group, the one to the intended Statsig group is compared", () => {
    const { items, otherLinks } = comparePushLinks(
      memberOfWeb(),
      [live({ id: "gPmToAllStaff0000001", targetGroupId: "00gSlackAllStaff0001", targetGroupName: "all-staff" }), live({})],
      CONTEXT,
    );
    expect(items).toEqual([expect.objectContaining({ status: "ok", import: IMPORT })]);
    expect(otherLinks).toBe(1);
  });

  it("an explicit target id linked to another group says so", () => {
    const want = expected([{ groupId: ENG, project: "Web", role: "Member", targetGroupId: ADMIN_GROUP }]);
    expect(comparePushLinks(want, [live({})], CONTEXT).items[0]!.differences).toEqual([
      {
        field: "targetGroupId",
        live: MEMBER_GROUP,
        expected: ADMIN_GROUP,
        hint: `linked to another group than the config says: either the config changed since the last \`pulumi up\` (which then relinks it), or the link was retargeted by hand, which \`pulumi up\` does not notice: then, in the admin console (Applications > the Statsig app > Push Groups), unlink it (keeping the group in the app) and link the intended one, or relink it with pulumi up --replace '${ENG_URN}'`,
      },
    ]);
  });

  it.each<[string, Partial<LivePushLink>, object]>([
    [
      "ERROR without Okta's summary",
      { status: "ERROR" },
      { field: "status", live: "ERROR", expected: "ACTIVE", hint: "the latest push failed" },
    ],
    [
      "INACTIVE, with a summary of an earlier error",
      { status: "INACTIVE", errorSummary: "User not assigned" },
      { field: "status", live: "INACTIVE", expected: "ACTIVE", hint: "Okta pushes no membership changes while the link is inactive" },
    ],
    ["no status", { status: undefined }, { field: "status", live: undefined, expected: "ACTIVE" }],
    ["a status Okta does not document", { status: "PENDING" }, { field: "status", live: "PENDING", expected: "ACTIVE" }],
  ])("the status: %s", (_what, link, difference) => {
    expect(comparePushLinks(memberOfWeb(), [live(link)], CONTEXT).items[0]!.differences).toStrictEqual([difference]);
  });

  it("a link without a target name is counted, not reported", () => {
    expect(comparePushLinks([], [live({ targetGroupName: undefined })], CONTEXT)).toEqual({ items: [], otherLinks: 1 });
  });

  it("a link to a Statsig- group without a source group or status shows ? for them", () => {
    const link = live({ targetGroupName: "Statsig-Web-Member" });
    delete link.sourceGroupId;
    delete link.status;
    expect(comparePushLinks([], [link], CONTEXT).items[0]!.title).toBe('Group ? -> "Statsig-Web-Member" (mapping gPmMapping0000000001, ?)');
  });
});

const auth = apiTokenStub("test");

const client = (push: FakeGroupPush) => new OktaClient({ origin: push.origin, auth, fetch: push.fetch, log: () => {} });

describe("fetchPushLinks (read-only, against the group push fake)", () => {
  it("lists every page of the app's links and names their targets, with GETs only", async () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }), undefined, 2);
    push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupName: "Statsig-Web-Member" });
    push.link(APP, { sourceGroupId: LEADS, status: "INACTIVE", targetGroupId: ADMIN_GROUP });
    push.link(APP, { sourceGroupId: OTHER, status: "ACTIVE", targetGroupName: "all-staff" });
    push.requests.length = 0;

    const links = await fetchPushLinks(client(push), APP);

    expect(links.map((l) => [l.sourceGroupId, l.targetGroupName, l.status])).toEqual([
      [ENG, "Statsig-Web-Member", "ACTIVE"],
      [LEADS, "Statsig-Web-Admin", "INACTIVE"],
      [OTHER, "all-staff", "ACTIVE"],
    ]);
    expect(push.requests.every((r) => r.method === "GET")).toBe(true);
    expect(push.requests.map((r) => r.path)).toEqual([
      `/api/v1/apps/${APP}/group-push/mappings?limit=1000`,
      `/api/v1/apps/${APP}/group-push/mappings?after=${push.mappings(APP)[1]!.id}&limit=1000`,
      `/api/v1/groups/${MEMBER_GROUP}`,
      `/api/v1/groups/${ADMIN_GROUP}`,
      "/api/v1/groups/00gSlackAllStaff0001",
    ]);
  });

  it("explains an unknown app", async () => {
    await expect(fetchPushLinks(client(new FakeGroupPush(newOrg("otydefaultusertype01"))), APP)).rejects.toThrow(
      /404.*Okta has no app 0oa1b2c3d4e5f6g7h8i9/,
    );
  });

  it("what the component creates checks ok, and stays ok after a destroy left the Statsig groups (missing links only)", async () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    const { value } = checkProjectRoles([
      { groupId: ENG, project: "Web", role: "Member" },
      { groupId: LEADS, project: "Web", team: "Growth", role: "Member" },
    ]);
    // The component links to the group its lookup found, by id: the imported group of that name.
    const found = (name: unknown) => STATSIG_GROUPS.find((group) => group.name === name)!.id;
    const ids = pushGroupResources("statsig", value!, APP, []).map(
      (child) => push.mockResource({ ...child.inputs, targetGroupId: found(child.push.targetName) }).id!,
    );
    const want = expected([
      { groupId: ENG, project: "Web", role: "Member" },
      { groupId: LEADS, project: "Web", team: "Growth", role: "Member" },
    ]);

    const deployed = comparePushLinks(want, await fetchPushLinks(client(push), APP), CONTEXT);
    expect(deployed.items.map((i) => i.status)).toEqual(["ok", "ok"]);

    for (const id of ids) push.destroyResource(id);
    const destroyed = comparePushLinks(want, await fetchPushLinks(client(push), APP), CONTEXT);
    expect(destroyed.items.map((i) => i.status)).toEqual(["missing", "missing"]);
    expect(push.groups(APP)).toEqual(STATSIG_GROUPS);
  });
});

describe("scopes", () => {
  it("group push links need okta.apps.read and okta.groups.read (spec security entry); group reads okta.groups.read", () => {
    expect(readScopeFor(`/api/v1/apps/${APP}/group-push/mappings`)).toEqual({
      scope: "okta.apps.read and okta.groups.read",
      what: "group push links",
    });
    expect(readScopeFor(`/api/v1/apps/${APP}/groups`)).toEqual({ scope: "okta.apps.read", what: "the app's group assignments and users" });
    expect(readScopeFor(`/api/v1/groups/${MEMBER_GROUP}`)).toEqual({ scope: "okta.groups.read", what: "groups and group members" });
    // Asked for only when the config has project roles: a check without them needs no group scope.
    expect(CHECK_SCOPES).toEqual(["okta.userTypes.read", "okta.schemas.read", "okta.profileMappings.read", "okta.apps.read"]);
    expect(PUSH_LINK_SCOPES).toEqual(["okta.groups.read"]);
  });
});

describe("comparePushLinks: links that block Pulumi, and targets that cannot be read", () => {
  const memberOfWeb = () => expected([{ groupId: ENG, project: "Web", role: "Member" }]);
  const STATE_DELETE = `pulumi state delete '${ENG_URN}'`;

  it("ERROR: says the provider refuses to update or delete it, and the two ways out", () => {
    const [item] = comparePushLinks(memberOfWeb(), [live({ status: "ERROR" })], CONTEXT).items;
    expect(item).toMatchObject({ status: "different", urn: ENG_URN });
    expect(item!.notes).toEqual([
      `a link in ERROR blocks Pulumi: the Okta provider refuses to update or delete it ("Group push mapping in disallowed status"), so \`pulumi up\` changing or removing it and \`pulumi destroy\` fail. Fix the push error or unlink the group (keeping the Statsig group) in the admin console (Applications > the Statsig app > Push Groups), or make Pulumi forget the link: ${STATE_DELETE}`,
    ]);
  });

  it("INACTIVE does not block Pulumi: no such note", () => {
    expect(comparePushLinks(memberOfWeb(), [live({ status: "INACTIVE" })], CONTEXT).items[0]!.notes).toEqual([]);
  });

  it("a Statsig link the config no longer lists, in ERROR: `pulumi up` cannot delete it either", () => {
    const [item] = comparePushLinks([], [live({ status: "ERROR" })], CONTEXT).items;
    // Only if Pulumi made it: the URN is the one an earlier entry for the same plain group id would have.
    expect(item).toMatchObject({
      status: "not-in-config",
      notes: [expect.stringMatching(/^if Pulumi manages this link .*: a link in ERROR/)],
    });
    expect(item!.notes[0]).toContain(STATE_DELETE);
  });

  it("without a stack or a Pulumi.yaml, the URN has placeholders and says so", () => {
    const [item] = comparePushLinks(memberOfWeb(), [live({ status: "ERROR" })], { appId: APP, componentName: "statsig" }).items;
    const urn = `urn:pulumi:<stack>::<project>::statsig-okta:index:OrgRoles$okta:index/pushGroup:PushGroup::statsig-push-${ENG}`;
    expect(item!.urn).toBe(urn);
    expect(item!.notes[0]).toMatch(
      new RegExp(
        `pulumi state delete '${urn.replace(/[$]/g, "\\$")}' \\(fill in <stack> and <project>, not known to check: \`pulumi stack --show-urns\` lists the URN\\)$`,
      ),
    );
    const projectOnly = comparePushLinks(memberOfWeb(), [], { appId: APP, componentName: "statsig", stack: "prod" }).items[0]!;
    expect(projectOnly.urn).toBe(urn.replace("<stack>", "prod"));
    expect(projectOnly.notes.at(-1)).toContain("(fill in <project>, not known to check");
  });

  it("a target group that cannot be read: unreadable, with Okta's reason and what to do; the status is still compared", () => {
    const link = live({
      status: "ERROR",
      targetGroupName: undefined,
      targetUnreadable: "GET /api/v1/groups/00gStatsigWebMember1: 404 Not Found",
    });
    const [item] = comparePushLinks(memberOfWeb(), [link], CONTEXT).items;
    expect(item).toMatchObject({
      status: "unreadable",
      differences: [{ field: "status", live: "ERROR", expected: "ACTIVE" }],
      import: { id: `${APP}/gPmMapping0000000001` },
      urn: ENG_URN,
    });
    expect(item!.notes[0]).toBe(
      `the target group ${MEMBER_GROUP} cannot be read, so the link cannot be checked: GET /api/v1/groups/00gStatsigWebMember1: 404 Not Found. If the group is gone (404: deleted in Okta, or its Statsig project deleted), import Statsig's groups again (the Statsig app's Import tab > Import Now), then unlink this link in the admin console (Applications > the Statsig app > Push Groups) or relink it; a 403 needs an admin role that can read the group`,
    );
    expect(item!.notes[1]).toContain(STATE_DELETE);
  });

  it("a link of another group whose target cannot be read is reported, not counted", () => {
    const link = live({ sourceGroupId: OTHER, targetGroupName: undefined, targetUnreadable: "403" });
    expect(comparePushLinks([], [link], CONTEXT)).toEqual({
      items: [
        {
          step: "push",
          title: `Group ${OTHER} -> group ${MEMBER_GROUP} (mapping gPmMapping0000000001, ACTIVE)`,
          status: "unreadable",
          differences: [],
          notes: [expect.stringMatching(/^the target group 00gStatsigWebMember1 cannot be read/)],
        },
      ],
      otherLinks: 0,
    });
  });
});

describe("fetchPushLinks: a target group Okta will not show", () => {
  it("is kept with Okta's reason, and the other links are still read", async () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupId: MEMBER_GROUP });
    push.link(APP, { sourceGroupId: LEADS, status: "ACTIVE", targetGroupId: ADMIN_GROUP });
    // The Statsig group deleted in Okta (a deleted project's group, say): the link still names it.
    push.org.groups = push.org.groups.filter((group) => group.id !== MEMBER_GROUP);

    const links = await fetchPushLinks(client(push), APP);

    expect(links.map((l) => [l.sourceGroupId, l.targetGroupName, l.targetUnreadable])).toEqual([
      [
        ENG,
        undefined,
        `GET /api/v1/groups/${MEMBER_GROUP}: 404 error (E0000007 Not found: Resource not found: ${MEMBER_GROUP} (UserGroup)): group ${MEMBER_GROUP}, the target of push mapping ${push.mappings(APP)[0]!.id}, is gone`,
      ],
      [LEADS, "Statsig-Web-Admin", undefined],
    ]);
  });

  it("a failure that is not about that one group still ends the check", async () => {
    const push = new FakeGroupPush(orgWithAppGroups({ [APP]: STATSIG_GROUPS }));
    push.link(APP, { sourceGroupId: ENG, status: "ACTIVE", targetGroupId: MEMBER_GROUP });
    const failing: typeof fetch = async (input, init) =>
      String(input instanceof Request ? input.url : input).includes("/api/v1/groups/")
        ? new Response(JSON.stringify({ errorCode: "E0000009", errorSummary: "Internal Server Error" }), { status: 500 })
        : push.fetch(input, init);
    const broken = new OktaClient({ origin: push.origin, auth, fetch: failing, log: () => {} });
    await expect(fetchPushLinks(broken, APP)).rejects.toThrow(/500/);
  });
});
