import { afterEach, describe, expect, it } from "vitest";
import { API_TOKEN as TOKEN } from "../../support/stubAuth";
import { readRoles } from "../../../src/commands/roles/read";
import { PAGE_SIZE } from "../../../src/okta/endpoints";
import type { RolesTarget } from "../../../src/commands/roles/model";
import { authFromEnv } from "../../../src/okta/auth";
import { OktaClient } from "../../../src/okta/client";
import { FakeOktaServer, type FakeOptions } from "../../support/fakeOktaServer";
import { addApp, newOrg, type OktaOrg } from "../../support/oktaOrg";
import { APP_ID, USER_TYPE_ID } from "../../support/rolesOrgs";

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

/** `users` app users; group g (of `groups`) holds every user whose index is g modulo `groups`. */
function largeOrg(users: number, groups: number): OktaOrg {
  const ids = Array.from({ length: users }, (_, i) => `00u${String(i).padStart(17, "0")}`);
  const groupIds = Array.from({ length: groups }, (_, g) => `00g${String(g).padStart(17, "0")}`);
  const org = newOrg(USER_TYPE_ID);
  const app = addApp(org, APP_ID);
  org.users = ids.map((id, i) => ({ id, login: `user${i}@example.com`, status: "ACTIVE" }));
  app.users = ids.map((userId) => ({ userId, scope: "GROUP", role: "Member" }));
  org.groups = groupIds.map((id, g) => ({ id, name: `Group ${g}`, members: ids.filter((_, i) => i % groups === g) }));
  app.groups = groupIds.map((id, g) => ({ id, priority: g, profile: { statsigOrgRole: "Member" } }));
  return org;
}

const target = (org: OktaOrg): RolesTarget => ({
  appId: APP_ID,
  mode: "group",
  oktaAttributeName: "statsigOrgRole",
  roleGroups: org.apps[APP_ID]!.groups.map(({ id, priority }) => ({ groupId: id, role: "Member", priority })),
  projectRoles: [],
});

/** Reads `org` (for `roleGroups`: the config's, default every assigned group) from a fake Okta; 429 waits are recorded, not slept. */
async function read(
  org: OktaOrg,
  options: FakeOptions = {},
  readOptions: Parameters<typeof readRoles>[2] = {},
  roleGroups = target(org).roleGroups,
) {
  server = await new FakeOktaServer(org, { apiToken: TOKEN, ...options }).start();
  const origin = server.origin;
  const waits: number[] = [];
  const log: string[] = [];
  const auth = authFromEnv({ OKTA_API_TOKEN: TOKEN }, origin, { fetch, nowSeconds: () => Math.floor(Date.now() / 1000), timeoutMs: 5000 });
  const client = new OktaClient({
    origin,
    auth,
    log: (line) => log.push(line),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  const input = await readRoles(client, { ...target(org), roleGroups }, readOptions);
  return { input, waits, log, requests: server.requests };
}

describe("readRoles", () => {
  it("reads with the largest pages: requests are the minimum those pages allow", async () => {
    // 1,201 app users (3 pages of 500), 3 groups of 400-401 members (1 page each), 3 assignments (1 page).
    const org = largeOrg(1201, 3);
    const { input, requests } = await read(org);
    expect(input.users).toHaveLength(1201);
    expect(input.users.every((user) => user.groups.length === 1)).toBe(true);
    // user types 1, the mapping 2 (the pair's list, then the mapping), members 1 per group.
    const minimum = Math.ceil(3 / PAGE_SIZE.appGroups) + 1 + 2 + Math.ceil(1201 / PAGE_SIZE.appUsers) + 3;
    expect(requests).toHaveLength(minimum);
  });

  it("follows pages of group members past the first 1,000", async () => {
    const org = largeOrg(2500, 1);
    const { input, requests } = await read(org);
    expect(
      requests
        .filter((r) => r.path.startsWith("/api/v1/groups/"))
        .map((r) => new URL(r.path, "http://x").searchParams.get("after") !== null),
    ).toEqual([false, true, true]);
    expect(input.users.filter((user) => user.groups.length === 1)).toHaveLength(2500);
  });

  it("waits out 429s and goes on", async () => {
    const org = largeOrg(30, 2);
    const { input, waits, log } = await read(org, { rateLimitRequests: [1, 5, 6] });
    expect(input.users).toHaveLength(30);
    expect(waits).toHaveLength(3);
    expect(log.join("\n")).toMatch(/rate limit reached on GET \/api\/v1\/apps\/.*waiting \d+s/);
  });

  it("reports progress while long reads run", async () => {
    let clock = 0;
    const lines: string[] = [];
    // Each clock reading moves 1 s: every page is "long".
    await read(largeOrg(1200, 2), {}, { progress: (line) => lines.push(line), progressEveryMs: 1000, now: () => (clock += 1000) });
    expect(lines).toContain("statsig-okta roles: read 1,000 app users so far");
    expect(lines.at(-1)).toBe("statsig-okta roles: reading the members of group 2 of 2");
  });

  it("says which config role group Okta does not know", async () => {
    const org = largeOrg(2, 1);
    const roleGroups = [...target(org).roleGroups, { groupId: "00gdeletedgroup00001", role: "Admin" as const, priority: 9 }];
    await expect(read(org, {}, {}, roleGroups)).rejects.toThrow(
      /GET \/api\/v1\/groups\/00gdeletedgroup00001\/users\?limit=1000: 404 .*the config's group 00gdeletedgroup00001 \(roleGroups or projectRoles\) does not exist in Okta: fix the config/,
    );
  });

  it("keeps only role group members who are not app users and not deactivated", async () => {
    const org = largeOrg(4, 1);
    org.users.push({ id: "00ustaged00000000001", login: "staged@example.com", status: "STAGED" });
    org.users.push({ id: "00ugone0000000000001", login: "gone@example.com", status: "DEPROVISIONED" });
    org.groups[0]!.members.push("00ustaged00000000001", "00ugone0000000000001");
    const { input } = await read(org);
    expect(input.outsiders).toEqual([{ group: 0, id: "00ustaged00000000001", login: "staged@example.com", status: "STAGED" }]);
  });
});
