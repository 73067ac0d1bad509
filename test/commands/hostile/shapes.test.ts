/**
 * `check` and `roles` against an Okta whose answers have the wrong shape, each run through the CLI entry:
 * exit 2, one line naming the request and the field at fault, and no verdict (nothing on stdout, no summary).
 * Without the script, both find the org in order (exit 0): what changes is the script's doing.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OWNERS } from "../../support/rolesOrgs";
import { answer, APP_ID, edit, PATHS, project, run, startHostile, type HostileOkta, type Script } from "../../support/hostileOkta";

let okta: HostileOkta;
beforeEach(async () => {
  okta = await startHostile();
});
afterEach(async () => {
  await okta.stop();
});

const SHAPE = "Okta's answer is not what its API describes";

describe("the org as it is", () => {
  it("check finds everything matching and roles no finding, exit 0", async () => {
    const check = await run("check", okta.origin);
    expect(check.stdout).toMatch(/\nEverything matches\.\n$/);
    expect(check.code).toBe(0);
    const roles = await run("roles", okta.origin);
    expect(roles.stdout).toMatch(/\nNo findings\.\n$/);
    expect(roles.code).toBe(0);
  });
});

type Expect = { path: string; field: string };

/** A wrong shape, where it is served, and what each command that reads it says. */
const CASES: [string, string, Script, { check?: Expect; roles?: Expect }][] = [
  [
    "group assignments as [1,2,3]",
    PATHS.checkGroups,
    answer("[1,2,3]"),
    {
      check: {
        path: PATHS.checkGroups,
        field: "[0]: expected object, got number; [1]: expected object, got number; [2]: expected object, got number",
      },
      roles: {
        path: PATHS.rolesGroups,
        field: "[0]: expected object, got number; [1]: expected object, got number; [2]: expected object, got number",
      },
    },
  ],
  [
    "a group assignment's priority as text",
    PATHS.checkGroups,
    edit((list: { priority: unknown }[]) => ((list[2]!.priority = String(list[2]!.priority)), list)),
    {
      check: { path: PATHS.checkGroups, field: "[2].priority: expected number, got string" },
      roles: { path: PATHS.rolesGroups, field: "[2].priority: expected number, got string" },
    },
  ],
  [
    "a group assignment without its id",
    PATHS.checkGroups,
    edit((list: { id?: unknown }[]) => (delete list[1]!.id, list)),
    {
      check: { path: PATHS.checkGroups, field: "[1].id: missing (expected string)" },
      roles: { path: PATHS.rolesGroups, field: "[1].id: missing (expected string)" },
    },
  ],
  [
    "a group assignment whose id would fake a line or a path",
    PATHS.checkGroups,
    edit((list: { id?: unknown }[]) => ((list[1]!.id = "00g1\nfake: line/../x"), list)),
    {
      check: { path: PATHS.checkGroups, field: "[1].id: expected an Okta id (letters and digits)" },
      roles: { path: PATHS.rolesGroups, field: "[1].id: expected an Okta id (letters and digits)" },
    },
  ],
  [
    "an empty answer for the group assignments",
    PATHS.checkGroups,
    answer(""),
    {
      check: { path: PATHS.checkGroups, field: "an empty answer (expected array)" },
      roles: { path: PATHS.rolesGroups, field: "an empty answer (expected array)" },
    },
  ],
  ["app users as [1,2,3]", PATHS.appUsers, answer("[1]"), { roles: { path: PATHS.appUsers, field: "[0]: expected object, got number" } }],
  [
    "an app user's role as a number",
    PATHS.appUsers,
    edit((list: { profile: Record<string, unknown> }[]) => ((list[1]!.profile.statsigOrgRole = 2), list)),
    { roles: { path: PATHS.appUsers, field: "[1].profile.statsigOrgRole: expected string, got number" } },
  ],
  [
    "user types as an object",
    PATHS.userTypes,
    answer("{}"),
    {
      check: { path: PATHS.userTypes, field: "expected array, got object" },
      roles: { path: PATHS.userTypes, field: "expected array, got object" },
    },
  ],
  ["a user schema of null", PATHS.userSchema, answer("null"), { check: { path: PATHS.userSchema, field: "expected object, got null" } }],
  [
    "an app schema without its custom attributes",
    PATHS.appSchema,
    answer('{"definitions":{"base":{}}}'),
    { check: { path: PATHS.appSchema, field: "definitions.custom: missing (expected object)" } },
  ],
  [
    "group members with numeric ids",
    PATHS.members(OWNERS),
    answer('[{"id":5,"profile":{}}]'),
    { roles: { path: PATHS.members(OWNERS), field: "[0].id: expected string, got number" } },
  ],
];

