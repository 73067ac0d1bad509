import { describe, expect, it } from "vitest";
import { argsFromConfig } from "../../src/stackConfig/keys";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const G1 = "00g1b2c3d4e5f6g7h8i9";

describe("argsFromConfig", () => {
  it("reads typed values and ignores other namespaces (the provider's okta:* keys)", () => {
    const { name, args } = argsFromConfig({
      "okta:orgName": "acme",
      "okta:apiToken": "must-not-matter",
      "statsig-okta:name": "statsig-prod",
      "statsig-okta:appId": APP,
      "statsig-okta:protect": "true",
      "statsig-okta:manageAppToOktaMapping": "false",
      "statsig-okta:firstPriority": "5",
      "statsig-okta:roleGroups": JSON.stringify([{ groupId: G1, role: "Admin" }]),
    });
    expect(name).toBe("statsig-prod");
    expect(args).toEqual({
      appId: APP,
      protect: true,
      manageAppToOktaMapping: false,
      firstPriority: 5,
      roleGroups: [{ groupId: G1, role: "Admin" }],
    });
  });

  it("reads emailDomains as a list, lower-cased, and names the config key of a bad one", () => {
    const { args, valid } = argsFromConfig({
      "statsig-okta:appId": APP,
      "statsig-okta:emailDomains": '["Example.com","corp.example.com"]',
    });
    expect(args.emailDomains).toEqual(["Example.com", "corp.example.com"]);
    expect(valid.emailDomains).toEqual(["example.com", "corp.example.com"]);
    expect(() => argsFromConfig({ "statsig-okta:appId": APP, "statsig-okta:emailDomains": '["@example.com"]' })).toThrow(
      'statsig-okta:emailDomains[0]: "@example.com" is not an email domain',
    );
  });

  it("names the component statsig by default", () => {
    expect(argsFromConfig({ "statsig-okta:appId": APP }).name).toBe("statsig");
  });

  it("reports every problem once, by config key", () => {
    expect(() =>
      argsFromConfig({
        "statsig-okta:appid": APP,
        "statsig-okta:protect": "yes",
        "statsig-okta:firstPriority": "first",
        "statsig-okta:roleGroups": JSON.stringify([{ groupId: G1, role: "owner" }]),
      }),
    ).toThrow(
      [
        "The stack config has 5 invalid inputs:",
        "  - statsig-okta:appid: unknown config key; did you mean statsig-okta:appId?",
        '  - statsig-okta:protect: "yes" is not a boolean: use true or false',
        '  - statsig-okta:firstPriority: "first" is not a whole number',
        '  - statsig-okta:appId: is required: an Okta app id, "0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"',
        '  - statsig-okta:roleGroups[0].role: "owner" is not a Statsig role. Statsig spells it "Owner". Allowed, exactly as spelled: Member, Admin, Owner',
      ].join("\n"),
    );
  });

  it("lists the known keys for a key that is not a near miss", () => {
    expect(() => argsFromConfig({ "statsig-okta:appId": APP, "statsig-okta:groups": "[]" })).toThrow(
      "statsig-okta:groups: unknown config key; Known keys: name, appId, userTypeId, oktaAttributeName, manageOktaAttribute, oktaAttributePermissions, oktaAttributeMaster, manageAppToOktaMapping, protect, roleGroups, firstPriority, retainAssignments",
    );
  });

  it("suggests the closest key for a typo", () => {
    expect(() => argsFromConfig({ "statsig-okta:appId": APP, "statsig-okta:roleGroup": "[]" })).toThrow(
      "The stack config has 1 invalid input:\n  - statsig-okta:roleGroup: unknown config key; did you mean statsig-okta:roleGroups?",
    );
  });

  it("says an empty value is empty: required, or what to give", () => {
    expect(() =>
      argsFromConfig({
        "statsig-okta:appId": "",
        "statsig-okta:protect": " ",
        "statsig-okta:firstPriority": "",
        "statsig-okta:roleGroups": "",
        "statsig-okta:userTypeId": "",
      }),
    ).toThrow(
      [
        "The stack config has 5 invalid inputs:",
        '  - statsig-okta:appId: is empty but required: an Okta app id, "0oa" and 17 letters or digits, e.g. "0oa1b2c3d4e5f6g7h8i9"; set it in the stack file or with `pulumi config set statsig-okta:appId <value>`',
        "  - statsig-okta:protect: is empty: use true or false, or remove the line to use the default",
        "  - statsig-okta:firstPriority: is empty: give a whole number, or remove the line to use the default",
        "  - statsig-okta:roleGroups: is empty: give a YAML list, or remove the line to use the default",
        "  - statsig-okta:userTypeId: is empty: give a value, or remove the line to use the default",
      ].join("\n"),
    );
  });

  it("rejects a roleGroups value that is not structured config", () => {
    expect(() => argsFromConfig({ "statsig-okta:appId": APP, "statsig-okta:roleGroups": "00g1b2c3d4e5f6g7h8i9=Admin" })).toThrow(
      /statsig-okta:roleGroups: is not valid structured config/,
    );
  });

  it("rejects a component name that cannot name resources", () => {
    expect(() => argsFromConfig({ "statsig-okta:appId": APP, "statsig-okta:name": "my roles" })).toThrow(
      /statsig-okta:name: "my roles" is not a valid component name/,
    );
  });
});

describe("config keys are data", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
    "statsig-okta:%s is an unknown key, not one of Object's members",
    (key) => {
      expect(() => argsFromConfig({ "statsig-okta:appId": APP, [`statsig-okta:${key}`]: "x" })).toThrow(
        new RegExp(`statsig-okta:${key}: unknown config key`),
      );
    },
  );
});
