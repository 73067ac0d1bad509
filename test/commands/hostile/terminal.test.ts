/**
 * Values that would act on the admin's terminal, end to end through `main`: a fake Okta org (on 127.0.0.1) and
 * stack files hold ESC sequences (colour, screen clear, OSC 8 hyperlinks), CR, BS, NUL, BEL, C1 controls and
 * bidi overrides in every field the commands show. In the table and in every message they come out as visible
 * escapes; `--json` and `--csv` keep them exact.
 */
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli";
import * as checkOrgs from "../../support/checkOrgs";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import { loopbackServers } from "../../support/loopback";
import { oktaError, type OktaOrg } from "../../support/oktaOrg";
import * as rolesOrgs from "../../support/rolesOrgs";

/** Each hostile value, and how the table shows it. */
const HOSTILE = {
  login: ["eve\x1b[2J\u202Egpj.exe@example.com", "eve\\x1b[2J\\u202egpj.exe@example.com"],
  group: ["Admins\x1b]8;;https://evil.example\x07click\x1b]8;;\x07", "Admins\\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x07"],
  status: ["ACTIVE\rDEPROVISIONED", "ACTIVE\\x0dDEPROVISIONED"],
  syncState: ["SYNCHRONIZED\x1b[31m\0", "SYNCHRONIZED\\x1b[31m\\x00"],
  role: ["Owner\b\b\b\b\bMember\u0085", "Owner\\x08\\x08\\x08\\x08\\x08Member\\x85"],
  userType: ["user\u009b2J\u200B", "user\\x9b2J\\u200b"],
  errorSummary: [
    "You do not have permission\x1b[2J\x07\0\u202E\u009b\nfake: line",
    "You do not have permission\\x1b[2J\\x07\\x00\\u202e\\x9b\\x0afake: line",
  ],
} as const;

/** What a terminal acts on, or what reorders or hides text: controls, formatting characters; line feeds apart. */
const RAW_UNSAFE = /(?!\n)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { OKTA_API_TOKEN: TOKEN },
    cwd,
  });
  return { code, stdout, stderr };
}

/** Nothing raw reached the terminal. */
function expectInert(result: Result) {
  expect(result.stdout).not.toMatch(RAW_UNSAFE);
  expect(result.stderr).not.toMatch(RAW_UNSAFE);
}

