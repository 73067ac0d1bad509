import { describe, expect, it } from "vitest";
import { runStack } from "../../src/component/stack";
import { run, valueOf } from "../support/harness";

const APP = "0oa1b2c3d4e5f6g7h8i9";
const G1 = "00g1b2c3d4e5f6g7h8i9";

describe("the root program", () => {
  it("creates one OrgRoles from config and exports its outputs", async () => {
    const { resources, result } = await run(() =>
      runStack({ "statsig-okta:appId": APP, "statsig-okta:roleGroups": JSON.stringify([{ groupId: G1, role: "Member" }]) }),
    );
    expect(resources.filter((r) => r.type === "statsig-okta:index:OrgRoles").map((r) => r.name)).toEqual(["statsig"]);
    expect(resources.filter((r) => r.type === "okta:app/groupAssignment:GroupAssignment").map((r) => r.name)).toEqual([
      `statsig-group-${G1}`,
    ]);
    expect(Object.keys(result).sort()).toEqual([
      "appId",
      "appToOktaMappingId",
      "groupAssignments",
      "mode",
      "oktaAttributeName",
      "oktaToAppMappingId",
      "userTypeId",
    ]);
    expect(await valueOf(result.mode)).toBe("group");
  });

  it("an invalid config registers nothing", async () => {
    let error: unknown;
    const { resources } = await run(() => {
      try {
        runStack({ "statsig-okta:appId": "nope" });
      } catch (e) {
        error = e;
      }
    });
    expect(String(error)).toMatch(/statsig-okta:appId: "nope" is not an Okta app id/);
    expect(resources).toEqual([]);
  });
});
