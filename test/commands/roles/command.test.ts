import { spawn } from "node:child_process";
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PAGE_SIZE } from "../../../src/okta/endpoints";
import { ROLES_SCOPES } from "../../../src/okta/scopes";
import { main } from "../../../src/cli";
import { FakeOktaServer, type FakeOptions } from "../../support/fakeOktaServer";
import type { OktaOrg } from "../../support/oktaOrg";
import { APP_ID as CHECK_APP_ID, freshOrg } from "../../support/checkOrgs";
import {
  ADMINS,
  APP_ID,
  AUDITORS,
  CLEAN_GROUP_STACK,
  PROJECT_STACK,
  projectOrg,
  WEB_ENGINEERS,
  WEB_GROWTH_LEADS,
  cleanGroupOrg,
  CONTRACTORS,
  GROUP_STACK,
  groupOrg,
  LEADS,
  MEMBERS,
  OWNERS,
  personalOrg,
  stackYaml,
} from "../../support/rolesOrgs";

/** The clock of every in-process run: reports are dated by it, not by the wall clock. */
const NOW = new Date("2026-11-30T09:00:00.000Z");
const { version: VERSION } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(org: OktaOrg, options: FakeOptions = {}): Promise<FakeOktaServer> {
  server = await new FakeOktaServer(org, { apiToken: TOKEN, ...options }).start();
  return server;
}

function project(lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-roles-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(lines));
  return dir;
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function roles(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(["roles", ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: options.env ?? { OKTA_API_TOKEN: TOKEN },
    cwd: options.cwd ?? tmpdir(),
    now: () => NOW,
  });
  return { code, stdout, stderr };
}

interface JsonUser {
  login: string;
  role: string | null;
  source: { kind: string; groupId?: string; priority?: number; expression?: string };
  intended?: string | null;
  syncState?: string;
  status?: string;
  assignment: { individual: boolean; groups: { id: string }[] };
  findings: string[];
}
interface JsonFinding {
  kind: string;
  reason?: string;
  groupId?: string;
  users: string[];
  message: string;
  fix: string;
}

async function json(
  args: string[],
  cwd?: string,
): Promise<{ code: number; users: Map<string, JsonUser>; findings: JsonFinding[]; raw: Result }> {
  const raw = await roles([...args, "--json"], cwd !== undefined ? { cwd } : {});
  const parsed = JSON.parse(raw.stdout) as { users: JsonUser[]; findings: JsonFinding[] };
  return { code: raw.code, users: new Map(parsed.users.map((user) => [user.login.split("@")[0]!, user])), findings: parsed.findings, raw };
}

/** Role, source, intended role and findings of one user, compactly. */
const row = (user: JsonUser | undefined) =>
  user && {
    role: user.role,
    source:
      user.source.kind === "group"
        ? `group ${user.source.groupId} ${user.source.priority}`
        : user.source.kind === "mapping"
          ? `mapping ${user.source.expression}`
          : user.source.kind,
    intended: user.intended,
    findings: user.findings,
  };

