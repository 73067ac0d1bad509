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

/** Runs test/support/programs/group-lookup.cjs: OrgRoles under the fake Okta, whose Statsig group lookups fail. */
function groupLookup(groups: "missing" | "several" | "forbidden") {
  const child = spawnSync(process.execPath, ["test/support/programs/group-lookup.cjs"], {
    encoding: "utf8",
    env: { ...process.env, SCENARIO: groups },
  });
  const { registered, lookups } = JSON.parse(child.stdout.trim().split("\n").pop()!) as { registered: string[]; lookups: string[] };
  return { status: child.status, stderr: child.stderr, registered, lookups };
}

it("a Statsig group the app has not imported fails the deployment before any write, with one error naming each entry and the imported names", () => {
  const { status, stderr, registered, lookups } = groupLookup("missing");
  expect(status).not.toBe(0);
  // Nothing but the component itself: no attribute, no mapping, no assignment, no link.
  expect(registered).toEqual(["statsig-okta:index:OrgRoles"]);
  const search = (name?: string) =>
    `type eq "APP_GROUP" and source.id eq "0oa1b2c3d4e5f6g7h8i9"${name ? ` and profile.name eq "${name}"` : ""}`;
  // One exact search per entry, then one for the app's imported names, only because some failed.
  expect(lookups).toEqual([search("Statsig-Web-Member"), search("Statsig-Web-Read-Only"), search("Statsig-Mobile-Admin"), search()]);
  expect(stderr).toContain(
    'statsig-okta:index:OrgRoles "statsig": 2 project or team roles have no Statsig group to link to in Okta, so nothing was written:\n' +
      '  - projectRoles[1] (group 00gWebReaders0000001, Read-Only in project Web): no group "Statsig-Web-Read-Only" imported from the app; the closest imported Statsig groups: "Statsig-Web-ReadOnly", "Statsig-Web-Admin", "Statsig-Web-Member", "Statsig-Api-Member"\n' +
      '  - projectRoles[2] (group 00gMobile00000000001, Admin in project Mobile): no group "Statsig-Mobile-Admin" imported from the app; the closest imported Statsig groups: "Statsig-Web-Admin", ',
  );
  expect(stderr).toContain('the Statsig app > Import > Import Now (Statsig\'s setting "Import Groups"');
  // The name found (projectRoles[0]) is not reported, nor the other app's group of the same name, nor a group without Statsig-.
  expect(stderr).not.toContain("projectRoles[0]");
  expect(stderr).not.toContain("00gOtherAppReadOnly1");
  expect(stderr).not.toContain('"Web-Read-Only"');
});

it("a name the app has twice fails the same way, naming both ids", () => {
  const { status, stderr, registered } = groupLookup("several");
  expect(status).not.toBe(0);
  expect(registered).toEqual(["statsig-okta:index:OrgRoles"]);
  expect(stderr).toContain(
    '  - projectRoles[0] (group 00gWebAdmins00000001, Admin in project Web): 2 groups of the app are named "Statsig-Web-Admin" (00gStatsigWebAdmin01, 00gStatsigWebAdmin02): set targetGroupId to the one Statsig uses',
  );
});

it("a groups search Okta refuses fails the deployment before any write, naming the search and the scope it needs", () => {
  const { status, stderr, registered } = groupLookup("forbidden");
  expect(status).not.toBe(0);
  expect(registered).toEqual(["statsig-okta:index:OrgRoles"]);
  // (Pulumi's mocks drop the invoke's own message, which a real provider passes on in the parentheses.)
  expect(stderr).toMatch(
    /statsig-okta:index:OrgRoles "statsig": Okta did not answer the groups search type eq "APP_GROUP" and source\.id eq "0oa1b2c3d4e5f6g7h8i9" and profile\.name eq "Statsig-Web-Member".*: the provider's credentials must be able to read groups \(okta\.groups\.read\)/,
  );
});
