import * as okta from "@pulumi/okta";
import { describe, expect, it } from "vitest";
import { OrgRoles, OrgRolesArgsError, type OrgRolesArgs } from "../../src";
import { DEFAULT_USER_TYPE_ID, FakeOkta } from "../support/fakeOkta";
import { addUserType } from "../support/oktaOrg";
import { ADMINS, APP, APP_ATTR, MAPPING, OTHER_APP, USER_ATTR } from "../support/ids";
import { run, UNKNOWN, valueOf } from "../support/harness";

const CUSTOM_TYPE = "oty9customType000001";
const ENUM = ["Member", "Admin", "Owner"];
const ONE_OFS = ENUM.map((role) => ({ const: role, title: role }));

const deploy = (args: OrgRolesArgs, fake?: FakeOkta, name = "statsig") =>
  run((opts) => new OrgRoles(name, args, opts), fake ? { fake } : {});

describe("personal mode (Statsig's five steps)", () => {
  it("step 1: the Okta user attribute with the three roles, read-only for users", async () => {
    const { find } = await deploy({ appId: APP });
    const attr = find(USER_ATTR);
    expect(attr.name).toBe("statsig-okta-attribute");
    expect(attr.inputs).toEqual({
      index: "statsigOrgRole",
      title: "Statsig org role",
      description: expect.any(String),
      type: "string",
      enums: ENUM,
      oneOfs: ONE_OFS,
      permissions: "READ_ONLY",
      master: "PROFILE_MASTER",
    });
    // No userType: the default type, so `pulumi import ... statsigOrgRole` matches.
    expect(attr.inputs).not.toHaveProperty("userType");
  });

  it("step 2: the app attribute with Statsig's external name and SCIM namespace, Personal scope", async () => {
    const { find } = await deploy({ appId: APP });
    expect(find(APP_ATTR).inputs).toEqual({
      appId: APP,
      index: "statsigOrgRole",
      title: "Statsig org role",
      description: expect.any(String),
      type: "string",
      externalName: "statsigOrgRole",
      externalNamespace: "urn:ietf:params:scim:schemas:core:2.0:User",
      scope: "SELF",
      enums: ENUM,
      oneOfs: ONE_OFS,
      permissions: "READ_ONLY",
    });
  });

  it("steps 3 and 5: app -> Okta mapping to the default user type, applied on create only", async () => {
    const { find, fake, result } = await deploy({ appId: APP });
    const mapping = find(MAPPING, "statsig-app-to-okta");
    expect(mapping.inputs).toEqual({
      sourceId: APP,
      targetId: DEFAULT_USER_TYPE_ID,
      deleteWhenAbsent: false,
      mappings: [{ id: "statsigOrgRole", expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" }],
    });
    expect(fake.invocations).toEqual(
      expect.arrayContaining([
        { token: "okta:user/getUserType:getUserType", inputs: { name: "user" } },
        { token: "okta:app/getApp:getApp", inputs: { id: APP, activeOnly: false } },
      ]),
    );
    expect(fake.invocations).toHaveLength(2);
    expect(await valueOf(result.appToOktaMappingId)).toMatch(/^prm[A-Za-z0-9]{17}$/);
  });

  it("steps 4 and 5: Okta -> app mapping, applied on create and update", async () => {
    const { find, result } = await deploy({ appId: APP });
    expect(find(MAPPING, "statsig-okta-to-app").inputs).toEqual({
      sourceId: DEFAULT_USER_TYPE_ID,
      targetId: APP,
      deleteWhenAbsent: false,
      mappings: [{ id: "statsigOrgRole", expression: "user.statsigOrgRole", pushStatus: "PUSH" }],
    });
    expect(await valueOf(result.oktaToAppMappingId)).toMatch(/^prm/);
    expect(await valueOf(result.appToOktaMappingId)).not.toBe(await valueOf(result.oktaToAppMappingId));
  });

  it("creates exactly the four children, no group assignments", async () => {
    const { resources, result } = await deploy({ appId: APP });
    expect(resources.map((r) => r.type).sort()).toEqual([MAPPING, MAPPING, USER_ATTR, APP_ATTR, "statsig-okta:index:OrgRoles"].sort());
    expect(await valueOf(result.mode)).toBe("personal");
    expect(await valueOf(result.groupAssignments)).toEqual([]);
  });

  it("outputs the app, the looked-up user type and the attribute name", async () => {
    const { result } = await deploy({ appId: APP });
    expect(await valueOf(result.appId)).toBe(APP);
    expect(await valueOf(result.userTypeId)).toBe(DEFAULT_USER_TYPE_ID);
    expect(await valueOf(result.oktaAttributeName)).toBe("statsigOrgRole");
  });
});

describe("safety options on every child", () => {
  it("attributes are retained on destroy and replaced delete-first; schema writes are chained", async () => {
    const { find } = await deploy({ appId: APP });
    expect(find(USER_ATTR).opts).toEqual({
      parent: "statsig",
      retainOnDelete: true,
      deleteBeforeReplace: true,
      // The provider updates userType in place; the id would keep naming the old type (docs/reference/okta.md#appid-and-usertype-are-updated-in-place).
      replaceOnChanges: ["userType"],
      // The app check: nothing is written before Okta confirms the app.
      dependsOn: ["<lookup>"],
    });
    expect(find(APP_ATTR).opts).toEqual({
      parent: "statsig",
      retainOnDelete: true,
      deleteBeforeReplace: true,
      // Likewise appId; and Okta ignores a scope change on an existing attribute, so scope is never diffed.
      replaceOnChanges: ["appId"],
      ignoreChanges: ["scope"],
      dependsOn: ["statsig-okta-attribute"],
    });
  });

  it("mappings never run their destroy, replace on a new pair and come after both attributes", async () => {
    const { resources } = await deploy({ appId: APP });
    const mappings = resources.filter((r) => r.type === MAPPING);
    expect(mappings).toHaveLength(2);
    for (const m of mappings) {
      expect(m.opts).toEqual({
        parent: "statsig",
        retainOnDelete: true,
        replaceOnChanges: ["sourceId", "targetId"],
        dependsOn: ["statsig-okta-attribute", "statsig-app-attribute"],
      });
      expect(m.inputs.deleteWhenAbsent).toBe(false);
    }
  });

  it("protect: true protects both attributes, and only them", async () => {
    const { resources } = await deploy({ appId: APP, protect: true });
    const isAttribute = (t: string) => t === USER_ATTR || t === APP_ATTR;
    for (const r of resources.filter((r) => isAttribute(r.type))) expect(r.opts.protect).toBe(true);
    for (const r of resources.filter((r) => !isAttribute(r.type))) expect(r.opts.protect).toBeUndefined();
  });

  it("never registers the plural assignments resource", async () => {
    const { resources } = await deploy({ appId: APP, roleGroups: [{ groupId: ADMINS, role: "Admin" }] });
    expect(resources.some((r) => r.type === "okta:index/appGroupAssignments:AppGroupAssignments")).toBe(false);
  });
});

describe("options", () => {
  it("a named user type is used everywhere and not looked up", async () => {
    const custom = new FakeOkta();
    addUserType(custom.org, { id: CUSTOM_TYPE, name: "custom", displayName: "Custom" });
    const { find, fake, result } = await deploy({ appId: APP, userTypeId: CUSTOM_TYPE }, custom);
    expect(fake.invocations.map((i) => i.token)).toEqual(["okta:app/getApp:getApp"]);
    expect(find(USER_ATTR).inputs.userType).toBe(CUSTOM_TYPE);
    expect(find(MAPPING, "statsig-app-to-okta").inputs.targetId).toBe(CUSTOM_TYPE);
    expect(find(MAPPING, "statsig-okta-to-app").inputs.sourceId).toBe(CUSTOM_TYPE);
    expect(await valueOf(result.userTypeId)).toBe(CUSTOM_TYPE);
  });

  it("manageAppToOktaMapping: false leaves steps 3 out and keeps the rest", async () => {
    const { resources, result } = await deploy({ appId: APP, manageAppToOktaMapping: false });
    expect(resources.filter((r) => r.type === MAPPING).map((r) => r.name)).toEqual(["statsig-okta-to-app"]);
    expect(await valueOf(result.appToOktaMappingId)).toBeUndefined();
  });

  it("manageOktaAttribute: false uses an attribute owned elsewhere and does not create it", async () => {
    const { resources, find } = await deploy({ appId: APP, manageOktaAttribute: false });
    expect(resources.some((r) => r.type === USER_ATTR)).toBe(false);
    expect(find(APP_ATTR).opts.dependsOn).toEqual([]);
    expect(find(MAPPING, "statsig-okta-to-app").opts.dependsOn).toEqual(["statsig-app-attribute"]);
  });

  it("a custom Okta attribute name is used in step 1 and both mappings; the app attribute stays statsigOrgRole", async () => {
    const { find } = await deploy({ appId: APP, oktaAttributeName: "statsigStagingRole" });
    expect(find(USER_ATTR).inputs.index).toBe("statsigStagingRole");
    expect(find(APP_ATTR).inputs.index).toBe("statsigOrgRole");
    expect(find(MAPPING, "statsig-app-to-okta").inputs.mappings).toEqual([
      { id: "statsigStagingRole", expression: "appuser.statsigOrgRole", pushStatus: "DONT_PUSH" },
    ]);
    expect(find(MAPPING, "statsig-okta-to-app").inputs.mappings).toEqual([
      { id: "statsigOrgRole", expression: "user.statsigStagingRole", pushStatus: "PUSH" },
    ]);
  });

  it("HIDE permissions and OKTA master reach the Okta attribute", async () => {
    const { find } = await deploy({ appId: APP, oktaAttributePermissions: "HIDE", oktaAttributeMaster: "OKTA" });
    expect(find(USER_ATTR).inputs).toMatchObject({ permissions: "HIDE", master: "OKTA" });
  });
});

describe("two Statsig apps in one org", () => {
  it("the second instance shares the Okta attribute without owning it; every mapping pair is distinct", async () => {
    const { resources } = await run((opts) => [
      new OrgRoles("prod", { appId: APP }, opts),
      new OrgRoles("staging", { appId: OTHER_APP, manageOktaAttribute: false }, opts),
    ]);
    expect(resources.filter((r) => r.type === USER_ATTR).map((r) => r.name)).toEqual(["prod-okta-attribute"]);
    const names = resources.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    const mappingIds = resources.filter((r) => r.type === MAPPING).map((r) => r.id);
    expect(mappingIds).toHaveLength(4);
    expect(new Set(mappingIds).size).toBe(4);
  });

  it("or each owns its own Okta attribute under its own name", async () => {
    const { resources } = await run((opts) => [
      new OrgRoles("prod", { appId: APP }, opts),
      new OrgRoles("staging", { appId: OTHER_APP, oktaAttributeName: "statsigStagingRole" }, opts),
    ]);
    expect(
      resources
        .filter((r) => r.type === USER_ATTR)
        .map((r) => r.inputs.index)
        .sort(),
    ).toEqual(["statsigOrgRole", "statsigStagingRole"]);
  });
});

describe("one owner per Okta object", () => {
  const second = async (build: (opts: import("@pulumi/pulumi").ComponentResourceOptions) => void) => {
    let error: unknown;
    const { resources } = await run((opts) => {
      new OrgRoles("prod", { appId: APP }, opts);
      try {
        build(opts);
      } catch (e) {
        error = e;
      }
    });
    return { error: error as Error | undefined, children: resources.filter((r) => r.name.startsWith("staging-")) };
  };

  it("a second instance that would own the same Okta attribute fails, naming the first, and creates nothing", async () => {
    const { error, children } = await second((opts) => new OrgRoles("staging", { appId: OTHER_APP }, opts));
    expect(error).toBeInstanceOf(OrgRolesArgsError);
    expect(error!.message).toBe(
      'statsig-okta:index:OrgRoles "staging" has 1 invalid input:\n' +
        '  - oktaAttributeName: the Okta attribute statsigOrgRole on the default user type is already managed by OrgRoles "prod" with the same Okta provider: set manageOktaAttribute: false here, or give this instance its own oktaAttributeName',
    );
    expect(children).toEqual([]);
  });

  it("a second instance on the same app fails", async () => {
    const { error } = await second((opts) => new OrgRoles("staging", { appId: APP, manageOktaAttribute: false }, opts));
    expect(error?.message).toMatch(
      /- appId: the app 0oa1b2c3d4e5f6g7h8i9 is already managed by OrgRoles "prod" .*use one OrgRoles per Statsig app/,
    );
  });

  it("the same objects in another org (another provider) are fine", async () => {
    const { error, children } = await second((opts) => {
      const other = new okta.Provider("other-org", { orgName: "other", baseUrl: "okta.com" });
      new OrgRoles("staging", { appId: APP }, { ...opts, provider: other });
    });
    expect(error).toBeUndefined();
    expect(children.map((r) => r.type)).toContain("okta:index/userSchemaProperty:UserSchemaProperty");
  });
});

describe("preview with unknown inputs", () => {
  it("an app id known only after apply still previews every child", async () => {
    const fake = new FakeOkta(true);
    const { resources, result } = await run(
      (opts) => {
        const app = new okta.app.Saml("app", { label: "Statsig", preconfiguredApp: "statsig" });
        const group = new okta.group.Group("admins", { name: "Statsig Admins" });
        return new OrgRoles("statsig", { appId: app.id, roleGroups: [{ groupId: group.id, role: "Admin", name: "admins" }] }, opts);
      },
      { fake },
    );
    expect(resources.map((r) => r.name).sort()).toEqual(
      ["app", "admins", "statsig", "statsig-app-attribute", "statsig-app-to-okta", "statsig-group-admins", "statsig-okta-attribute"].sort(),
    );
    expect(await valueOf(result.appId)).toBe(UNKNOWN);
    expect(await valueOf(result.groupAssignments)).toBe(UNKNOWN);
  });
});

describe("validation at construction", () => {
  it("bad input throws one error naming the instance and every field, and registers nothing", async () => {
    const fake = new FakeOkta();
    let error: unknown;
    await run(
      () => {
        try {
          new OrgRoles("statsig", {
            appId: "0oa-bad",
            oktaAttributePermissions: "READ_WRITE",
            roleGroups: [{ groupId: ADMINS, role: "admin" }],
          });
        } catch (e) {
          error = e;
        }
      },
      { fake },
    );
    expect(error).toBeInstanceOf(OrgRolesArgsError);
    const message = (error as Error).message;
    expect(message).toMatch(/^statsig-okta:index:OrgRoles "statsig" has 3 invalid inputs:/);
    expect(message).toContain("- appId:");
    expect(message).toContain("- oktaAttributePermissions:");
    expect(message).toContain('- roleGroups[0].role: "admin" is not a Statsig role. Statsig spells it "Admin".');
    expect(fake.registrations).toEqual([]);
  });
});
