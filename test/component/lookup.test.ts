import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

it.each(["throw", "empty"])("a default user type lookup that finds nothing (%s) fails the program and creates no mapping", (lookup) => {
  // In a subprocess: the failure surfaces as the unhandled rejection that ends a real `pulumi up`.
  const child = spawnSync(process.execPath, ["test/support/programs/missing-user-type.cjs"], {
    encoding: "utf8",
    env: { ...process.env, LOOKUP: lookup },
  });
  expect(child.status).not.toBe(0);
  expect(child.stdout).not.toContain("user type id:");
  const { registered } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { registered: string[] };
  expect(registered).not.toContain("okta:profile/mapping:Mapping");
  expect(registered).toContain("okta:index/appUserSchemaProperty:AppUserSchemaProperty");
  if (lookup === "empty") expect(child.stderr).toContain('Okta returned no id for the default user type "user"; set userTypeId');
});

it.each([
  ["missing", /Okta did not return the app 0oa1b2c3d4e5f6g7h8i9.*: check that appId is the Statsig SCIM app's id/],
  ["inactive", /the Statsig app 0oa1b2c3d4e5f6g7h8i9 is INACTIVE: activate it and enable provisioning/],
])("an app that is %s fails the program with what to fix, before anything is written to Okta", (state, message) => {
  const child = spawnSync(process.execPath, ["test/support/programs/app-check.cjs"], {
    encoding: "utf8",
    env: { ...process.env, APP: state },
  });
  expect(child.status).not.toBe(0);
  expect(child.stderr).toMatch(message);
  // Not the provider's "expected non-empty ID for new state during Create" from deep inside a create.
  expect(child.stderr).not.toContain("non-empty ID");
  const { registered } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { registered: string[] };
  expect(registered).toEqual(["statsig-okta:index:OrgRoles"]);
});