describe.each(CASES)("%s", (_title, where, script, expected) => {
  it.each(["check", "roles"] as const)("%s: exit 2, naming the request and the field, no verdict", async (command) => {
    okta.on(where, script);
    const result = await run(command, okta.origin);
    const want = expected[command];
    if (!want) {
      // The other command does not read it, and is not disturbed by it.
      expect(result.code).toBe(0);
      return;
    }
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(`statsig-okta ${command}: GET ${want.path}: ${SHAPE}: ${want.field}\n`);
  });
});

describe("a mapping of null, and mapping properties that are not an object", () => {
  it.each(["check", "roles"] as const)("%s: exit 2 naming the mapping", async (command) => {
    const mapping = PATHS.oktaToApp(okta.okta.org);
    okta.on(mapping, answer("null"));
    const result = await run(command, okta.origin);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(`statsig-okta ${command}: GET ${mapping}: ${SHAPE}: expected object, got null\n`);

    okta.on(
      mapping,
      edit((body: { properties: unknown }) => ((body.properties = []), body)),
    );
    const list = await run(command, okta.origin);
    expect(list.stderr).toBe(`statsig-okta ${command}: GET ${mapping}: ${SHAPE}: properties: expected object, got array\n`);
  });
});

describe("under --json", () => {
  it.each(["check", "roles"] as const)("%s prints only the error object", async (command) => {
    okta.on(PATHS.checkGroups, answer("[1,2,3]"));
    const result = await run(command, okta.origin, ["--json"]);
    expect(result.code).toBe(2);
    const path = command === "check" ? PATHS.checkGroups : PATHS.rolesGroups;
    expect(JSON.parse(result.stdout)).toEqual({
      result: "error",
      command,
      exitCode: 2,
      message: `GET ${path}: ${SHAPE}: [0]: expected object, got number; [1]: expected object, got number; [2]: expected object, got number`,
    });
  });
});

describe("an answer that is not JSON", () => {
  it.each(["check", "roles"] as const)("%s: exit 2, asking whether this is an Okta org", async (command) => {
    okta.on(PATHS.userTypes, answer("<html><body>Sign in</body></html>", { "content-type": "text/html" }));
    const result = await run(command, okta.origin);
    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe(
      `statsig-okta ${command}: GET ${PATHS.userTypes}: Okta answered with something that is not JSON: is ${okta.origin} an Okta org?\n`,
    );
  });
});

describe("group push links of a wrong shape (read by both commands when the config has project roles)", () => {
  const WEB = "00gwebengineers00001";
  const links = `/api/v1/apps/${APP_ID}/group-push/mappings?limit=1000`;
  const withProjectRoles = () => project([`statsig-okta:projectRoles: '[{"groupId":"${WEB}","project":"Web","role":"Member"}]'`]);

  it.each<[string, Script, string]>([
    ["an object for the list", answer('{"mappings":[]}'), "expected array, got object"],
    ["a status that is not text", answer(`[{"id":"gPm1","sourceGroupId":"${WEB}","status":1}]`), "[0].status: expected string, got number"],
    [
      "a source group id that would fake a path",
      answer('[{"id":"gPm1","sourceGroupId":"../x"}]'),
      "[0].sourceGroupId: expected an Okta id (letters and digits)",
    ],
  ])("%s: exit 2 naming the request and the field", async (_what, script, field) => {
    okta.okta.org.groups.push({ id: WEB, name: "Web Engineers", members: [] });
    okta.on(links, script);
    for (const command of ["check", "roles"] as const) {
      const result = await run(command, okta.origin, [], withProjectRoles());
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr).toBe(`statsig-okta ${command}: GET ${links}: ${SHAPE}: ${field}\n`);
    }
  });
});
