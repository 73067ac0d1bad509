/**
 * A fake Okta org on 127.0.0.1 (random port) for `statsig-okta check`. It answers with the response shapes of
 * Okta's Management API spec (shared/reference/okta-management-openapi.yaml): user types with `_links.schema`,
 * user schemas with `definitions.custom.properties`, mapping lists then mappings with `properties`, group
 * assignments paginated with `Link: <…>; rel="next"` and an `after` cursor, and Okta's `Error` bodies.
 * It records every request, so tests can assert what was sent. It knows nothing of what a test expects.
 */
import { createHash, createPublicKey, randomUUID, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeGroupPush } from "./pushGroupFake";

export interface Attribute {
  title?: string;
  description?: string;
  type?: string;
  enum?: string[];
  oneOf?: { const: string; title: string }[];
  permissions?: { principal: string; action: string }[];
  master?: { type: string };
  scope?: string;
  externalName?: string;
  externalNamespace?: string;
}

export interface FakeUserType {
  id: string;
  name: string;
  displayName: string;
  default: boolean;
  /** The `osc…` id of its schema. */
  schemaId: string;
}

export interface FakeMapping {
  id: string;
  source: { id: string; name: string; type: "user" | "appuser" };
  target: { id: string; name: string; type: "user" | "appuser" };
  properties: Record<string, { expression: string; pushStatus: "PUSH" | "DONT_PUSH" }>;
}

export interface FakeAssignment {
  id: string;
  priority: number;
  profile: Record<string, unknown>;
}

/** The org's objects. Tests build one with the helpers in orgs.ts and may change it before starting. */
export interface FakeOrg {
  userTypes: FakeUserType[];
  /** Custom properties of each user schema, by schema id. */
  userSchemas: Record<string, Record<string, Attribute>>;
  /** Custom properties of each app's user schema, and its group assignments, by app id. */
  apps: Record<string, { name: string; schema: Record<string, Attribute>; groups: FakeAssignment[] }>;
  mappings: FakeMapping[];
}

export interface OAuthClientSetup {
  clientId: string;
  publicKey: KeyObject;
  grantedScopes: string[];
  /** Okta's default for new API service apps: tokens are DPoP-bound. */
  requireDpop?: boolean;
}

export interface FakeOptions {
  /** The API token accepted as `SSWS <token>`. */
  apiToken?: string;
  oauth?: OAuthClientSetup;
  /** The most items the server puts on one page, whatever `limit` asks. */
  pageSize?: number;
  /** The first GET whose path starts with this answers 429, with the reset one second ahead. */
  rateLimitOnce?: string;
  /** GETs whose path starts with this answer 403 (the credential lacks the right). */
  forbid?: string;
  /** The apps' group push links and groups, answered as the recorded group push traffic (test/pushGroupFake.ts). */
  push?: FakeGroupPush;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * Okta answers app user schema properties without `permissions`, `master` or `mutability`, whatever was
 * sent (recorded GET/POST of /api/v1/meta/schemas/apps/{id}/default in okta-recorded.json).
 */
function withoutAppOnlyKeys(custom: Record<string, Attribute>): Record<string, Attribute> {
  return Object.fromEntries(Object.entries(custom).map(([name, { permissions: _p, master: _m, ...rest }]) => [name, rest as Attribute]));
}

/** Scopes per endpoint, from the spec's `security` entries (kept apart from src/check/scopes.ts on purpose). */
const SCOPE_OF: [RegExp, string][] = [
  [/^\/api\/v1\/meta\/types\/user/, "okta.userTypes.read"],
  [/^\/api\/v1\/meta\/schemas\//, "okta.schemas.read"],
  [/^\/api\/v1\/mappings/, "okta.profileMappings.read"],
  [/^\/api\/v1\/apps\/[^/]+\/groups/, "okta.apps.read"],
  // listGroupPushMappings needs okta.groups.read as well; this table holds one scope per endpoint.
  [/^\/api\/v1\/apps\/[^/]+\/group-push\//, "okta.apps.read"],
  [/^\/api\/v1\/groups\//, "okta.groups.read"],
];

const errorBody = (code: string, summary: string) => ({
  errorCode: code,
  errorSummary: summary,
  errorLink: code,
  errorId: `sample${randomUUID().slice(0, 8)}`,
  errorCauses: [],
});

function decodeJwt(
  jwt: string,
): { header: Record<string, any>; claims: Record<string, any>; input: string; signature: Buffer } | undefined {
  const parts = jwt.split(".");
  if (parts.length !== 3) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0]!, "base64url").toString()),
      claims: JSON.parse(Buffer.from(parts[1]!, "base64url").toString()),
      input: `${parts[0]}.${parts[1]}`,
      signature: Buffer.from(parts[2]!, "base64url"),
    };
  } catch {
    return undefined;
  }
}