function expectOnlyGets(fake: FakeOktaServer) {
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

describe("statsig-okta roles: group mode", () => {
  it("explains every user's role, source and finding", async () => {
    const fake = await start(groupOrg());
    const { code, users, findings } = await json(["--org-url", fake.origin, "--stack", "prod"], project(GROUP_STACK));
    expect(code).toBe(1);
    const table = Object.fromEntries([...users].map(([login, user]) => [login, row(user)]));
    expect(table).toEqual({
      "olivia.owner": { role: "Owner", source: `group ${OWNERS} 1`, intended: "Owner", findings: ["multiple-owners"] },
      "oscar.owner": { role: "Owner", source: `group ${OWNERS} 1`, intended: "Owner", findings: ["multiple-owners"] },
      "ada.admin": { role: "Admin", source: `group ${ADMINS} 2`, intended: "Admin", findings: [] },
      "erin.error": { role: "Admin", source: `group ${ADMINS} 2`, intended: "Admin", findings: ["sync-error"] },
      "ivan.individual": { role: "Admin", source: "individual", intended: "Member", findings: ["role-differs:individual"] },
      "alan.notapplied": { role: "Member", source: `group ${ADMINS} 2`, intended: "Admin", findings: ["role-differs:not-applied"] },
      "gary.unassignedgroup": {
        role: "Member",
        source: `group ${MEMBERS} 3`,
        intended: "Admin",
        findings: ["role-differs:role-group-unassigned"],
      },
      "mel.member": { role: "Member", source: `group ${MEMBERS} 3`, intended: "Member", findings: [] },
      "nick.notpushed": { role: "Member", source: `group ${MEMBERS} 3`, intended: "Member", findings: ["not-pushed"] },
      "nora.outranked": { role: "Member", source: `group ${CONTRACTORS} 0`, intended: "Admin", findings: ["role-differs:outranked"] },
      "pete.profile": { role: "Member", source: `group ${LEADS} 4`, intended: "Admin", findings: ["role-differs:group-profile"] },
      "nadia.norole": { role: null, source: `group 00ginterns0000000001 5`, intended: null, findings: ["no-role:no-role-group"] },
    });
    // Owners first, users without a role last.
    expect([...users.keys()].slice(0, 2)).toEqual(["olivia.owner", "oscar.owner"]);
    expect([...users.keys()].at(-1)).toBe("nadia.norole");
    expect(users.get("ivan.individual")!.assignment).toEqual({
      individual: true,
      groups: [{ id: MEMBERS, name: "Statsig Members", priority: 3 }],
    });
    expect(users.get("nora.outranked")!.assignment.groups.map((group) => group.id)).toEqual([CONTRACTORS, ADMINS]);
    expect(users.get("erin.error")!.status).toBe("ACTIVE");

    const summary = findings.map((finding) => [
      finding.kind,
      finding.reason ?? "",
      finding.groupId ?? "",
      finding.users.map((user) => user.split("@")[0]).join(" "),
    ]);
    expect(summary).toEqual([
      ["multiple-owners", "", "", "olivia.owner oscar.owner"],
      ["owner-group", "", OWNERS, "olivia.owner oscar.owner"],
      ["sync-error", "", "", "erin.error"],
      // One user each: by reason, then group (docs/cli.md#order-and-metadata-of-the-report).
      ["role-differs", "group-profile", LEADS, "pete.profile"],
      ["role-differs", "individual", "", "ivan.individual"],
      ["role-differs", "not-applied", ADMINS, "alan.notapplied"],
      ["role-differs", "outranked", CONTRACTORS, "nora.outranked"],
      ["role-differs", "role-group-unassigned", AUDITORS, "gary.unassignedgroup"],
      ["no-role", "no-role-group", "", "nadia.norole"],
      ["not-pushed", "", "", "nick.notpushed"],
      // The member of the unassigned role group, then the staged member of an assigned one; never the deactivated one.
      ["not-assigned", "", AUDITORS, "uma.auditor"],
      ["not-assigned", "", MEMBERS, "stan.staged"],
    ]);
    const byKind = (kind: string, reason?: string) =>
      findings.find((f) => f.kind === kind && (reason === undefined || f.reason === reason))!;
    expect(byKind("role-differs", "individual").fix).toMatch(/Convert assignments/);
    expect(byKind("role-differs", "outranked").message).toMatch(/"Contractors" \(00gcontractors000001, priority 0\) is not a role group/);
    expect(byKind("multiple-owners").message).toMatch(/Cannot set multiple owners/);
    expect(byKind("owner-group").message).toMatch(/"Statsig Owners".*2 members/);
    expect(findings.at(-1)!.message).toMatch(/although the group is/);
    expect(findings.at(-2)!.message).toMatch(/the group is not assigned/);
    expectOnlyGets(fake);
  });

  it("names a role mapping left in group mode as the reason", async () => {
    const fake = await start(groupOrg({ mapping: true }));
    const { users, findings } = await json(["--org-url", fake.origin, "--stack", "prod"], project(GROUP_STACK));
    expect(row(users.get("ivan.individual"))).toEqual({
      role: "Admin",
      source: "mapping user.statsigOrgRole",
      intended: "Member",
      findings: ["role-differs:mapping"],
    });
    expect(row(users.get("mel.member"))).toMatchObject({ source: "mapping user.statsigOrgRole", findings: [] });
    const mapping = findings.find((finding) => finding.reason === "mapping")!;
    expect(mapping.users.map((user) => user.split("@")[0]).sort()).toEqual([
      "alan.notapplied",
      "gary.unassignedgroup",
      "ivan.individual",
      "nora.outranked",
      "pete.profile",
    ]);
    expect(mapping.fix).toMatch(/Remove statsigOrgRole from the Okta -> Statsig mapping/);
  });

  it("exits 0 with no findings and prints a table grouped by role with a summary", async () => {
    const fake = await start(cleanGroupOrg());
    const result = await roles(["--org-url", fake.origin, "--stack", "prod"], { cwd: project(CLEAN_GROUP_STACK) });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^3 app users: 1 Owner, 1 Admin, 1 Member; 0 findings$/m);
    const headings = result.stdout.split("\n").filter((line) => /^\S.* \(\d+\)$/.test(line));
    expect(headings).toEqual(["Owner (1)", "Admin (1)", "Member (1)"]);
    expect(result.stdout).toMatch(
      /^ {2}ada\.admin@example\.com +ACTIVE +Statsig Admins, Statsig Members +group "Statsig Admins" \(priority 1\) +Admin +SYNCHRONIZED +-$/m,
    );
    expect(result.stdout).toMatch(/No findings\./);
    expect(result.stderr).toMatch(/^statsig-okta roles: 3 app users: .* \(\d+ requests, [\d.]+ s\)$/m);
  });

  it("shows each user's project and team roles, and pushed-group members Okta cannot push (not assigned)", async () => {
    const fake = await start(projectOrg());
    const result = await json(["--org-url", fake.origin, "--stack", "prod"], project(PROJECT_STACK));
    const projectRoles = (login: string) => (result.users.get(login) as JsonUser & { projectRoles: unknown }).projectRoles;
    expect(projectRoles("ada.admin")).toEqual([
      { project: "Web", role: "Member" },
      { project: "Web", team: "Growth", role: "Admin" },
    ]);
    expect(projectRoles("mel.member")).toEqual([{ project: "Web", role: "Member" }]);
    expect(projectRoles("olivia.owner")).toEqual([]);
    expect(result.findings.map((f) => [f.kind, f.groupId, f.users])).toEqual([
      ["not-assigned", WEB_ENGINEERS, ["zoe.unassigned@example.com"]],
    ]);
    expect(result.findings[0]!.message).toMatch(/pushed to Statsig for a project or team role, are not assigned to the app/);
    expect(result.code).toBe(1);

    const table = await roles(["--org-url", fake.origin, "--stack", "prod"], { cwd: project(PROJECT_STACK) });
    expect(table.stdout).toMatch(/PROJECT ROLES/);
    expect(table.stdout).toMatch(/ada\.admin@example\.com .* Web: Member; Web\/Growth: Admin/);
  });

  it("marks each project or team role whose link does not push: missing, INACTIVE or ERROR, reading the links page by page", async () => {
    const fake = await start(projectOrg({ [WEB_ENGINEERS]: "ERROR", [WEB_GROWTH_LEADS]: null }), { pageSize: 1 });
    const result = await json(["--org-url", fake.origin, "--stack", "prod"], project(PROJECT_STACK));
    const user = (login: string) => result.users.get(login) as JsonUser & { projectRoles: unknown };
    expect(user("ada.admin").projectRoles).toEqual([
      { project: "Web", role: "Member", link: "ERROR" },
      { project: "Web", team: "Growth", role: "Admin", link: "missing" },
    ]);
    expect(user("ada.admin").findings).toEqual(["project-link:error", "project-link:missing"]);
    expect(user("mel.member").findings).toEqual(["project-link:error"]);
    expect(user("olivia.owner").findings).toEqual([]);
    const links = result.findings.filter((f) => f.kind === "project-link");
    expect(links.map((f) => [f.reason, f.groupId, f.users])).toEqual([
      ["error", WEB_ENGINEERS, ["ada.admin@example.com", "mel.member@example.com"]],
      ["missing", WEB_GROWTH_LEADS, ["ada.admin@example.com"]],
    ]);
    expect(links[0]!.message).toBe(
      `The link of group ${WEB_ENGINEERS} for Member in project Web is in ERROR: the latest push failed, so Statsig may not hold this role for its members`,
    );
    expect(links[0]!.fix).toMatch(/^Fix the push error in the admin console \(Applications > the Statsig app > Push Groups\)/);
    expect(links[1]!.message).toBe(
      `Group ${WEB_GROWTH_LEADS} is not linked to Statsig's group for Admin of team Growth in project Web: Okta pushes none of its members into it`,
    );
    expect(result.code).toBe(1);
    // One request per page of links (the fake serves one link a page here).
    expect(fake.requests.map((r) => r.path).filter((p) => p.includes("group-push"))).toEqual([
      `/api/v1/apps/${APP_ID}/group-push/mappings?limit=1000`,
    ]);

    const table = await roles(["--org-url", fake.origin, "--stack", "prod"], { cwd: project(PROJECT_STACK) });
    expect(table.stdout).toMatch(/ada\.admin@example\.com .* Web: Member \(link ERROR\); Web\/Growth: Admin \(link missing\)/);
    expect(table.stdout).toMatch(/^\d+\. \[project-link:error\] The link of group 00gwebengineers00001 /m);
    const csv = await roles(["--org-url", fake.origin, "--stack", "prod", "--csv"], { cwd: project(PROJECT_STACK) });
    expect(csv.stdout).toMatch(/^mel\.member@example\.com,.*,Web: Member \(link ERROR\),project-link:error\r$/m);
  });

  it("an INACTIVE link is marked too, and with both links ACTIVE there is no project-link finding", async () => {
    const fake = await start(projectOrg({ [WEB_GROWTH_LEADS]: "INACTIVE" }), { pageSize: 1 });
    const result = await json(["--org-url", fake.origin, "--stack", "prod"], project(PROJECT_STACK));
    const finding = result.findings.find((f) => f.kind === "project-link");
    expect(finding).toMatchObject({ reason: "inactive", groupId: WEB_GROWTH_LEADS, users: ["ada.admin@example.com"] });
    expect(finding!.message).toContain("is INACTIVE: Okta pushes no membership changes");
    // Two links, one a page: the second page follows the first's next link.
    expect(fake.requests.map((r) => r.path).filter((p) => p.includes("group-push"))).toHaveLength(2);
    await server!.stop();

    const clean = await start(projectOrg());
    const ok = await json(["--org-url", clean.origin, "--stack", "prod"], project(PROJECT_STACK));
    expect(ok.findings.map((f) => f.kind)).toEqual(["not-assigned"]);
  });

  it("with emailDomains, reports each app user whose user name or email is outside them, with Statsig's error and the fix", async () => {
    const org = cleanGroupOrg();
    const byLogin = (login: string) => org.users.find((user) => user.login === login)!;
    // A login in another domain, and a login in the domain whose email is not.
    byLogin("mel.member@example.com").login = "mel.member@contractor.example.net";
    byLogin("ada.admin@example.com").email = "ada@personal.example.org";
    const fake = await start(org);
    const stack = [...CLEAN_GROUP_STACK, "statsig-okta:emailDomains: '[\"EXAMPLE.com\"]'"];
    const result = await json(["--org-url", fake.origin, "--stack", "prod"], project(stack));

    expect(result.findings).toEqual([
      {
        kind: "email-domain",
        message:
          'The user name Okta sends or the email is outside the Statsig organization\'s email domains (example.com): Statsig refuses to create the user over SCIM ("User userID is not allowed to be created in this organization")',
        fix: "Give the user a user name and email in one of those domains, or unassign them from the app; if the domain is the organization's, add it in Statsig and to emailDomains",
        users: ["ada.admin@example.com", "mel.member@contractor.example.net"],
      },
    ]);
    expect(result.users.get("olivia.owner")!.findings).toEqual([]);
    expect(result.users.get("ada.admin")!.findings).toEqual(["email-domain"]);
    expect(result.code).toBe(1);

    // Without emailDomains nothing is checked.
    const unchecked = await json(["--org-url", fake.origin, "--stack", "prod"], project(CLEAN_GROUP_STACK));
    expect(unchecked.findings).toEqual([]);
  });

  it("prints findings with their fix in the table", async () => {
    const fake = await start(groupOrg());
    const result = await roles(["--org-url", fake.origin, "--stack", "prod"], { cwd: project(GROUP_STACK) });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Without a role \(1\)$/m);
    expect(result.stdout).toMatch(
      /^\d+\. \[role-differs:individual\] Assigned to the app individually.*\n {3}1 user: ivan\.individual@example\.com\n {3}Fix: .*Convert assignments/m,
    );
  });

  it("writes CSV with one row per user", async () => {
    const fake = await start(cleanGroupOrg());
    const result = await roles(["--org-url", fake.origin, "--stack", "prod", "--csv"], { cwd: project(CLEAN_GROUP_STACK) });
    expect(result.code).toBe(0);
    const comments = result.stdout.split("\r\n").filter((line) => line.startsWith("# "));
    expect(comments).toEqual([
      `# generatedAt: ${NOW.toISOString()}`,
      "# tool: statsig-okta",
      `# version: ${VERSION}`,
      "# report: roles",
      "# reportVersion: 1",
      `# org: ${fake.origin}`,
      `# appId: ${APP_ID}`,
      "# config: Pulumi.prod.yaml",
      expect.stringMatching(/^# argsSha256: [0-9a-f]{64}$/),
      `# requests: ${fake.requests.length}`,
    ]);
    const lines = result.stdout.split("\r\n").slice(comments.length);
    expect(lines[0]).toBe("login,id,status,assigned,role,source,intended,sync,project roles,findings");
    expect(lines[2]).toMatch(
      /^ada\.admin@example\.com,00u\d+,ACTIVE,"Statsig Admins, Statsig Members",Admin,"group ""Statsig Admins"" \(priority 1\)",Admin,SYNCHRONIZED,,$/,
    );
    expect(lines).toHaveLength(5);
  });

  it("reads the same with one user per page, following Link headers", async () => {
    const fake = await start(groupOrg(), { pageSize: 1 });
    const paged = await json(["--org-url", fake.origin, "--stack", "prod"], project(GROUP_STACK));
    await server!.stop();
    const whole = await start(groupOrg());
    const single = await json(["--org-url", whole.origin, "--stack", "prod"], project(GROUP_STACK));
    // The same report but for the org's address and the number of requests.
    const body = (stdout: string, origin: string) => stdout.replaceAll(origin, "").replace(/"requests":\d+/, "");
    expect(body(paged.raw.stdout, fake.origin)).toBe(body(single.raw.stdout, whole.origin));
    expect(fake.requests.filter((r) => r.path.includes("after=")).length).toBeGreaterThan(10);
  });
});

