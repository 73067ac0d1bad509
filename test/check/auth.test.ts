/**
 * The OAuth token request with an injected fetch. Okta's token endpoint answers errors as
 * `{"error": …, "error_description": …}` with 400, and asks for DPoP with `invalid_dpop_proof`, then for a
 * nonce with `use_dpop_nonce` and a `DPoP-Nonce` header (Okta's "Configure OAuth 2.0 Demonstrating
 * Proof-of-Possession" guide; RFC 9449 section 8).
 */
import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { authFromEnv } from "../../src/check/auth";
import { loopbackServers } from "./loopback";

const CLIENT_ID = "0oaserviceapp0000001";
const PEM = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const ORIGIN = "https://acme.okta.com";

function oauth(answer: (call: number) => Response, origin = ORIGIN, send?: typeof fetch) {
  const posts: { url: string; dpop: boolean }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    posts.push({ url: String(input), dpop: new Headers(init?.headers).has("dpop") });
    return answer(posts.length);
  }) as typeof globalThis.fetch;
  const auth = authFromEnv({ OKTA_CLIENT_ID: CLIENT_ID, OKTA_PRIVATE_KEY: PEM }, origin, {
    fetch: send ?? fetch,
    nowSeconds: () => 1_767_268_800,
    timeoutMs: 1_000,
  });
  return { auth, posts };
}

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
    expect(posts).toEqual([
      { url: `${ORIGIN}/oauth2/v1/token`, dpop: false },
      { url: `${ORIGIN}/oauth2/v1/token`, dpop: true },
      { url: `${ORIGIN}/oauth2/v1/token`, dpop: true },
      { url: `${ORIGIN}/oauth2/v1/token`, dpop: true },
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
