/**
 * `check` behind a proxy: a CONNECT proxy of the test's own on 127.0.0.1, in front of the fake Okta org
 * (plain http on loopback, or behind a TLS front with a test certificate for `localhost`). The proxy
 * records the head of every request it gets and the bytes it tunnels, and tunnels only to 127.0.0.1.
 * Over plain http the tests prove the proxy is only ever asked `CONNECT host:port` (no plain forwarding, no
 * `Authorization` header in anything the proxy parses) and that the org receives the credentials; over TLS,
 * that the token is not even in the bytes the proxy carries.
 */
import { API_TOKEN as TOKEN } from "../support/stubAuth";
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { readFileSync } from "node:fs";
import { createSecureContext, createServer as createTlsServer, type SecureContext } from "node:tls";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { Duplex } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { bypassesProxy, proxiedFetch, proxyFromEnv } from "../../src/okta/proxy";
import { FakeOktaServer } from "../support/fakeOktaServer";
import { APP_ID, personalOrg } from "../support/checkOrgs";
import { loopbackServers } from "../support/loopback";
import { runCli, runInProcess } from "../support/runCheck";

interface SeenRequest {
  method: string;
  target: string;
  headers: IncomingHttpHeaders;
}

class TestProxy {
  readonly seen: SeenRequest[] = [];
  /** What clients sent through the tunnels. */
  readonly tunnelled: Buffer[] = [];
  url = "";
  private server?: Server;
  private readonly sockets: Duplex[] = [];

