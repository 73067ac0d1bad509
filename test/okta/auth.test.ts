/**
 * The OAuth token request with an injected fetch. Okta's token endpoint answers errors as
 * `{"error": …, "error_description": …}` with 400, and asks for DPoP with `invalid_dpop_proof`, then for a
 * nonce with `use_dpop_nonce` and a `DPoP-Nonce` header (Okta's "Configure OAuth 2.0 Demonstrating
 * Proof-of-Possession" guide; RFC 9449 section 8).
 */
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { authFromEnv } from "../../src/okta/auth";
import { loopbackServers } from "../support/loopback";

const CLIENT_ID = "0oaserviceapp0000001";
const PEM = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const ORIGIN = "https://acme.okta.com";

interface Post {
  url: string;
  dpop: boolean;
  headers: Headers;
  form: URLSearchParams;
}

function oauth(answer: (call: number) => Response, origin = ORIGIN, send?: typeof fetch, env: NodeJS.ProcessEnv = {}) {
  const posts: Post[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    posts.push({ url: String(input), dpop: headers.has("dpop"), headers, form: new URLSearchParams(String(init?.body)) });
    return answer(posts.length);
  }) as typeof globalThis.fetch;
  const auth = authFromEnv({ OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM, ...env }, origin, {
    fetch: send ?? fetch,
    nowSeconds: () => 1_767_268_800,
    timeoutMs: 1_000,
  });
  return { auth, posts };
}

/** The decoded header and claims of a JWT. */
const jwt = (token: string) => {
  const [header, claims] = token
    .split(".")
    .slice(0, 2)
    .map((part) => JSON.parse(Buffer.from(part, "base64url").toString()) as Record<string, unknown>);
  return { header: header!, claims: claims! };
};

const granted = (tokenType = "Bearer", value = "access-1") =>
  new Response(JSON.stringify({ access_token: value, token_type: tokenType, expires_in: 3600, scope: "okta.apps.read" }), { status: 200 });

const tokenError = (error: string, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ error, error_description: `${error} described` }), {
    status: 400,
    headers: { "content-type": "application/json", ...headers },
  });