describe("statsig-okta roles: personal mode", () => {
  it("takes the role from the Okta attribute through the mapping", async () => {
    const fake = await start(personalOrg());
    const { code, users, findings } = await json(["--org-url", fake.origin, "--app-id", APP_ID]);
    expect(code).toBe(1);
    expect(Object.fromEntries([...users].map(([login, user]) => [login, row(user)]))).toEqual({
      "paula.personal": { role: "Admin", source: "mapping user.statsigOrgRole", intended: "Admin", findings: [] },
      "ingrid.individual": { role: "Member", source: "mapping user.statsigOrgRole", intended: "Member", findings: [] },
      "percy.pending": { role: "Member", source: "mapping user.statsigOrgRole", intended: "Owner", findings: ["role-differs:not-applied"] },
      "pam.empty": { role: null, source: "mapping user.statsigOrgRole", intended: null, findings: ["no-role:no-attribute"] },
    });
    expect(findings.find((finding) => finding.reason === "not-applied")!.fix).toMatch(/Apply updates now/);
  });

  it("without the mapping, the attribute never reaches the app", async () => {
    const fake = await start(personalOrg({ mapping: "" }));
    const { users } = await json(["--org-url", fake.origin, "--app-id", APP_ID]);
    expect(row(users.get("percy.pending"))).toEqual({
      role: "Member",
      source: "app-user",
      intended: "Owner",
      findings: ["role-differs:no-mapping"],
    });
    expect(row(users.get("paula.personal"))!.findings).toEqual([]);
  });

  it("reports a mapping of something else", async () => {
    const fake = await start(personalOrg({ mapping: "user.department" }));
    const { users } = await json(["--org-url", fake.origin, "--app-id", APP_ID]);
    expect(row(users.get("percy.pending"))!.findings).toEqual(["role-differs:other-mapping"]);
  });
});

