/**
 * `statsig-okta diff` through the CLI entry, on reports written by hand: every kind of change in the three
 * formats, the exit codes, reports of different apps, and files that are not reports.
 */
import { openSync, closeSync, ftruncateSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_REPORT_BYTES } from "../../../src/commands/reportFile";
import {
  APP,
  ARGS_SHA,
  diff,
  folder,
  inRolesLayout,
  ORG,
  report,
  write,
  type FixtureFinding,
  type FixtureUser,
} from "../../support/diffReports";

const statsig = (orgRole: string | null) => ({ orgRole, active: true, projectRoles: [] });
const STATSIG_HEAD = { statsig: { url: "https://statsigapi.net", users: 3, groups: 1 } };

/** Last quarter: Ann a Member of Web with a finding, Bob a Member, both in Statsig. */
const OLD_USERS: FixtureUser[] = [
  {
    id: "00uann",
    login: "ann@example.com",
    role: "Member",
    projectRoles: [{ project: "Web", role: "Member" }],
    statsig: statsig("Member"),
  },
  {
    id: "00ubob",
    login: "bob@example.com",
    role: "Member",
    projectRoles: [{ project: "Web", role: "Member" }],
    statsig: statsig("Member"),
  },
];
const OLD_FINDINGS: FixtureFinding[] = [{ kind: "role-differs", reason: "individual", users: ["ann@example.com"] }];

/** This quarter: Ann (renamed) Admin and a Growth team Admin, Bob gone, Cyd new without a role, Zed outside the app. */
const NEW_USERS: FixtureUser[] = [
  {
    id: "00uann",
    login: "ann.smith@example.com",
    role: "Admin",
    projectRoles: [{ project: "Web", team: "Growth", role: "Admin" }],
    statsig: statsig("Admin"),
  },
  { id: "00ucyd", login: "cyd@example.com", role: null, statsig: null },
];
const NEW_FINDINGS: FixtureFinding[] = [
  { kind: "no-role", reason: "no-role-group", users: ["cyd@example.com"] },
  { kind: "not-assigned", groupId: "00gadmins", users: ["zed@example.com"] },
];

/** Every kind of change, in the one order: by login, id, kind. */
const ALL_KINDS = [
  { login: "ann.smith@example.com", id: "00uann", kind: "org-role", before: "Member", after: "Admin" },
  { login: "ann.smith@example.com", id: "00uann", kind: "statsig-org-role", before: "Member", after: "Admin" },
  { login: "ann.smith@example.com", id: "00uann", kind: "project-role-added", before: null, after: "Web/Growth: Admin" },
  { login: "ann.smith@example.com", id: "00uann", kind: "project-role-removed", before: "Web: Member", after: null },
  // Findings are about logins: the old login's finding is resolved.
  { login: "ann@example.com", id: "00uann", kind: "finding-resolved", before: "role-differs:individual", after: null },
  { login: "bob@example.com", id: "00ubob", kind: "user-removed", before: "Member", after: null },
  { login: "bob@example.com", id: "00ubob", kind: "statsig-org-role", before: "Member", after: null },
  { login: "bob@example.com", id: "00ubob", kind: "project-role-removed", before: "Web: Member", after: null },
  { login: "cyd@example.com", id: "00ucyd", kind: "user-added", before: null, after: null },
  { login: "cyd@example.com", id: "00ucyd", kind: "finding-added", before: null, after: "no-role:no-role-group" },
  { login: "zed@example.com", id: null, kind: "finding-added", before: null, after: "not-assigned (group 00gadmins)" },
];

function quarter(statsigRead = { old: true, now: true }) {
  const dir = folder();
  write(dir, "q3.json", report(OLD_USERS, OLD_FINDINGS, statsigRead.old ? STATSIG_HEAD : {}));
  write(
    dir,
    "q4.json",
    report(NEW_USERS, NEW_FINDINGS, { generatedAt: "2026-11-30T09:00:00.000Z", ...(statsigRead.now ? STATSIG_HEAD : {}) }),
  );
  return dir;
}

