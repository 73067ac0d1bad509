import { describe, expect, it } from "vitest";
import { closest, editDistance, ranked, spelledAs, spellingHint } from "../../src/domain/suggest";

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["", "abc", 3],
    ["abc", "", 3],
    ["roleGroup", "roleGroups", 1],
    ["appid", "appId", 1],
    ["kitten", "sitting", 3],
    ["stak", "stack", 1],
    ["ca", "ac", 1], // a swap of neighbours is one edit
    ["abcd", "acbd", 1],
    ["abc", "cab", 2],
    ["protect", "protect", 0],
    // Neither is a swap: one letter matches across, the other does not.
    ["ab", "ca", 2],
    ["ab", "bc", 2],
  ])("%j -> %j is %i", (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe("closest", () => {
  const KEYS = ["name", "appId", "userTypeId", "roleGroups", "protect", "firstPriority"];

  it.each([
    ["roleGroup", "roleGroups"],
    ["rolegroups", "roleGroups"],
    ["APPID", "appId"],
    ["appid", "appId"],
    ["usertypeid", "userTypeId"],
    ["protcet", "protect"],
    ["firstPriorty", "firstPriority"],
    ["nmae", "name"],
  ])("suggests %s -> %s", (word, expected) => {
    expect(closest(word, KEYS)).toBe(expected);
  });

  it.each(["groups", "colour", "x", "roles", ""])("suggests nothing for %j, which is not a near miss", (word) => {
    expect(closest(word, KEYS)).toBeUndefined();
  });

  it("allows one edit per three letters, at least one", () => {
    expect(closest("ab", ["ax"])).toBe("ax");
    expect(closest("ab", ["xy"])).toBeUndefined();
    expect(closest("abcdef", ["abxyef"])).toBe("abxyef");
    expect(closest("abcdef", ["axyzef"])).toBeUndefined();
  });

  it("prefers the nearest candidate, then the first of equals", () => {
    expect(closest("stacks", ["stack", "stacks"])).toBe("stacks");
    expect(closest("abcd", ["abce", "abcf"])).toBe("abce");
  });
});

describe("spelledAs: the spelling rule of every role name", () => {
  const roles = ["Read-Only", "Member", "Admin"] as const;
  it.each([
    ["read only", "Read-Only"],
    ["READ_ONLY", "Read-Only"],
    ["readonly", "Read-Only"],
    ["ad-min", "Admin"],
    [" member ", "Member"],
  ])("%j is %j", (value, expected) => {
    expect(spelledAs(roles, value)).toBe(expected);
    expect(spellingHint(roles, value)).toBe(` Statsig spells it "${expected}".`);
  });

  // Never another word: "Admins" may be a custom role's name.
  // "Admın" has a dotless ı, which upper-cases to I: only case is ignored, a look-alike letter is not.
  it.each(["Admins", "Viewer", "Аdmin", "Admın", "", 1, undefined])("%j is no spelling of a role", (value) => {
    expect(spelledAs(roles, value)).toBeUndefined();
    expect(spellingHint(roles, value)).toBe("");
  });
});

describe("ranked", () => {
  it("orders every candidate by distance, ignoring case; ties keep their order; nothing is dropped", () => {
    expect(
      ranked("Statsig-Web-Member", ["Statsig-Api-Admin", "statsig-web-members", "Statsig-Web-Admin", "X", "Statsig-Web-Admin"]),
    ).toEqual(["statsig-web-members", "Statsig-Web-Admin", "Statsig-Web-Admin", "Statsig-Api-Admin", "X"]);
    expect(ranked("a", [])).toEqual([]);
  });
});
