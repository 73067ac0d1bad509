/**
 * Two OrgRoles in one deployment: one owner per Okta object, and schema writes serialized across instances
 * (Okta's schema endpoints mishandle parallel writes, docs/reference/okta.md#schema-writes-must-not-run-in-parallel). In TypeScript programs and in other
 * languages' programs alike: there the component runs as a plugin, and the SDK resets its monitor on each
 * Construct call while the deployment's monitor address stays.
 */
import * as okta from "@pulumi/okta";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { OrgRoles, OrgRolesArgsError } from "../../src";
import { FakeOkta } from "../support/fakeOkta";
import { APP, APP_ATTR, OTHER_APP, USER_ATTR } from "../support/ids";
import { run, settle } from "../support/harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as { getStore: () => { settings: { options: { monitorAddr?: string } } } };

describe("schema writes of two instances never run in parallel", () => {
  it("the second instance's first schema write waits for the first instance's last one", async () => {
    const { find } = await run((opts) => [
      new OrgRoles("prod", { appId: APP }, opts),
      new OrgRoles("staging", { appId: OTHER_APP, oktaAttributeName: "statsigStagingRole" }, opts),
    ]);
    expect(find(USER_ATTR, "staging-okta-attribute").opts.dependsOn).toEqual(["<lookup>", "prod-app-attribute"]);
    expect(find(APP_ATTR, "staging-app-attribute").opts.dependsOn).toEqual(["staging-okta-attribute"]);
  });

  it("the component's own dependsOn holds back its first schema write", async () => {
    const { find } = await run((opts) => {
      const first = new okta.app.GroupAssignment("before", { appId: APP, groupId: "00g1b2c3d4e5f6g7h8i9", priority: 50 });
      return new OrgRoles("statsig", { appId: APP, manageOktaAttribute: false }, { ...opts, dependsOn: [first] });
    });
    expect(find(APP_ATTR).opts.dependsOn).toEqual(["before"]);
  });

  it("instances on different Okta providers (other orgs) do not wait for each other", async () => {
    const { find } = await run((opts) => {
      new OrgRoles("prod", { appId: APP }, opts);
      const other = new okta.Provider("other-org", { orgName: "other", baseUrl: "okta.com" });
      return new OrgRoles("staging", { appId: APP }, { ...opts, provider: other });
    });
    expect(find(USER_ATTR, "staging-okta-attribute").opts.dependsOn).toEqual(["<lookup>"]);
  });
});

describe("a refused instance claims nothing", () => {
  it("after a conflict on the Okta attribute, the refused instance's app is still free for another instance", async () => {
    let refused: unknown;
    const { resources } = await run((opts) => {
      new OrgRoles("prod", { appId: APP }, opts);
      try {
        new OrgRoles("staging", { appId: OTHER_APP }, opts);
      } catch (error) {
        refused = error;
      }
      return new OrgRoles("staging2", { appId: OTHER_APP, manageOktaAttribute: false }, opts);
    });
    expect(refused).toBeInstanceOf(OrgRolesArgsError);
    expect(resources.map((r) => r.name)).toContain("staging2-app-attribute");
    expect(resources.some((r) => r.name.startsWith("staging-"))).toBe(false);
  });
});

describe("as a plugin for other languages: one Construct call per instance", () => {
  /** Starts a Construct call as the plugin host does: a new monitor object, the deployment's address. */
  async function construct(fake: FakeOkta, address: string, build: () => void): Promise<unknown> {
    await pulumi.runtime.setMocks(fake, "statsig-okta", "test", false);
    state.getStore().settings.options.monitorAddr = address;
    let failure: unknown;
    try {
      build();
    } catch (error) {
      failure = error;
    }
    // Also after a failure: the component itself was registered, and must reach this monitor.
    await settle();
    return failure;
  }

  it("a later Construct of one deployment still sees the first instance: writes are chained, a conflict is refused", async () => {
    const fake = new FakeOkta();
    const address = "127.0.0.1:50123";
    expect(await construct(fake, address, () => new OrgRoles("prod", { appId: APP }))).toBeUndefined();
    const afterProd = fake.registrations.length;
    expect(await construct(fake, address, () => new OrgRoles("other", { appId: OTHER_APP, manageOktaAttribute: false }))).toBeUndefined();
    // The chain reaches across Construct calls: "other" registered its app attribute after all of "prod".
    expect(fake.registrations.findIndex((r) => r.name === "other-app-attribute")).toBeGreaterThan(afterProd - 1);

    const conflict = await construct(fake, address, () => new OrgRoles("staging", { appId: OTHER_APP }));
    expect(conflict).toBeInstanceOf(OrgRolesArgsError);
    expect((conflict as Error).message).toMatch(
      /the Okta attribute statsigOrgRole on the default user type is already managed by OrgRoles "prod".*\n.*the app 0oa9z8y7x6w5v4u3t2s1 is already managed by OrgRoles "other"/,
    );
  });

  it("where it stops: another deployment (another monitor address) starts empty", async () => {
    const fake = new FakeOkta();
    expect(await construct(fake, "127.0.0.1:50200", () => new OrgRoles("prod", { appId: APP }))).toBeUndefined();
    expect(await construct(fake, "127.0.0.1:50201", () => new OrgRoles("prod", { appId: APP }))).toBeUndefined();
  });
});
