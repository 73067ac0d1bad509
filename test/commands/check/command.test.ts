import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeGroupPush } from "../../support/pushGroupFake";
import { addAppGroups, type OktaOrg } from "../../support/oktaOrg";
import { FakeOktaServer, type FakeOptions } from "../../support/fakeOktaServer";
import {
  ADMINS,
  APP_ID,
  APP_TO_OKTA_ID,
  CONTRACTOR_SCHEMA_ID,
  CONTRACTOR_TYPE_ID,
  EVERYONE,
  freshOrg,
  GROUP_CONFIG,
  groupOrg,
  guideOrg,
  LEGACY,
  MEMBERS,
  oktaAttribute,
  OKTA_TO_APP_ID,
  OWNERS,
  personalOrg,
  stackYaml,
} from "../../support/checkOrgs";
import { runCli, runInProcess, type RunResult } from "../../support/runCheck";
import { loopbackServers } from "../../support/loopback";

const env = { OKTA_API_TOKEN: TOKEN };

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(org: OktaOrg, options: FakeOptions = {}): Promise<FakeOktaServer> {
  server = await new FakeOktaServer(org, { apiToken: TOKEN, ...options }).start();
  return server;
}

const listen = loopbackServers();

const tmp = () => mkdtempSync(path.join(tmpdir(), "statsig-okta-check-"));

/** A directory holding Pulumi.<stack>.yaml, as the user's project directory. */
function project(stack: string, lines: string[]): string {
  const dir = tmp();
  writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stackYaml(lines));
  return dir;
}