describe("the OAuth token request", () => {
  it("gives up after four attempts when Okta keeps asking for another one", async () => {
    const { auth, posts } = oauth((call) =>
      call === 1 ? tokenError("invalid_dpop_proof") : tokenError("use_dpop_nonce", { "dpop-nonce": `nonce-${call}` }),
    );
    await expect(auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`))).rejects.toThrow(
      `Okta's token endpoint ${ORIGIN}/oauth2/v1/token kept asking for another attempt; giving up`,
    );
    expect(posts.map((p) => [p.url, p.dpop])).toEqual([
      [`${ORIGIN}/oauth2/v1/token`, false],
      [`${ORIGIN}/oauth2/v1/token`, true],
      [`${ORIGIN}/oauth2/v1/token`, true],
      [`${ORIGIN}/oauth2/v1/token`, true],
    ]);
  });

  it("stops at once when a nonce is repeated, with Okta's error", async () => {
    const { auth, posts } = oauth((call) =>
      call === 1 ? tokenError("invalid_dpop_proof") : tokenError("use_dpop_nonce", { "dpop-nonce": "same" }),
    );
    await expect(auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`))).rejects.toThrow(
      `Okta refused an access token for service app ${CLIENT_ID} (use_dpop_nonce: use_dpop_nonce described)`,
    );
    expect(posts).toHaveLength(3);
  });

  it("asks for a token once, and reuses it", async () => {
    const { auth, posts } = oauth(() => new Response(JSON.stringify({ access_token: "access-1", token_type: "Bearer" }), { status: 200 }));
    const url = new URL(`${ORIGIN}/api/v1/meta/types/user`);
    expect(await auth.authorize("GET", url)).toEqual({ Authorization: "Bearer access-1" });
    expect(await auth.authorize("GET", url)).toEqual({ Authorization: "Bearer access-1" });
    expect(posts).toHaveLength(1);
    expect(auth.secrets()).toContain("access-1");
  });
});

describe("the OAuth settings from the environment", () => {
  it("posts a form with the scopes, a signed client assertion for the token URL, and keeps every secret it holds", async () => {
    const { auth, posts } = oauth(() => granted(), ORIGIN, undefined, {
      OKTA_CLIENT_ID: ` ${CLIENT_ID}\n`,
      OKTA_SCOPES: " okta.apps.read,okta.schemas.read  okta.userTypes.read,,",
      OKTA_PRIVATE_KEY_ID: " kid-7 ",
    });
    expect(auth.kind).toBe("oauth");
    expect(auth.description).toBe(`the access token of OAuth service app ${CLIENT_ID}`);
    await auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`));
    const [post] = posts as [Post];
    expect(post.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    expect(post.headers.get("accept")).toBe("application/json");
    expect(post.form.get("grant_type")).toBe("client_credentials");
    expect(post.form.get("scope")).toBe("okta.apps.read okta.schemas.read okta.userTypes.read");
    expect(post.form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    const assertion = post.form.get("client_assertion")!;
    expect(jwt(assertion).header).toEqual({ alg: "RS256", typ: "JWT", kid: "kid-7" });
    expect(jwt(assertion).claims).toMatchObject({
      iss: CLIENT_ID,
      sub: CLIENT_ID,
      aud: `${ORIGIN}/oauth2/v1/token`,
      exp: 1_767_268_800 + 300,
    });
    expect(auth.secrets()).toEqual([assertion, "access-1"]);
  });

  it("asks for check's read-only scopes by default, and names the JWK's kid", async () => {
    const jwk = { ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "jwk-kid" };
    const { auth, posts } = oauth(() => granted(), ORIGIN, undefined, { OKTA_PRIVATE_KEY: JSON.stringify(jwk), OKTA_SCOPES: "  " });
    await auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`));
    expect(posts[0]!.form.get("scope")).toBe("okta.userTypes.read okta.schemas.read okta.profileMappings.read okta.apps.read");
    expect(jwt(posts[0]!.form.get("client_assertion")!).header.kid).toBe("jwk-kid");
    // Without any kid: none in the header.
    const plain = oauth(() => granted());
    await plain.auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`));
    expect(jwt(plain.posts[0]!.form.get("client_assertion")!).header).toEqual({ alg: "RS256", typ: "JWT" });
  });

  it("reads the key from OKTA_PRIVATE_KEY_FILE, its path and content trimmed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-key-"));
    writeFileSync(path.join(dir, "key.pem"), `\n${PEM}\n\n`);
    const { auth, posts } = oauth(() => granted(), ORIGIN, undefined, {
      OKTA_PRIVATE_KEY: " ",
      OKTA_PRIVATE_KEY_FILE: ` ${path.join(dir, "key.pem")} `,
    });
    expect(await auth.authorize("GET", new URL(`${ORIGIN}/api/v1/meta/types/user`))).toEqual({ Authorization: "Bearer access-1" });
    expect(posts).toHaveLength(1);
  });

  it("uses the API token, trimmed, before OAuth", async () => {
    const auth = authFromEnv({ OKTA_API_TOKEN: "  00token  ", OKTA_CLIENT_ID: CLIENT_ID }, ORIGIN, {
      fetch: () => Promise.reject(new Error("no token request expected")),
      nowSeconds: () => 0,
      timeoutMs: 1,
    });
    expect(auth.kind).toBe("api-token");
    expect(auth.description).toBe("the API token in OKTA_API_TOKEN");
    expect(await auth.authorize("GET", new URL(ORIGIN))).toEqual({ Authorization: "SSWS 00token" });
    expect(auth.secrets()).toEqual(["00token"]);
    expect(
      auth.retryAfterUnauthorized(
        new URL(ORIGIN),
        new Response(null, { status: 401, headers: { "www-authenticate": 'DPoP error="use_dpop_nonce"', "dpop-nonce": "n" } }),
      ),
    ).toBe(false);
  });

  it("refuses a token answer without an access token, or with one but an error status", async () => {
    const empty = oauth(() => new Response("{}", { status: 200 }));
    await expect(empty.auth.authorize("GET", new URL(ORIGIN))).rejects.toMatchObject({
      message: `Okta's token endpoint ${ORIGIN}/oauth2/v1/token answered 200 without an access token`,
      status: 200,
    });
    const refused = oauth(() => new Response(JSON.stringify({ access_token: "x", error: "invalid_client" }), { status: 401 }));
    await expect(refused.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow(`(invalid_client). Check OKTA_CLIENT_ID`);
    const other = oauth(() => tokenError("access_denied"));
    await expect(other.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow(
      new RegExp(`^Okta refused an access token for service app ${CLIENT_ID} \\(access_denied: access_denied described\\)$`),
    );
  });
});