describe("statsig-okta roles: the built CLI", () => {
  it("runs as a user runs it (dist/cli.js in a subprocess)", async () => {
    const fake = await start(cleanGroupOrg());
    const cwd = project(CLEAN_GROUP_STACK);
    // Asynchronous: the fake answers from this process's event loop.
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [path.resolve("dist/cli.js"), "roles", "--org-url", fake.origin, "--stack", "prod", "--csv"], {
        cwd,
        env: { PATH: process.env.PATH ?? "", OKTA_API_TOKEN: TOKEN },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code).toBe(0);
    // The metadata, the header, three users and the empty string after the last CRLF.
    expect(result.stdout.split("\r\n").filter((line) => !line.startsWith("# "))).toHaveLength(5);
    expect(result.stdout).toMatch(/^# generatedAt: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\r\n/);
    expect(result.stderr).toMatch(/^statsig-okta roles: 3 app users/m);
  });
});

describe("statsig-okta roles: safety and errors", () => {
  it("sends only GETs, asks for the largest pages, and never prints the token", async () => {
    const fake = await start(groupOrg());
    for (const format of [[], ["--json"], ["--csv"]]) {
      const result = await roles(["--org-url", fake.origin, "--stack", "prod", ...format], { cwd: project(GROUP_STACK) });
      expect(result.stdout + result.stderr).not.toContain(TOKEN);
    }
    expectOnlyGets(fake);
    const paths = fake.requests.map((r) => r.path);
    expect(paths.filter((p) => p.startsWith(`/api/v1/apps/${APP_ID}/users`))).toContain(
      `/api/v1/apps/${APP_ID}/users?limit=500&expand=user`,
    );
    expect(paths.filter((p) => p.startsWith(`/api/v1/apps/${APP_ID}/groups`))).toContain(
      `/api/v1/apps/${APP_ID}/groups?limit=200&expand=group`,
    );
    expect(paths).toContain(`/api/v1/groups/${OWNERS}/users?limit=1000`);
  });

  it("exits 2 with one clear message when it cannot read", async () => {
    const fake = await start(groupOrg());
    const wrongApp = await roles(["--org-url", fake.origin, "--app-id", "0oanosuchapp00000001", "--json"]);
    expect(wrongApp.code).toBe(2);
    expect(wrongApp.stderr).toMatch(/404.*Okta has no app 0oanosuchapp00000001/);
    expect(JSON.parse(wrongApp.stdout)).toMatchObject({ result: "error", command: "roles", exitCode: 2, status: 404 });

    const badToken = await roles(["--org-url", fake.origin, "--app-id", APP_ID], { env: { OKTA_API_TOKEN: "wrong-token-value" } });
    expect(badToken.code).toBe(2);
    expect(badToken.stderr).toMatch(/401/);
    expect(badToken.stderr).not.toContain("wrong-token-value");

    const noCredentials = await roles(["--org-url", fake.origin, "--app-id", APP_ID], { env: {} });
    expect(noCredentials).toMatchObject({ code: 2, stderr: expect.stringMatching(/no Okta credentials/) });
  });

  it("says who reads (statsig-okta/<version> (roles)), and what roles needs when Okta refuses a read", async () => {
    // The check fake answers 403 where it is told to, and records every header.
    const fake = await new FakeOktaServer(freshOrg(), { apiToken: TOKEN, forbid: "/api/v1/apps/" }).start();
    try {
      const result = await roles(["--org-url", fake.origin, "--app-id", CHECK_APP_ID, "--json"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `statsig-okta roles: GET /api/v1/apps/${CHECK_APP_ID}/groups?limit=${PAGE_SIZE.appGroups}&expand=group: 403 Forbidden (E0000006 You do not have permission to perform the requested action). ` +
          "the API token in OKTA_API_TOKEN may not read this: reading the app's group assignments and users needs the scope okta.apps.read; " +
          "an API token acts with its creator's admin role (a Read-only Administrator should be able to read everything roles needs)\n",
      );
      expect(JSON.parse(result.stdout)).toMatchObject({ command: "roles", exitCode: 2, status: 403 });
      const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
      expect(fake.requests.map((r) => r.headers["user-agent"])).toEqual([`statsig-okta/${version} (roles)`]);
    } finally {
      await fake.stop();
    }
  });

  it("asks OAuth for the read-only scopes of roles", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const fake = await start(groupOrg(), { oauth: { clientId: "0oaserviceapp0000001", publicKey, grantedScopes: [] } });
    const pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const result = await roles(["--org-url", fake.origin, "--app-id", APP_ID], {
      env: { OKTA_CLIENT_ID: "0oaserviceapp0000001", OKTA_PRIVATE_KEY: pem },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`read-only scopes in its "Okta API Scopes" tab: ${ROLES_SCOPES.join(", ")}`);
    expect(result.stderr).not.toContain(pem.split("\n")[1]);
  });

  it("refuses bad flags", async () => {
    expect(await roles(["--json", "--csv", "--app-id", APP_ID])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--json or --csv, not both/),
    });
    expect(await roles(["--frobnicate"])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /unknown option --frobnicate; options: .*--csv, --since, --statsig, --statsig-url\. Run `statsig-okta roles --help`/,
      ),
    });
    expect(await roles(["--org-url", "http://okta.example.com", "--app-id", APP_ID])).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/only https/),
    });
  });

  it("--help names the read-only scopes and the admin role", async () => {
    const help = await roles(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/okta\.userTypes\.read okta\.profileMappings\.read okta\.apps\.read okta\.groups\.read/);
    expect(help.stdout).toMatch(/Read-only\s+Administrator is likely the minimum; unconfirmed/);
  });
});

describe("docs/cli.md: Who has which role", () => {
  const section = readFileSync("docs/cli.md", "utf8").split("\n## Who has which role: `statsig-okta roles`\n")[1]!.split("\n## ")[0]!;

  it("lists exactly the scopes OAuth asks for", () => {
    const table = section.split("| Reads | Scope |")[1]!.split("\n\n")[0]!;
    const scopes = [...table.matchAll(/`(okta\.[A-Za-z]+\.read)`/g)].map((m) => m[1]);
    expect([...new Set(scopes)].sort()).toEqual([...ROLES_SCOPES].sort());
  });

  it("states the page sizes the reads use", () => {
    expect(section).toContain(`group assignments ${PAGE_SIZE.appGroups} per page`);
    expect(section).toContain(`app users ${PAGE_SIZE.appUsers} per`);
    expect(section).toContain(`group members ${PAGE_SIZE.groupMembers} per page`);
  });
});