function expectOnlyGets(fake: FakeOktaServer) {
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

function expectNoSecret(result: RunResult, ...secrets: string[]) {
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
}

/** The report line of a step: status label, step label, title. */
const line = (stdout: string, pattern: RegExp) => stdout.split("\n").find((l) => pattern.test(l));

describe("statsig-okta check (built CLI in a subprocess)", () => {
  it("reports every step missing in a fresh org, exit 1", async () => {
    const fake = await start(freshOrg());
    const result = await runCli(["--org-url", fake.origin, "--app-id", APP_ID], env, tmp());

    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(line(result.stdout, /Step 1 /)).toMatch(/^\s+MISSING\s+Step 1\s+Okta user attribute "statsigOrgRole" \(user type "user"\)$/);
    expect(line(result.stdout, /Step 2 /)).toMatch(/^\s+MISSING\s+Step 2\s+Statsig app attribute "statsigOrgRole"$/);
    expect(line(result.stdout, /Steps 3\+5/)).toMatch(/MISSING/);
    expect(result.stdout).toContain(`mapping ${APP_TO_OKTA_ID} does not map statsigOrgRole`);
    expect(line(result.stdout, /Steps 4\+5/)).toMatch(/MISSING/);
    expect(result.stdout).toContain(`mapping ${OKTA_TO_APP_ID} does not map statsigOrgRole`);
    expect(result.stdout).toContain("1 other group assignment of the app carries no statsigOrgRole");
    expect(result.stdout).toMatch(/4 differences found\.\n$/);
    // Only the mapping objects (Okta made them with the app) exist to import.
    expect(result.stdout).toMatch(/okta:profile\/mapping:Mapping\s+statsig-app-to-okta\s+prmapptooktamapping1/);
    expect(result.stdout).not.toContain("okta:index/userSchemaProperty");

    // The default type's schema is read through its _links.schema, not a guessed path.
    expect(fake.requests.map((r) => r.path)).toEqual([
      "/api/v1/meta/types/user",
      "/api/v1/meta/schemas/user/oscdefaultusertype01",
      `/api/v1/meta/schemas/apps/${APP_ID}/default`,
      `/api/v1/mappings?sourceId=${APP_ID}&targetId=otydefaultusertype01`,
      `/api/v1/mappings/${APP_TO_OKTA_ID}`,
      `/api/v1/mappings?sourceId=otydefaultusertype01&targetId=${APP_ID}`,
      `/api/v1/mappings/${OKTA_TO_APP_ID}`,
      `/api/v1/apps/${APP_ID}/groups?limit=200`,
    ]);
    expect(fake.requests.every((r) => r.headers.authorization === `SSWS ${TOKEN}`)).toBe(true);
    expectOnlyGets(fake);
    expectNoSecret(result, TOKEN);
  });

  it("finds an org set up as the guide says (personal mode) as expected, exit 0, as JSON", async () => {
    const fake = await start(personalOrg());
    const result = await runCli(["--org-url", fake.origin, "--app-id", APP_ID, "--json"], env, tmp());

    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.result).toBe("match");
    expect(json.mode).toBe("personal");
    expect(json.userType).toEqual({ id: "otydefaultusertype01", name: "user", default: true });
    expect(json.checks.map((c: { step: string; status: string }) => `${c.step} ${c.status}`)).toEqual(["1 ok", "2 ok", "3+5 ok", "4+5 ok"]);
    expect(json.import.map((r: { id: string }) => r.id)).toEqual([
      "statsigOrgRole",
      `${APP_ID}/statsigOrgRole`,
      APP_TO_OKTA_ID,
      OKTA_TO_APP_ID,
    ]);
    expectOnlyGets(fake);
    expectNoSecret(result, TOKEN);
  });

  it("names the missing read scope on a 403, exit 2", async () => {
    const fake = await start(personalOrg(), { forbid: "/api/v1/mappings" });
    const result = await runCli(["--org-url", fake.origin, "--app-id", APP_ID], env, tmp());

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^statsig-okta check: GET \/api\/v1\/mappings\?sourceId=.*: 403 Forbidden \(E0000006 You do not have permission/,
    );
    expect(result.stderr).toContain("okta.profileMappings.read");
    expect(result.stderr).toMatch(/a Read-only Administrator should be able to read everything check needs\)\n$/);
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(new Set(fake.requests.map((r) => r.headers["user-agent"]))).toEqual(new Set([`statsig-okta/${version} (check)`]));
    expectOnlyGets(fake);
    expectNoSecret(result, TOKEN);
  });

  it("compares group mode with a stack's config, reports an extra assignment and writes an import file", async () => {
    const org = groupOrg();
    org.apps[APP_ID]!.groups.push({ id: LEGACY, priority: 5, profile: { statsigOrgRole: "Admin" } });
    const fake = await start(org);
    const dir = project("prod", GROUP_CONFIG);
    const result = await runCli(["--org-url", fake.origin, "--stack", "prod", "--import-file", "import.json"], env, dir);

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Compared with Pulumi.prod.yaml (component "statsig", group mode)');
    expect(line(result.stdout, /Steps 4\+5/)).toMatch(/^\s+ok\s/);
    expect(result.stdout).toContain("not mapped, as group mode needs");
    expect(line(result.stdout, new RegExp(`Group ${OWNERS}`))).toMatch(
      /^\s+ok\s+Groups\s+Group 00gownersgroup000001 -> Owner, priority 1$/,
    );
    expect(line(result.stdout, new RegExp(`Group ${LEGACY}`))).toMatch(
      /^\s+NOT IN CONFIG\s+Groups\s+Group 00glegacygroup000001 \(priority 5\)$/,
    );
    expect(result.stdout).toContain(
      'statsigOrgRole: live "Admin", not set (its members get this role, but the config does not list the group',
    );
    expect(result.stdout).toMatch(/1 difference found\.\n$/);

    expect(result.stderr).toContain("Wrote 6 resources to import.json");
    const file = JSON.parse(readFileSync(path.join(dir, "import.json"), "utf8"));
    expect(file.resources).toEqual([
      { type: "statsig-okta:index:OrgRoles", name: "statsig", component: true },
      { type: "okta:index/userSchemaProperty:UserSchemaProperty", name: "statsig-okta-attribute", id: "statsigOrgRole", parent: "statsig" },
      {
        type: "okta:index/appUserSchemaProperty:AppUserSchemaProperty",
        name: "statsig-app-attribute",
        id: `${APP_ID}/statsigOrgRole`,
        parent: "statsig",
      },
      { type: "okta:profile/mapping:Mapping", name: "statsig-app-to-okta", id: APP_TO_OKTA_ID, parent: "statsig" },
      // Priority order, as the component assigns them: Owner, Admin, Member.
      { type: "okta:app/groupAssignment:GroupAssignment", name: `statsig-group-${OWNERS}`, id: `${APP_ID}/${OWNERS}`, parent: "statsig" },
      { type: "okta:app/groupAssignment:GroupAssignment", name: `statsig-group-${ADMINS}`, id: `${APP_ID}/${ADMINS}`, parent: "statsig" },
      { type: "okta:app/groupAssignment:GroupAssignment", name: `statsig-group-${MEMBERS}`, id: `${APP_ID}/${MEMBERS}`, parent: "statsig" },
    ]);
    expect(readFileSync(path.join(dir, "import.json"), "utf8")).not.toContain(TOKEN);
    expectOnlyGets(fake);
    expectNoSecret(result, TOKEN);
  });
});

