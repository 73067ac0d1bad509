/**
 * Converging on a real org: each test runs the component against the fake Okta (test/support/fakeOkta.ts), which
 * behaves as docs/reference/okta.md says Okta and the provider do (from the provider's code and its recorded cassettes), and fails if the
 * component went back to a choice that does not hold there.
 */
import * as okta from "@pulumi/okta";
import { describe, expect, it, vi } from "vitest";
import { OrgRoles, type OrgRolesArgs } from "../../src";
import { FakeOkta } from "../support/fakeOkta";
import { addAppGroups, addUserType } from "../support/oktaOrg";
import { ADMINS, APP, APP_ATTR, ASSIGNMENT, LEADS, MEMBERS, OTHER_APP, OWNER, USER_ATTR } from "../support/ids";
import { run, type Recorded } from "../support/harness";
import { plannedStep } from "../support/providerModel";

const GROUPS = [
  { groupId: MEMBERS, role: "Member" },
  { groupId: ADMINS, role: "Admin" },
  { groupId: OWNER, role: "Owner" },
  { groupId: LEADS, role: "Admin" },
];

const up = (fake: FakeOkta, args: OrgRolesArgs) => run((opts) => new OrgRoles("statsig", args, opts), { fake: fake.nextRun() });
const liveOrder = (fake: FakeOkta, appId = APP) =>
  [...fake.org.apps[appId]!.groups].sort((a, b) => a.priority - b.priority).map((g) => [g.id, g.priority]);

/** What a second `pulumi up` would do to each child, given what the first one stored. */
function secondRun(first: Recorded[], second: Recorded[]) {
  return Object.fromEntries(
    second
      .filter((r) => r.type !== "statsig-okta:index:OrgRoles")
      .map((r) => {
        const before = first.find((f) => f.name === r.name);
        return [r.name, before ? plannedStep(r.type, before.state, r.inputs, r.opts) : "create"];
      }),
  );
}

describe("priorities: what the provider can write", () => {
  it("the fake, like the provider, never sends priority 0: Okta appends the group instead", async () => {
    const fake = new FakeOkta();
    fake.org.apps[APP]!.groups.push({ id: "00gEveryone000000001", priority: 0, profile: {} });
    await run(() => new okta.app.GroupAssignment("direct", { appId: APP, groupId: OWNER, priority: 0, profile: "{}" }), { fake });
    expect(liveOrder(fake)).toEqual([
      ["00gEveryone000000001", 0],
      [OWNER, 1],
    ]);
  });

  it("role groups land exactly where the description puts them, from 1, even on an app that already has groups", async () => {
    const fake = new FakeOkta();
    fake.org.apps[APP]!.groups.push({ id: "00gEveryone000000001", priority: 0, profile: {} });
    await up(fake, { appId: APP, roleGroups: GROUPS });
    expect(liveOrder(fake)).toEqual([
      ["00gEveryone000000001", 0],
      [OWNER, 1],
      [ADMINS, 2],
      [LEADS, 3],
      [MEMBERS, 4],
    ]);
  });
});

describe("assignments: one at a time", () => {
  it("the fake, like Okta, answers overlapping writes on one app with the same priority", async () => {
    const fake = new FakeOkta();
    await run(
      () => [
        new okta.app.GroupAssignment("a", { appId: APP, groupId: OWNER, priority: 1, profile: "{}" }),
        new okta.app.GroupAssignment("b", { appId: APP, groupId: ADMINS, priority: 2, profile: "{}" }),
      ],
      { fake },
    );
    expect(liveOrder(fake).map(([, priority]) => priority)).toEqual([1, 1]);
  });

  it("the component's writes never overlap, so every group keeps its own priority", async () => {
    const fake = new FakeOkta();
    const { resources } = await up(fake, { appId: APP, roleGroups: GROUPS });
    expect(liveOrder(fake)).toEqual([
      [OWNER, 1],
      [ADMINS, 2],
      [LEADS, 3],
      [MEMBERS, 4],
    ]);
    // Started top first: the order of the registrations is the order of the writes.
    expect(resources.filter((r) => r.type === ASSIGNMENT).map((r) => r.inputs.priority)).toEqual([1, 2, 3, 4]);
  });

  it("two instances on two apps write in parallel with each other, each app in order", async () => {
    const fake = new FakeOkta();
    await run(
      (opts) => [
        new OrgRoles("prod", { appId: APP, roleGroups: GROUPS }, opts),
        new OrgRoles("staging", { appId: OTHER_APP, manageOktaAttribute: false, roleGroups: GROUPS }, opts),
      ],
      { fake },
    );
    expect(liveOrder(fake, APP).map(([, p]) => p)).toEqual([1, 2, 3, 4]);
    expect(liveOrder(fake, OTHER_APP).map(([, p]) => p)).toEqual([1, 2, 3, 4]);
  });
});