describe("statsig-okta diff: the changes", () => {
  it("lists every kind of change as JSON, one object per change, and exits 1", async () => {
    const result = await diff(["q3.json", "q4.json", "--json"], quarter());
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed.changes).toEqual(ALL_KINDS);
    expect(parsed).toMatchObject({
      result: "changes",
      before: { file: "q3.json", generatedAt: "2026-08-30T09:00:00.000Z", org: ORG, appId: APP, argsSha256: ARGS_SHA, statsig: true },
      after: { file: "q4.json", generatedAt: "2026-11-30T09:00:00.000Z", statsig: true },
      notes: [],
      summary: {
        changes: 11,
        kinds: {
          "user-added": 1,
          "user-removed": 1,
          "org-role": 1,
          "statsig-org-role": 2,
          "project-role-added": 1,
          "project-role-removed": 2,
          "finding-added": 2,
          "finding-resolved": 1,
        },
      },
    });
    // One change per line, so a 50,000-user diff streams.
    expect(result.stdout.split("\n").filter((line) => line.startsWith('{"login"'))).toHaveLength(11);
  });

  it("prints the same changes as a table, with where each report came from", async () => {
    const result = await diff(["q3.json", "q4.json"], quarter());
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      `Changes in the Statsig roles of app ${APP} on ${ORG}`,
      "  from q3.json (2026-08-30T09:00:00.000Z, statsig-okta 0.1.0)",
      "  to   q4.json (2026-11-30T09:00:00.000Z, statsig-okta 0.1.0)",
      "11 changes: 1 user-added, 1 user-removed, 1 org-role, 2 statsig-org-role, 1 project-role-added, 2 project-role-removed, 2 finding-added, 1 finding-resolved",
    ]);
    const rows = lines.slice(5, -1).map((line) => line.trim().split(/ {2,}/));
    expect(rows[0]).toEqual(["LOGIN", "ID", "KIND", "BEFORE", "AFTER"]);
    expect(rows.slice(1)).toEqual(ALL_KINDS.map((c) => [c.login, c.id ?? "-", c.kind, c.before ?? "-", c.after ?? "-"]));
  });

  it("writes one CSV row per change after comment lines naming both reports", async () => {
    const result = await diff(["q3.json", "q4.json", "--csv"], quarter());
    expect(result.code).toBe(1);
    const lines = result.stdout.split("\r\n");
    expect(lines.slice(0, 2)).toEqual([
      `# before: q3.json (2026-08-30T09:00:00.000Z, app ${APP} on ${ORG}, argsSha256 ${ARGS_SHA})`,
      `# after: q4.json (2026-11-30T09:00:00.000Z, app ${APP} on ${ORG}, argsSha256 ${ARGS_SHA})`,
    ]);
    expect(lines[2]).toBe("login,id,kind,before,after");
    expect(lines.slice(3, -1)).toEqual(
      ALL_KINDS.map((c) =>
        [c.login, c.id ?? "", c.kind, c.before ?? "", c.after ?? ""].map((v) => (v.includes(",") ? `"${v}"` : v)).join(","),
      ),
    );
    expect(lines.at(-1)).toBe("");
  });

  it("compares Statsig's roles only when both reports read Statsig, and says so", async () => {
    const result = await diff(["q3.json", "q4.json", "--json"], quarter({ old: false, now: true }));
    const parsed = JSON.parse(result.stdout) as { changes: { kind: string }[]; notes: string[] };
    expect(parsed.changes.map((c) => c.kind)).not.toContain("statsig-org-role");
    expect(parsed.changes).toHaveLength(ALL_KINDS.length - 2);
    expect(parsed.notes).toEqual(["only one report read Statsig (--statsig): the org roles Statsig holds are not compared"]);
  });

  it("exits 0 with no changes in every format, whatever the order of the users and findings in the files", async () => {
    const dir = folder();
    const users: FixtureUser[] = [
      { id: "00ua", login: "a@example.com", role: "Owner" },
      { id: "00ub", login: "b@example.com", role: "Member", projectRoles: [{ project: "Web", role: "Member" }] },
    ];
    const findings: FixtureFinding[] = [
      { kind: "not-pushed", users: ["b@example.com"] },
      { kind: "not-assigned", groupId: "00gx", users: ["x@example.com", "y@example.com"] },
    ];
    write(dir, "old.json", report(users, findings));
    write(dir, "new.json", report([...users].reverse(), [{ ...findings[1]!, users: ["y@example.com", "x@example.com"] }, findings[0]!]));
    const table = await diff(["old.json", "new.json"], dir);
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout).toMatch(/\nNo changes\.\n$/);
    const json = await diff(["old.json", "new.json", "--json"], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ result: "no-changes", summary: { changes: 0, kinds: {} }, changes: [] });
    const csv = await diff(["old.json", "new.json", "--csv"], dir);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n").filter((line) => !line.startsWith("# "))).toEqual(["login,id,kind,before,after", ""]);
  });

  it("notes reports made from different configs", async () => {
    const dir = folder();
    write(dir, "old.json", report([{ id: "00ua", login: "a", role: "Admin" }]));
    write(dir, "new.json", report([{ id: "00ua", login: "a", role: "Member" }], [], { argsSha256: "b".repeat(64) }));
    const result = await diff(["old.json", "new.json"], dir);
    expect(result.stdout).toContain(
      "Note: the reports were made from different configs (argsSha256): intended roles, and so findings, may differ because of that",
    );
  });
});