function dir(files: Record<string, string>): string {
  const at = mkdtempSync(path.join(tmpdir(), "statsig-okta-hostile-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(at, name), text);
  return at;
}

/** RFC 4180 rows: quoted cells may hold commas, quotes (doubled), CR and LF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") (row.push(cell), (cell = ""));
    else if (char === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += char;
  }
  return rows;
}

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(org: OktaOrg): Promise<string> {
  server = await new FakeOktaServer(org, { apiToken: TOKEN }).start();
  return server.origin;
}

describe("roles with hostile values in Okta", () => {
  /** The group-mode org of rolesOrgs.ts, with a hostile value in each field the table shows. */
  function hostileOrg(): OktaOrg {
    const org = rolesOrgs.groupOrg();
    const app = org.apps[rolesOrgs.APP_ID]!;
    const appUser = (login: string) => app.users.find((u) => u.userId === org.users.find((user) => user.login === login)!.id)!;
    appUser("oscar.owner@example.com").syncState = HOSTILE.syncState[0];
    appUser("ivan.individual@example.com").role = HOSTILE.role[0];
    org.users.find((user) => user.login === "ada.admin@example.com")!.status = HOSTILE.status[0];
    org.users.find((user) => user.login === "olivia.owner@example.com")!.login = HOSTILE.login[0];
    org.groups.find((group) => group.id === rolesOrgs.ADMINS)!.name = HOSTILE.group[0];
    return org;
  }

  const cwd = () => dir({ "Pulumi.prod.yaml": rolesOrgs.stackYaml(rolesOrgs.GROUP_STACK) });

  it("shows each as an escape in the table, on stderr too", async () => {
    const origin = await start(hostileOrg());
    const result = await run(["roles", "--org-url", origin, "--stack", "prod"], cwd());
    expect(result.code).toBe(1);
    expectInert(result);
    for (const key of ["login", "group", "status", "syncState", "role"] as const) expect(result.stdout).toContain(HOSTILE[key][1]);
    expect(result.stdout).toContain(`Not a Statsig role: "${HOSTILE.role[1]}" (1)`);
    expect(result.stderr).toContain(`1 ${HOSTILE.role[1]}`);
  });

  it("keeps the exact values in --json", async () => {
    const origin = await start(hostileOrg());
    const result = await run(["roles", "--org-url", origin, "--stack", "prod", "--json"], cwd());
    expectInert(result);
    const { users } = JSON.parse(result.stdout) as {
      users: { login: string; status: string; syncState: string; role: string; assignment: { groups: { name: string }[] } }[];
    };
    expect(users.map((user) => user.login)).toContain(HOSTILE.login[0]);
    expect(users.map((user) => user.status)).toContain(HOSTILE.status[0]);
    expect(users.map((user) => user.syncState)).toContain(HOSTILE.syncState[0]);
    expect(users.map((user) => user.role)).toContain(HOSTILE.role[0]);
    expect(users.flatMap((user) => user.assignment.groups.map((group) => group.name))).toContain(HOSTILE.group[0]);
  });

  it("keeps the exact values in --csv", async () => {
    const origin = await start(hostileOrg());
    const result = await run(["roles", "--org-url", origin, "--stack", "prod", "--csv"], cwd());
    expect(result.stderr).not.toMatch(RAW_UNSAFE);
    // After the report's metadata, as comment lines.
    const [header, ...rows] = parseCsv(result.stdout.replace(/^(# .*\r\n)+/, ""));
    const column = (name: string) => rows.map((row) => row[header!.indexOf(name)]);
    expect(column("login")).toContain(HOSTILE.login[0]);
    expect(column("status")).toContain(HOSTILE.status[0]);
    expect(column("sync")).toContain(HOSTILE.syncState[0]);
    expect(column("role")).toContain(HOSTILE.role[0]);
    expect(column("assigned").some((cell) => cell?.includes(HOSTILE.group[0]))).toBe(true);
  });
});

describe("check with hostile values in Okta", () => {
  const LONG_ROLE = `Admin${"\u202E".repeat(10)}${"x".repeat(100_000)}`;

  /** checkOrgs' group mode, with a hostile user type name, an extra assignment's role and a role mapping. */
  function hostileOrg(): OktaOrg {
    const org = checkOrgs.groupOrg();
    org.userTypes.find((type) => type.default)!.name = HOSTILE.userType[0];
    const app = org.apps[checkOrgs.APP_ID]!;
    app.groups.find((assignment) => assignment.id === checkOrgs.EVERYONE)!.profile = { statsigOrgRole: HOSTILE.role[0] };
    app.groups.push({ id: checkOrgs.LEGACY, priority: 5, profile: { statsigOrgRole: LONG_ROLE } });
    return org;
  }

  const cwd = () => dir({ "Pulumi.prod.yaml": checkOrgs.stackYaml(checkOrgs.GROUP_CONFIG) });

  it("shows each as an escape in the report and cuts a long one", async () => {
    const origin = await start(hostileOrg());
    const result = await run(["check", "--org-url", origin, "--stack", "prod"], cwd());
    expect(result.code).toBe(1);
    expectInert(result);
    expect(result.stdout).toContain(`user type "${HOSTILE.userType[1]}"`);
    // JSON quoting, as a value is typed in a config: C0 controls in JSON's escapes, the others in ours.
    expect(result.stdout).toContain('live "Owner\\b\\b\\b\\b\\bMember\\x85"');
    expect(result.stdout).toContain(`live "Admin${"\\u202e".repeat(8)}\\u202…, not set`);
    expect(result.stdout.length).toBeLessThan(10_000);
  });

  it("keeps the exact values in --json", async () => {
    const origin = await start(hostileOrg());
    const result = await run(["check", "--org-url", origin, "--stack", "prod", "--json"], cwd());
    expectInert(result);
    const report = JSON.parse(result.stdout) as { userType: { name: string }; checks: { differences: { live: unknown }[] }[] };
    expect(report.userType.name).toBe(HOSTILE.userType[0]);
    const live = report.checks.flatMap((check) => check.differences.map((difference) => difference.live));
    expect(live).toContain(HOSTILE.role[0]);
    expect(live).toContain(LONG_ROLE);
  });
});

describe("failures with hostile text from Okta", () => {
  const listen = loopbackServers();

  /** An org that refuses everything with a hostile `errorSummary`. */
  const refusing = () =>
    listen((_req, res) => {
      res.writeHead(403, { "content-type": "application/json" });
      res.end(JSON.stringify(oktaError("E0000006", HOSTILE.errorSummary[0])));
    });

  it.each(["check", "roles"])("%s shows Okta's errorSummary as escapes on one line, the same text in the JSON error", async (command) => {
    const origin = await refusing();
    const args = [command, "--org-url", origin, "--app-id", checkOrgs.APP_ID];
    const text = await run(args, tmpdir());
    expect(text.code).toBe(2);
    expectInert(text);
    expect(text.stderr).toContain(`(E0000006 ${HOSTILE.errorSummary[1]})`);

    const json = await run([...args, "--json"], tmpdir());
    expectInert(json);
    expect(text.stderr.split("\n").filter((line) => line.startsWith("fake:"))).toEqual([]);
    // The JSON error carries the message as stderr shows it (docs/cli.md: "the same text as on stderr").
    expect((JSON.parse(json.stdout) as { message: string }).message).toContain(`(E0000006 ${HOSTILE.errorSummary[1]})`);
  });

  it("shows the user type names of an error as escapes", async () => {
    const org = checkOrgs.freshOrg();
    org.userTypes.find((type) => type.id === checkOrgs.CONTRACTOR_TYPE_ID)!.name = HOSTILE.userType[0];
    const origin = await start(org);
    const cwd = dir({ "Pulumi.prod.yaml": checkOrgs.stackYaml(["statsig-okta:userTypeId: otynosuchtype0000001"]) });
    const result = await run(["check", "--org-url", origin, "--stack", "prod"], cwd);
    expect(result.code).toBe(2);
    expectInert(result);
    expect(result.stderr).toContain(`${checkOrgs.CONTRACTOR_TYPE_ID} "${HOSTILE.userType[1]}"`);
  });
});

describe("plan with hostile values in the stack file", () => {
  // Okta's longest group name.
  const LONG_NAME = `Statsig-${"y".repeat(247)}`;
  const STACK = [
    "config:",
    "  statsig-okta:appId: 0oa1b2c3d4e5f6g7h8i9",
    "  statsig-okta:roleGroups:",
    "    - groupId: 00g1ownerGroup000001",
    "      role: Owner",
    "  statsig-okta:projectRoles:",
    "    - groupId: 00g1ownerGroup000002",
    '      project: "Web\\u202Egpj\\N"',
    "      role: Member",
    '      targetGroupName: "\\e[2JEvil \\e]8;;https://evil.example\\aclick\\e]8;;\\a\\r\\b\\0"',
    "    - groupId: 00g1ownerGroup000003",
    "      project: Web",
    "      role: Admin",
    `      targetGroupName: ${LONG_NAME}`,
    '  "other:\\ekey": 1',
    "",
  ].join("\n");
  const TARGET = "\x1b[2JEvil \x1b]8;;https://evil.example\x07click\x1b]8;;\x07\r\b\0";

  it("shows them as escapes in the plan and the note, cuts a long one, and keeps them exact in --json", async () => {
    const cwd = dir({ "Pulumi.prod.yaml": STACK });
    const result = await run(["plan", "--stack", "prod"], cwd);
    expect(result.code).toBe(0);
    expectInert(result);
    // Escaped, and cut like any cell once escaped (the link line and its search).
    expect(result.stdout).toContain('-> "\\x1b[2JEvil \\x1b]8;;https://evil.example\\x07click\\x1b]8;;\\x…": Member in project Web');
    expect(result.stdout).toContain('profile.name eq "\\x1b[2JEvil \\x1b]8;;https://evil.example\\x07click');
    expect(result.stdout).toContain("Member in project Web\\u202egpj\\x85");
    expect(result.stdout).toContain(`"${LONG_NAME.slice(0, 59)}…"`);
    expect(result.stdout).not.toContain(LONG_NAME);
    expect(result.stderr).toContain("not read: other:\\x1bkey");

    const json = await run(["plan", "--stack", "prod", "--json"], cwd);
    expectInert(json);
    const plan = JSON.parse(json.stdout) as { pushLinks: { lookup: { name: string; search: string }; role: string }[] };
    expect(plan.pushLinks.map((link) => link.lookup.name)).toEqual([TARGET, LONG_NAME]);
    // The search the component runs quotes the name, escaping only `"` and `\` (Okta's filter syntax).
    expect(plan.pushLinks[1]!.lookup.search).toMatch(/ and profile\.name eq "Statsig-y{247}"$/);
    expect(plan.pushLinks[0]!.role).toBe("Member in project Web\u202Egpj\u0085");
  });

  it("shows them as escapes in a config error, exact in the JSON error", async () => {
    const cwd = dir({ "Pulumi.prod.yaml": STACK.replace("role: Member", 'role: Member\n      team: "Growth\\e[2J\\u202E"') });
    const result = await run(["plan", "--stack", "prod"], cwd);
    expect(result.code).toBe(1);
    expectInert(result);
    expect(result.stderr).toMatch(/Growth.*\\u202e/);

    const json = await run(["plan", "--stack", "prod", "--json"], cwd);
    expectInert(json);
    expect((JSON.parse(json.stdout) as { message: string }).message).toContain("Growth");
  });
});
