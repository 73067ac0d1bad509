/**
 * The Okta client with its injection points (`fetch`, `sleep`, `now`, limits): no real waits, no fake org.
 * Responses are shaped like Okta's: `Error` bodies (`errorCode`, `errorSummary`), E0000047 and the
 * `x-rate-limit-*` headers on a 429, `Link: <…>; rel="next"` pagination (cassette
 * `TestAccDataSourceOktaAppGroupAssignments_read` interaction 19, the group assignments list; Okta's rate-limit docs for the headers).
 */
import { readFileSync } from "node:fs";
import { apiTokenStub, API_TOKEN as TOKEN } from "../support/stubAuth";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { Authenticator } from "../../src/okta/auth";
import { OktaError } from "../../src/okta/errors";
import { OktaClient, type OktaClientOptions } from "../../src/okta/client";
import { loopbackServers } from "../support/loopback";

const ORIGIN = "https://acme.okta.com";
const { version: VERSION } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

const tokenAuth = apiTokenStub(TOKEN);
/** The client parses with the caller's schema; these tests are about transport, so any JSON will do. */
const ANY = z.unknown();

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });

const rateLimited = (headers: Record<string, string>) =>
  json({ errorCode: "E0000047", errorSummary: "API call exceeded rate limit due to too many requests." }, 429, {
    "x-rate-limit-limit": "100",
    "x-rate-limit-remaining": "0",
    ...headers,
  });

/** A client whose fetch answers from `answer`, recording each request; sleeps and logs are recorded, never real. */
function client(answer: (url: URL, call: number) => Response, options: Partial<OktaClientOptions> = {}) {
  const requests: { url: string; init: RequestInit }[] = [];
  const slept: number[] = [];
  const log: string[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    requests.push({ url: url.href, init: init ?? {} });
    return answer(url, requests.length);
  }) as typeof globalThis.fetch;
  const okta = new OktaClient({
    origin: ORIGIN,
    auth: tokenAuth,
    command: "check",
    scopes: ["okta.userTypes.read", "okta.schemas.read"],
    fetch,
    sleep: async (ms) => {
      slept.push(ms);
    },
    now: () => Date.UTC(2026, 0, 1, 12, 0, 0),
    log: (line) => log.push(line),
    ...options,
  });
  return { okta, requests, slept, log };
}

const failure = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OktaError);
  return (error as Error).message;
};