describe("the token request's failures", () => {
  it("says when the token endpoint cannot be reached", async () => {
    const { auth } = oauth(() => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    });
    await expect(auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow(`cannot reach ${ORIGIN} (POST /oauth2/v1/token): ECONNREFUSED`);
  });

  it("turns DPoP on once: a second invalid_dpop_proof is an error", async () => {
    const { auth, posts } = oauth(() => tokenError("invalid_dpop_proof"));
    await expect(auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow("(invalid_dpop_proof: invalid_dpop_proof described)");
    expect(posts).toHaveLength(2);
  });

  it("takes a nonce only with use_dpop_nonce, and only once DPoP is on", async () => {
    const early = oauth(() => tokenError("use_dpop_nonce", { "dpop-nonce": "n1" }));
    await expect(early.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow("(use_dpop_nonce: use_dpop_nonce described)");
    expect(early.posts).toHaveLength(1);
    const other = oauth((call) => (call === 1 ? tokenError("invalid_dpop_proof") : tokenError("invalid_client", { "dpop-nonce": "n1" })));
    await expect(other.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow("(invalid_client: invalid_client described)");
    expect(other.posts).toHaveLength(2);
  });

  it("says when the answer is cut short, too large, or late, naming the endpoint and the cause", async () => {
    let pulls = 0;
    const cut = oauth(
      () =>
        new Response(
          new ReadableStream<Uint8Array>({
            pull(controller) {
              // The first read gets 12 bytes, the next finds the connection gone.
              if (pulls++ === 0) controller.enqueue(new TextEncoder().encode('{"access_tok'));
              else controller.error(new Error("terminated"));
            },
          }),
          { status: 200 },
        ),
    );
    await expect(cut.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow(
      `cannot read the answer of Okta's token endpoint ${ORIGIN}/oauth2/v1/token (after 12 bytes): terminated`,
    );
    const huge = oauth(() => new Response("x".repeat(70_000), { status: 200 }));
    await expect(huge.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow("the answer is over 65536 bytes");
    const late = oauth(
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.error(new DOMException("late", "TimeoutError"));
            },
          }),
          { status: 200 },
        ),
    );
    await expect(late.auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow("(after 0 bytes): no complete answer in time");
  });

  it("shows Okta's error on one line with escapes, and keeps its status", async () => {
    const { auth } = oauth(
      () => new Response(JSON.stringify({ error: "access_denied\nfake", error_description: "no\x1b[2J\nfake: line" }), { status: 403 }),
    );
    await expect(auth.authorize("GET", new URL(ORIGIN))).rejects.toMatchObject({
      message: `Okta refused an access token for service app ${CLIENT_ID} (access_denied\\x0afake: no\\x1b[2J\\x0afake: line)`,
      status: 403,
    });
  });

  it("leaves out an error description that is not text", async () => {
    const { auth } = oauth(() => new Response(JSON.stringify({ error: "server_error", error_description: 42 }), { status: 500 }));
    await expect(auth.authorize("GET", new URL(ORIGIN))).rejects.toThrow(new RegExp(`service app ${CLIENT_ID} \\(server_error\\)$`));
  });
});

describe("private keys from the environment", () => {
  const JWK_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" });

  it("reads a JWK with spaces around it, from the variable or a file, and ignores a kid that is not text", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "statsig-okta-jwk-"));
    writeFileSync(path.join(dir, "key.json"), `\n${JSON.stringify({ ...JWK_KEY, kid: 7 })}\n`);
    for (const env of [
      { OKTA_PRIVATE_KEY: `  ${JSON.stringify({ ...JWK_KEY, kid: 7 })}  ` },
      { OKTA_PRIVATE_KEY_FILE: path.join(dir, "key.json") },
    ]) {
      const { auth, posts } = oauth(() => granted(), ORIGIN, undefined, env);
      await auth.authorize("GET", new URL(ORIGIN));
      expect(jwt(posts[0]!.form.get("client_assertion")!).header).toEqual({ alg: "RS256", typ: "JWT" });
    }
  });

  it("treats a blank OKTA_PRIVATE_KEY_FILE as not set, and names a missing file without spaces", () => {
    const deps = { fetch, nowSeconds: () => 0, timeoutMs: 1 };
    expect(() => authFromEnv({ OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY_FILE: "   " }, ORIGIN, deps)).toThrow(
      "OKTA_CLIENT_ID is set but no private key",
    );
    expect(() => authFromEnv({ OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY_FILE: " /nonexistent/key.pem " }, ORIGIN, deps)).toThrow(
      /^cannot read OKTA_PRIVATE_KEY_FILE \(\/nonexistent\/key\.pem\): ENOENT$/,
    );
  });
});

