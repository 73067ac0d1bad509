import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CONFIG_KEYS } from "../src/stackConfig/keys";
import { runStack } from "../src/component/stack";
import { wrongScopeMessage } from "../src/domain/desired";
import { validateOrgRolesArgs } from "../src/domain/validation";
import { run } from "./support/harness";

const readme = readFileSync("README.md", "utf8");

/** The first-column names of the table under a `## heading`. */
function tableNames(heading: string): string[] {
  const section = readme.split(`\n## ${heading}\n`)[1]?.split("\n## ")[0] ?? "";
  return [...section.matchAll(/^\| `([A-Za-z]+)` \|/gm)].map((m) => m[1]!);
}

describe("README matches the code", () => {
  it("Switching modes gives the steps in the order the component's warning and check give them", () => {
    const section = readme.split("\n## Switching modes\n")[1]!.split("\n## ")[0]!;
    const steps = [...section.matchAll(/^(\d)\. (.*)$/gm)].map((m) => m[2]!);
    const message = wrongScopeMessage("SELF", "NONE");
    const inMessage = [...message.matchAll(/(\d)\. ([^;(]+)/g)].map((m) => m[2]!.trim());
    expect(steps).toHaveLength(inMessage.length);
    steps.forEach((step, i) =>
      expect(step.toLowerCase().replace(/`/g, "")).toContain(
        inMessage[i]!.toLowerCase()
          .replace(/`/g, "")
          .replace(/ in okta$/, ""),
      ),
    );
  });

  it("the Inputs table lists every input, in the args interface's order", () => {
    expect(tableNames("Inputs")).toEqual(Object.keys(CONFIG_KEYS).filter((k) => k !== "name"));
  });

  it("the Inputs table marks only appId as required", () => {
    const section = readme.split("\n## Inputs\n")[1]!.split("\n## ")[0]!;
    const required = [...section.matchAll(/^\| `([A-Za-z]+)` \|.*\| (yes|no) \|$/gm)].filter((m) => m[2] === "yes").map((m) => m[1]);
    expect(required).toEqual(["appId"]);
  });

  it("has no placeholder left", () => {
    expect(readme).not.toMatch(/BENCH_TABLE|TODO|TBD/);
  });

  it("the Outputs table lists every output", async () => {
    const { result } = await run(() => runStack({ "statsig-okta:appId": "0oa1b2c3d4e5f6g7h8i9" }));
    expect(tableNames("Outputs").sort()).toEqual(Object.keys(result).sort());
  });

  it("the example validation error is the real one", () => {
    const shown = readme.split("Bad input fails before anything is created")[1]!.split("```")[1]!.trim();
    let message = "";
    try {
      validateOrgRolesArgs('statsig-okta:index:OrgRoles "statsig"', {
        appId: "00g1b2c3d4e5f6g7h8i9",
        roleGroups: [{ groupId: "00g2adminGroup000002", role: "admin" }],
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(shown).toBe(message);
  });

  it("starts with the two commands a newcomer runs, and .ci/run runs the same test command", () => {
    expect(readme).toMatch(/```sh\nnpm ci && npm start .*\nnpm test .*\n```/);
    expect(readFileSync(".ci/run", "utf8")).toMatch(/^npm ci\b/m);
    expect(readFileSync(".ci/run", "utf8")).toMatch(/^npm test\b/m);
  });
});