describe("OktaClient rate limits (injected clock and sleep)", () => {
  const NOW_S = Date.UTC(2026, 0, 1, 12, 0, 0) / 1000;

  it("waits until x-rate-limit-reset by Okta's Date header (not its own clock), plus a margin, then retries", async () => {
    // Okta's clock is 3 s ahead of ours: the wait is counted from Okta's.
    const { okta, slept, log, requests } = client((_, call) =>
      call === 1
        ? rateLimited({ "x-rate-limit-reset": String(NOW_S + 10), date: new Date((NOW_S + 3) * 1000).toUTCString() })
        : json([{ id: "a" }]),
    );
    expect(await okta.getAll("/api/v1/apps/0oa1/groups?limit=200", ANY)).toEqual([{ id: "a" }]);
    expect(slept).toEqual([7_250]);
    expect(log).toEqual([
      "Okta rate limit reached on GET /api/v1/apps/0oa1/groups?limit=200: waiting 8s for it to reset, then retrying (1 of 3)",
    ]);
    expect(requests).toHaveLength(2);
  });

  it("uses its own clock when Okta sends no Date, and 10 s when it sends no reset", async () => {
    const { okta, slept } = client((_, call) =>
      call === 1 ? rateLimited({ "x-rate-limit-reset": String(NOW_S + 2) }) : call === 2 ? rateLimited({}) : json({ ok: true }),
    );
    await okta.get("/api/v1/meta/types/user", ANY);
    expect(slept).toEqual([2_250, 10_000]);
  });

  it("waits exactly up to the longest wait, and gives up on a longer one without sleeping", async () => {
    const reset = (seconds: number) => rateLimited({ "x-rate-limit-reset": String(NOW_S + seconds) });
    const atLimit = client((_, call) => (call === 1 ? reset(10) : json({})), { maxWaitMs: 10_250 });
    await atLimit.okta.get("/api/v1/meta/types/user", ANY);
    expect(atLimit.slept).toEqual([10_250]);

    const beyond = client(() => reset(10), { maxWaitMs: 10_249 });
    expect(await failure(beyond.okta.get("/api/v1/meta/types/user", ANY))).toBe(
      "GET /api/v1/meta/types/user: Okta's rate limit resets only in 11s; try again later",
    );
    expect(beyond.slept).toEqual([]);
    expect(beyond.requests).toHaveLength(1);

    // The default longest wait is two minutes.
    const twoMinutes = client((_, call) => (call === 1 ? reset(119) : json({})));
    await twoMinutes.okta.get("/api/v1/meta/types/user", ANY);
    expect(twoMinutes.slept).toEqual([119_250]);
    const longer = client(() => reset(120));
    expect(await failure(longer.okta.get("/api/v1/meta/types/user", ANY))).toContain("resets only in 121s");
  });

  it("stops after the allowed retries with Okta's error and the number of waits", async () => {
    const { okta, slept, requests, log } = client(() => rateLimited({ "x-rate-limit-reset": String(NOW_S + 1) }), {
      maxRateLimitRetries: 2,
    });
    expect(await failure(okta.get("/api/v1/meta/types/user", ANY))).toBe(
      "GET /api/v1/meta/types/user: 429 error (E0000047 API call exceeded rate limit due to too many requests.): still rate limited after 2 waits; try again later",
    );
    expect(requests).toHaveLength(3);
    expect(slept).toEqual([1_250, 1_250]);
    expect(log.map((line) => line.slice(-8))).toEqual(["(1 of 2)", "(2 of 2)"]);
  });

  it("retries 3 times by default", async () => {
    const { okta, requests } = client(() => rateLimited({ "x-rate-limit-reset": String(NOW_S) }));
    expect(await failure(okta.get("/api/v1/meta/types/user", ANY))).toContain("still rate limited after 3 waits");
    expect(requests).toHaveLength(4);
  });
});

describe("OktaClient pagination", () => {
  it("follows rel=next links on the org's origin and stops at the last page", async () => {
    const { okta, requests } = client((url) =>
      url.searchParams.get("after") === null
        ? json([1, 2], 200, {
            link: `<${ORIGIN}/api/v1/apps/0oa1/groups?limit=2>; rel="self", <${ORIGIN}/api/v1/apps/0oa1/groups?after=2&limit=2>; rel="next"`,
          })
        : json([3], 200, { link: `<${ORIGIN}/api/v1/apps/0oa1/groups?after=2&limit=2>; rel="self"` }),
    );
    expect(await okta.getAll("/api/v1/apps/0oa1/groups?limit=2", ANY)).toEqual([1, 2, 3]);
    expect(requests.map((r) => r.url)).toEqual([
      `${ORIGIN}/api/v1/apps/0oa1/groups?limit=2`,
      `${ORIGIN}/api/v1/apps/0oa1/groups?after=2&limit=2`,
    ]);
  });

  it("refuses a next link outside the management API", async () => {
    const { okta } = client(() => json([1], 200, { link: `<${ORIGIN}/oauth2/v1/keys>; rel="next"` }));
    expect(await failure(okta.getAll("/api/v1/apps/0oa1/groups", ANY))).toBe("Okta returned a link outside /api/v1/: /oauth2/v1/keys");
  });

  it("refuses a next link that loops back to a page already read", async () => {
    const { okta, requests } = client((url, call) => {
      if (call > 5) throw new Error("the client kept following a pagination loop");
      const after = url.searchParams.get("after") === "b" ? "a" : "b";
      return json([call], 200, { link: `<${ORIGIN}/api/v1/apps/0oa1/groups?after=${after}>; rel="next"` });
    });
    expect(await failure(okta.getAll("/api/v1/apps/0oa1/groups?after=a", ANY))).toBe(
      "Okta's pagination for /api/v1/apps/0oa1/groups?after=a loops back to /api/v1/apps/0oa1/groups?after=a",
    );
    expect(requests).toHaveLength(2);
  });
});