describe("DPoP", () => {
  const api = new URL(`${ORIGIN}/api/v1/meta/types/user`);
  const nonceChallenge = (nonce: string) =>
    new Response(null, { status: 401, headers: { "www-authenticate": 'DPoP error="use_dpop_nonce"', "dpop-nonce": nonce } });

  it("binds a DPoP token to a proof per request", async () => {
    const { auth } = oauth((call) => (call === 1 ? tokenError("invalid_dpop_proof") : granted("DPoP", "dpop-token")));
    const headers = await auth.authorize("GET", api);
    expect(headers.Authorization).toBe("DPoP dpop-token");
    expect(jwt(headers.DPoP!).claims).toMatchObject({ htm: "GET", htu: `${ORIGIN}/api/v1/meta/types/user` });
    expect(jwt(headers.DPoP!).claims.ath).toEqual(expect.any(String));
  });

  it("sends a Bearer token as Bearer even after DPoP was tried", async () => {
    const { auth } = oauth((call) => (call === 1 ? tokenError("invalid_dpop_proof") : granted("Bearer")));
    expect(await auth.authorize("GET", api)).toEqual({ Authorization: "Bearer access-1" });
  });

  it("retries after a 401 only for a new nonce the resource server asked for", async () => {
    const dpop = oauth((call) => (call === 1 ? tokenError("invalid_dpop_proof") : granted("DPoP")));
    await dpop.auth.authorize("GET", api);
    expect(dpop.auth.retryAfterUnauthorized(api, nonceChallenge("n1"))).toBe(true);
    expect(dpop.auth.retryAfterUnauthorized(api, nonceChallenge("n1"))).toBe(false);
    expect(dpop.auth.retryAfterUnauthorized(api, new Response(null, { status: 401, headers: { "dpop-nonce": "n2" } }))).toBe(false);
    expect(jwt((await dpop.auth.authorize("GET", api)).DPoP!).claims.nonce).toBe("n1");

    const bearer = oauth(() => granted());
    await bearer.auth.authorize("GET", api);
    expect(bearer.auth.retryAfterUnauthorized(api, nonceChallenge("n1"))).toBe(false);
  });
});

describe("the token endpoint's redirects (real fetch, two loopback servers)", () => {
  const listen = loopbackServers();

  it("are not followed: the client assertion goes only to the org", async () => {
    const elsewhere: string[] = [];
    const other = await listen((req, res) => {
      elsewhere.push(`${req.method} ${req.url}`);
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "stolen", token_type: "Bearer" }));
    });
    const org = await listen((_req, res) => res.writeHead(307, { location: `${other}/oauth2/v1/token` }).end());
    const { auth } = oauth(() => new Response(), org, fetch);
    await expect(auth.authorize("GET", new URL(`${org}/api/v1/meta/types/user`))).rejects.toThrow(
      `Okta refused an access token for service app ${CLIENT_ID} (HTTP 307)`,
    );
    expect(elsewhere).toEqual([]);
  });
});