describe("statsig-okta diff: what Okta sent, in the output", () => {
  const dir = folder();
  const hostile = '=HYPERLINK("https://evil.example")\x1b[2J\u202e';
  write(dir, "old.json", report([]));
  write(dir, "new.json", report([{ id: "00uevil", login: hostile, role: "Owner\r\nx" }]));

  it("shows control and formatting characters as escapes in the table", async () => {
    const result = await diff(["old.json", "new.json"], dir);
    expect(result.stdout).toContain('=HYPERLINK("https://evil.example")\\x1b[2J\\u202e');
    expect(result.stdout).toContain("Owner\\x0d\\x0ax");
    expect(result.stdout).not.toMatch(/(?!\n)[\p{Cc}\p{Cf}]/u);
  });

  it("keeps the exact values in JSON, and defuses formulas in CSV", async () => {
    const json = JSON.parse((await diff(["old.json", "new.json", "--json"], dir)).stdout) as {
      changes: { login: string; after: string }[];
    };
    expect(json.changes[0]).toMatchObject({ login: hostile, after: "Owner\r\nx" });
    const csv = (await diff(["old.json", "new.json", "--csv"], dir)).stdout;
    expect(csv).toContain(`\r\n"'=HYPERLINK(""https://evil.example"")\x1b[2J\u202e",00uevil,user-added,,"Owner\r\nx"\r\n`);
  });
});