  constructor(private readonly answer: (request: SeenRequest) => number = () => 200) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      // Plain forwarding would show the proxy every header: record it, and never forward.
      this.seen.push({ method: req.method ?? "", target: req.url ?? "", headers: req.headers });
      res.writeHead(502).end();
    });
    this.server.on("connect", (req, client) => {
      const request = { method: req.method ?? "", target: req.url ?? "", headers: req.headers };
      this.seen.push(request);
      const [host, port] = request.target.split(":");
      const status = this.answer(request);
      // Loopback only, whatever a test asks for.
      const loopback = host === "127.0.0.1" || host === "localhost";
      if (!loopback || status !== 200) {
        const refusal = loopback ? status : 403;
        const reason = ({ 403: "Forbidden", 407: "Proxy Authentication Required" } as Record<number, string>)[refusal] ?? "";
        client.end(`HTTP/1.1 ${refusal} ${reason}\r\n\r\n`);
        return;
      }
      this.sockets.push(client);
      const upstream = connect(Number(port), "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        client.on("data", (chunk: Buffer) => this.tunnelled.push(chunk));
        upstream.pipe(client).pipe(upstream);
      });
      this.sockets.push(upstream);
      upstream.on("error", () => client.destroy());
      client.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

async function fakeOrg(options: ConstructorParameters<typeof FakeOktaServer>[1] = { apiToken: TOKEN }) {
  const fake = await new FakeOktaServer(personalOrg(), options).start();
  stops.push(() => fake.stop());
  return fake;
}

async function proxy(answer?: (request: SeenRequest) => number) {
  const started = await new TestProxy(answer).start();
  stops.push(() => started.stop());
  return started;
}

const tmp = () => mkdtempSync(path.join(tmpdir(), "statsig-okta-proxy-"));
const check = (origin: string, env: NodeJS.ProcessEnv) => runInProcess(["--org-url", origin, "--app-id", APP_ID], env, tmp());

function expectOnlyConnects(seen: SeenRequest[], origin: string) {
  expect(seen.length).toBeGreaterThan(0);
  for (const request of seen) {
    expect(request.method).toBe("CONNECT");
    expect(request.target).toBe(new URL(origin).host);
    expect(Object.keys(request.headers).sort()).toEqual(["connection", "host"]);
    expect(JSON.stringify(request.headers)).not.toContain(TOKEN);
  }
}

describe("check through HTTPS_PROXY", () => {
  it("sends every request through a CONNECT tunnel; the proxy never sees the token, Okta does", async () => {
    const fake = await fakeOrg();
    const tunnel = await proxy();
    const result = await check(fake.origin, { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: tunnel.url });

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectOnlyConnects(tunnel.seen, fake.origin);
    // One tunnel per request, and each request arrived at the org with its credential.
    expect(tunnel.seen).toHaveLength(fake.requests.length);
    expect(fake.requests.length).toBe(8);
    expect(fake.requests.every((r) => r.headers.authorization === `SSWS ${TOKEN}`)).toBe(true);
    expect(result.stdout).not.toContain(TOKEN);
  });

  it("takes https_proxy before HTTPS_PROXY, as curl does", async () => {
    const fake = await fakeOrg();
    const used = await proxy();
    const ignored = await proxy();
    const result = await check(fake.origin, { OKTA_API_TOKEN: TOKEN, https_proxy: used.url, HTTPS_PROXY: ignored.url });
    expect(result.code).toBe(0);
    expect(used.seen).toHaveLength(8);
    expect(ignored.seen).toEqual([]);
  });

  it("gets the OAuth token through the tunnel too", async () => {
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const clientId = "0oaserviceapp0000001";
    const fake = await fakeOrg({
      oauth: {
        clientId,
        publicKey,
        grantedScopes: ["okta.userTypes.read", "okta.schemas.read", "okta.profileMappings.read", "okta.apps.read"],
      },
    });
    const tunnel = await proxy();
    const result = await check(fake.origin, {
      OKTA_CLIENT_ID: clientId,
      OKTA_PRIVATE_KEY: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
      HTTPS_PROXY: tunnel.url,
    });
    expect(result.code).toBe(0);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)[0]).toBe("POST /oauth2/v1/token");
    expect(tunnel.seen).toHaveLength(fake.requests.length);
    expectOnlyConnects(tunnel.seen, fake.origin);
  });

  it("goes direct to hosts NO_PROXY lists", async () => {
    const fake = await fakeOrg();
    const tunnel = await proxy();
    const port = new URL(fake.origin).port;
    for (const noProxy of ["127.0.0.1", `127.0.0.1:${port}`, "*", "example.com, 127.0.0.1"]) {
      const result = await check(fake.origin, { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: tunnel.url, NO_PROXY: noProxy });
      expect(result.code, noProxy).toBe(0);
    }
    expect(tunnel.seen).toEqual([]);
    // Another port is not exempt.
    const result = await check(fake.origin, { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: tunnel.url, no_proxy: "127.0.0.1:1" });
    expect(result.code).toBe(0);
    expect(tunnel.seen).toHaveLength(8);
  });

  it("authenticates to the proxy with the URL's user, and says when the proxy refuses, without the password", async () => {
    const fake = await fakeOrg();
    const tunnel = await proxy(() => 407);
    const withUser = tunnel.url.replace("http://", "http://ops:s3cr%20et@");
    const result = await check(fake.origin, { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: withUser, NO_PROXY: "example.com" });

    expect(result.code).toBe(2);
    const proxyAddress = new URL(tunnel.url).host;
    expect(result.stderr).toBe(
      `statsig-okta check: cannot reach ${fake.origin} (GET /api/v1/meta/types/user): proxy ${proxyAddress} from HTTPS_PROXY: refused the tunnel to ${new URL(fake.origin).host}: 407 Proxy Authentication Required\n`,
    );
    expect(tunnel.seen[0]!.headers["proxy-authorization"]).toBe(`Basic ${Buffer.from("ops:s3cr et").toString("base64")}`);
    expect(result.stderr).not.toContain("s3cr");
    expect(fake.requests).toEqual([]);
  });

  it("says when the proxy cannot be reached", async () => {
    const closed = await proxy();
    await closed.stop();
    const result = await check("https://acme.okta.com", { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: closed.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `statsig-okta check: cannot reach https://acme.okta.com (GET /api/v1/meta/types/user): proxy ${new URL(closed.url).host} from HTTPS_PROXY: ECONNREFUSED\n`,
    );
  });

  it.each([
    ["https://proxy.example.com:3128", "HTTPS_PROXY uses https://: only http:// proxies are supported"],
    ["http://[nope", "HTTPS_PROXY is not a proxy URL: expected e.g. http://proxy.example.com:3128"],
  ])("refuses HTTPS_PROXY=%s before any request", async (value, message) => {
    const result = await check("https://acme.okta.com", { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: value });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });
});