export class FakeOktaServer {
  readonly requests: RecordedRequest[] = [];
  /** Why the server refused requests, for debugging failed tests. */
  readonly refusals: string[] = [];
  origin = "";
  private server?: Server;
  private rateLimited = false;
  private readonly tokens = new Map<string, { scopes: string[]; dpopKey?: string }>();
  private readonly usedJti = new Set<string>();
  private readonly tokenNonce = `token-nonce-${randomUUID()}`;
  private readonly apiNonce = `api-nonce-${randomUUID()}`;

  constructor(
    readonly org: FakeOrg,
    readonly options: FakeOptions = {},
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => (body += chunk));
      req.on("end", () => this.handle(req, res, body));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const url = new URL(req.url ?? "/", this.origin);
    this.requests.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, headers: req.headers, body, at: Date.now() });
    if (req.method === "POST" && url.pathname === "/oauth2/v1/token") return this.token(req, res, body);
    if (req.method !== "GET") return this.send(res, 405, errorBody("E0000022", "The endpoint does not support the provided HTTP method"));

    const scope = SCOPE_OF.find(([pattern]) => pattern.test(url.pathname))?.[1];
    const denied = this.authenticate(req, url, scope);
    if (denied) return this.send(res, denied.status, denied.body, denied.headers);

    if (this.options.forbid && url.pathname.startsWith(this.options.forbid)) {
      return this.send(res, 403, errorBody("E0000006", "You do not have permission to perform the requested action"));
    }
    if (this.options.rateLimitOnce && url.pathname.startsWith(this.options.rateLimitOnce) && !this.rateLimited) {
      this.rateLimited = true;
      const reset = Math.floor(Date.now() / 1000) + 1;
      return this.send(res, 429, errorBody("E0000047", "API call exceeded rate limit due to too many requests."), {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "0",
        "x-rate-limit-reset": String(reset),
      });
    }
    return this.route(url, res);
  }

  /** SSWS or OAuth (Bearer, or DPoP with a proof per request); undefined when the request may go on. */
  private authenticate(
    req: IncomingMessage,
    url: URL,
    scope: string | undefined,
  ): { status: number; body: unknown; headers?: Record<string, string> } | undefined {
    const authorization = req.headers.authorization ?? "";
    const invalid = { status: 401, body: errorBody("E0000011", "Invalid token provided") };
    if (this.options.apiToken && authorization === `SSWS ${this.options.apiToken}`) return undefined;
    const [scheme, value] = authorization.split(" ");
    const token = value ? this.tokens.get(value) : undefined;
    if (!token || (scheme !== "Bearer" && scheme !== "DPoP")) {
      this.refusals.push(`bad authorization for ${url.pathname}`);
      return invalid;
    }
    if (token.dpopKey !== undefined) {
      const proof = this.checkProof(req.headers.dpop, "GET", `${url.origin}${url.pathname}`, value!);
      if (scheme !== "DPoP" || typeof proof === "string" || proof.key !== token.dpopKey) {
        this.refusals.push(`bad DPoP proof for ${url.pathname}: ${typeof proof === "string" ? proof : "key or scheme"}`);
        return invalid;
      }
      if (proof.nonce !== this.apiNonce) {
        return {
          status: 401,
          body: errorBody("E0000011", "Invalid token provided"),
          headers: { "WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": this.apiNonce },
        };
      }
    } else if (scheme !== "Bearer") {
      return invalid;
    }
    if (scope && !token.scopes.includes(scope)) {
      return {
        status: 403,
        body: errorBody("E0000006", "You do not have permission to perform the requested action"),
        headers: {
          "WWW-Authenticate": `Bearer authorization_uri="${this.origin}/oauth2/v1/authorize", error="insufficient_scope", error_description="The access token provided does not contain the required scopes."`,
        },
      };
    }
    return undefined;
  }

  /** Verifies a DPoP proof (RFC 9449): signature by its own jwk, method, URL, and the access token hash. */
  private checkProof(
    header: string | string[] | undefined,
    method: string,
    htu: string,
    accessToken?: string,
  ): { key: string; nonce?: string } | string {
    if (typeof header !== "string") return "no DPoP header";
    const jwt = decodeJwt(header);
    if (!jwt || jwt.header.typ !== "dpop+jwt" || jwt.header.alg !== "ES256" || !jwt.header.jwk) return "malformed proof";
    const key = createPublicKey({ key: jwt.header.jwk, format: "jwk" });
    if (!verify("sha256", Buffer.from(jwt.input), { key, dsaEncoding: "ieee-p1363" }, jwt.signature)) return "bad signature";
    if (jwt.claims.htm !== method || jwt.claims.htu !== htu) return `wrong htm/htu ${jwt.claims.htm} ${jwt.claims.htu}`;
    if (typeof jwt.claims.jti !== "string" || typeof jwt.claims.iat !== "number") return "no jti/iat";
    if (accessToken !== undefined && jwt.claims.ath !== createHash("sha256").update(accessToken).digest("base64url")) return "wrong ath";
    return { key: JSON.stringify(jwt.header.jwk), ...(typeof jwt.claims.nonce === "string" ? { nonce: jwt.claims.nonce } : {}) };
  }

  /** The org authorization server's token endpoint, for client credentials with a private key JWT. */
  private token(req: IncomingMessage, res: ServerResponse, body: string) {
    const oauth = this.options.oauth;
    const form = new URLSearchParams(body);
    const fail = (error: string, description: string, headers: Record<string, string> = {}) => {
      this.refusals.push(`token: ${error} ${description}`);
      this.send(res, error === "invalid_client" ? 401 : 400, { error, error_description: description }, headers);
    };
    if (!oauth) return fail("invalid_client", "no such client");
    if (form.get("grant_type") !== "client_credentials") return fail("unsupported_grant_type", "grant_type");
    if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
      return fail("invalid_client", "assertion type");
    const assertion = decodeJwt(form.get("client_assertion") ?? "");
    const now = Math.floor(Date.now() / 1000);
    if (
      !assertion ||
      assertion.header.alg !== "RS256" ||
      !verify("sha256", Buffer.from(assertion.input), oauth.publicKey, assertion.signature)
    ) {
      return fail("invalid_client", "The client_assertion signature is invalid.");
    }
    const { iss, sub, aud, exp, jti } = assertion.claims;
    if (
      iss !== oauth.clientId ||
      sub !== oauth.clientId ||
      aud !== `${this.origin}/oauth2/v1/token` ||
      !(exp > now) ||
      typeof jti !== "string" ||
      this.usedJti.has(jti)
    ) {
      return fail("invalid_client", "The client_assertion token is invalid.");
    }
    this.usedJti.add(jti);
    const scopes = (form.get("scope") ?? "").split(" ").filter(Boolean);
    const notAllowed = scopes.filter((scope) => !oauth.grantedScopes.includes(scope));
    if (notAllowed.length > 0) return fail("invalid_scope", `The following scopes are not allowed: ${notAllowed.join(", ")}`);

    let dpopKey: string | undefined;
    if (oauth.requireDpop) {
      if (req.headers.dpop === undefined) return fail("invalid_dpop_proof", "The DPoP proof JWT header is missing.");
      const proof = this.checkProof(req.headers.dpop, "POST", `${this.origin}/oauth2/v1/token`);
      if (typeof proof === "string") return fail("invalid_dpop_proof", proof);
      if (proof.nonce !== this.tokenNonce)
        return fail("use_dpop_nonce", "Authorization server requires nonce in DPoP proof.", { "DPoP-Nonce": this.tokenNonce });
      dpopKey = proof.key;
    }
    const accessToken = `access-${randomUUID()}`;
    this.tokens.set(accessToken, { scopes, ...(dpopKey !== undefined ? { dpopKey } : {}) });
    this.send(res, 200, { token_type: dpopKey ? "DPoP" : "Bearer", expires_in: 3600, access_token: accessToken, scope: scopes.join(" ") });
  }

  private route(url: URL, res: ServerResponse) {
    const path = url.pathname;
    const origin = this.origin;
    let match: RegExpExecArray | null;

    if (this.options.push && (/^\/api\/v1\/apps\/[^/]+\/group-push\//.test(path) || path.startsWith("/api/v1/groups/"))) {
      const answer = this.options.push.handle("GET", `${path}${url.search}`);
      return this.send(res, answer.status, answer.body, answer.link ? { Link: answer.link } : {});
    }
    if (path === "/api/v1/meta/types/user") {
      return this.send(
        res,
        200,
        this.org.userTypes.map((type) => ({
          id: type.id,
          displayName: type.displayName,
          name: type.name,
          description: `${type.displayName} profile`,
          createdBy: "sprz9fj1ycBcsgopy1d6",
          lastUpdatedBy: "sprz9fj1ycBcsgopy1d6",
          created: "2021-07-05T20:40:38.000Z",
          lastUpdated: "2021-07-05T20:40:38.000Z",
          default: type.default,
          _links: {
            self: { href: `${origin}/api/v1/meta/types/user/${type.id}` },
            schema: { href: `${origin}/api/v1/meta/schemas/user/${type.schemaId}` },
          },
        })),
      );
    }
    if ((match = /^\/api\/v1\/meta\/schemas\/user\/([^/]+)$/.exec(path))) {
      const schemaId = match[1] === "default" ? this.org.userTypes.find((t) => t.default)?.schemaId : match[1];
      const custom = schemaId ? this.org.userSchemas[schemaId] : undefined;
      if (!custom) return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${match[1]} (UserSchema)`));
      return this.send(
        res,
        200,
        this.schema(`${origin}/meta/schemas/user/${schemaId}`, "user", "Okta user", custom, {
          login: { title: "Username", type: "string", required: true },
        }),
      );
    }
    if ((match = /^\/api\/v1\/meta\/schemas\/apps\/([^/]+)\/default$/.exec(path))) {
      const app = this.org.apps[match[1]!];
      if (!app) return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${match[1]} (AppInstance)`));
      return this.send(
        res,
        200,
        this.schema(`${origin}/meta/schemas/apps/${match[1]}/default`, app.name, `${app.name} User`, withoutAppOnlyKeys(app.schema), {
          userName: { title: "Username", type: "string", required: true, scope: "NONE" },
        }),
      );
    }
    if (path === "/api/v1/mappings") {
      const sourceId = url.searchParams.get("sourceId");
      const targetId = url.searchParams.get("targetId");
      const found = this.org.mappings.filter((m) => (!sourceId || m.source.id === sourceId) && (!targetId || m.target.id === targetId));
      return this.send(
        res,
        200,
        found.map((m) => this.mapping(m, false)),
      );
    }
    if ((match = /^\/api\/v1\/mappings\/([^/]+)$/.exec(path))) {
      const found = this.org.mappings.find((m) => m.id === match![1]);
      if (!found) return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${match[1]} (Mapping)`));
      return this.send(res, 200, this.mapping(found, true));
    }
    if ((match = /^\/api\/v1\/apps\/([^/]+)\/groups$/.exec(path))) {
      const appId = match[1]!;
      const app = this.org.apps[appId];
      if (!app) return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${appId} (AppInstance)`));
      const limit = Math.min(Math.max(Number(url.searchParams.get("limit") ?? 20), 20), 200, this.options.pageSize ?? 200);
      const after = url.searchParams.get("after");
      const start = after ? app.groups.findIndex((g) => g.id === after) + 1 : 0;
      const page = app.groups.slice(start, start + limit);
      const links = [`<${origin}${path}?limit=${limit}${after ? `&after=${after}` : ""}>; rel="self"`];
      if (start + limit < app.groups.length) links.push(`<${origin}${path}?after=${page[page.length - 1]!.id}&limit=${limit}>; rel="next"`);
      return this.send(
        res,
        200,
        page.map((g) => ({
          id: g.id,
          lastUpdated: "2024-06-02T13:17:57.000Z",
          priority: g.priority,
          profile: g.profile,
          _links: {
            app: { href: `${origin}/api/v1/apps/${appId}` },
            self: { href: `${origin}/api/v1/apps/${appId}/groups/${g.id}` },
            group: { href: `${origin}/api/v1/groups/${g.id}` },
          },
        })),
        // Okta sends one Link header per relation.
        { Link: links },
      );
    }
    return this.send(res, 404, errorBody("E0000022", "The endpoint does not support the provided HTTP method"));
  }

  private schema(id: string, name: string, title: string, custom: Record<string, Attribute>, base: Record<string, unknown>) {
    return {
      id,
      $schema: "http://json-schema.org/draft-04/schema#",
      name,
      title,
      lastUpdated: "2025-05-20T20:04:26.000Z",
      created: "2025-05-20T20:04:26.000Z",
      definitions: {
        base: { id: "#base", type: "object", properties: base, required: Object.keys(base) },
        custom: { id: "#custom", type: "object", properties: custom, required: [] },
      },
      type: "object",
      properties: { profile: { allOf: [{ $ref: "#/definitions/base" }, { $ref: "#/definitions/custom" }] } },
    };
  }

  private mapping(m: FakeMapping, withProperties: boolean) {
    const end = (e: FakeMapping["source"]) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      _links:
        e.type === "user"
          ? { self: { href: `${this.origin}/api/v1/meta/types/user/${e.id}` } }
          : { self: { href: `${this.origin}/api/v1/apps/${e.id}` } },
    });
    return {
      id: m.id,
      source: end(m.source),
      target: end(m.target),
      ...(withProperties ? { properties: m.properties } : {}),
      _links: { self: { href: `${this.origin}/api/v1/mappings/${m.id}` } },
    };
  }
}
