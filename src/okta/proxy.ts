import { Readable } from "node:stream";
import * as http from "node:http";
import { isIP, type Socket } from "node:net";
import * as tls from "node:tls";
import type { Duplex } from "node:stream";
import { CliError } from "../cli/errors";

/**
 * HTTPS_PROXY / NO_PROXY for `check`. Node's built-in `fetch` ignores them (Node 20 has no proxy support
 * without the undici package), so requests that must go through a proxy are sent with `node:http` over a
 * CONNECT tunnel: the proxy sees `CONNECT host:port` and nothing else, TLS runs end to end inside the
 * tunnel, and the credentials never reach the proxy. Plain forwarding (which would hand the proxy the
 * `Authorization` header) is never used.
 */

export interface Proxy {
  /** Where the proxy is, `host:port`: safe to print (never the proxy's user name or password). */
  readonly address: string;
  /** The variable it came from, for messages. */
  readonly variable: string;
  readonly host: string;
  readonly port: number;
  /** `Proxy-Authorization` for a proxy URL with a user name and password. */
  readonly authorization?: string;
}

/** The proxy variables, as the help of the commands that reach Okta (check, roles) states them. */
export const PROXY_HELP = `Proxy, from the environment:
  HTTPS_PROXY (or https_proxy)       An http:// proxy: every request goes through it in a CONNECT tunnel (the
                                     proxy never sees credentials). HTTP_PROXY is not used.
  NO_PROXY (or no_proxy)             Hosts reached directly: "*", or host names, ".domain" suffixes, IPs, ":port".
`;

/** The proxy in the environment: `https_proxy`, else `HTTPS_PROXY` (curl's order); undefined when neither is set. */
export function proxyFromEnv(env: NodeJS.ProcessEnv): Proxy | undefined {
  const variable = env.https_proxy?.trim() ? "https_proxy" : env.HTTPS_PROXY?.trim() ? "HTTPS_PROXY" : undefined;
  if (variable === undefined) return undefined;
  const text = env[variable]!.trim();
  let url: URL;
  try {
    url = new URL(text.includes("://") ? text : `http://${text}`);
  } catch {
    throw new CliError(`${variable} is not a proxy URL: expected e.g. http://proxy.example.com:3128`);
  }
  if (url.protocol !== "http:") {
    throw new CliError(
      `${variable} uses ${url.protocol}//: only http:// proxies are supported (the connection to Okta inside the tunnel is still TLS)`,
    );
  }
  const port = Number(url.port || 80);
  const host = unbracket(url.hostname);
  const user = decodeURIComponent(url.username);
  const authorization = user ? `Basic ${Buffer.from(`${user}:${decodeURIComponent(url.password)}`).toString("base64")}` : undefined;
  return { address: `${url.hostname}:${port}`, variable, host, port, ...(authorization ? { authorization } : {}) };
}

/**
 * True when `NO_PROXY` (or `no_proxy`) exempts `url`: `*`, or an entry naming its host or a parent domain
 * (`example.com` and `.example.com` both cover `api.example.com`), optionally with `:port`. IP addresses
 * match exactly; address ranges (CIDR) are not supported.
 */
export function bypassesProxy(url: URL, env: NodeJS.ProcessEnv): boolean {
  const list = (env.no_proxy ?? env.NO_PROXY ?? "").toLowerCase();
  const host = unbracket(url.hostname.toLowerCase());
  const port = url.port || (url.protocol === "https:" ? "443" : "80");
  return list.split(/[\s,]+/).some((text) => {
    if (text === "*") return true;
    const entry = noProxyEntry(text);
    if (entry === undefined || (entry.port !== undefined && entry.port !== port)) return false;
    const name = entry.name.replace(/^\*?\./, "");
    return host === name || (isIP(host) === 0 && host.endsWith(`.${name}`));
  });
}

/** `host`, `host:port`, `[v6]:port` or a bare IPv6 address. */
function noProxyEntry(text: string): { name: string; port?: string } | undefined {
  const match = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? (text.split(":").length > 2 ? [text, text] : /^([^:]+)(?::(\d+))?$/.exec(text));
  return match ? { name: match[1]!, ...(match[2] !== undefined ? { port: match[2] } : {}) } : undefined;
}

