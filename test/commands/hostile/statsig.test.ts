/**
 * `roles --statsig` against a Statsig whose SCIM answers are wrong, endless, huge or point elsewhere. Each run
 * ends with exit 2, one line naming the request and the field or bound, nothing on stdout, and the key nowhere.
 * The bounds are made small here (statsig/limits.ts, mocked) so each test takes a moment.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../../src/cli";
import { FakeOktaServer } from "../../support/fakeOktaServer";
import { CORE_USER } from "../../support/fakeStatsig";
import { loopbackServers } from "../../support/loopback";
import { stackYaml } from "../../support/rolesOrgs";
import { agreeingOrgs, SCIM_TOKEN, STATSIG_STACK } from "../../support/statsigOrgs";
import { API_TOKEN } from "../../support/stubAuth";

const small = vi.hoisted(() => ({
  maxBodyBytes: 64 * 1024,
  maxPagesPerList: 5,
  maxItemsPerList: 1_000_000,
  maxRunMs: 3_600_000,
  timeoutMs: 30_000,
}));
vi.mock("../../../src/statsig/limits", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../../src/statsig/limits")>()),
  STATSIG_LIMITS: small,
}));

const listen = loopbackServers();
let okta: FakeOktaServer;
let dir: string;
beforeEach(async () => {
  okta = await new FakeOktaServer(agreeingOrgs().okta, { apiToken: API_TOKEN }).start();
  dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-hostile-statsig-"));
  writeFileSync(path.join(dir, "Pulumi.prod.yaml"), stackYaml(STATSIG_STACK));
});
afterEach(async () => {
  await okta.stop();
});

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
const USERS = "GET /scim/Users?startIndex=1&count=500";
const GROUPS = "GET /scim/Groups?startIndex=1&count=50";

/** A Statsig answering `users` for /scim/Users and `groups` for /scim/Groups (an empty list unless given); records what it was sent. */
async function statsig(users: Handler, groups: Handler = json({ totalResults: 0, Resources: [] })) {
  const seen: { method: string; url: string; authorization?: string }[] = [];
  const origin = await listen((req, res) => {
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    (req.url?.startsWith("/scim/Groups") ? groups : users)(req, res);
  });
  return { url: `${origin}/scim`, seen };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/scim+json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };
}

const user = (extra: Record<string, unknown> = {}) => ({
  id: "u1",
  userName: "ada.admin@example.com",
  active: true,
  statsigOrgRole: "Admin",
  ...extra,
});

async function roles(url: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(["roles", "--org-url", okta.origin, "--stack", "prod", "--statsig", "--statsig-url", url], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { OKTA_API_TOKEN: API_TOKEN, STATSIG_SCIM_TOKEN: SCIM_TOKEN },
    cwd: dir,
  });
  return { code, stdout, stderr };
}

function failedWith(result: { code: number; stdout: string; stderr: string }, message: string) {
  expect(result.stdout).toBe("");
  expect(result.stderr).toBe(`statsig-okta roles: ${message}\n`);
  expect(result.code).toBe(2);
  expect(result.stderr).not.toContain(SCIM_TOKEN);
}

const SHAPE = "Statsig's answer is not a SCIM answer statsig-okta can read";

