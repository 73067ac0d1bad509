import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FakeOktaServer, type OAuthClientSetup } from "../support/fakeOktaServer";
import { APP_ID, personalOrg } from "../support/checkOrgs";
import { runCli, runInProcess, type RunResult } from "../support/runCheck";

const CLIENT_ID = "0oaserviceapp0000001";
const READ_SCOPES = ["okta.userTypes.read", "okta.schemas.read", "okta.profileMappings.read", "okta.apps.read"];
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const PEM = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const JWK = JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: "key-1" });

let server: FakeOktaServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function start(oauth: Partial<OAuthClientSetup> = {}) {
  server = await new FakeOktaServer(personalOrg(), {
    oauth: { clientId: CLIENT_ID, publicKey, grantedScopes: READ_SCOPES, ...oauth },
  }).start();
  return server;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "statsig-okta-oauth-"));

/** Access tokens the fake issued: like the key, they must never be printed. */
function issuedTokens(fake: FakeOktaServer): string[] {
  return fake.requests.flatMap((r) =>
    r.headers.authorization?.match(/^(?:Bearer|DPoP) (.+)$/)?.[1] ? [r.headers.authorization.split(" ")[1]!] : [],
  );
}

function expectNoSecrets(result: RunResult, fake: FakeOktaServer) {
  const output = result.stdout + result.stderr;
  expect(output).not.toContain("PRIVATE KEY");
  const jwk = JSON.parse(JWK) as { d: string; p: string };
  expect(output).not.toContain(jwk.d.slice(0, 40));
  for (const token of issuedTokens(fake)) expect(output).not.toContain(token);
  for (const r of fake.requests.filter((r) => r.method === "POST")) {
    const assertion = new URLSearchParams(r.body).get("client_assertion")!;
    expect(output).not.toContain(assertion);
  }
}

describe("OAuth 2.0 with a private key JWT", () => {
  it("gets a token with one POST to the org's token endpoint, then only GETs with Bearer (built CLI)", async () => {
    const fake = await start();
    const result = await runCli(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM },
      tmp(),
    );

    expect(fake.refusals).toEqual([]);
    expect(result.code).toBe(0);
    const posts = fake.requests.filter((r) => r.method !== "GET");
    expect(posts.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /oauth2/v1/token"]);
    const form = new URLSearchParams(posts[0]!.body);
    expect(form.get("scope")!.split(" ").sort()).toEqual([...READ_SCOPES].sort());
    const gets = fake.requests.filter((r) => r.method === "GET");
    expect(gets.length).toBe(8);
    expect(gets.every((r) => /^Bearer access-/.test(r.headers.authorization ?? ""))).toBe(true);
    expectNoSecrets(result, fake);
  });

  it("switches to DPoP when the service app requires it (Okta's default), with nonces, key from a JWK file", async () => {
    const fake = await start({ requireDpop: true });
    const dir = tmp();
    writeFileSync(path.join(dir, "key.json"), JWK);
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY_FILE: path.join(dir, "key.json") },
      dir,
    );

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // Plain, then with a proof, then with the authorization server's nonce.
    const posts = fake.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.headers.dpop === undefined)).toEqual([true, false, false]);
    expect(fake.refusals.filter((r) => r.startsWith("token:")).map((r) => r.split(" ")[1])).toEqual([
      "invalid_dpop_proof",
      "use_dpop_nonce",
    ]);
    // The kid of the JWK names the key in the client assertion.
    const header = JSON.parse(
      Buffer.from(new URLSearchParams(posts[2]!.body).get("client_assertion")!.split(".")[0]!, "base64url").toString(),
    );
    expect(header).toEqual({ alg: "RS256", typ: "JWT", kid: "key-1" });
    const gets = fake.requests.filter((r) => r.method === "GET");
    expect(gets.every((r) => /^DPoP access-/.test(r.headers.authorization ?? "") && typeof r.headers.dpop === "string")).toBe(true);
    // The first GET got the resource server's nonce; every GET after it was accepted.
    expect(gets.length).toBe(9);
    expect(fake.refusals.filter((r) => !r.startsWith("token:"))).toEqual([]);
    expectNoSecrets(result, fake);
  });

  it("names the missing scope when the token lacks it (403 insufficient_scope)", async () => {
    const fake = await start();
    const scopes = "okta.userTypes.read okta.schemas.read okta.apps.read";
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM, OKTA_SCOPES: scopes },
      tmp(),
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /GET \/api\/v1\/mappings\?.*403 Forbidden.*reading profile mappings needs the scope okta\.profileMappings\.read/,
    );
    expectNoSecrets(result, fake);
  });

  it("explains a scope the app was not granted", async () => {
    const fake = await start({ grantedScopes: ["okta.userTypes.read"] });
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM },
      tmp(),
    );

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("(invalid_scope: The following scopes are not allowed");
    expect(result.stderr).toContain(
      '"Okta API Scopes" tab: okta.userTypes.read, okta.schemas.read, okta.profileMappings.read, okta.apps.read',
    );
    expect(fake.requests.filter((r) => r.method === "GET")).toEqual([]);
    expectNoSecrets(result, fake);
  });

  it("explains a key Okta does not know, without printing it", async () => {
    const fake = await start({ publicKey: generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey });
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM },
      tmp(),
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/invalid_client: The client_assertion signature is invalid\.\)\. Check OKTA_CLIENT_ID/);
    expectNoSecrets(result, fake);
  });

  it.each([
    [{ OKTA_CLIENT_ID: CLIENT_ID }, /no private key/],
    [
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: "-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----" },
      /^statsig-okta check: OKTA_PRIVATE_KEY is not a PEM or JWK private key\n$/,
    ],
    [
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: '{"kty":"RSA","d":"secret-part"' },
      /^statsig-okta check: OKTA_PRIVATE_KEY is not a PEM or JWK private key\n$/,
    ],
    [
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY_FILE: "/nonexistent/key.pem" },
      /cannot read OKTA_PRIVATE_KEY_FILE \(\/nonexistent\/key\.pem\): ENOENT/,
    ],
    [
      {
        OKTA_CLIENT_ID: CLIENT_ID,
        OKTA_PRIVATE_KEY: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
      },
      /not an RSA private key/,
    ],
  ])("rejects unusable key settings before any request: %#", async (envVars, message) => {
    const result = await runInProcess(["--org-url", "https://acme.okta.com", "--app-id", APP_ID], envVars, tmp());
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain("secret-part");
  });

  it("accepts a PEM kept on one line with literal \\n, as CI secrets often are", async () => {
    const fake = await start();
    const oneLine = PEM.trim().replace(/\n/g, "\\n");
    const result = await runInProcess(
      ["--org-url", fake.origin, "--app-id", APP_ID],
      { OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: oneLine },
      tmp(),
    );
    expect(result.code).toBe(0);
  });
});
