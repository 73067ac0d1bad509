import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { CliError, ConfigError } from "../../src/cli/errors";
import { importFile } from "../../src/commands/check/importFile";
import { resolveTarget } from "../../src/commands/target";
import { assignmentsOf, describeOrgRoles } from "../../src/domain/desired";
import { validateOrgRolesArgs } from "../../src/domain/validation";
import { ORG_ROLES_TYPE } from "../../src/component/orgRoles";

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-target-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const APP = "0oastatsigapp0000001";

describe("resolveTarget", () => {
  it("without a config, expects the component's defaults in personal mode", () => {
    const { expected, configFile, orgUrl } = resolveTarget({ cwd: "/", appId: APP });
    expect(expected).toEqual({
      desired: describeOrgRoles("statsig", validateOrgRolesArgs("test", { appId: APP })),
      appId: APP,
      pushLinks: [],
    });
    expect(expected.desired.mode).toBe("personal");
    expect(configFile).toBeUndefined();
    expect(orgUrl).toBeUndefined();
  });

  it("reads a stack's config: settings, role groups in priority order, the org URL from the provider config", () => {
    const cwd = dirWith({
      "Pulumi.prod.yaml": [
        "config:",
        "  okta:orgName: acme",
        "  okta:baseUrl: oktapreview.com",
        "  okta:apiToken:",
        "    secure: AAABAxyz",
        `  statsig-okta:appId: ${APP}`,
        "  statsig-okta:name: roles",
        "  statsig-okta:oktaAttributeMaster: OKTA",
        "  statsig-okta:firstPriority: 10",
        "  statsig-okta:roleGroups:",
        "    - groupId: 00gmembersgroup00001",
        "      role: Member",
        "    - groupId: 00gownersgroup000001",
        "      role: Owner",
        "      name: owners",
        "",
      ].join("\n"),
    });
    const target = resolveTarget({ cwd, stack: "prod" });
    expect(target.stack).toBe("prod");
    expect(target.orgUrl).toBe("https://acme.oktapreview.com");
    expect(target.expected.desired).toMatchObject({ component: "roles", mode: "group" });
    expect(target.expected.desired.children.find((c) => c.kind === "oktaAttribute")?.inputs.master).toBe("OKTA");
    expect(assignmentsOf(target.expected.desired).map((c) => [c.inputs.groupId, c.group.role, c.group.priority])).toEqual([
      ["00gownersgroup000001", "Owner", 10],
      ["00gmembersgroup00001", "Member", 11],
    ]);
  });

  it.each([
    ["okta:orgName", "evil.example#", 'okta:orgName "evil.example#" is not an Okta org name'],
    ["okta:orgName", "evil.example/x", 'okta:orgName "evil.example/x" is not an Okta org name'],
    ["okta:baseUrl", "okta.com@evil.example", 'okta:baseUrl "okta.com@evil.example" is not a domain'],
    ["okta:baseUrl", "okta.com:443/#", 'okta:baseUrl "okta.com:443/#" is not a domain'],
  ])("refuses %s %j: the org URL built from it would send credentials to another host", (key, value, says) => {
    const lines = ["config:", "  okta:orgName: acme", `  statsig-okta:appId: ${APP}`];
    const cwd = dirWith({
      "Pulumi.prod.yaml": [...lines.filter((l) => !l.includes(key)), `  ${key}: ${JSON.stringify(value)}`, ""].join("\n"),
    });
    expect(() => resolveTarget({ cwd, stack: "prod" })).toThrow(ConfigError);
    expect(() => resolveTarget({ cwd, stack: "prod" })).toThrow(`Pulumi.prod.yaml: ${says}`);
  });

  it("takes --app-id over the config's, and the stack name from a Pulumi.<stack>.yaml given as --config", () => {
    const cwd = dirWith({ "Pulumi.staging.yaml": "config:\n  statsig-okta:oktaAttributeName: stagingRole\n" });
    const target = resolveTarget({ cwd, configFile: "Pulumi.staging.yaml", appId: APP });
    expect(target.expected.appId).toBe(APP);
    expect(target.expected.desired.oktaAttributeName).toBe("stagingRole");
    expect(target.stack).toBe("staging");
  });

  it.each([
    [{ "Pulumi.s.yaml": "config:\n  statsig-okta:appId:\n    secure: AAAB\n" }, /statsig-okta:appId is encrypted/, false],
    [
      { "Pulumi.s.yaml": `config:\n  statsig-okta:appId: ${APP}\n  statsig-okta:colour: blue\n` },
      /^Pulumi\.s\.yaml: The stack config has 1 invalid input:\n {2}- statsig-okta:colour: unknown config key/,
      true,
    ],
    [{ "Pulumi.s.yaml": "config: [" }, /not valid YAML/, false],
    [{}, /cannot read .*Pulumi\.s\.yaml: ENOENT/, false],
  ])("reports a config it cannot use as a CliError, an invalid one as a ConfigError: %#", (files, message, invalid) => {
    const error = (() => {
      try {
        resolveTarget({ cwd: dirWith(files), stack: "s" });
      } catch (thrown) {
        return thrown;
      }
      throw new Error("resolveTarget accepted the config");
    })();
    expect(error).toBeInstanceOf(CliError);
    expect(error instanceof ConfigError).toBe(invalid);
    expect((error as Error).message).toMatch(message);
  });
});

describe("import file", () => {
  it("creates the component first and parents every resource to it by name", () => {
    expect(importFile([{ type: "okta:profile/mapping:Mapping", name: "roles-app-to-okta", id: "prm1" }], "roles")).toEqual({
      resources: [
        { type: ORG_ROLES_TYPE, name: "roles", component: true },
        { type: "okta:profile/mapping:Mapping", name: "roles-app-to-okta", id: "prm1", parent: "roles" },
      ],
    });
  });
});
