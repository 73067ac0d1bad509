/**
 * The one session of `check` and `roles`: the same target, credentials, default scopes and scrubbed output
 * for both, against the fake Okta's token endpoint (it records the `scope` each token request asks for).
 */
import { API_TOKEN } from "../support/stubAuth";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io";
import { openSession } from "../../src/commands/session";
import { listUserTypes } from "../../src/okta/endpoints";
import { CHECK_SCOPES, PUSH_LINK_SCOPES, ROLES_SCOPES, scopesFor } from "../../src/okta/scopes";
import { APP_ID, GROUP_CONFIG, personalOrg, stackYaml } from "../support/checkOrgs";
import { FakeOktaServer } from "../support/fakeOktaServer";

const CLIENT_ID = "0oaserviceapp0000001";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const OAUTH_ENV = { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM };
const PROJECT_ROLES = ["statsig-okta:projectRoles:", "  - { groupId: 00gwebengineers00001, project: Web, role: Member }"];

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(): Promise<FakeOktaServer> {
  const everyScope = [...new Set([...CHECK_SCOPES, ...PUSH_LINK_SCOPES, ...ROLES_SCOPES, "okta.users.read"])];
  server = await new FakeOktaServer(personalOrg(), { oauth: { clientId: CLIENT_ID, publicKey, grantedScopes: everyScope } }).start();
  return server;
}

/** An io over a project directory holding Pulumi.prod.yaml with `lines`, recording its output. */
function projectIo(lines: string[], env: NodeJS.ProcessEnv) {
  const cwd = mkdtempSync(path.join(tmpdir(), "statsig-okta-session-"));
  writeFileSync(path.join(cwd, "Pulumi.prod.yaml"), stackYaml(lines));
  const out = { stdout: "", stderr: "" };
  const io: CliIo = { stdout: (text) => (out.stdout += text), stderr: (text) => (out.stderr += text), env, cwd };
  return { io, out };
}

/** The scopes of the session's token request, after one read. */
async function requestedScopes(command: "check" | "roles", lines: string[], env: NodeJS.ProcessEnv = OAUTH_ENV): Promise<string[]> {
  const fake = await start();
  const { io } = projectIo(lines, env);
  const session = openSession(io, command, { "org-url": fake.origin, stack: "prod" });
  await listUserTypes(session.client);
  const tokenRequests = fake.requests.filter((r) => r.path === "/oauth2/v1/token");
  expect(tokenRequests).toHaveLength(1);
  return new URLSearchParams(tokenRequests[0]!.body).get("scope")!.split(" ");
}

describe("default scopes, one mechanism for both commands", () => {
  it("check asks for the push links' scopes only with project roles; roles always for its own", () => {
    expect(scopesFor("check", false)).toEqual(CHECK_SCOPES);
    expect(scopesFor("check", true)).toEqual([...CHECK_SCOPES, ...PUSH_LINK_SCOPES]);
    expect(scopesFor("roles", false)).toEqual(ROLES_SCOPES);
    expect(scopesFor("roles", true)).toEqual(ROLES_SCOPES);
  });

  it.each([
    ["check", [], CHECK_SCOPES],
    ["check", PROJECT_ROLES, [...CHECK_SCOPES, ...PUSH_LINK_SCOPES]],
    ["roles", [], ROLES_SCOPES],
    ["roles", PROJECT_ROLES, ROLES_SCOPES],
  ] as const)("%s with %j asks OAuth for exactly its scopes", async (command, extra, scopes) => {
    expect(await requestedScopes(command, [...GROUP_CONFIG, ...extra])).toEqual(scopes);
  });

  it.each(["check", "roles"] as const)("%s asks for OKTA_SCOPES instead when set", async (command) => {
    const env = { ...OAUTH_ENV, OKTA_SCOPES: "okta.userTypes.read, okta.users.read" };
    expect(await requestedScopes(command, [], env)).toEqual(["okta.userTypes.read", "okta.users.read"]);
  });
});

describe("the session's output", () => {
  it.each(["check", "roles"] as const)(
    "%s: notes on the config go to stderr; output hides the credentials from then on",
    async (command) => {
      const token = API_TOKEN;
      const { io, out } = projectIo(["other:key: 1"], { OKTA_API_TOKEN: token });
      const session = openSession(io, command, { "org-url": "https://acme.okta.com", stack: "prod" });
      expect(out.stderr).toMatch(new RegExp(`^statsig-okta ${command}: not read: other:key \\(only statsig-okta:\\* keys`));
      expect(session.origin).toBe("https://acme.okta.com");
      expect(session.target.expected.appId).toBe(APP_ID);
      io.stdout(`token ${token}\n`);
      io.stderr(`token ${token}\n`);
      expect(out.stdout).toBe("token [redacted]\n");
      expect(out.stderr).toMatch(/token \[redacted\]\n$/);
      expect(session.requests()).toBe(0);
    },
  );

  it("hides Statsig's keys too: the SCIM key, and each Console API key, a malformed pair's included", () => {
    const scim = "statsig-scim-key-0123456789";
    const console = ["console-web-key-0123456789", "pair-without-equals-0123456789"];
    const { io, out } = projectIo([], {
      OKTA_API_TOKEN: API_TOKEN,
      STATSIG_SCIM_TOKEN: scim,
      STATSIG_CONSOLE_API_KEYS: `Web=${console[0]}, ${console[1]}`,
    });
    openSession(io, "roles", { "org-url": "https://acme.okta.com", stack: "prod" });
    io.stdout(`${scim} ${console[0]} ${console[1]}\n`);
    expect(out.stdout).toBe("[redacted] [redacted] [redacted]\n");
  });
});