describe("check through HTTPS_PROXY to an https org", () => {
  const CERT = path.resolve("test/support/tls/localhost-cert.pem");

  /** A TLS front for the fake org on 127.0.0.1, with a test certificate for `localhost` (valid 2000-2100). */
  async function httpsOrg(): Promise<{ fake: FakeOktaServer; origin: string; servernames: string[] }> {
    const fake = await fakeOrg();
    const sockets: Socket[] = [];
    const servernames: string[] = [];
    const identity = { cert: readFileSync(CERT), key: readFileSync("test/support/tls/localhost-key.pem") };
    // SNI is seen in the client's first message, before it verifies (or rejects) the certificate.
    const SNICallback = (servername: string, done: (error: Error | null, context: SecureContext) => void) => {
      servernames.push(servername);
      done(null, createSecureContext(identity));
    };
    const front = createTlsServer({ ...identity, SNICallback }, (socket) => {
      const upstream = connect(Number(new URL(fake.origin).port), "127.0.0.1");
      sockets.push(socket, upstream);
      socket.pipe(upstream).pipe(socket);
      upstream.on("error", () => socket.destroy());
      socket.on("error", () => upstream.destroy());
    });
    await new Promise<void>((resolve) => front.listen(0, "127.0.0.1", resolve));
    stops.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => front.close(() => resolve()));
    });
    return { fake, servernames, origin: `https://localhost:${(front.address() as AddressInfo).port}` };
  }

  it("speaks TLS inside the tunnel: the token is not in the bytes the proxy carries (built CLI)", async () => {
    const { fake, origin, servernames } = await httpsOrg();
    const tunnel = await proxy();
    const result = await runCli(
      ["--org-url", origin, "--app-id", APP_ID],
      { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: tunnel.url, NODE_EXTRA_CA_CERTS: CERT },
      tmp(),
    );

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expectOnlyConnects(tunnel.seen, origin);
    const carried = Buffer.concat(tunnel.tunnelled);
    expect(carried.length).toBeGreaterThan(1000);
    expect(carried.includes(TOKEN)).toBe(false);
    expect(carried.includes("SSWS")).toBe(false);
    expect(carried.includes("/api/v1/")).toBe(false);
    // The org's name goes in the TLS handshake (SNI), as without a proxy: Okta serves many orgs per address.
    expect(new Set(servernames)).toEqual(new Set(["localhost"]));
    expect(fake.requests).toHaveLength(8);
    expect(fake.requests.every((r) => r.headers.authorization === `SSWS ${TOKEN}`)).toBe(true);
  });

  it("verifies Okta's certificate through the tunnel as without a proxy", async () => {
    const { fake, origin, servernames } = await httpsOrg();
    const tunnel = await proxy();
    // This process does not trust the test certificate.
    const result = await check(origin, { OKTA_API_TOKEN: TOKEN, HTTPS_PROXY: tunnel.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`statsig-okta check: cannot reach ${origin} (GET /api/v1/meta/types/user): DEPTH_ZERO_SELF_SIGNED_CERT\n`);
    expect(Buffer.concat(tunnel.tunnelled).includes(TOKEN)).toBe(false);
    expect(fake.requests).toEqual([]);
    expect(servernames).toEqual(["localhost"]);
  });
});

