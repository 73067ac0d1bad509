import { describe, expect, it } from "vitest";
import { z } from "zod";
import { duplicates, formatPath, Issues } from "../../src/domain/issues";

describe("duplicates: the rule behind every 'must be unique'", () => {
  it("names each repeat with the first entry that had its key", () => {
    expect(duplicates(["a", "b", "a", undefined, "b", "a"])).toEqual([
      { key: "a", index: 2, first: 0 },
      { key: "b", index: 4, first: 1 },
      { key: "a", index: 5, first: 0 },
    ]);
  });

  it("never counts an entry without a key", () => {
    expect(duplicates([undefined, undefined, "x"])).toEqual([]);
  });
});

describe("Issues", () => {
  it("records a schema's problems under the path where the value was found, as a user writes it", () => {
    const issues = new Issues();
    const schema = z.array(z.object({ role: z.string({ error: "expected a role" }) }));
    expect(issues.parse(schema, [{ role: "Admin" }, { role: 1 }], ["projectRoles"])).toBeUndefined();
    expect(issues.errors).toEqual([{ path: ["projectRoles", 1, "role"], message: "expected a role" }]);
    expect(issues.errors.map((issue) => formatPath(issue.path))).toEqual(["projectRoles[1].role"]);
    expect(issues.parse(schema, [{ role: "Admin" }])).toEqual([{ role: "Admin" }]);
  });

  it("records a symbol key of the path as text, so that the path can be shown", () => {
    const issues = new Issues();
    const key = Symbol("role");
    expect(issues.parse(z.object({ [key]: z.string({ error: "expected a role" }) }), { [key]: 1 }, ["roleGroups", 0])).toBeUndefined();
    expect(issues.errors).toEqual([{ path: ["roleGroups", 0, "Symbol(role)"], message: "expected a role" }]);
    expect(formatPath(issues.errors[0]!.path)).toBe("roleGroups[0].Symbol(role)");
  });

  it("starts a warning with where it is", () => {
    const issues = new Issues();
    issues.warn(["roleGroups", 0], "maps a group to Owner");
    expect(issues.warnings).toEqual(["roleGroups[0] maps a group to Owner"]);
    expect(issues.errors).toEqual([]);
  });

  it("shows the input itself as (args)", () => {
    expect(formatPath([])).toBe("(args)");
  });
});