describe("the app attribute's scope: Okta keeps the one it was created with", () => {
  it("switching personal -> group: no replacement planned on any later run, and a warning that says what to do", async () => {
    const fake = new FakeOkta();
    const personal = await up(fake, { appId: APP });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const group = await up(fake, { appId: APP, roleGroups: GROUPS });
      const again = await up(fake, { appId: APP, roleGroups: GROUPS });

      // Okta kept SELF, so the provider's state says SELF: the program knows, and says so.
      expect(group.find(APP_ATTR).state.scope).toBe("SELF");
      const warnings = warn.mock.calls.flat().join("\n");
      expect(warnings).toMatch(/statsigOrgRole is Personal \(SELF\) in Okta, but group mode needs Group \(NONE\)/);
      expect(warnings).toMatch(/1\. remove statsigOrgRole from the Okta -> Statsig mapping.*2\. delete the app attribute/);

      // Not a replacement on every run (which would only re-POST under retainOnDelete and change nothing).
      expect(secondRun(personal.resources, group.resources)["statsig-app-attribute"]).toBe("same");
      expect(secondRun(group.resources, again.resources)["statsig-app-attribute"]).toBe("same");
    } finally {
      warn.mockRestore();
    }
  });

  it("adopting a hand-made Group attribute in personal mode is reported the same way", async () => {
    const fake = new FakeOkta();
    fake.org.apps[APP]!.schema.statsigOrgRole = { type: "string", scope: "NONE" };
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await up(fake, { appId: APP });
      expect(warn.mock.calls.flat().join("\n")).toMatch(
        /is Group \(NONE\) in Okta, but personal mode needs Personal \(SELF\).*each user's own role does not reach Statsig/,
      );
    } finally {
      warn.mockRestore();
    }
  });

  it("no warning when the live scope is the mode's", async () => {
    const fake = new FakeOkta();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await up(fake, { appId: APP, roleGroups: [] });
      expect(warn.mock.calls.flat().join("\n")).not.toMatch(/scope/);
    } finally {
      warn.mockRestore();
    }
  });
});