describe("proxiedFetch", () => {
  const listen = loopbackServers();

  it("returns Okta's status, headers and body through the tunnel, and sends the body and Host", async () => {
    const received: { method?: string; host?: string; length?: string; body: string }[] = [];
    const origin = await listen((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk));
      req.on("end", () => {
        received.push({ method: req.method, host: req.headers.host, length: req.headers["content-length"], body });
        if (req.url === "/empty") return res.writeHead(204).end();
        res
          .writeHead(201, "Made", [
            ["Link", "<a>; rel=self"],
            ["Link", "<b>; rel=next"],
            ["Content-Type", "application/json"],
          ])
          .end('{"ok":true}');
      });
    });
    const tunnel = await proxy();
    const send = proxiedFetch({ HTTPS_PROXY: tunnel.url });

    const response = await send(`${origin}/x?y=1`, { method: "POST", headers: { "Content-Type": "text/plain" }, body: "héllo" });
    expect([response.status, response.statusText, response.headers.get("link"), await response.json()]).toEqual([
      201,
      "Made",
      "<a>; rel=self, <b>; rel=next",
      { ok: true },
    ]);
    expect(received[0]).toEqual({ method: "POST", host: new URL(origin).host, length: "6", body: "héllo" });

    const empty = await send(`${origin}/empty`, {});
    expect([empty.status, empty.body]).toEqual([204, null]);
    expect(received[1]).toMatchObject({ method: "GET", length: undefined });
    expect(tunnel.seen.map((r) => r.method)).toEqual(["CONNECT", "CONNECT"]);
  });

  it("streams Okta's answer: the response and its first bytes arrive before the body ends, and cancelling stops it", async () => {
    let finish: (() => void) | undefined;
    let closed = false;
    const origin = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"first":');
      res.on("close", () => (closed = true));
      finish = () => res.end("true}");
    });
    const tunnel = await proxy();
    const response = await proxiedFetch({ HTTPS_PROXY: tunnel.url })(`${origin}/big`, {});
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(Buffer.from(first.value!).toString()).toBe('{"first":');
    expect(finish).toBeDefined(); // the server has not ended its answer yet
    await reader.cancel();
    await expect.poll(() => closed, { timeout: 5000 }).toBe(true);
  });

  it("asks for the default port of the scheme, and reports a refusal without a reason", async () => {
    const tunnel = await proxy(() => 499);
    const send = proxiedFetch({ HTTPS_PROXY: tunnel.url });
    await expect(send("https://acme.okta.com/x")).rejects.toThrow(
      `proxy ${new URL(tunnel.url).host} from HTTPS_PROXY: refused the tunnel to acme.okta.com:443: 403 Forbidden`,
    );
    await expect(send("http://localhost/x")).rejects.toThrow(/refused the tunnel to localhost:80: 499$/);
    expect(tunnel.seen.map((r) => r.target)).toEqual(["acme.okta.com:443", "localhost:80"]);
  });

  it("fails with the reason when there is no signal", async () => {
    const closed = await proxy();
    await closed.stop();
    await expect(proxiedFetch({ HTTPS_PROXY: closed.url })("http://127.0.0.1:9/x")).rejects.toThrow(
      `proxy ${new URL(closed.url).host} from HTTPS_PROXY: ECONNREFUSED`,
    );
    const hangUp = await listen((req) => req.socket.destroy());
    const tunnel = await proxy();
    await expect(proxiedFetch({ HTTPS_PROXY: tunnel.url })(`${hangUp}/x`)).rejects.toThrow("socket hang up");
  });

  it("hands exempt requests to the plain fetch unchanged", async () => {
    const calls: unknown[] = [];
    const direct = (async (input: unknown) => {
      calls.push(input);
      return new Response("direct");
    }) as typeof fetch;
    const send = proxiedFetch({ HTTPS_PROXY: "http://127.0.0.1:9", NO_PROXY: "acme.okta.com" }, direct);
    const request = new Request("https://acme.okta.com/x");
    expect(await (await send(request)).text()).toBe("direct");
    expect(await (await send(new URL("https://acme.okta.com/y"))).text()).toBe("direct");
    expect(calls).toEqual([request, new URL("https://acme.okta.com/y")]);
  });

  it("gives up with the signal's reason: before, while the proxy answers, and while Okta answers", async () => {
    const timeout = () => new DOMException("no answer", "TimeoutError");
    const before = new AbortController();
    before.abort(timeout());
    await expect(
      proxiedFetch({ HTTPS_PROXY: "http://127.0.0.1:9" })("http://127.0.0.1:9/x", { signal: before.signal }),
    ).rejects.toMatchObject({
      name: "TimeoutError",
    });

    // A proxy that never answers CONNECT.
    const controller = new AbortController();
    const silent = createServer();
    const held: Duplex[] = [];
    silent.on("connect", (_req, socket: Duplex) => {
      held.push(socket);
      controller.abort(timeout());
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    stops.push(async () => {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const stuck = proxiedFetch({ HTTPS_PROXY: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` });
    await expect(stuck("http://127.0.0.1:9/x", { signal: controller.signal })).rejects.toMatchObject({ name: "TimeoutError" });

    // An org that never answers the request.
    const late = new AbortController();
    const origin = await listen(() => late.abort(timeout()));
    const tunnel = await proxy();
    await expect(proxiedFetch({ HTTPS_PROXY: tunnel.url })(`${origin}/x`, { signal: late.signal })).rejects.toMatchObject({
      name: "TimeoutError",
    });
  });
});

describe("proxy settings", () => {
  it("reads a proxy without a scheme as http://, with port 80 by default", () => {
    expect(proxyFromEnv({ HTTPS_PROXY: "proxy.example.com:3128" })).toEqual({
      address: "proxy.example.com:3128",
      variable: "HTTPS_PROXY",
      host: "proxy.example.com",
      port: 3128,
    });
    expect(proxyFromEnv({ https_proxy: " http://[::1] " })).toMatchObject({
      address: "[::1]:80",
      host: "::1",
      port: 80,
      variable: "https_proxy",
    });
    expect(proxyFromEnv({ HTTPS_PROXY: "  ", HTTP_PROXY: "http://plain.example.com" })).toBeUndefined();
    expect(proxyFromEnv({ https_proxy: " ", HTTPS_PROXY: "http://upper.example.com:8080" })).toMatchObject({
      variable: "HTTPS_PROXY",
      port: 8080,
    });
  });

  it("is the plain fetch without a proxy", () => {
    const direct = (async () => new Response()) as typeof fetch;
    expect(proxiedFetch({ NO_PROXY: "*" }, direct)).toBe(direct);
    expect(proxiedFetch({ HTTPS_PROXY: "http://127.0.0.1:9" }, direct)).not.toBe(direct);
  });

  const url = (text: string) => new URL(text);
  it.each([
    ["https://acme.okta.com", "acme.okta.com", true],
    ["https://acme.okta.com", "okta.com", true],
    ["https://acme.okta.com", ".okta.com", true],
    ["https://acme.okta.com", "*.okta.com", true],
    ["https://acme.okta.com", "ACME.OKTA.COM", true],
    ["https://acme.okta.com", "other.com  ,okta.com", true],
    ["https://acme.okta.com", "*", true],
    ["https://acme.okta.com", "acme.okta.com:443", true],
    ["https://acme.okta.com", "acme.okta.com:8443", false],
    ["https://acme.okta.com:8443", "acme.okta.com:8443", true],
    ["http://127.0.0.1:80", "127.0.0.1:80", true],
    ["https://acme.okta.com", "kta.com", false],
    ["https://acme.okta.com", "acme.okta.com.evil", false],
    ["https://acme.okta.com", "", false],
    ["http://127.0.0.1:8080", "127.0.0.1", true],
    ["http://127.0.0.1:8080", "0.0.1", false],
    ["http://[::1]:8080", "::1", true],
    ["http://[::1]:8080", "[::1]:8080", true],
    ["http://[::1]:8080", "[::1]:9090", false],
    ["http://[::1]:8080", "[::1]", true],
    ["http://[::1]:8080", "x[::1]", false],
    ["http://[::1]:80", "[::1]:80x", false],
    ["https://acme.okta.com", "acme.okta.com:x", false],
    ["https://acme.okta.com", "foo:okta.com", false],
    ["https://acme.okta.com", "okta.com:443x", false],
    ["https://acme.okta.com", ",,", false],
  ])("%s with NO_PROXY=%j: bypassed %s", (target, noProxy, bypassed) => {
    expect(bypassesProxy(url(target), { NO_PROXY: noProxy })).toBe(bypassed);
  });

  it("takes no_proxy before NO_PROXY", () => {
    expect(bypassesProxy(url("https://acme.okta.com"), { no_proxy: "okta.com", NO_PROXY: "other.com" })).toBe(true);
    expect(bypassesProxy(url("https://acme.okta.com"), { no_proxy: "other.com", NO_PROXY: "okta.com" })).toBe(false);
  });
});