describe("OktaClient requests", () => {
  it("sends only GET with the credential, JSON accept and a timeout", async () => {
    const { okta, requests } = client(() => json({}));
    await okta.get("/api/v1/meta/types/user", ANY);
    const { init } = requests[0]!;
    expect(init.method).toBe("GET");
    expect(init.headers).toMatchObject({ Accept: "application/json", Authorization: `SSWS ${TOKEN}` });
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it("says a 404 as Okta said it when the caller has nothing to add", async () => {
    const { okta } = client(() => json({ errorCode: "E0000007", errorSummary: "Not found" }, 404));
    expect(await failure(okta.get("/api/v1/x", ANY))).toBe("GET /api/v1/x: 404 error (E0000007 Not found)");
  });

  it("does not retry other statuses, and cancels bodies it does not read", async () => {
    const always: Authenticator = { ...tokenAuth, retryAfterUnauthorized: () => true };
    const forbidden = client(() => json({}, 403), { auth: always });
    await failure(forbidden.okta.get("/api/v1/x", ANY));
    expect(forbidden.requests).toHaveLength(1);
    // A 429 and a 401 without a body: nothing to cancel.
    const bare = client(
      (_, call) => (call === 1 ? new Response(null, { status: 429 }) : call === 2 ? new Response(null, { status: 401 }) : json({ ok: 1 })),
      {
        auth: always,
      },
    );
    expect(await bare.okta.get("/api/v1/x", ANY)).toEqual({ ok: 1 });
    expect(bare.slept).toEqual([10_000]);
  });

  it("explains a 404 in the caller's words, and a non-JSON answer", async () => {
    const notFound = client(() => json({ errorCode: "E0000007", errorSummary: "Not found: Resource not found: x (App)" }, 404));
    expect(await failure(notFound.okta.get("/api/v1/apps/x", ANY, "Okta has no app x"))).toBe(
      "GET /api/v1/apps/x: 404 error (E0000007 Not found: Resource not found: x (App)): Okta has no app x",
    );
    const html = client(() => new Response("<html>", { status: 200 }));
    expect(await failure(html.okta.get("/api/v1/meta/types/user", ANY))).toContain("is https://acme.okta.com an Okta org?");
  });
});

describe("OktaClient failures say what to do", () => {
  const oauthAuth: Authenticator = { ...tokenAuth, kind: "oauth", description: "the access token of OAuth service app 0oasvc" };
  const answering = (status: number, body: unknown = {}, headers: Record<string, string> = {}, auth = tokenAuth) =>
    client(() => (body === null ? new Response(null, { status, headers }) : json(body, status, headers)), { auth });
  const INVALID = { errorCode: "E0000011", errorSummary: "Invalid token provided" };

  it("says nothing about scopes on a 401 for a path it has none for", async () => {
    const { okta } = answering(401, INVALID, {}, oauthAuth);
    expect(await failure(okta.get("/api/v1/other", ANY))).toBe(
      "GET /api/v1/other: 401 error (E0000011 Invalid token provided). Okta does not accept the access token of OAuth service app 0oasvc",
    );
  });

  it.each([
    [
      401,
      tokenAuth,
      "/api/v1/mappings?sourceId=a",
      "GET /api/v1/mappings?sourceId=a: 401 error (E0000011 Invalid token provided). Okta does not accept the API token in OKTA_API_TOKEN: it is wrong, expired or revoked, or belongs to another org",
    ],
    [
      401,
      oauthAuth,
      "/api/v1/mappings?sourceId=a",
      "GET /api/v1/mappings?sourceId=a: 401 error (E0000011 Invalid token provided). Okta does not accept the access token of OAuth service app 0oasvc; reading profile mappings needs the scope okta.profileMappings.read: grant it to the app and request it (OKTA_SCOPES)",
    ],
    [
      401,
      oauthAuth,
      "/api/v1/other",
      "GET /api/v1/other: 401 error (E0000011 Invalid token provided). Okta does not accept the access token of OAuth service app 0oasvc",
    ],
    [
      403,
      tokenAuth,
      "/api/v1/meta/types/user",
      "GET /api/v1/meta/types/user: 403 error (E0000011 Invalid token provided). the API token in OKTA_API_TOKEN may not read this: reading user types needs the scope okta.userTypes.read; an API token acts with its creator's admin role (a Read-only Administrator should be able to read everything check needs)",
    ],
    [
      403,
      tokenAuth,
      "/api/v1/other",
      "GET /api/v1/other: 403 error (E0000011 Invalid token provided). the API token in OKTA_API_TOKEN may not read this: it needs read access; an API token",
    ],
    [
      403,
      oauthAuth,
      "/api/v1/meta/schemas/user/default",
      'may not read this: reading profile schemas needs the scope okta.schemas.read; grant that scope in the app\'s "Okta API Scopes" tab and include it in OKTA_SCOPES, and give the app an admin role that can read it',
    ],
    [403, oauthAuth, "/api/v1/other", "may not read this: it needs read access; grant that scope"],
    [
      403,
      oauthAuth,
      "/api/v1/meta/types/user",
      "and give the app an admin role that can read it (check needs okta.userTypes.read okta.schemas.read)",
    ],
    [500, tokenAuth, "/api/v1/other", "GET /api/v1/other: 500 error (E0000011 Invalid token provided)"],
  ])("%i with %s on %s", async (status, auth, path, message) => {
    const { okta } = answering(status, INVALID, {}, auth);
    expect(await failure(okta.get(path, ANY))).toContain(message);
  });

  it("shows Okta's error summary with or without a code, and nothing when there is none", async () => {
    expect(await failure(answering(500, { errorSummary: "Boom" }).okta.get("/x", ANY))).toBe("GET /x: 500 error (Boom)");
    expect(await failure(answering(500, { errorCode: 7, errorSummary: "Boom" }).okta.get("/x", ANY))).toBe("GET /x: 500 error (Boom)");
    expect(await failure(answering(500, { errorCode: "E1" }).okta.get("/x", ANY))).toBe("GET /x: 500 error");
    expect(await failure(answering(500, null).okta.get("/x", ANY))).toBe("GET /x: 500 error");
    expect(await failure(answering(502, "not json").okta.get("/x", ANY))).toBe("GET /x: 502 error");
    expect(
      await failure(client(() => new Response("<html>", { status: 503, statusText: "Service Unavailable" })).okta.get("/x", ANY)),
    ).toBe("GET /x: 503 Service Unavailable");
  });

  it.each([300, 301, 399])("reports a %i redirect with its target, or without one", async (status) => {
    expect(await failure(answering(status, null, { location: "https://elsewhere.example/x" }).okta.get("/x", ANY))).toBe(
      `GET /x: ${status} error: Okta redirected to https://elsewhere.example/x; use the org's own URL`,
    );
    expect(await failure(answering(status, null).okta.get("/x", ANY))).toBe(
      `GET /x: ${status} error: Okta redirected to another address; use the org's own URL`,
    );
  });

  it.each([299, 400])("does not call %i a redirect", async (status) => {
    const { okta } = answering(status, status === 299 ? null : {}, { location: "https://elsewhere.example/x" });
    const result = await okta.get("/x", ANY).then(
      (body) => ({ body }),
      (e: Error) => ({ error: e.message }),
    );
    expect(result).toEqual(status === 299 ? { body: undefined } : { error: "GET /x: 400 error" });
  });

  it("reads an empty answer as no body, and refuses a list endpoint that answers something else", async () => {
    expect(await answering(200, null).okta.get("/x", ANY)).toBeUndefined();
    expect(await failure(answering(200, { not: "a list" }).okta.getAll("/api/v1/apps/0oa1/groups", ANY))).toBe(
      "GET /api/v1/apps/0oa1/groups: Okta's answer is not what its API describes: expected array, got object",
    );
  });

  it("says who it is, and names the org when a request cannot be sent", async () => {
    const { okta, requests } = client(() => json({}));
    await okta.get("/x", ANY);
    expect(requests[0]!.init.headers).toMatchObject({ "User-Agent": `statsig-okta/${VERSION} (check)` });
    const down = client(() => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    });
    expect(await failure(down.okta.get("/x", ANY))).toBe("cannot reach https://acme.okta.com (GET /x): ECONNREFUSED");
  });

  it("names the command it reads for, or only itself, and the command's needs in a 403", async () => {
    const roles = client(() => json(INVALID, 403), { command: "roles", scopes: ["okta.apps.read", "okta.groups.read"] });
    expect(await failure(roles.okta.get("/api/v1/apps/0oa1/users", ANY))).toMatch(
      /a Read-only Administrator should be able to read everything roles needs\)$/,
    );
    expect(roles.requests[0]!.init.headers).toMatchObject({ "User-Agent": `statsig-okta/${VERSION} (roles)` });
    const oauthRoles = client(() => json(INVALID, 403), {
      auth: oauthAuth,
      command: "roles",
      scopes: ["okta.apps.read", "okta.groups.read"],
    });
    expect(await failure(oauthRoles.okta.get("/api/v1/apps/0oa1/users", ANY))).toMatch(
      /\(roles needs okta\.apps\.read okta\.groups\.read\)$/,
    );

    const anyone = new OktaClient({
      origin: ORIGIN,
      auth: tokenAuth,
      fetch: (async () => json(INVALID, 403)) as typeof fetch,
      log: () => {},
    });
    const message = await failure(anyone.get("/api/v1/meta/types/user", ANY));
    expect(message).toMatch(/should be able to read what it needs\)$/);
    expect(message).not.toMatch(/check/);
    const unnamed = client(() => json({}), { command: undefined });
    await unnamed.okta.get("/x", ANY);
    expect(unnamed.requests[0]!.init.headers).toMatchObject({ "User-Agent": `statsig-okta/${VERSION}` });
  });

  it("keeps Okta's status, the request and the scope a 403 names on the error", async () => {
    const challenge = `Bearer authorization_uri="${ORIGIN}/oauth2/v1/authorize", realm="${ORIGIN}", scope="okta.groups.read", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/groups/00g1/users"`;
    const { okta } = client(() => json(INVALID, 403, { "www-authenticate": challenge }), { auth: oauthAuth });
    const error = await okta.get("/api/v1/groups/00g1/users?limit=1000", ANY).then(
      () => undefined,
      (e: unknown) => e as OktaError,
    );
    expect(error).toMatchObject({
      status: 403,
      method: "GET",
      path: "/api/v1/groups/00g1/users?limit=1000",
      missingScope: "okta.groups.read",
    });
    expect(error!.message).toContain("may not read this: reading groups and group members needs the scope okta.groups.read;");

    // Okta's word wins over the table; a path the table does not know still gets the scope Okta names.
    const other = client(() => json(INVALID, 403, { "www-authenticate": challenge.replace("okta.groups.read", "okta.users.read") }), {
      auth: oauthAuth,
    });
    expect(await failure(other.okta.get("/api/v1/other", ANY))).toContain(
      "may not read this: reading this needs the scope okta.users.read;",
    );

    // No scope without insufficient_scope, and none on other statuses.
    for (const [status, header] of [
      [403, 'Bearer error="invalid_token", scope="okta.groups.read"'],
      [401, challenge],
    ] as const) {
      const refused = client(() => json(INVALID, status, { "www-authenticate": header }), { auth: oauthAuth });
      const thrown = await refused.okta.get("/api/v1/other", ANY).then(
        () => undefined,
        (e: unknown) => e as OktaError,
      );
      expect(thrown).toMatchObject({ status });
      expect(thrown!.missingScope).toBeUndefined();
    }
    const notFound = await client(() => json(INVALID, 404))
      .okta.get("/api/v1/x", ANY)
      .catch((e: unknown) => e as OktaError);
    expect(notFound).toMatchObject({ status: 404, method: "GET", path: "/api/v1/x" });
  });

  it("retries a 401 once when the credential says a DPoP nonce will help", async () => {
    let retries = 0;
    const nonceAuth: Authenticator = {
      ...oauthAuth,
      retryAfterUnauthorized: () => {
        retries++;
        return true;
      },
    };
    const { okta, requests } = client((_, call) => (call === 1 ? json(INVALID, 401) : call === 2 ? json({ ok: 1 }) : json({}, 500)), {
      auth: nonceAuth,
    });
    expect(await okta.get("/api/v1/meta/types/user", ANY)).toEqual({ ok: 1 });
    expect(requests).toHaveLength(2);

    const again = client(() => json(INVALID, 401), { auth: nonceAuth });
    retries = 0;
    expect(await failure(again.okta.get("/api/v1/meta/types/user", ANY))).toContain("401 error");
    expect(again.requests).toHaveLength(2);
    expect(retries).toBe(1);
  });
});

