/**
 * Reports made by `statsig-okta roles --json` against the fake Okta at two times, with the org changed in
 * between: `diff` lists exactly the role changes, and `roles --since` the same ones against the live org.
 */
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import type { OktaOrg } from "../../support/oktaOrg";
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import {
  APP_ID,
  ADMINS,
  cleanGroupOrg,
  CLEAN_GROUP_STACK,
  MEMBERS,
  OWNERS,
  PROJECT_STACK,
  projectOrg,
  stackYaml,
  WEB_ENGINEERS,
  WEB_GROWTH_LEADS,
} from "../../support/rolesOrgs";
import { diff, folder, report, write } from "../../support/diffReports";
import { runProbed } from "../../support/loadProbe";

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const Q3 = new Date("2026-08-30T09:00:00.000Z");
const Q4 = new Date("2026-11-30T09:00:00.000Z");

async function roles(args: string[], cwd: string, now: Date) {
  let stdout = "";
  let stderr = "";
  const code = await main(["roles", "--stack", "prod", ...args], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    env: { OKTA_API_TOKEN: TOKEN },
    cwd,
    now: () => now,
  });
  return { code, stdout, stderr };
}

function project(lines: string[]): string {
  const dir = folder();
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(lines));
  return dir;
}

const idOf = (org: OktaOrg, login: string) => org.users.find((user) => user.login === login)!.id;

/**
 * A quarter later: Mel promoted from Members to Admins, Olivia unassigned from the app, Newt assigned through
 * Members, Ada out of Web Growth Leads, Zoe (not assigned) out of Web Engineers.
 */
function nextQuarter(org: OktaOrg): void {
  const app = org.apps[APP_ID]!;
  const group = (id: string) => org.groups.find((g) => g.id === id)!;
  const mel = idOf(org, "mel.member@example.com");
  group(MEMBERS).members = group(MEMBERS).members.filter((id) => id !== mel);
  group(ADMINS).members.push(mel);
  app.users.find((user) => user.userId === mel)!.role = "Admin";
  app.users = app.users.filter((user) => user.userId !== idOf(org, "olivia.owner@example.com"));
  org.users.push({ id: "00unewt00000000000001", login: "newt.new@example.com", status: "ACTIVE" });
  group(MEMBERS).members.push("00unewt00000000000001");
  app.users.push({ userId: "00unewt00000000000001", scope: "GROUP", role: "Member" });
  const ada = idOf(org, "ada.admin@example.com");
  group(WEB_GROWTH_LEADS).members = group(WEB_GROWTH_LEADS).members.filter((id) => id !== ada);
  group(WEB_ENGINEERS).members = group(WEB_ENGINEERS).members.filter((id) => id !== idOf(org, "zoe.unassigned@example.com"));
}