/**
 * A `fetch` that sends each request through the environment's proxy unless NO_PROXY exempts it, and
 * otherwise calls `direct`. Only what `check` uses is supported: a URL, method, headers, a text or form
 * body, `signal`; redirects are never followed (as `redirect: "manual"`).
 */
export function proxiedFetch(env: NodeJS.ProcessEnv, direct: typeof fetch = fetch): typeof fetch {
  const proxy = proxyFromEnv(env);
  if (proxy === undefined) return direct;
  return (async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : input);
    if (bypassesProxy(url, env)) return direct(input, init);
    return throughTunnel(proxy, url, init);
  }) as typeof fetch;
}

/** A failure on the way through the proxy, worded for {@link unreachable} ("cannot reach <org> (<request>): <this>"). */
function viaProxy(proxy: Proxy, detail: string): Error {
  return new Error(`proxy ${proxy.address} from ${proxy.variable}: ${detail}`);
}

/** `[::1]` -> `::1`: URL keeps IPv6 hosts in brackets; sockets, TLS and NO_PROXY entries do not. */
const unbracket = (host: string) => (host.startsWith("[") ? host.slice(1, -1) : host);

/** Opens `CONNECT host:port` on the proxy; resolves with the raw tunnel once the proxy answers 200. */
function openTunnel(proxy: Proxy, url: URL, signal: AbortSignal | undefined): Promise<Socket> {
  const target = `${url.hostname}:${url.port || (url.protocol === "https:" ? 443 : 80)}`;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: proxy.host,
      port: proxy.port,
      method: "CONNECT",
      path: target,
      headers: { Host: target, ...(proxy.authorization ? { "Proxy-Authorization": proxy.authorization } : {}) },
      ...(signal ? { signal } : {}),
    });
    request.once("connect", (response, socket) => {
      if (response.statusCode === 200) return resolve(socket);
      socket.destroy();
      reject(viaProxy(proxy, `refused the tunnel to ${target}: ${response.statusCode} ${response.statusMessage ?? ""}`.trim()));
    });
    request.once("error", (error: NodeJS.ErrnoException) => {
      reject(signal?.aborted ? signal.reason : viaProxy(proxy, error.code ?? error.message));
    });
    request.end();
  });
}

async function throughTunnel(proxy: Proxy, url: URL, init: RequestInit): Promise<Response> {
  const signal = init.signal ?? undefined;
  signal?.throwIfAborted();
  const tunnel = await openTunnel(proxy, url, signal);
  const hostname = unbracket(url.hostname);
  // TLS from here to Okta, verified against the host name as without a proxy.
  const stream: Duplex =
    url.protocol === "https:"
      ? tls.connect({ socket: tunnel, host: hostname, ...(isIP(hostname) ? {} : { servername: hostname }) })
      : tunnel;
  const body = init.body == null ? undefined : Buffer.from(await new Response(init.body).arrayBuffer());
  // Node adds Content-Length itself: the whole body is handed to end() at once.
  const sent: Record<string, string> = { ...Object.fromEntries(new Headers(init.headers)), host: url.host };

  return new Promise<Response>((resolve, reject) => {
    const request = http.request({
      method: init.method,
      path: `${url.pathname}${url.search}`,
      headers: sent,
      createConnection: () => stream as Socket,
      ...(signal ? { signal } : {}),
    });
    request.once("error", (error: NodeJS.ErrnoException) => {
      stream.destroy();
      reject(signal?.aborted ? signal.reason : new Error(error.message, { cause: error }));
    });
    request.once("response", (response) => {
      const headers = new Headers();
      for (const [name, values] of Object.entries(response.headersDistinct)) for (const value of values ?? []) headers.append(name, value);
      const status = response.statusCode ?? 502;
      // Response refuses a body, even an empty one, for 204 and 304.
      const empty = status === 204 || status === 304;
      if (empty) response.resume();
      // Streamed, not buffered: the client counts an answer's bytes as they arrive and stops a read over its cap,
      // behind a proxy as without one (cancelling the body destroys the response and its tunnel).
      const content = empty ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      resolve(new Response(content, { status, statusText: response.statusMessage ?? "", headers }));
    });
    request.end(body);
  });
}