describe("statsig-okta check (in-process)", () => {
  it("reports wrong settings: namespace missing, push status wrong, a group with a lowercase role", async () => {
    const org = personalOrg();
    delete org.apps[APP_ID]!.schema.statsigOrgRole!.externalNamespace;
    org.mappings[1]!.properties.statsigOrgRole!.pushStatus = "DONT_PUSH";
    org.apps[APP_ID]!.groups.push({ id: LEGACY, priority: 1, profile: { statsigOrgRole: "admin" } });
    const fake = await start(org);
    const result = await runInProcess(["--org-url", fake.origin, "--app-id", APP_ID], env, tmp());

    expect(result.code).toBe(1);
    expect(line(result.stdout, /Step 1 /)).toMatch(/^\s+ok\s/);
    expect(line(result.stdout, /Step 2 /)).toMatch(/^\s+DIFFERENT\s/);
    expect(result.stdout).toContain(
      'externalNamespace: live (not set), expected "urn:ietf:params:scim:schemas:core:2.0:User" (without it Okta does not send the attribute to Statsig)',
    );
    expect(line(result.stdout, /Steps 3\+5/)).toMatch(/^\s+ok\s/);
    expect(line(result.stdout, /Steps 4\+5/)).toMatch(/^\s+DIFFERENT\s/);
    expect(result.stdout).toContain('pushStatus: live "DONT_PUSH", expected "PUSH"');
    expect(line(result.stdout, new RegExp(LEGACY))).toMatch(/NOT IN CONFIG/);
    expect(result.stdout).toContain('statsigOrgRole: live "admin", not set');
    expect(result.stdout).toMatch(/3 differences found\.\n$/);
    expectOnlyGets(fake);
    expectNoSecret(result, TOKEN);
  });

  it("reports a configured group whose role is spelled in lower case", async () => {
    const org = groupOrg();
    org.apps[APP_ID]!.groups.find((g) => g.id === ADMINS)!.profile = { statsigOrgRole: "admin" };
    const fake = await start(org);
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod"], env, project("prod", GROUP_CONFIG));

    expect(result.code).toBe(1);
    expect(line(result.stdout, new RegExp(`Group ${ADMINS}`))).toMatch(
      /^\s+DIFFERENT\s+Groups\s+Group 00gadminsgroup000001 -> Admin, priority 2$/,
    );
    expect(result.stdout).toContain('statsigOrgRole: live "admin", expected "Admin" (Statsig spells it "Admin")');
    expect(result.stdout).toMatch(/1 difference found\.\n$/);
  });

  it("finds group mode set up correctly as expected, exit 0", async () => {
    const fake = await start(groupOrg());
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod"], env, project("prod", GROUP_CONFIG));
    expect(result.stdout).toMatch(/Everything matches\.\n$/);
    expect(result.code).toBe(0);
    expectOnlyGets(fake);
  });

  it("finds an org that followed Statsig's guide by hand (no list of values, as Okta answers app attributes) as expected, exit 0", async () => {
    const fake = await start(guideOrg());
    const result = await runInProcess(["--org-url", fake.origin, "--app-id", APP_ID], env, tmp());

    expect(result.stdout).toMatch(/Everything matches\.\n$/);
    expect(result.code).toBe(0);
    // What `pulumi up` would still add is said, not counted as a difference.
    expect(result.stdout).toContain("no list of values: any text reaches Statsig; `pulumi up` limits it to Member, Admin, Owner");
    expectOnlyGets(fake);
  });

  it("in group mode, reports a Personal app attribute with the safe procedure, since Okta cannot change its scope", async () => {
    // An org set up by the guide's "Personal" variant, compared with a group-mode config.
    const org = personalOrg();
    delete org.mappings[1]!.properties.statsigOrgRole;
    org.apps[APP_ID]!.groups = groupOrg().apps[APP_ID]!.groups;
    const fake = await start(org);
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod"], env, project("prod", GROUP_CONFIG));

    expect(result.code).toBe(1);
    expect(line(result.stdout, /Step 2 /)).toMatch(/^\s+DIFFERENT\s/);
    const scope = line(result.stdout, /scope: live "SELF", expected "NONE"/);
    expect(scope).toMatch(/Okta cannot change the scope of an existing attribute; until it is fixed, group roles do not reach Statsig/);
    expect(scope).toMatch(
      /1\. remove statsigOrgRole from the Okta -> Statsig mapping.*2\. delete the app attribute.*3\. `pulumi refresh`; 4\. `pulumi up`/,
    );
    expect(result.stdout).toMatch(/1 difference found\.\n$/);
  });

  it("in group mode, reports a group at priority 0 above the role groups, which the provider cannot outrank", async () => {
    const org = groupOrg();
    org.apps[APP_ID]!.groups.push({ id: LEGACY, priority: 0, profile: {} });
    const fake = await start(org);
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod"], env, project("prod", GROUP_CONFIG));

    expect(result.code).toBe(1);
    expect(line(result.stdout, new RegExp(`Group ${LEGACY}`))).toMatch(
      /^\s+NOT IN CONFIG\s+Groups\s+Group 00glegacygroup000001 \(priority 0\)$/,
    );
    expect(result.stdout).toMatch(/priority: live 0, not set \(sits at priority 0, above every role group.*cannot write priority 0/);
  });

  it("compares the project and team role links with the config: linked, missing, and a Statsig link it does not list", async () => {
    const org = groupOrg();
    addAppGroups(org, APP_ID, [
      { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
      { id: "00gStatsigWebAdmin01", name: "Statsig-Web-Admin" },
      { id: "00gStatsigWebGrAdmin", name: "Statsig-Web-Growth-Admin" },
    ]);
    const push = new FakeGroupPush(org);
    push.link(APP_ID, { sourceGroupId: "00gwebengineers00001", status: "ACTIVE", targetGroupName: "Statsig-Web-Member" });
    push.link(APP_ID, { sourceGroupId: "00gwebformeradmins01", status: "ACTIVE", targetGroupName: "Statsig-Web-Admin" });
    const fake = await start(org);
    const config = [
      ...GROUP_CONFIG,
      "statsig-okta:projectRoles:",
      "  - { groupId: 00gwebengineers00001, project: Web, role: Member }",
      "  - { groupId: 00gwebgrowthleads001, project: Web, team: Growth, role: Admin }",
    ];
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod"], env, project("prod", config));

    expect(result.code).toBe(1);
    expect(line(result.stdout, /00gwebengineers00001/)).toMatch(/^\s+ok\s+Push\s+Group 00gwebengineers00001 -> "Statsig-Web-Member"/);
    expect(line(result.stdout, /00gwebgrowthleads001/)).toMatch(/^\s+MISSING\s+Push\s+/);
    expect(line(result.stdout, /00gwebformeradmins01/)).toMatch(/^\s+NOT IN CONFIG\s+Push\s+/);
    expect(result.stdout).toMatch(/2 differences found\.\n$/);
    expectOnlyGets(fake);
  });

  it("reports every way a link gets stuck, with its recovery and URN, and carries on past a target it cannot read", async () => {
    const org = groupOrg();
    addAppGroups(org, APP_ID, [
      { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
      { id: "00gStatsigWebAdmin01", name: "Statsig-Web-Admin" },
      { id: "00gStatsigApiMember1", name: "Statsig-Api-Member" },
      { id: "00gStatsigApiAdmin01", name: "Statsig-Api-Admin" },
    ]);
    const push = new FakeGroupPush(org);
    // A push that failed: Okta leaves the link in ERROR, which the provider refuses to update or delete.
    push.link(APP_ID, { sourceGroupId: "00gwebengineers00001", status: "ACTIVE", targetGroupName: "Statsig-Web-Member" });
    org.apps[APP_ID]!.pushMappings[0]!.status = "ERROR";
    // Retargeted by hand to another Statsig group.
    push.link(APP_ID, { sourceGroupId: "00gapiengineers00001", status: "ACTIVE", targetGroupName: "Statsig-Api-Admin" });
    // Its target group deleted in Okta: the group cannot be read.
    push.link(APP_ID, { sourceGroupId: "00gwebadmins00000001", status: "ACTIVE", targetGroupName: "Statsig-Web-Admin" });
    org.groups = org.groups.filter((group) => group.id !== "00gStatsigWebAdmin01");
    // 00gapiadmins00000001 is not linked at all (unlinked in the admin console, or never deployed).
    const fake = await start(org, { pageSize: 2 });
    const dir = project("prod", [
      ...GROUP_CONFIG,
      "statsig-okta:projectRoles:",
      "  - { groupId: 00gwebengineers00001, project: Web, role: Member }",
      "  - { groupId: 00gapiengineers00001, project: Api, role: Member }",
      "  - { groupId: 00gwebadmins00000001, project: Web, role: Admin }",
      "  - { groupId: 00gapiadmins00000001, project: Api, role: Admin }",
    ]);
    writeFileSync(path.join(dir, "Pulumi.yaml"), "name: statsig-okta\nruntime: nodejs\n");
    const urn = (group: string) =>
      `urn:pulumi:prod::statsig-okta::statsig-okta:index:OrgRoles$okta:index/pushGroup:PushGroup::statsig-push-${group}`;

    const result = await runCli(["--org-url", fake.origin, "--stack", "prod"], env, dir);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    expect(line(result.stdout, /Group 00gwebengineers00001/)).toMatch(/^\s+DIFFERENT\s+Push\s/);
    expect(result.stdout).toContain(
      `a link in ERROR blocks Pulumi: the Okta provider refuses to update or delete it ("Group push mapping in disallowed status")`,
    );
    expect(result.stdout).toContain(`pulumi state delete '${urn("00gwebengineers00001")}'`);
    expect(line(result.stdout, /Group 00gapiengineers00001/)).toMatch(/^\s+DIFFERENT\s+Push\s/);
    expect(result.stdout).toContain(
      `target group: live "Statsig-Api-Admin", expected "Statsig-Api-Member" (linked to another group than the config says: either the config changed since the last \`pulumi up\` (which then relinks it), or the link was retargeted by hand, which \`pulumi up\` does not notice`,
    );
    expect(result.stdout).toContain(`pulumi up --replace '${urn("00gapiengineers00001")}'`);
    expect(line(result.stdout, /Group 00gwebadmins00000001/)).toMatch(/^\s+UNREADABLE\s+Push\s/);
    expect(result.stdout).toContain(
      "the target group 00gStatsigWebAdmin01 cannot be read, so the link cannot be checked: GET /api/v1/groups/00gStatsigWebAdmin01: 404",
    );
    expect(line(result.stdout, /Group 00gapiadmins00000001/)).toMatch(/^\s+MISSING\s+Push\s/);
    expect(result.stdout).toContain(`Run pulumi state delete '${urn("00gapiadmins00000001")}', then \`pulumi up\` links it again`);
    expect(result.stdout).toMatch(/4 differences found\.\n$/);
    // The links' two pages, then each target group once.
    expect(fake.requests.filter((r) => r.path.includes("group-push")).map((r) => r.path)).toEqual([
      `/api/v1/apps/${APP_ID}/group-push/mappings?limit=1000`,
      `/api/v1/apps/${APP_ID}/group-push/mappings?after=${org.apps[APP_ID]!.pushMappings[1]!.id}&limit=1000`,
    ]);
    expectOnlyGets(fake);

    const json = await runInProcess(["--org-url", fake.origin, "--stack", "prod", "--json"], env, dir);
    const links = JSON.parse(json.stdout).checks.filter((c: { step: string }) => c.step === "push");
    expect(links.map((c: { status: string; urn: string }) => [c.status, c.urn])).toEqual([
      ["different", urn("00gwebengineers00001")],
      ["different", urn("00gapiengineers00001")],
      ["unreadable", urn("00gwebadmins00000001")],
      ["missing", urn("00gapiadmins00000001")],
    ]);
    expect(json.code).toBe(1);
  });

  it("follows pagination of the group assignments across pages", async () => {
    const org = groupOrg();
    org.apps[APP_ID]!.groups.push({ id: LEGACY, priority: 4, profile: { statsigOrgRole: "Member" } });
    const fake = await start(org, { pageSize: 2 });
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "prod", "--json"], env, project("prod", GROUP_CONFIG));

    const pages = fake.requests.filter((r) => r.path.startsWith(`/api/v1/apps/${APP_ID}/groups`)).map((r) => r.path);
    expect(pages).toEqual([
      `/api/v1/apps/${APP_ID}/groups?limit=200`,
      `/api/v1/apps/${APP_ID}/groups?after=${ADMINS}&limit=2`,
      `/api/v1/apps/${APP_ID}/groups?after=${EVERYONE}&limit=2`,
    ]);
    const json = JSON.parse(result.stdout);
    // Groups from all three pages: three configured ones found, the extra one on the last page reported.
    const groups = json.checks.filter((c: { step: string }) => c.step === "groups");
    expect(groups.map((c: { status: string }) => c.status)).toEqual(["ok", "ok", "ok", "not-in-config"]);
    expect(groups[3].title).toContain(LEGACY);
    expect(json.otherAssignments).toBe(1);
    expect(result.code).toBe(1);
  });

  it("reads the configured user type's schema and mappings, and names it in the import id", async () => {
    const org = personalOrg();
    org.userSchemas[CONTRACTOR_SCHEMA_ID] = { statsigOrgRole: oktaAttribute() };
    const fake = await start(org);
    const dir = project("contractors", [`statsig-okta:userTypeId: ${CONTRACTOR_TYPE_ID}`]);
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "contractors", "--json"], env, dir);

    const json = JSON.parse(result.stdout);
    expect(json.userType).toEqual({ id: CONTRACTOR_TYPE_ID, name: "contractor", default: false });
    expect(fake.requests.map((r) => r.path)).toContain(`/api/v1/meta/schemas/user/${CONTRACTOR_SCHEMA_ID}`);
    expect(json.checks[0].import.id).toBe(`${CONTRACTOR_TYPE_ID}.statsigOrgRole`);
    // Okta has no mappings between the app and this type in the fake org.
    expect(json.checks[2].status).toBe("missing");
    expect(result.code).toBe(1);
  });

  it("refuses a wrong API token with exit 2, without echoing it", async () => {
    const fake = await start(personalOrg());
    const wrong = "00WrongWrongWrongWrongWrongWrongWrong_-X";
    const result = await runInProcess(["--org-url", fake.origin, "--app-id", APP_ID], { OKTA_API_TOKEN: wrong }, tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /401 Unauthorized \(E0000011 Invalid token provided\)\. Okta does not accept the API token in OKTA_API_TOKEN/,
    );
    expectNoSecret(result, wrong);
    expect(fake.requests).toHaveLength(1);
  });

  it("says when the app does not exist, exit 2", async () => {
    const fake = await start(personalOrg());
    const result = await runInProcess(["--org-url", fake.origin, "--app-id", "0oanosuchapp00000001", "--json"], env, tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Okta has no app 0oanosuchapp00000001 with a user schema");
    // Okta answered: its HTTP status is in the error object.
    expect(JSON.parse(result.stdout)).toMatchObject({ result: "error", command: "check", exitCode: 2, status: 404 });
  });

  it("rejects an invalid config with its config keys before sending anything, exit 2", async () => {
    const fake = await start(personalOrg());
    const dir = project("bad", ["statsig-okta:roleGroups:", `  - groupId: ${ADMINS}`, "    role: admin"]);
    const result = await runInProcess(["--org-url", fake.origin, "--stack", "bad"], env, dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("statsig-okta:roleGroups[0].role");
    expect(result.stderr).toContain('Statsig spells it "Admin"');
    expect(fake.requests).toEqual([]);
  });

  it.each([
    [["--org-url", "http://192.0.2.10", "--app-id", APP_ID], /only https is allowed/],
    [["--app-id", APP_ID], /--org-url is required/],
    [["--org-url", "https://acme.okta.com"], /--app-id is required/],
    [["--org-url", "https://acme.okta.com", "--app-id", "0oa-short"], /--app-id: "0oa-short" is not an Okta app id/],
    [["--org-url", "https://acme-admin.okta.com", "--app-id", APP_ID], /use the org URL https:\/\/acme\.okta\.com/],
    [["--org-url", "https://acme.okta.com", "--stack", "a", "--config", "b.yaml"], /give --stack or --config, not both/],
    [
      ["--bogus"],
      /unknown option --bogus; options: --org-url, --app-id, --stack, --config, --key, --name, --timeout, --help, --json, --import-file, --statsig, --statsig-url\. Run/,
    ],
    [["--org-url", "https://acme.okta.com", "--stak", "prod"], /unknown option --stak; did you mean --stack\? Run/],
    [["--org-url", "https://acme.okta.com", "--stack", ""], /--stack is empty: give a stack name/],
    [["--org-url", "https://acme.okta.com", "--stack", "../prod"], /--stack "\.\.\/prod" is not a stack name/],
    [["--org-url", "https://acme.okta.com", "--stack", "nosuch"], /: ENOENT \(no such file\)\. Stacks in .*: one, two$/m],
  ])("refuses %j with exit 2 before any request", async (args, message) => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error("no request expected")));
    vi.stubGlobal("fetch", fetchSpy);
    try {
      const dir = tmp();
      for (const stack of ["two", "one"]) writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "config: {}\n");
      const result = await runInProcess([...args, "--json"], env, dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      // Every failure under --json: one error object on stdout, with the same text.
      expect(JSON.parse(result.stdout)).toEqual({
        result: "error",
        command: "check",
        exitCode: 2,
        message: result.stderr.replace(/^statsig-okta check: /, "").trimEnd(),
      });
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("says why it cannot write the import file, exit 2", async () => {
    const fake = await start(personalOrg());
    const dir = tmp();
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID, "--import-file", "missing/import.json", "--json"],
      env,
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("statsig-okta check: cannot write missing/import.json: ENOENT\n");
    expect(JSON.parse(result.stdout)).toMatchObject({ result: "error", exitCode: 2, message: "cannot write missing/import.json: ENOENT" });
    expectNoSecret(result, TOKEN);
  });

  it("hides the token in a failure's text too, on stderr and in the JSON error object", async () => {
    // An org that echoes the credential in its error (Okta does not): the last line of defence must catch it.
    const echo = await listen((req, res) =>
      res
        .writeHead(401, { "content-type": "application/json" })
        .end(JSON.stringify({ errorCode: "E0000011", errorSummary: `Invalid token provided: ${req.headers.authorization}` })),
    );
    const result = await runInProcess(["--org-url", echo, "--app-id", APP_ID, "--json"], env, tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Invalid token provided: SSWS [redacted]");
    expect(JSON.parse(result.stdout)).toMatchObject({ status: 401, message: expect.stringContaining("SSWS [redacted]") });
    expectNoSecret(result, TOKEN);
  });

  it("needs credentials", async () => {
    const result = await runInProcess(["--org-url", "https://acme.okta.com", "--app-id", APP_ID], {}, tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no Okta credentials: set OKTA_API_TOKEN/);
  });
});