describe("two roles reports a quarter apart", () => {
  it("diff into exactly the role changes between them; roles --since lists the same against the live org", async () => {
    const org = projectOrg();
    server = await new FakeOktaServer(org, { apiToken: TOKEN }).start();
    const dir = project(PROJECT_STACK);
    const q3 = await roles(["--org-url", server.origin, "--json"], dir, Q3);
    writeFileSync(path.join(dir, "q3.json"), q3.stdout);
    nextQuarter(org);
    const q4 = await roles(["--org-url", server.origin, "--json"], dir, Q4);
    writeFileSync(path.join(dir, "q4.json"), q4.stdout);

    const id = (login: string) => idOf(org, login);
    const expected = [
      {
        login: "ada.admin@example.com",
        id: id("ada.admin@example.com"),
        kind: "project-role-removed",
        before: "Web/Growth: Admin",
        after: null,
      },
      { login: "mel.member@example.com", id: id("mel.member@example.com"), kind: "org-role", before: "Member", after: "Admin" },
      { login: "newt.new@example.com", id: "00unewt00000000000001", kind: "user-added", before: null, after: "Member" },
      { login: "olivia.owner@example.com", id: id("olivia.owner@example.com"), kind: "user-removed", before: "Owner", after: null },
      // Still in the Owner group, so now a member of a role group not assigned to the app.
      {
        login: "olivia.owner@example.com",
        id: id("olivia.owner@example.com"),
        kind: "finding-added",
        before: null,
        after: `not-assigned (group ${OWNERS})`,
      },
      {
        login: "zoe.unassigned@example.com",
        id: null,
        kind: "finding-resolved",
        before: `not-assigned (group ${WEB_ENGINEERS})`,
        after: null,
      },
    ];
    const result = await diff(["q3.json", "q4.json", "--json"], dir);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as { changes: unknown[]; before: object; after: object; notes: string[] };
    expect(parsed.changes).toEqual(expected);
    expect(parsed.before).toMatchObject({ generatedAt: Q3.toISOString(), org: server.origin, appId: APP_ID, config: "Pulumi.prod.yaml" });
    expect(parsed.after).toMatchObject({ generatedAt: Q4.toISOString() });
    // Same config both times: the args hash says so.
    expect(parsed.notes).toEqual([]);

    const since = await roles(["--org-url", server.origin, "--json", "--since", "q3.json"], dir, Q4);
    expect(since.code).toBe(1);
    const live = JSON.parse(since.stdout) as { since: object; changes: unknown[]; users: unknown[] };
    expect(live.since).toEqual({ file: "q3.json", generatedAt: Q3.toISOString(), argsSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(live.changes).toEqual(expected);
    // The report itself is the one without --since.
    expect(since.stdout.replace(/\],\n"since": [\s\S]*$/, "]}\n")).toBe(q4.stdout);

    const table = await roles(["--org-url", server.origin, "--since", "q3.json"], dir, Q4);
    expect(table.code).toBe(1);
    const tail = table.stdout.split(`\nChanges since q3.json (${Q3.toISOString()})\n`)[1]!;
    expect(tail.split("\n")[0]).toBe(
      "6 changes: 1 user-added, 1 user-removed, 1 org-role, 1 project-role-removed, 1 finding-added, 1 finding-resolved",
    );
    expect(tail).toMatch(/^ {2}mel\.member@example\.com +00u\w+ +org-role +Member +Admin$/m);
  });

  it("roles --since exits 0 when neither findings nor changes are left", async () => {
    server = await new FakeOktaServer(cleanGroupOrg(), { apiToken: TOKEN }).start();
    const dir = project(CLEAN_GROUP_STACK);
    writeFileSync(path.join(dir, "q3.json"), (await roles(["--org-url", server.origin, "--json"], dir, Q3)).stdout);
    const result = await roles(["--org-url", server.origin, "--since", "q3.json"], dir, Q4);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\nNo findings\.\n\nChanges since q3\.json \(2026-08-30T09:00:00\.000Z\)\nNo changes\.\n$/);
  });

  it("roles --since refuses a report of another app, or one it cannot read, before any request to Okta", async () => {
    server = await new FakeOktaServer(cleanGroupOrg(), { apiToken: TOKEN }).start();
    const dir = project(CLEAN_GROUP_STACK);
    write(dir, "other.json", report([], [], { org: server.origin, appId: "0oaotherapp000000001" }));
    write(dir, "broken.json", "{");
    const other = await roles(["--org-url", server.origin, "--since", "other.json"], dir, Q4);
    expect(other).toMatchObject({ code: 2, stdout: "" });
    expect(other.stderr).toContain(
      `statsig-okta roles: --since other.json is a report of app 0oaotherapp000000001 on ${server.origin}, not of app ${APP_ID} on ${server.origin}: compare reports of different apps with \`statsig-okta diff --allow-different-apps\``,
    );
    const broken = await roles(["--org-url", server.origin, "--since", "broken.json", "--json"], dir, Q4);
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      result: "error",
      command: "roles",
      message: expect.stringMatching(/^broken\.json is not a `statsig-okta roles --json` report: it is not JSON/),
    });
    expect(server.requests).toEqual([]);
    expect(await roles(["--org-url", server.origin, "--since", "other.json", "--csv"], dir, Q4)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--since does not go with --csv .*statsig-okta diff --csv/),
    });
  });

  it("the built CLI diffs two files as a user runs it, loading nothing of the Okta client", async () => {
    const dir = folder();
    write(dir, "a.json", report([{ id: "00ua", login: "a@example.com", role: "Member" }]));
    write(dir, "b.json", report([{ id: "00ua", login: "a@example.com", role: "Admin" }]));
    const child = runProbed(["diff", "a.json", "b.json", "--csv"], dir);
    expect(child.status).toBe(1);
    expect(child.stdout).toContain("\r\na@example.com,00ua,org-role,Member,Admin\r\n");
    const { loaded } = child;
    const ours = loaded
      .filter((file) => file.includes(`${path.sep}dist${path.sep}`))
      .map((file) => path.relative(path.resolve("dist"), file));
    expect(ours.filter((file) => file.startsWith(`okta${path.sep}`))).toEqual([path.join("okta", "errors.js")]);
    expect(ours).not.toContain(path.join("commands", "session.js"));
    expect(loaded.filter((file) => /node_modules[\\/]js-yaml/.test(file) || file === "node:https" || file === "node:tls")).toEqual([]);
    expect(readFileSync(path.join(dir, "a.json"), "utf8")).toContain('"reportVersion":1');
  });
});