describe("project and team role links", () => {
  const WEB = [
    { groupId: "00gwebengineers00001", project: "Web", role: "Member" },
    { groupId: "00gwebgrowthleads001", project: "Web", team: "Growth", role: "Admin" },
  ];
  const withStatsigGroups = () => {
    const fake = new FakeOkta();
    addAppGroups(fake.org, APP, [
      { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
      { id: "00gStatsigWebAdmin01", name: "Statsig-Web-Admin" },
      { id: "00gStatsigWebGrAdmin", name: "Statsig-Web-Growth-Admin" },
    ]);
    return fake;
  };

  it("a changed role replaces the link, unlinking first, and never deletes the Statsig group", async () => {
    const fake = withStatsigGroups();
    const first = await up(fake, { appId: APP, projectRoles: WEB });
    const second = await up(fake, { appId: APP, projectRoles: [{ ...WEB[0]!, role: "Admin" }, WEB[1]!] });
    const steps = secondRun(first.resources, second.resources);
    expect(steps["statsig-push-00gwebengineers00001"]).toBe("replace");
    expect(steps["statsig-push-00gwebgrowthleads001"]).toBe("same");
    const link = second.find("okta:index/pushGroup:PushGroup", "statsig-push-00gwebengineers00001");
    expect(link.opts.deleteBeforeReplace).toBe(true);
    expect(link.inputs.deleteTargetGroupOnDestroy).toBe(false);
  });

  it("reordering the entries changes nothing", async () => {
    const fake = withStatsigGroups();
    const first = await up(fake, { appId: APP, projectRoles: WEB });
    const second = await up(fake, { appId: APP, projectRoles: [...WEB].reverse() });
    expect(new Set(Object.values(secondRun(first.resources, second.resources)))).toEqual(new Set(["same"]));
  });

  it("a link adopted with pulumi import stays: the provider's Read stores the target id the component links by", async () => {
    const fake = withStatsigGroups();
    const { resources } = await up(fake, { appId: APP, projectRoles: WEB });
    const link = resources.find((r) => r.name === "statsig-push-00gwebengineers00001")!;
    // What `pulumi import` stores for a push group: what the provider's Read sets (ids and status), no target name.
    const { appId, sourceGroupId, targetGroupId, status } = link.state;
    const imported = { ...link, state: { appId, id: link.id, sourceGroupId, targetGroupId, status } };
    // Only deleteTargetGroupOnDestroy, which Read does not set, is written, in place.
    expect(plannedStep(link.type, imported.state, link.inputs, link.opts)).toBe("update");
  });

  it("an imported createTeam link is relinked once by the next up: the provider's Read sets no target name", async () => {
    const fake = withStatsigGroups();
    const team = { groupId: "00gwebnewteam0000001", project: "Web", team: "New", role: "Member", createTeam: true };
    const { resources } = await up(fake, { appId: APP, projectRoles: [team] });
    const link = resources.find((r) => r.name === "statsig-push-00gwebnewteam0000001")!;
    const { appId, sourceGroupId, targetGroupId, status } = link.state;
    expect(plannedStep(link.type, { appId, id: link.id, sourceGroupId, targetGroupId, status }, link.inputs, link.opts)).toBe("replace");
  });

  it("upgrading a stack whose links were made by name relinks each once, by id, unlinking first and keeping the Statsig group", async () => {
    const fake = withStatsigGroups();
    const push = fake.push;
    // What the previous version deployed: the same link, by name (resource_okta_push_group.go stores the target
    // id Okta answered beside it).
    const byName = push.mockResource({
      appId: APP,
      sourceGroupId: WEB[0]!.groupId,
      status: "ACTIVE",
      deleteTargetGroupOnDestroy: false,
      targetGroupName: "Statsig-Web-Member",
    });
    const old = {
      appId: APP,
      sourceGroupId: WEB[0]!.groupId,
      status: "ACTIVE",
      deleteTargetGroupOnDestroy: false,
      targetGroupName: "Statsig-Web-Member",
      targetGroupId: "00gStatsigWebMember1",
    };
    expect(byName.state).toMatchObject(old);

    const second = await up(fake, { appId: APP, projectRoles: [WEB[0]!] });
    const link = second.find("okta:index/pushGroup:PushGroup");
    expect(link.inputs).toMatchObject({ targetGroupId: "00gStatsigWebMember1", deleteTargetGroupOnDestroy: false });
    expect(plannedStep(link.type, old, link.inputs, link.opts)).toBe("replace");
    expect(link.opts.deleteBeforeReplace).toBe(true);
    // The replacement, as the engine runs it (delete first): unlink with the old state's deleteTargetGroup=false.
    push.destroyResource(byName.id!);
    expect(push.requests.at(-1)!.path).toMatch(/\?deleteTargetGroup=false$/);
    expect(push.deletedGroups).toEqual([]);
    expect(push.groups(APP).map((g) => g.name)).toContain("Statsig-Web-Member");
  });

  it("links wait for every group assignment: Okta pushes only users assigned to the app", async () => {
    const fake = withStatsigGroups();
    const { resources } = await up(fake, { appId: APP, roleGroups: GROUPS, projectRoles: WEB });
    const lastAssignment = resources.filter((r) => r.type === ASSIGNMENT).at(-1)!.name;
    for (const link of resources.filter((r) => r.type === "okta:index/pushGroup:PushGroup")) {
      expect(link.opts.dependsOn).toEqual([lastAssignment]);
    }
  });
});

describe("fields the provider updates in place although they name another object", () => {
  it("a new appId replaces the app attribute (delete first, kept in Okta), so its id names the new app", async () => {
    const fake = new FakeOkta();
    const first = await up(fake, { appId: APP, manageOktaAttribute: false });
    const second = await up(fake, { appId: OTHER_APP, manageOktaAttribute: false });
    expect(secondRun(first.resources, second.resources)["statsig-app-attribute"]).toBe("replace");
    expect(second.find(APP_ATTR).opts).toMatchObject({ deleteBeforeReplace: true, retainOnDelete: true });
    expect(second.find(APP_ATTR).id).toBe(`${OTHER_APP}/statsigOrgRole`);
  });

  it("a new userTypeId replaces the Okta attribute the same way", async () => {
    const fake = new FakeOkta();
    const other = "oty9customType000001";
    addUserType(fake.org, { id: other, name: "contractor", displayName: "Contractor", description: "" });
    const first = await up(fake, { appId: APP });
    const second = await up(fake, { appId: APP, userTypeId: other });
    expect(secondRun(first.resources, second.resources)["statsig-okta-attribute"]).toBe("replace");
    expect(second.find(USER_ATTR).opts).toMatchObject({ deleteBeforeReplace: true, retainOnDelete: true });
  });

  it("an unchanged config plans no change at all on the second run", async () => {
    const fake = new FakeOkta();
    const args = { appId: APP, roleGroups: GROUPS };
    const first = await up(fake, args);
    const second = await up(fake, args);
    expect(new Set(Object.values(secondRun(first.resources, second.resources)))).toEqual(new Set(["same"]));
  });
});
