/**
 * A `roles` report as evidence on its own: where, when and from which config it was made, and one order of
 * users and findings, so two runs of an unchanged org give the same body whatever order Okta lists things in.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../../src/cli";
import { argsSha256, canonicalJson } from "../../../src/commands/report";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import type { OktaOrg } from "../../support/oktaOrg";
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import { ADMINS, APP_ID, GROUP_STACK, groupOrg, MEMBERS, OWNERS, stackYaml } from "../../support/rolesOrgs";

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const { version: VERSION } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

async function roles(args: string[], cwd: string, now: Date) {
  let stdout = "";
  const code = await main(["roles", ...args], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    env: { OKTA_API_TOKEN: TOKEN },
    cwd,
    now: () => now,
  });
  return { code, stdout };
}

function project(lines: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-roles-meta-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(lines));
  return dir;
}

/** The same org, every list Okta returns in the reverse order: users, groups, members, assignments, app users. */
function reversed(org: OktaOrg): OktaOrg {
  const app = org.apps[APP_ID]!;
  org.users.reverse();
  org.groups.reverse();
  for (const group of org.groups) group.members.reverse();
  app.groups.reverse();
  app.users.reverse();
  return org;
}

describe("roles: the report's metadata", () => {
  it("starts --json with when, which tool, which org and app, which config and how many requests", async () => {
    server = await new FakeOktaServer(groupOrg(), { apiToken: TOKEN }).start();
    const now = new Date("2026-11-30T09:00:00.000Z");
    const { stdout } = await roles(["--org-url", server.origin, "--stack", "prod", "--json"], project(GROUP_STACK), now);
    const head = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(head).slice(0, 10)).toEqual([
      "generatedAt",
      "tool",
      "version",
      "report",
      "reportVersion",
      "org",
      "appId",
      "config",
      "argsSha256",
      "requests",
    ]);
    expect(head).toMatchObject({
      generatedAt: "2026-11-30T09:00:00.000Z",
      tool: "statsig-okta",
      version: VERSION,
      report: "roles",
      reportVersion: 1,
      org: server.origin,
      appId: APP_ID,
      config: "Pulumi.prod.yaml",
      requests: server.requests.length,
    });
    expect(head.argsSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("names the config key the args came from with --key, and hashes the same args the same", async () => {
    server = await new FakeOktaServer(groupOrg(), { apiToken: TOKEN }).start();
    const now = new Date("2026-11-30T09:00:00.000Z");
    const dir = project([]);
    writeFileSync(path.join(dir, "Pulumi.yaml"), "name: myinfra\nruntime: nodejs\n");
    writeFileSync(path.join(dir, "Pulumi.dev.yaml"), ["config:", "  myinfra:statsig:", `    appId: ${APP_ID}`, ""].join("\n"));
    const head = async (args: string[], cwd: string) =>
      JSON.parse((await roles(["--org-url", server!.origin, "--json", ...args], cwd, now)).stdout) as Record<string, unknown>;
    const embedded = await head(["--stack", "dev", "--key", "statsig"], dir);
    expect(embedded).toMatchObject({ config: "Pulumi.dev.yaml", configKey: "statsig" });
    const root = await head(["--stack", "prod"], project([`statsig-okta:appId: ${APP_ID}`]));
    expect(root.config).toBe("Pulumi.prod.yaml");
    expect(root).not.toHaveProperty("configKey");
    // The same args (appId only) from either place.
    expect(root.argsSha256).toBe(embedded.argsSha256);
  });

  it("hashes the args whatever their order in the stack file; another role, or the defaults, hash otherwise", async () => {
    server = await new FakeOktaServer(groupOrg(), { apiToken: TOKEN }).start();
    const now = new Date("2026-11-30T09:00:00.000Z");
    const sha = async (lines: string[] | undefined) => {
      const args = ["--org-url", server!.origin, "--json", ...(lines ? ["--stack", "prod"] : ["--app-id", APP_ID])];
      return (JSON.parse((await roles(args, project(lines ?? []), now)).stdout) as { argsSha256: string }).argsSha256;
    };
    const groups = [
      { groupId: OWNERS, role: "Owner" },
      { groupId: ADMINS, role: "Admin" },
      { groupId: MEMBERS, role: "Member" },
    ];
    const stack = (roleGroups: object[]) => [`statsig-okta:appId: ${APP_ID}`, `statsig-okta:roleGroups: '${JSON.stringify(roleGroups)}'`];
    const first = await sha(stack(groups));
    // Of the args as written, not of what validation derives from them (defaults, warnings, group names),
    // which a newer statsig-okta may derive otherwise.
    expect(first).toBe(argsSha256({ appId: APP_ID, roleGroups: groups }));
    expect(await sha(undefined)).toBe(argsSha256({ appId: APP_ID }));
    // The keys of each entry, and the stack file's keys, in another order: the same args.
    const reordered = await sha([
      `statsig-okta:roleGroups: '${JSON.stringify(groups.map(({ groupId, role }) => ({ role, groupId })))}'`,
      `statsig-okta:appId: ${APP_ID}`,
    ]);
    expect(reordered).toBe(first);
    expect(await sha(stack(groups.map((g) => (g.role === "Member" ? { ...g, role: "Admin" } : g))))).not.toBe(first);
    expect(await sha(undefined)).not.toBe(first);
  });

  it("two runs of an unchanged org give the same body, whatever order Okta lists things in", async () => {
    const org = groupOrg();
    server = await new FakeOktaServer(org, { apiToken: TOKEN }).start();
    const dir = project(GROUP_STACK);
    const args = ["--org-url", server.origin, "--stack", "prod"];
    const first = {
      json: (await roles([...args, "--json"], dir, new Date("2026-08-30T09:00:00.000Z"))).stdout,
      csv: (await roles([...args, "--csv"], dir, new Date("2026-08-30T09:00:00.000Z"))).stdout,
      table: (await roles(args, dir, new Date("2026-08-30T09:00:00.000Z"))).stdout,
    };
    reversed(org);
    const later = new Date("2026-11-30T09:00:00.000Z");
    const second = {
      json: (await roles([...args, "--json"], dir, later)).stdout,
      csv: (await roles([...args, "--csv"], dir, later)).stdout,
      table: (await roles(args, dir, later)).stdout,
    };
    // Only the date differs (the findings listed by several users are the test's point: their users too).
    const undated = (text: string) => text.replace(/2026-(08|11)-30T09:00:00\.000Z/, "DATE");
    expect(second.json).not.toBe(first.json);
    expect(undated(second.json)).toBe(undated(first.json));
    expect(undated(second.csv)).toBe(undated(first.csv));
    expect(undated(second.table)).toBe(undated(first.table));
    expect(first.json).toContain('"users":["olivia.owner@example.com","oscar.owner@example.com"]');
  });
});

describe("canonicalJson and argsSha256", () => {
  it("sorts every object's keys by code unit, integer-like keys too, and keeps arrays in order", () => {
    expect(canonicalJson({ b: 1, a: [{ z: null, y: "x" }, 2], "10": true, "9": false, u: undefined })).toBe(
      '{"10":true,"9":false,"a":[{"y":"x","z":null},2],"b":1}',
    );
    expect(canonicalJson(JSON.parse('{"__proto__": {"b": 1, "a": 2}}'))).toBe('{"__proto__":{"a":2,"b":1}}');
    expect(canonicalJson(["é", "\u2028"])).toBe(JSON.stringify(["é", "\u2028"]));
  });

  it("is the SHA-256 of that text", () => {
    const args = { roleGroups: [{ role: "Admin", groupId: "00g1" }], appId: "0oa1" };
    expect(argsSha256(args)).toBe(
      createHash("sha256").update('{"appId":"0oa1","roleGroups":[{"groupId":"00g1","role":"Admin"}]}').digest("hex"),
    );
    expect(argsSha256({ appId: "0oa1", roleGroups: [{ groupId: "00g1", role: "Admin" }] })).toBe(argsSha256(args));
  });
});
