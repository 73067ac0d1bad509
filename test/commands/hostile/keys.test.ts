/**
 * `__proto__`, `constructor` and `prototype` keys in Okta's JSON are data: in a mapping's properties, a
 * schema's attributes and profiles they never change what `check` and `roles` say. The org behind the hostile
 * front is in order (both exit 0); the keys are written into Okta's answers as raw JSON, where an object
 * literal could not say them.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PATHS, project, rewrite, run, startHostile, type HostileOkta, type Run } from "../../support/hostileOkta";

let okta: HostileOkta;
beforeEach(async () => {
  okta = await startHostile();
});
afterEach(async () => {
  await okta.stop();
});

/** Both commands' output on the org as it is. */
async function baseline(): Promise<Record<"check" | "roles", Run>> {
  return { check: await run("check", okta.origin), roles: await run("roles", okta.origin) };
}

/** `text` with `pattern` replaced; a pattern that matches nothing fails the answer (and so the test). */
function replaced(text: string, pattern: RegExp, replacement: (match: string, ...groups: string[]) => string): string {
  if (!pattern.test(text)) throw new Error(`nothing in Okta's answer matches ${pattern}`);
  return text.replace(pattern, replacement);
}

/** Adds `keys` (raw JSON members) at the start of every object that follows `"<name>":` in an answer. */
const insertInto = (name: string, keys: string) =>
  rewrite((text) => replaced(text, new RegExp(`"${name}":\\{(\\}?)`, "g"), (_, empty) => `"${name}":{${keys}${empty ? "}" : ","}`));

/** Replaces the first match of `pattern` in an answer. */
const replacing = (pattern: RegExp, replacement: string) => rewrite((text) => replaced(text, pattern, () => replacement));

/** The same output, apart from the org's address and the time taken. */
const same = (result: Run, before: Run) => {
  expect(result.code).toBe(before.code);
  expect(result.stdout.replace(/\(\d+ requests, [\d.]+ s\)/, "")).toBe(before.stdout.replace(/\(\d+ requests, [\d.]+ s\)/, ""));
};

describe("in a mapping's properties", () => {
  it("a __proto__ that would map the role does not: check still finds it unmapped (group mode), roles no mapping source", async () => {
    const before = await baseline();
    expect(before.check.stdout).toContain("not mapped, as group mode needs");
    okta.on(
      PATHS.oktaToApp(okta.okta.org),
      insertInto(
        "properties",
        `"__proto__":{"statsigOrgRole":{"expression":"user.statsigOrgRole","pushStatus":"PUSH"}},"constructor":{"statsigOrgRole":{"expression":"'Owner'"}},"prototype":null`,
      ),
    );
    same(await run("check", okta.origin), before.check);
    const roles = await run("roles", okta.origin);
    same(roles, before.roles);
    expect(roles.stdout).not.toMatch(/mapping/);
  });

  it("a __proto__ holding the mapped attribute is not it: check reports the Statsig -> Okta mapping as not mapping it", async () => {
    okta.on(
      PATHS.appToOkta(okta.okta.org),
      replacing(
        /"statsigOrgRole":\{"expression":"appuser\.statsigOrgRole","pushStatus":"DONT_PUSH"\}/,
        `"__proto__":{"statsigOrgRole":{"expression":"appuser.statsigOrgRole","pushStatus":"DONT_PUSH"}}`,
      ),
    );
    const check = await run("check", okta.origin);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/MISSING +Steps 3\+5 +Statsig -> Okta mapping of "statsigOrgRole"/);
    expect(check.stdout).toMatch(/does not map statsigOrgRole/);
  });
});

describe("in a schema's attributes", () => {
  it("extra __proto__, constructor and prototype attributes change nothing", async () => {
    const before = await baseline();
    const keys = `"__proto__":{"type":"boolean","statsigOrgRole":{"type":"boolean"}},"constructor":{"type":"integer"},"prototype":null`;
    okta.on(PATHS.userSchema, insertInto("properties", keys)).on(PATHS.appSchema, insertInto("properties", keys));
    same(await run("check", okta.origin), before.check);
  });

  it("a __proto__ holding the attribute is not it: step 1 is MISSING", async () => {
    okta.on(
      PATHS.userSchema,
      replacing(
        /"custom":\{"id":"#custom","type":"object","properties":\{"statsigOrgRole":/,
        `"custom":{"id":"#custom","type":"object","properties":{"__proto__":`,
      ),
    );
    const check = await run("check", okta.origin);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/MISSING +Step 1 +Okta user attribute "statsigOrgRole"/);
  });

  it("an Okta attribute configured as `constructor` is found only when Okta has it", async () => {
    // The org has statsigOrgRole, not `constructor`: step 1 and the Statsig -> Okta mapping of it are missing.
    const check = await run("check", okta.origin, [], project(["statsig-okta:oktaAttributeName: constructor"]));
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/MISSING +Step 1 +Okta user attribute "constructor"/);
    expect(check.stdout).toMatch(/MISSING +Steps 3\+5 +Statsig -> Okta mapping of "constructor"/);
  });
});

describe("in profiles", () => {
  it("__proto__, constructor and prototype in every profile (app users, their Okta users, group assignments) change nothing", async () => {
    const before = await baseline();
    const keys = `"__proto__":{"statsigOrgRole":"Owner","login":"mallory@example.com"},"constructor":"Owner","prototype":"Owner"`;
    okta.on(PATHS.appUsers, insertInto("profile", keys)).on(PATHS.checkGroups, insertInto("profile", keys));
    same(await run("check", okta.origin), before.check);
    const roles = await run("roles", okta.origin);
    same(roles, before.roles);
    expect(roles.stdout).not.toContain("mallory");
  });

  it("a __proto__ holding a role is no role: roles reports the user without one", async () => {
    okta.on(PATHS.appUsers, replacing(/"statsigOrgRole":"Member"/, `"__proto__":{"statsigOrgRole":"Member"}`));
    const roles = await run("roles", okta.origin);
    expect(roles.code).toBe(1);
    expect(roles.stdout).toMatch(/Without a role \(1\)\n.*\n +mel\.member@example\.com /);
  });
});