describe("statsig-okta diff: refused", () => {
  it("refuses reports of different orgs or apps (exit 2) unless --allow-different-apps", async () => {
    const dir = folder();
    write(dir, "a.json", report([{ id: "00ua", login: "a", role: "Admin" }]));
    write(dir, "b.json", report([{ id: "00ua", login: "a", role: "Admin" }], [], { appId: "0oaotherapp000000001" }));
    write(dir, "c.json", report([], [], { org: "https://other.okta.com" }));
    const refused = await diff(["a.json", "b.json"], dir);
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toBe(
      `statsig-okta diff: a.json is of app ${APP} on ${ORG}, b.json of app 0oaotherapp000000001 on ${ORG}: give --allow-different-apps to compare them anyway. Run \`statsig-okta diff --help\` for the options.\n`,
    );
    expect((await diff(["a.json", "c.json", "--json"], dir)).code).toBe(2);
    expect(JSON.parse((await diff(["a.json", "c.json", "--json"], dir)).stdout)).toMatchObject({
      result: "error",
      command: "diff",
      exitCode: 2,
    });

    const allowed = await diff(["a.json", "b.json", "--allow-different-apps"], dir);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain(`Changes in the Statsig roles of apps ${APP} and 0oaotherapp000000001 on ${ORG}`);
    expect(allowed.stdout).toContain(`Note: the reports are of different apps: ${APP} on ${ORG}, then 0oaotherapp000000001 on ${ORG}`);
  });

  const good = report([{ id: "00ua", login: "a", role: "Admin" }]);
  it.each([
    ["not JSON", "{users: []", /^statsig-okta diff: bad\.json is not a `statsig-okta roles --json` report: it is not JSON \(/],
    ["a JSON list", "[]", /: tool: the file is not a JSON object \(expected "statsig-okta"\)/],
    [
      "roles --json without metadata (before reportVersion 1)",
      { result: "ok", org: ORG, appId: APP, mode: "group", users: [], findings: [] },
      /^statsig-okta diff: bad\.json is not a `statsig-okta roles --json` report: tool: missing \(expected "statsig-okta"\)$/m,
    ],
    ["another report", { ...good, report: "check" }, /: report: got "check" \(expected "roles"\)$/m],
    [
      "a version it does not know",
      { ...good, reportVersion: 2, version: "9.0.0" },
      /^statsig-okta diff: bad\.json: reportVersion 2 is not one this statsig-okta reads \(it reads 1\); use the statsig-okta version that wrote it \(9\.0\.0\) or a newer one$/m,
    ],
    [
      "a role that is not text",
      { ...good, users: [{ ...(good.users as object[])[0], role: 3 }] },
      /^statsig-okta diff: bad\.json is not a valid roles report: users\[0\]\.role: expected string or null, got number$/m,
    ],
    [
      "a user without login",
      { ...good, users: [{ id: "00ua", role: null, projectRoles: [] }] },
      /users\[0\]\.login: missing \(expected string\)/,
    ],
    ["a date that is not ISO 8601", { ...good, generatedAt: "yesterday" }, /is not a valid roles report: generatedAt: /],
    [
      "the same user twice",
      { ...good, users: [(good.users as object[])[0], (good.users as object[])[0]] },
      /is not a valid roles report: users\[1\]\.id: the same user as an earlier entry$/m,
    ],
  ])("exits 2 naming the file and the field: %s", async (_name, content, message) => {
    const dir = folder();
    write(dir, "good.json", good);
    write(dir, "bad.json", content);
    for (const args of [
      ["good.json", "bad.json"],
      ["bad.json", "good.json"],
    ]) {
      const result = await diff(args, dir);
      expect(result).toMatchObject({ code: 2, stdout: "" });
      expect(result.stderr).toMatch(message);
    }
    const json = await diff(["good.json", "bad.json", "--json"], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({
      result: "error",
      command: "diff",
      exitCode: 2,
      message: expect.stringMatching(/bad\.json/),
    });
    // The same in the layout roles writes, which is read line by line.
    if (typeof content === "object" && !Array.isArray(content) && "users" in content && "findings" in content) {
      write(dir, "bad.json", inRolesLayout(content));
      expect((await diff(["good.json", "bad.json"], dir)).stderr).toMatch(message);
    }
  });

  it("reads a report in roles' layout as the same report written on one line", async () => {
    const dir = folder();
    const users: FixtureUser[] = [
      { id: "00ua", login: "a", role: "Admin", projectRoles: [{ project: "Web", role: "Member" }], statsig: statsig("Admin") },
      { id: "00ub", login: "b", role: null, statsig: null },
    ];
    const body = report(users, [{ kind: "no-role", reason: "no-role-group", users: ["b"] }], STATSIG_HEAD);
    write(dir, "one-line.json", body);
    write(dir, "layout.json", inRolesLayout(body));
    write(dir, "empty.json", inRolesLayout(report([], [], STATSIG_HEAD)));
    expect((await diff(["one-line.json", "layout.json"], dir)).code).toBe(0);
    const fromEmpty = JSON.parse((await diff(["empty.json", "layout.json", "--json"], dir)).stdout) as { changes: unknown[] };
    const fromEmptyWhole = JSON.parse((await diff(["empty.json", "one-line.json", "--json"], dir)).stdout) as { changes: unknown[] };
    expect(fromEmpty.changes).toHaveLength(5);
    expect(fromEmpty.changes).toEqual(fromEmptyWhole.changes);
    // A tail that is not JSON (what roles --since adds after the findings) is refused as in a whole parse.
    write(dir, "tail.json", inRolesLayout(body).replace(/\]\}\n$/, '],\n"since": {,\n"changes": [\n]}\n'));
    expect((await diff(["one-line.json", "tail.json"], dir)).stderr).toMatch(
      /tail\.json is not a `statsig-okta roles --json` report: it is not JSON/,
    );
  });

  it("exits 2 for a missing file, a folder, and a file over 256 MiB (without reading it)", async () => {
    const dir = folder();
    write(dir, "good.json", report([]));
    mkdirSync(path.join(dir, "folder.json"));
    // Sparse: the size is what is refused, nothing is written to disk.
    const fd = openSync(path.join(dir, "huge.json"), "w");
    ftruncateSync(fd, MAX_REPORT_BYTES + 1);
    closeSync(fd);
    expect(await diff(["good.json", "none.json"], dir)).toMatchObject({
      code: 2,
      stderr: "statsig-okta diff: cannot read none.json: ENOENT\n",
    });
    expect(await diff(["folder.json", "good.json"], dir)).toMatchObject({
      code: 2,
      stderr: "statsig-okta diff: folder.json is not a file\n",
    });
    expect(await diff(["good.json", "huge.json"], dir)).toMatchObject({
      code: 2,
      stderr: `statsig-okta diff: huge.json is ${MAX_REPORT_BYTES + 1} bytes; a report of more than ${MAX_REPORT_BYTES} bytes (256 MiB) is not read\n`,
    });
  });

  it("refuses bad arguments", async () => {
    const dir = folder();
    expect(await diff(["one.json"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/give two report files, OLD\.json NEW\.json .*; got 1\. Run `statsig-okta diff --help`/),
    });
    expect(await diff(["a", "b", "--json", "--csv"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--json or --csv, not both/),
    });
    expect(await diff(["a", "b", "--allow-different-app"], dir)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/unknown option --allow-different-app; did you mean --allow-different-apps\?/),
    });
    const help = await diff(["--help"], dir);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Usage: statsig-okta diff OLD\.json NEW\.json/) });
  });
});