describe("roles --statsig: wrong shapes are exit 2 naming the request and the field", () => {
  it.each<[string, Handler, string]>([
    ["a list as an array", json([user()]), `${USERS}: ${SHAPE}: expected object, got array`],
    ["no totalResults", json({ Resources: [user()] }), `${USERS}: ${SHAPE}: totalResults: missing (expected number)`],
    [
      "Resources as an object",
      json({ totalResults: 1, Resources: { 0: user() } }),
      `${USERS}: ${SHAPE}: Resources: expected array, got object`,
    ],
    [
      "a user without id",
      json({ totalResults: 1, Resources: [user({ id: undefined })] }),
      `${USERS}: ${SHAPE}: Resources[0].id: missing (expected string)`,
    ],
    [
      "a role as a number",
      json({ totalResults: 1, Resources: [user({ statsigOrgRole: 5 })] }),
      `${USERS}: ${SHAPE}: Resources[0].statsigOrgRole: expected string, got number`,
    ],
    [
      "a role under the URN as a list",
      json({ totalResults: 1, Resources: [user({ statsigOrgRole: undefined, [CORE_USER]: { statsigOrgRole: ["Admin"] } })] }),
      `${USERS}: ${SHAPE}: Resources[0]["${CORE_USER}"].statsigOrgRole: expected string, got array`,
    ],
    [
      "two different roles at the top level and under the URN",
      json({ totalResults: 1, Resources: [user({ [CORE_USER]: { statsigOrgRole: "Owner" } })] }),
      `${USERS}: ${SHAPE}: Resources[0].statsigOrgRole: "Admin" at the top level but "Owner" under ${CORE_USER}: which one Statsig holds cannot be told`,
    ],
    [
      "active as text",
      json({ totalResults: 1, Resources: [user({ active: "yes" })] }),
      `${USERS}: ${SHAPE}: Resources[0].active: expected boolean, got string`,
    ],
    [
      "an id with a control character",
      json({ totalResults: 1, Resources: [user({ id: "u\u001b[2J" })] }),
      `${USERS}: ${SHAPE}: Resources[0].id: expected a SCIM id (text without control characters)`,
    ],
    ["not JSON", json("<html>login</html>"), `${USERS}: Statsig answered with something that is not JSON: is {url} Statsig's SCIM API?`],
    [
      "a page without items before the total",
      json({ totalResults: 3, Resources: [] }),
      `${USERS}: Statsig announced 3 in Statsig's users (totalResults) but sent none from item 1 on: the list would be incomplete`,
    ],
  ])("users: %s", async (_name, handler, message) => {
    const fake = await statsig(handler);
    failedWith(await roles(fake.url), message.replace("{url}", fake.url));
  });

  it("groups: a member without value", async () => {
    const fake = await statsig(
      json({ totalResults: 0, Resources: [] }),
      json({ totalResults: 1, Resources: [{ id: "g1", displayName: "Statsig-Web-Member", members: [{ display: "ada" }] }] }),
    );
    failedWith(await roles(fake.url), `${GROUPS}: ${SHAPE}: Resources[0].members[0].value: missing (expected string)`);
  });
});

describe("roles --statsig: bounds, redirects and methods", () => {
  it("stops a list that goes on past the page cap", async () => {
    let served = 0;
    const fake = await statsig((req, res) => {
      const start = Number(new URL(req.url!, "http://x").searchParams.get("startIndex"));
      served++;
      json({ totalResults: 1_000_000_000, Resources: [user({ id: `u${start}`, userName: `u${start}@example.com` })] })(req, res);
    });
    failedWith(
      await roles(fake.url),
      "GET /scim/Users?startIndex=6&count=500: Statsig's users goes on past 5 pages, the most statsig-okta reads of one list (enough for 200,000 users, with a wide margin); stopped",
    );
    expect(served).toBe(5);
  });

  it("refuses an answer larger than the bound, announced or not", async () => {
    const big = JSON.stringify({ totalResults: 1, Resources: [user({ userName: "x".repeat(100 * 1024) })] });
    const announced = await statsig(json(big, 200, { "Content-Length": String(Buffer.byteLength(big)) }));
    failedWith(
      await roles(announced.url),
      `${USERS}: Statsig announced an answer of ${+(Buffer.byteLength(big) / 1024).toFixed(1)} KiB (Content-Length), more than 64 KiB, the most statsig-okta reads of one answer: not read`,
    );
    const streamed = await statsig((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/scim+json" });
      res.write(big.slice(0, 40 * 1024));
      res.end(big.slice(40 * 1024));
    });
    const result = await roles(streamed.url);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^statsig-okta roles: GET \/scim\/Users\?startIndex=1&count=500: Statsig's answer is larger than 64 KiB, the most statsig-okta reads of one answer: stopped reading it after \d/,
    );
  });

  it("never follows a redirect: the key stays with --statsig-url", async () => {
    const elsewhere = await statsig(json({ totalResults: 0, Resources: [] }));
    const fake = await statsig(json({ detail: "moved" }, 302, { Location: `${elsewhere.url}/Users` }));
    failedWith(
      await roles(fake.url),
      `${USERS}: 302 Found (moved): Statsig redirected to ${elsewhere.url}/Users, not followed (the key goes to --statsig-url only); give the SCIM API's own URL`,
    );
    expect(elsewhere.seen).toEqual([]);
    expect(fake.seen).toEqual([{ method: "GET", url: USERS.slice(4), authorization: `Bearer ${SCIM_TOKEN}` }]);
  });

  it("a 403 and a 404 say what to check", async () => {
    const forbidden = await statsig(json({ detail: "Forbidden" }, 403));
    failedWith(
      await roles(forbidden.url),
      `${USERS}: 403 Forbidden (Forbidden). Statsig refuses the SCIM key in STATSIG_SCIM_TOKEN this read (it must be the organization's SCIM key, which an Org Admin generates in Statsig: the one Okta's Statsig app uses)`,
    );
    const missing = await statsig(json("", 404));
    failedWith(await roles(missing.url), `${USERS}: 404 Not Found: is ${missing.url} Statsig's SCIM API (--statsig-url)?`);
  });
});