describe("redirects carry no credentials anywhere (real fetch, two loopback servers)", () => {
  const listen = loopbackServers();

  it("reports a redirect instead of following it", async () => {
    const elsewhere: string[] = [];
    const other = await listen((req, res) => {
      elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ""}`);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const org = await listen((_req, res) => res.writeHead(302, { location: `${other}/api/v1/meta/types/user` }).end());
    const okta = new OktaClient({ origin: org, auth: tokenAuth, log: () => {} });
    expect(await failure(okta.get("/api/v1/meta/types/user", ANY))).toBe(
      `GET /api/v1/meta/types/user: 302 Found: Okta redirected to ${other}/api/v1/meta/types/user; use the org's own URL`,
    );
    expect(elsewhere).toEqual([]);
  });
});

describe("bounded reads: whatever a server sends, the read ends, naming the request and the bound", () => {
  const listen = loopbackServers();
  const PATH = "/api/v1/apps/0oa1/users?limit=500&expand=user";

  /** A body of endless 1 KiB chunks, counting what was pulled from it and whether it was cancelled. */
  const endless = () => {
    const state = { pulled: 0, cancelled: false };
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        state.pulled += 1024;
        controller.enqueue(new Uint8Array(1024).fill(32));
      },
      cancel() {
        state.cancelled = true;
      },
    });
    return { body, state };
  };

  it("stops reading an answer at maxBodyBytes, as it streams", async () => {
    const { body, state } = endless();
    const { okta } = client(() => new Response(body, { status: 200 }), { limits: { maxBodyBytes: 10_000 } });
    expect(await failure(okta.get(PATH, ANY))).toBe(
      `GET ${PATH}: Okta's answer is larger than 9.8 KiB, the most statsig-okta reads of one answer: stopped reading it after 10 KiB`,
    );
    expect(state.cancelled).toBe(true);
    expect(state.pulled).toBeLessThanOrEqual(10_000 + 2 * 1024);
  });

  it("does not read an answer whose Content-Length is over the cap", async () => {
    const { body, state } = endless();
    const { okta } = client(() => new Response(body, { status: 200, headers: { "content-length": String(300 * 1024 * 1024) } }));
    expect(await failure(okta.get(PATH, ANY))).toBe(
      `GET ${PATH}: Okta announced an answer of 300 MiB (Content-Length), more than 32 MiB, the most statsig-okta reads of one answer: not read`,
    );
    expect(state.cancelled).toBe(true);
  });

  it("reads an answer of exactly maxBodyBytes", async () => {
    const text = JSON.stringify(["x".repeat(96)]);
    const { okta } = client(() => new Response(text), { limits: { maxBodyBytes: text.length } });
    expect(await okta.get(PATH, ANY)).toEqual(["x".repeat(96)]);
  });

  it("refuses a list past maxPagesPerList pages, each linking to a new one, naming the list", async () => {
    const { okta, requests } = client(
      (url) =>
        json([{ id: url.searchParams.get("after") ?? "0" }], 200, {
          link: `<${ORIGIN}/api/v1/apps/0oa1/users?after=${Number(url.searchParams.get("after") ?? 0) + 1}>; rel="next"`,
        }),
      { limits: { maxPagesPerList: 5 } },
    );
    const pages = okta.pages("/api/v1/apps/0oa1/users", ANY, { what: "the app's users" });
    const read: unknown[] = [];
    const error = await (async () => {
      for await (const page of pages) read.push(...page);
    })().catch((e: unknown) => e as OktaError);
    expect(error).toBeInstanceOf(OktaError);
    expect((error as OktaError).message).toBe(
      "GET /api/v1/apps/0oa1/users: the app's users goes on past 5 pages, the most statsig-okta reads of one list (enough for 200,000 app users, with a wide margin); stopped before /api/v1/apps/0oa1/users?after=5",
    );
    expect(requests).toHaveLength(5);
    expect(read).toHaveLength(5);
  });

  it("refuses a list past maxItemsPerList items", async () => {
    const { okta } = client(() => json([1, 2, 3], 200, { link: `<${ORIGIN}/api/v1/apps/0oa1/groups?after=x>; rel="next"` }), {
      limits: { maxItemsPerList: 2 },
    });
    expect(await failure(okta.getAll("/api/v1/apps/0oa1/groups", ANY, { what: "the app's group assignments" }))).toBe(
      "GET /api/v1/apps/0oa1/groups: the app's group assignments has more than 2 items, the most statsig-okta reads of one list (enough for 200,000 app users, with a wide margin); stopped at /api/v1/apps/0oa1/groups",
    );
  });

  it("gives up on a request with no answer within timeoutMs", async () => {
    const fetch = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason)),
      )) as typeof globalThis.fetch;
    const started = Date.now();
    const { okta } = client(() => json({}), { fetch, limits: { timeoutMs: 200 } });
    expect(await failure(okta.get(PATH, ANY))).toBe(
      `GET ${PATH}: no answer from acme.okta.com within 0.2 s (each request may take 0.2 s; --timeout SECONDS sets it)`,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("says when an answer stops coming, and when it trickles in too slowly", async () => {
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('[{"id":'));
      },
    });
    const stops = client(() => new Response(stalled), { limits: { timeoutMs: 300 } });
    expect(await failure(stops.okta.get(PATH, ANY))).toMatch(
      new RegExp(
        `^GET ${escape(PATH)}: the answer from acme\\.okta\\.com stopped: no data for 0\\.[23] s after 7 bytes \\(each request may take 0\\.3 s; --timeout SECONDS sets it\\)$`,
      ),
    );

    let sent = 0;
    const trickling = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        sent++;
        controller.enqueue(new TextEncoder().encode(" "));
      },
    });
    const trickles = client(() => new Response(trickling), { limits: { timeoutMs: 300 } });
    const message = await failure(trickles.okta.get(PATH, ANY));
    expect(message).toMatch(
      new RegExp(
        `^GET ${escape(PATH)}: the answer from acme\\.okta\\.com did not finish within 0\\.3 s: only \\d+ bytes came, trickling in \\(`,
      ),
    );
    expect(sent).toBeGreaterThan(3);
  });

  it("says when the connection closes before the answer is whole (real sockets)", async () => {
    const origin = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "1000" });
      res.write("[".padEnd(100, " "), () => res.destroy());
    });
    const okta = new OktaClient({ origin, auth: tokenAuth, log: () => {} });
    expect(await failure(okta.get(PATH, ANY))).toBe(
      `GET ${PATH}: the connection to ${new URL(origin).host} closed after 100 bytes of the answer (of 1,000 announced): other side closed`,
    );
  });

  it("stops the run at maxRunMs: before a request, during one, and instead of a rate-limit wait past it", async () => {
    let now = 0;
    const clock = { now: () => now };
    const over = client(() => json([]), { ...clock, limits: { maxRunMs: 1_000 } });
    now = 1_000;
    expect(await failure(over.okta.getAll("/api/v1/apps/0oa1/users", ANY, { what: "the app's users" }))).toBe(
      "GET /api/v1/apps/0oa1/users: stopped reading the app's users after 1 s, the longest statsig-okta reads from Okta in one run (enough for 200,000 app users, with a wide margin)",
    );
    expect(over.requests).toHaveLength(0);

    // 100 ms left of the run, a request that takes longer: the run's limit ends it, not the request's.
    now = 0;
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init!.signal!.addEventListener("abort", () => reject(init!.signal!.reason)),
      )) as typeof globalThis.fetch;
    const during = client(() => json([]), { ...clock, fetch: hanging, limits: { maxRunMs: 1_000 } });
    now = 900;
    expect(await failure(during.okta.get(PATH, ANY))).toMatch(
      /^GET .*: stopped after 1 s, the longest statsig-okta reads from Okta in one run/,
    );

    now = 0;
    const waiting = client(() => rateLimited({ "x-rate-limit-reset": String(5) }), { ...clock, limits: { maxRunMs: 2_000 } });
    expect(await failure(waiting.okta.get(PATH, ANY))).toMatch(/^GET .*: stopped after 2 s, the longest statsig-okta reads/);
    expect(waiting.slept).toEqual([]);
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
