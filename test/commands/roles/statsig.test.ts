/**
 * `statsig-okta roles --statsig` through the CLI entry, against the fake Okta org and the fake Statsig SCIM
 * API: the three views per user, the six statsig-* findings exactly where Statsig and Okta disagree, GET only
 * to both, and the SCIM key sent to Statsig alone and never shown.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import { FakeStatsigServer, type ConsoleProjectSetup, type FakeStatsigOptions, type StatsigSetup } from "../../support/fakeStatsig";
import { addAppGroups, type OktaOrg } from "../../support/oktaOrg";
import { loopbackServers } from "../../support/loopback";
import { APP_ID, stackYaml, WEB_ENGINEERS } from "../../support/rolesOrgs";
import { agreeingOrgs, disagreeingOrgs, SCIM_TOKEN, STATSIG_STACK } from "../../support/statsigOrgs";
import { API_TOKEN } from "../../support/stubAuth";

let okta: FakeOktaServer | undefined;
let statsig: FakeStatsigServer | undefined;
afterEach(async () => {
  await okta?.stop();
  await statsig?.stop();
  okta = statsig = undefined;
});

async function start(orgs: { okta: OktaOrg; statsig: StatsigSetup }, options: Partial<FakeStatsigOptions> = {}) {
  okta = await new FakeOktaServer(orgs.okta, { apiToken: API_TOKEN }).start();
  statsig = await new FakeStatsigServer(orgs.statsig, { token: SCIM_TOKEN, ...options }).start();
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-statsig-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(STATSIG_STACK));
  return { okta, statsig, dir };
}

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function roles(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = { OKTA_API_TOKEN: API_TOKEN, STATSIG_SCIM_TOKEN: SCIM_TOKEN },
): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(["roles", ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd });
  return { code, stdout, stderr };
}

interface JsonUser {
  login: string;
  role: string | null;
  intended?: string | null;
  statsig: {
    orgRole: string | null;
    active: boolean;
    projectRoles: { group: string; project?: string; team?: string; role?: string }[];
    console?: { project: string; role: string; teams: { team: string; role: string }[] }[];
  } | null;
  findings: string[];
}
interface JsonReport {
  result: string;
  statsig?: { url: string; users: number; groups: number; consoleProjects?: string[] };
  users: JsonUser[];
  findings: { kind: string; reason?: string; groupId?: string; users: string[]; message: string; fix: string }[];
}

const base = (s: FakeStatsigServer, o: FakeOktaServer) => ["--org-url", o.origin, "--stack", "prod", "--statsig", "--statsig-url", s.url];

function onlyGets(fake: { requests: { method: string; path: string }[] }) {
  expect(fake.requests.length).toBeGreaterThan(0);
  expect(fake.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

describe("roles --statsig: config, Okta and Statsig side by side", () => {
  it("raises exactly the matching finding for each disagreement, with GET only and the key never shown", async () => {
    const { okta, statsig, dir } = await start(disagreeingOrgs());
    const result = await roles([...base(statsig, okta), "--json"], dir);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as JsonReport;
    // Every request to Statsig is counted in the report (one page of users, one of groups).
    expect(report.statsig).toEqual({ url: statsig.url, users: 11, groups: 4, requests: statsig.requests.length });
    expect(statsig.requests).toHaveLength(2);

    const statsigFindings = report.findings
      .filter((f) => f.kind.startsWith("statsig-"))
      .map((f) => [f.reason ? `${f.kind}:${f.reason}` : f.kind, f.users]);
    expect(statsigFindings).toEqual([
      ["statsig-owner", ["founder@example.com", "olivia.owner@example.com"]],
      // Within a kind, by reason; each finding's users by login.
      ["statsig-differs:changed-in-statsig", ["sam.changed@example.com"]],
      ["statsig-differs:not-pushed", ["pat.pending@example.com"]],
      ["statsig-differs:one-owner", ["olivia.owner@example.com"]],
      ["statsig-differs:sync-error", ["eve.error@example.com"]],
      ["statsig-missing:absent", ["max.missing@contractor.example"]],
      ["statsig-missing:inactive", ["ian.inactive@example.com"]],
      ["statsig-unmanaged", ["founder@example.com", "ghost@example.com"]],
      ["statsig-stale-member", ["lee.left@example.com"]],
      ["statsig-unlinked-group", ["mel.member@example.com"]],
    ]);
    // Okta's own findings are unchanged by --statsig.
    expect(report.findings.filter((f) => !f.kind.startsWith("statsig-")).map((f) => f.kind)).toEqual(["sync-error", "not-pushed"]);

    const user = (login: string) => report.users.find((u) => u.login.startsWith(login))!;
    expect(user("olivia")).toMatchObject({
      intended: "Owner",
      role: "Owner",
      statsig: { orgRole: "Admin", active: true, projectRoles: [] },
    });
    expect(user("olivia").findings).toEqual(["statsig-differs:one-owner", "statsig-owner"]);
    expect(user("ada").statsig).toEqual({
      orgRole: "Admin",
      active: true,
      projectRoles: [
        { group: "Statsig-Web-Growth-Admin", project: "Web", team: "Growth", role: "Admin" },
        { group: "Statsig-Web-Member", project: "Web", role: "Member" },
      ],
    });
    expect(user("ada").findings).toEqual([]);
    expect(user("mel").statsig?.projectRoles).toEqual([
      { group: "Statsig-Mobile-Admin" },
      { group: "Statsig-Web-Member", project: "Web", role: "Member" },
    ]);
    expect(user("mel").findings).toEqual(["statsig-unlinked-group"]);
    expect(user("max").statsig).toBeNull();
    expect(user("ian").statsig).toEqual({ orgRole: "Member", active: false, projectRoles: [] });
    expect(user("lee").findings).toEqual(["statsig-stale-member"]);
    // Every user carries all three views.
    for (const u of report.users) expect(Object.keys(u)).toEqual(expect.arrayContaining(["intended", "role", "statsig"]));

    const finding = (kind: string) => report.findings.find((f) => f.kind === kind)!;
    expect(finding("statsig-stale-member")).toMatchObject({
      groupId: "00gwebengineers00001",
      message:
        '1 member(s) of Statsig group "Statsig-Web-Member" are not in the Okta group linked to it (00gwebengineers00001): Okta does not manage their membership (left behind by an unlink, or added in Statsig)',
    });
    expect(finding("statsig-owner").message).toBe(
      "Statsig's Owner is not the one member of the config's Owner group \"Statsig Owners\" (00gowners00000000001)",
    );
    for (const f of report.findings) expect(f.fix.length).toBeGreaterThan(10);

    onlyGets(okta);
    onlyGets(statsig);
    expect(statsig.requests.map((r) => r.path)).toEqual(["/scim/Users?startIndex=1&count=500", "/scim/Groups?startIndex=1&count=50"]);
    expect(statsig.requests.every((r) => r.headers.authorization === `Bearer ${SCIM_TOKEN}`)).toBe(true);
    expect(statsig.requests[0]!.headers["user-agent"]).toMatch(/^statsig-okta\/\d+\.\d+\.\d+\S* \(roles\)$/);
    // The key goes to Statsig only.
    expect(JSON.stringify(okta.requests.map((r) => r.headers))).not.toContain(SCIM_TOKEN);
    expect(result.stdout + result.stderr).not.toContain(SCIM_TOKEN);
    expect(result.stderr).toMatch(/ \(\d+ requests and 2 to Statsig, /);
  });

  it("finds nothing when the config, Okta and Statsig agree (exit 0), matching by email without regard to case", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs());
    const result = await roles([...base(statsig, okta), "--json"], dir);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.findings).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.users.map((u) => [u.login.split("@")[0], u.intended, u.role, u.statsig?.orgRole])).toEqual([
      ["olivia.owner", "Owner", "Owner", "Owner"],
      ["ada.admin", "Admin", "Admin", "Admin"],
      ["mel.member", "Member", "Member", "Member"],
    ]);
  });

  it("a Statsig group is fed by the app's live ACTIVE links, the config's or not; one without is unlinked", async () => {
    // Statsig-Mobile-Admin holds Mel; the config has no Mobile role.
    type Link = "ACTIVE" | "INACTIVE" | "ACTIVE to a group Okta does not have" | null;
    const orgs = (link: Link) => {
      const pair = agreeingOrgs();
      pair.statsig.groups.push({ id: "grp-mobile", displayName: "Statsig-Mobile-Admin", members: ["scim-3"] });
      const mobileAdmins = "00gmobileadmins00001";
      pair.okta.groups.push({ id: mobileAdmins, name: "Mobile Admins", members: [] });
      addAppGroups(pair.okta, APP_ID, [{ id: "00gStatsigMobAdmin01", name: "Statsig-Mobile-Admin" }]);
      if (link !== null) {
        const at = "2026-03-25T06:09:58Z";
        pair.okta.apps[APP_ID]!.pushMappings.push({
          created: at,
          id: "gPmmobileadmins00001",
          lastUpdated: at,
          sourceGroupId: mobileAdmins,
          status: link === "INACTIVE" ? "INACTIVE" : "ACTIVE",
          // Okta answers 404 for a group it does not have.
          targetGroupId: link === "ACTIVE to a group Okta does not have" ? "00gDeletedGroup00001" : "00gStatsigMobAdmin01",
        });
      }
      return pair;
    };
    const run = async (pair: ReturnType<typeof agreeingOrgs>) => {
      const { okta, statsig, dir } = await start(pair);
      const result = await roles([...base(statsig, okta), "--json"], dir);
      await okta.stop();
      await statsig.stop();
      return { report: JSON.parse(result.stdout) as JsonReport, stderr: result.stderr };
    };
    const kinds = async (link: Link) => (await run(orgs(link))).report.findings.map((finding) => finding.kind);
    // Linked by hand (outside the config): Okta feeds it, so not unlinked; whose members it should have is
    // the linked group's, which roles does not read: no stale-member either.
    expect(await kinds("ACTIVE")).toEqual([]);
    // An INACTIVE link, or none, feeds nothing.
    expect(await kinds("INACTIVE")).toEqual(["statsig-unlinked-group"]);
    expect(await kinds(null)).toEqual(["statsig-unlinked-group"]);
    // A link to a group Okta will not show may feed any group: none is called unlinked, and roles says why.
    const unreadable = await run(orgs("ACTIVE to a group Okta does not have"));
    expect(unreadable.report.findings).toEqual([]);
    expect(unreadable.stderr).toContain(
      "statsig-okta roles: 1 ACTIVE push link(s) push to a group Okta will not show (404 or 403): statsig-unlinked-group is not judged\n",
    );
  });

  it("a config link that is missing: its Statsig group is unlinked, with the fix pointing at the link", async () => {
    const pair = agreeingOrgs();
    const app = pair.okta.apps[APP_ID]!;
    app.pushMappings = app.pushMappings.filter((mapping) => mapping.sourceGroupId !== WEB_ENGINEERS);
    const { okta, statsig, dir } = await start(pair);
    const report = JSON.parse((await roles([...base(statsig, okta), "--json"], dir)).stdout) as JsonReport;
    expect(report.findings.map((finding) => [finding.kind, finding.reason ?? null])).toEqual([
      ["project-link", "missing"],
      ["statsig-unlinked-group", null],
    ]);
    expect(report.findings[1]!.fix).toMatch(/^Its projectRoles link is missing or not ACTIVE \(the project-link finding says which\)/);
  });

  it("shows the three views in the table and the held columns in the CSV", async () => {
    const { okta, statsig, dir } = await start(disagreeingOrgs());
    const table = await roles(base(statsig, okta), dir);
    expect(table.stdout).toContain(`Statsig (${statsig.url}): 11 users, 4 groups\n`);
    const header = table.stdout.split("\n").find((line) => line.includes("LOGIN"))!;
    expect(header.trim().split(/\s{2,}/)).toEqual([
      "LOGIN",
      "STATUS",
      "ASSIGNED",
      "ROLE",
      "SOURCE",
      "INTENDED",
      "STATSIG ROLE",
      "SYNC",
      "PROJECT ROLES",
      "STATSIG PROJECT ROLES",
      "FINDINGS",
    ]);
    expect(table.stdout).toMatch(/max\.missing@contractor\.example .* \(no user\) /);
    expect(table.stdout).toMatch(/ian\.inactive@example\.com .* Member \(inactive\) /);
    expect(table.stdout).toContain("[statsig-unlinked-group]");

    const csv = await roles([...base(statsig, okta), "--csv"], dir);
    // After the report's metadata as comment lines.
    const [head, ...rows] = csv.stdout
      .trim()
      .split("\r\n")
      .filter((line) => !line.startsWith("#"));
    expect(head).toBe("login,id,status,assigned,role,source,intended,statsig role,sync,project roles,statsig project roles,findings");
    expect(rows.find((row) => row.startsWith("mel.member"))).toContain(
      ",Member,Member,SYNCHRONIZED,Web: Member,Statsig-Mobile-Admin; Web: Member,statsig-unlinked-group",
    );
  });

  it("without --statsig, nothing changes: no Statsig request, no statsig field or column", async () => {
    const { okta, statsig, dir } = await start(disagreeingOrgs());
    const result = await roles(["--org-url", okta.origin, "--stack", "prod", "--json"], dir);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.statsig).toBeUndefined();
    expect(report.users.every((u) => !("statsig" in u))).toBe(true);
    expect(statsig.requests).toEqual([]);
    const csv = await roles(["--org-url", okta.origin, "--stack", "prod", "--csv"], dir);
    expect(csv.stdout.split("\r\n").find((line) => !line.startsWith("#"))).toBe(
      "login,id,status,assigned,role,source,intended,sync,project roles,findings",
    );
  });
});

describe("roles --statsig with --since: Statsig's roles in the report others read", () => {
  it("a later run lists the org role Statsig now holds as a statsig-org-role change", async () => {
    const orgs = agreeingOrgs();
    const { okta, statsig, dir } = await start(orgs);
    const first = await roles([...base(statsig, okta), "--json"], dir);
    writeFileSync(path.join(dir, "old.json"), first.stdout);
    orgs.statsig.users.find((user) => user.userName.startsWith("ada"))!.role = "Member";
    const second = await roles([...base(statsig, okta), "--json", "--since", "old.json"], dir);
    const report = JSON.parse(second.stdout) as { changes: unknown[] };
    expect(report.changes).toEqual([
      { kind: "statsig-org-role", id: "00u00000000000000002", login: "ada.admin@example.com", before: "Admin", after: "Member" },
      {
        kind: "finding-added",
        id: "00u00000000000000002",
        login: "ada.admin@example.com",
        before: null,
        after: "statsig-differs:changed-in-statsig",
      },
    ]);
    expect(second.code).toBe(1);
  });
});

describe("roles --statsig: paging, refusals and the key", () => {
  it("pages with startIndex and count until totalResults when Statsig sends fewer than asked", async () => {
    const { okta, statsig, dir } = await start(disagreeingOrgs(), { pageSize: 4 });
    const result = await roles([...base(statsig, okta), "--json"], dir);
    expect((JSON.parse(result.stdout) as JsonReport).statsig).toEqual({ url: statsig.url, users: 11, groups: 4, requests: 4 });
    expect(statsig.requests.map((r) => r.path)).toEqual([
      "/scim/Users?startIndex=1&count=500",
      "/scim/Users?startIndex=5&count=500",
      "/scim/Users?startIndex=9&count=500",
      "/scim/Groups?startIndex=1&count=50",
    ]);
    expect(result.code).toBe(1);
  });

  it("waits out a 429's Retry-After, then goes on", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs(), { rateLimitRequests: [1], retryAfter: "1" });
    const result = await roles([...base(statsig, okta), "--json"], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "Statsig rate limit reached on GET /scim/Users?startIndex=1&count=500: waiting 1s (Retry-After), then retrying (1 of 3)",
    );
    const [first, second] = statsig.requests;
    expect(second!.path).toBe(first!.path);
  });

  it("gives up on a Retry-After longer than it waits: exit 2 naming the request", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs(), { rateLimitRequests: [1], retryAfter: "3600" });
    const result = await roles(base(statsig, okta), dir);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "statsig-okta roles: GET /scim/Users?startIndex=1&count=500: Statsig's rate limit asks to wait 3600s (Retry-After); try again later\n",
    );
  });

  it("a refused key: exit 2 naming the variable, never the key", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs());
    const wrong = "wrong-statsig-key-0123456789";
    const result = await roles([...base(statsig, okta), "--json"], dir, { OKTA_API_TOKEN: API_TOKEN, STATSIG_SCIM_TOKEN: wrong });
    expect(result.code).toBe(2);
    const error = JSON.parse(result.stdout) as { result: string; status?: number; message: string };
    expect(error).toMatchObject({ result: "error", status: 401 });
    expect(error.message).toBe(
      "GET /scim/Users?startIndex=1&count=500: 401 Unauthorized (Unauthorized). Statsig does not accept the SCIM key in STATSIG_SCIM_TOKEN: it is wrong or revoked, or belongs to another organization (it must be the organization's SCIM key, which an Org Admin generates in Statsig: the one Okta's Statsig app uses)",
    );
    expect(result.stdout + result.stderr).not.toContain(wrong);
  });

  it("without the key, or with a bad URL, fails before any request", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs());
    const noKey = await roles(base(statsig, okta), dir, { OKTA_API_TOKEN: API_TOKEN });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/^statsig-okta roles: --statsig needs Statsig's SCIM key in STATSIG_SCIM_TOKEN/);
    const http = await roles(
      ["--org-url", okta.origin, "--stack", "prod", "--statsig", "--statsig-url", "http://statsig.example/scim"],
      dir,
    );
    expect(http.stderr).toBe(
      "statsig-okta roles: --statsig-url http://statsig.example uses plain http: only https is allowed (plain http only to a loopback address)\n",
    );
    const withoutFlag = await roles(["--org-url", okta.origin, "--stack", "prod", "--statsig-url", statsig.url], dir);
    expect(withoutFlag.code).toBe(2);
    expect(withoutFlag.stderr).toContain("--statsig-url needs --statsig");
    expect(okta.requests).toEqual([]);
    expect(statsig.requests).toEqual([]);
  });
});

describe("roles --statsig: where the requests go", () => {
  const listen = loopbackServers();

  it("a base URL without a path reads /Users and /Groups below it, the key sent there only", async () => {
    const { okta, dir } = await start(agreeingOrgs());
    const seen: string[] = [];
    const base = await listen((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization === `Bearer ${SCIM_TOKEN}` ? "with key" : "without key"}`);
      res.writeHead(200, { "Content-Type": "application/scim+json" });
      // An empty RFC 7644 list response.
      res.end(
        JSON.stringify({
          schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
          totalResults: 0,
          startIndex: 1,
          itemsPerPage: 0,
          Resources: [],
        }),
      );
    });
    const result = await roles(["--org-url", okta.origin, "--stack", "prod", "--statsig", "--statsig-url", base, "--json"], dir);
    expect(result.stderr).not.toContain("statsig-okta roles: GET");
    expect(seen).toEqual(["GET /Users?startIndex=1&count=500 with key", "GET /Groups?startIndex=1&count=50 with key"]);
  });

  it("a Statsig it cannot reach: exit 2 naming the base URL and the request", async () => {
    const { okta, dir } = await start(agreeingOrgs());
    // A port nobody listens on: one just freed by closing a server of our own.
    const { createServer } = await import("node:net");
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, "127.0.0.1", () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const url = new URL(`http://127.0.0.1:${port}`);
    const result = await roles(["--org-url", okta.origin, "--stack", "prod", "--statsig", "--statsig-url", `${url.origin}/scim`], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `statsig-okta roles: cannot reach Statsig at ${url.origin}/scim (GET /scim/Users?startIndex=1&count=500): ECONNREFUSED\n`,
    );
  });
});

describe("roles --statsig with Console API keys", () => {
  const WEB_KEY = "console-web-key-0123456789";
  const MOBILE_KEY = "console-mobile-key-9876543210";
  const consoles: Record<string, ConsoleProjectSetup> = {
    [WEB_KEY]: {
      users: [
        { email: "ada.admin@example.com", role: "admin" },
        { email: "Mel.Member@example.com", role: "member" },
        { email: "ghost@example.com", role: "member" },
      ],
      teams: [{ name: "Growth", members: ["ada.admin@example.com", "Mel.Member@example.com"], admins: ["ada.admin@example.com"] }],
    },
    [MOBILE_KEY]: { users: [{ email: "mel.member@example.com", role: "Read Only" }], teams: [] },
  };
  const env = (keys: string) => ({ OKTA_API_TOKEN: API_TOKEN, STATSIG_SCIM_TOKEN: SCIM_TOKEN, STATSIG_CONSOLE_API_KEYS: keys });

  it("adds each project's role and team roles as its console shows them, paging by page and limit", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs(), { consoles, pageSize: 2 });
    const result = await roles([...base(statsig, okta), "--json"], dir, env(`Web=${WEB_KEY}, Mobile = ${MOBILE_KEY}`));
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as JsonReport;
    expect(report.statsig?.consoleProjects).toEqual(["Web", "Mobile"]);
    const user = (login: string) => report.users.find((u) => u.login.startsWith(login))!;
    expect(user("ada").statsig?.console).toEqual([{ project: "Web", role: "admin", teams: [{ team: "Growth", role: "admin" }] }]);
    expect(user("mel").statsig?.console).toEqual([
      { project: "Web", role: "member", teams: [{ team: "Growth", role: "member" }] },
      { project: "Mobile", role: "Read Only", teams: [] },
    ]);
    expect(user("olivia").statsig?.console).toEqual([]);
    const consoleRequests = statsig.requests.filter((r) => r.path.startsWith("/console/"));
    expect(consoleRequests.map((r) => [r.headers["statsig-api-key"] === WEB_KEY ? "Web" : "Mobile", r.path])).toEqual([
      ["Web", "/console/v1/users?limit=100&page=1"],
      ["Web", "/console/v1/users?limit=100&page=2"],
      ["Web", "/console/v1/users/teams?limit=100&page=1"],
      ["Mobile", "/console/v1/users?limit=100&page=1"],
      ["Mobile", "/console/v1/users/teams?limit=100&page=1"],
    ]);
    expect(consoleRequests.every((r) => r.headers.authorization === undefined)).toBe(true);
    onlyGets(statsig);
    expect(result.stdout + result.stderr).not.toMatch(new RegExp(`${WEB_KEY}|${MOBILE_KEY}|${SCIM_TOKEN}`));

    const table = await roles(base(statsig, okta), dir, env(`Web=${WEB_KEY}`));
    expect(table.stdout).toContain("CONSOLE ROLES");
    expect(table.stdout).toContain("Web: admin (Growth: admin)");
  });

  it("a refused key (whose 401 quotes it) is exit 2 naming the project, never the key; a malformed pair fails before any request", async () => {
    const { okta, statsig, dir } = await start(agreeingOrgs(), { consoles });
    const wrong = "console-wrong-key-5555555555";
    const refused = await roles(base(statsig, okta), dir, env(`Web=${wrong}`));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'statsig-okta roles: GET /console/v1/users?limit=100&page=1: 401 Unauthorized. Statsig does not accept the Console API key of project "Web" in STATSIG_CONSOLE_API_KEYS: it is wrong or revoked, or belongs to another organization (it must be a Console API key of that project)\n',
    );
    expect(refused.stdout + refused.stderr).not.toContain(wrong);

    const before = okta.requests.length + statsig.requests.length;
    const malformed = await roles(base(statsig, okta), dir, env(`Web=${WEB_KEY},${MOBILE_KEY}`));
    expect(malformed.stderr).toBe(
      "statsig-okta roles: STATSIG_CONSOLE_API_KEYS: pair 2 is not Project=key (pairs are separated by commas)\n",
    );
    expect(malformed.code).toBe(2);
    expect(okta.requests.length + statsig.requests.length).toBe(before);
  });
});
