/**
 * The fake Okta org (oktaOrg.ts) on 127.0.0.1 (random port), for `statsig-okta check` and `roles`: the GET
 * endpoints both commands read, the org authorization server's token endpoint, and the group push API
 * (pushGroupFake.ts). It answers with the response shapes of Okta's Management API spec
 * (okta/okta-management-openapi-spec) and, where the Okta provider's acceptance tests recorded them
 * (terraform-provider-okta v6.12.0, cassettes under `test/fixtures/vcr/idaas/`), as those recordings do:
 * - user types (`/api/v1/meta/types/user`): `_links.schema` names the type's schema
 *   (`TestAccDataSourceOktaUserType_read`);
 * - user schemas with `definitions.custom.properties`; app user schemas answer their custom properties without
 *   `permissions`, `master` or `mutability`, whatever was sent (`TestAccResourceOktaAppUserSchemas_crud`: the
 *   POST and GET of `/api/v1/meta/schemas/apps/{id}/default`);
 * - mapping lists by source and target, then one mapping with `properties` (`TestAccResourceOktaProfileMapping_crud`);
 * - app group assignments (`/api/v1/apps/{id}/groups`): `id`, `priority`, `profile`, `_links`
 *   (`TestAccDataSourceOktaAppGroupAssignments_read`), with `_embedded.group` under `expand=group` (spec
 *   `ApplicationGroupAssignment._embedded`, `Group`);
 * - app users (`/api/v1/apps/{id}/users`): `scope` USER/GROUP, `status`, `syncState`, `credentials.userName`, a
 *   SCIM-style `profile`, `_links.app`/`user` (`TestAccDataSourceOktaAppUserAssignments_read`), with
 *   `_embedded.user` under `expand=user` as in the spec's `AppUserListEx`;
 * - group members (`/api/v1/groups/{id}/users`): a list (`TestAccDataSourceOktaUsers_readWithGroupId`), items
 *   shaped as the spec's `ListUsersResponse` example;
 * - groups (`/api/v1/groups`, spec `listGroups`) with `search` evaluated by groupSearch.ts (a search it cannot take
 *   is a 400 E0000031), as `Group` objects of groupJson, paged;
 * - group push links (`/api/v1/apps/{id}/group-push/mappings`) through pushGroupFake.ts, paged at `pageSize`;
 * - pagination by `Link: <…>; rel="next"` with an `after` cursor (one Link header per relation, as Okta), page
 *   sizes capped at the spec's maximum for each endpoint; Okta's `Error` bodies; 429 with `x-rate-limit-reset`.
 * It records every request, so tests can assert what was sent. It knows nothing of what a test expects.
 */
import { createHash, createPublicKey, randomUUID, verify, type KeyObject } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  defaultUserType,
  groupJson,
  oktaError,
  userSchemaId,
  type Attribute,
  type FakeMapping,
  type FakeUser,
  type OktaOrg,
} from "./oktaOrg";
import { SearchError, searchGroups } from "./groupSearch";
import { FakeGroupPush } from "./pushGroupFake";

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
  /** The service app the token endpoint knows; without it, it refuses every client. */
  oauth?: OAuthClientSetup;
  /** The most items the server puts on one page, whatever `limit` asks (smaller than Okta's, to exercise pagination). */
  pageSize?: number;
  /** The first GET whose path starts with this answers 429, with the reset one second ahead. */
  rateLimitOnce?: string;
  /** 1-based numbers of the API requests that answer 429 (once each), with the reset one second ahead. */
  rateLimitRequests?: number[];
  /** GETs whose path starts with this answer 403 (the credential lacks the right). */
  forbid?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** Okta answers app user schema properties without these, whatever was sent (see the file comment). */
function withoutAppOnlyKeys(custom: Record<string, Attribute>): Record<string, Attribute> {
  return Object.fromEntries(Object.entries(custom).map(([name, { permissions: _p, master: _m, ...rest }]) => [name, rest as Attribute]));
}

/** Scopes per endpoint, from the spec's `security` entries (kept apart from src/okta/scopes.ts on purpose). */
const SCOPE_OF: [RegExp, string][] = [
  [/^\/api\/v1\/meta\/types\/user/, "okta.userTypes.read"],
  [/^\/api\/v1\/meta\/schemas\//, "okta.schemas.read"],
  [/^\/api\/v1\/mappings/, "okta.profileMappings.read"],
  [/^\/api\/v1\/apps\/[^/]+\/(groups|users)/, "okta.apps.read"],
  // listGroupPushMappings needs okta.groups.read as well; this table holds one scope per endpoint.
  [/^\/api\/v1\/apps\/[^/]+\/group-push\//, "okta.apps.read"],
  [/^\/api\/v1\/groups(\/|$)/, "okta.groups.read"],
];

/** The largest `limit` each list accepts and its default, from the spec (`queryAppLimit`, `queryGroupAssignmentLimit`, `listGroupUsers`). */
const LIMITS = {
  appUsers: { max: 500, fallback: 50 },
  appGroups: { max: 200, fallback: 20 },
  groupMembers: { max: 1000, fallback: 1000 },
  // listGroups: `limit` up to 10000, no default given (the spec recommends 200 or less).
  groups: { max: 10000, fallback: 200 },
};

/**
 * Where each item of a list is, by id: cached per list for the 50,000 app users of bench/roles.cjs, and checked
 * on every use, so a test may still change the org while the server runs.
 */
class Positions {
  private readonly cache = new WeakMap<readonly unknown[], Map<string, number>>();

  of<T>(list: readonly T[], id: string, idOf: (item: T) => string): number {
    let at = this.cache.get(list)?.get(id);
    if (at === undefined || at >= list.length || idOf(list[at]!) !== id) {
      const positions = new Map(list.map((item, index) => [idOf(item), index]));
      this.cache.set(list, positions);
      at = positions.get(id);
    }
    return at ?? -1;
  }
}

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
  /** The group push API over the same org, with this server's origin in its links. */
  private push?: FakeGroupPush;
  private rateLimited = false;
  private apiRequests = 0;
  private readonly positions = new Positions();
  private readonly tokens = new Map<string, { scopes: string[]; dpopKey?: string }>();
  private readonly usedJti = new Set<string>();
  private readonly tokenNonce = `token-nonce-${randomUUID()}`;
  private readonly apiNonce = `api-nonce-${randomUUID()}`;

  constructor(
    readonly org: OktaOrg,
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
    this.push = new FakeGroupPush(this.org, this.origin, this.options.pageSize);
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
    if (req.method !== "GET") return this.send(res, 405, oktaError("E0000022", "The endpoint does not support the provided HTTP method"));

    const scope = SCOPE_OF.find(([pattern]) => pattern.test(url.pathname))?.[1];
    const denied = this.authenticate(req, url, scope);
    if (denied) return this.send(res, denied.status, denied.body, denied.headers);

    if (this.options.forbid && url.pathname.startsWith(this.options.forbid)) {
      return this.send(res, 403, oktaError("E0000006", "You do not have permission to perform the requested action"));
    }
    this.apiRequests++;
    const once = this.options.rateLimitOnce;
    const limited = once !== undefined && url.pathname.startsWith(once) && !this.rateLimited;
    if (limited || this.options.rateLimitRequests?.includes(this.apiRequests)) {
      if (limited) this.rateLimited = true;
      return this.send(res, 429, oktaError("E0000047", "API call exceeded rate limit due to too many requests."), {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "0",
        "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 1),
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
    const invalid = { status: 401, body: oktaError("E0000011", "Invalid token provided") };
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
          body: oktaError("E0000011", "Invalid token provided"),
          headers: { "WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": this.apiNonce },
        };
      }
    } else if (scheme !== "Bearer") {
      return invalid;
    }
    if (scope && !token.scopes.includes(scope)) {
      return {
        status: 403,
        body: oktaError("E0000006", "You do not have permission to perform the requested action"),
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
    const { org, origin } = this;
    const path = url.pathname;
    const notFound = (id: string, kind: string) =>
      this.send(res, 404, oktaError("E0000007", `Not found: Resource not found: ${id} (${kind})`));
    let match: RegExpExecArray | null;

    if (path === "/api/v1/meta/types/user") {
      return this.send(
        res,
        200,
        org.userTypes.map((type) => ({
          id: type.id,
          displayName: type.displayName,
          name: type.name,
          description: type.description,
          createdBy: "sprz9fj1ycBcsgopy1d6",
          lastUpdatedBy: "sprz9fj1ycBcsgopy1d6",
          created: "2021-07-05T20:40:38.000Z",
          lastUpdated: "2021-07-05T20:40:38.000Z",
          default: type.default,
          _links: {
            self: { href: `${origin}/api/v1/meta/types/user/${type.id}` },
            schema: { href: `${origin}/api/v1/meta/schemas/user/${userSchemaId(type.id)}` },
          },
        })),
      );
    }
    if ((match = /^\/api\/v1\/meta\/schemas\/user\/([^/]+)$/.exec(path))) {
      const schemaId = match[1] === "default" ? userSchemaId(defaultUserType(org).id) : match[1]!;
      const custom = org.userSchemas[schemaId];
      if (!custom) return notFound(match[1]!, "UserSchema");
      return this.send(
        res,
        200,
        this.schema(`${origin}/meta/schemas/user/${schemaId}`, "user", "Okta user", custom, {
          login: { title: "Username", type: "string", required: true },
        }),
      );
    }
    if ((match = /^\/api\/v1\/meta\/schemas\/apps\/([^/]+)\/default$/.exec(path))) {
      const app = org.apps[match[1]!];
      if (!app) return notFound(match[1]!, "AppInstance");
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
      const found = org.mappings.filter((m) => (!sourceId || m.source.id === sourceId) && (!targetId || m.target.id === targetId));
      return this.send(
        res,
        200,
        found.map((m) => this.mapping(m, false)),
      );
    }
    if ((match = /^\/api\/v1\/mappings\/([^/]+)$/.exec(path))) {
      const found = org.mappings.find((m) => m.id === match![1]);
      if (!found) return notFound(match[1]!, "Mapping");
      return this.send(res, 200, this.mapping(found, true));
    }
    if (/^\/api\/v1\/apps\/[^/]+\/group-push\//.test(path)) {
      const answer = this.push!.handle("GET", `${path}${url.search}`);
      return this.send(res, answer.status, answer.body, answer.link ? { Link: answer.link } : {});
    }
    if ((match = /^\/api\/v1\/apps\/([^/]+)\/(groups|users)$/.exec(path))) {
      if (!org.apps[match[1]!]) return notFound(match[1]!, "AppInstance");
      return match[2] === "groups" ? this.appGroups(url, res, match[1]!) : this.appUsers(url, res, match[1]!);
    }
    if (path === "/api/v1/groups") return this.groups(url, res);
    if ((match = /^\/api\/v1\/groups\/([^/]+)(\/users)?$/.exec(path))) {
      const group = org.groups.find((candidate) => candidate.id === match![1]);
      if (!group) return notFound(match[1]!, "UserGroup");
      if (!match[2]) return this.send(res, 200, groupJson(group, origin));
      const { page, headers } = this.page(url, group.members, (id) => id, LIMITS.groupMembers);
      return this.send(
        res,
        200,
        page.map((id) => this.user(this.userById(id))),
        headers,
      );
    }
    return this.send(res, 404, oktaError("E0000022", "The endpoint does not support the provided HTTP method"));
  }

  /** One page of `items` after the `after` cursor (an item id), with Okta's `Link` headers. */
  private page<T>(url: URL, items: readonly T[], idOf: (item: T) => string, { max, fallback }: { max: number; fallback: number }) {
    const asked = Number(url.searchParams.get("limit") ?? fallback);
    const limit = Math.max(1, Math.min(Number.isFinite(asked) ? asked : fallback, max, this.options.pageSize ?? max));
    const after = url.searchParams.get("after");
    const start = after === null ? 0 : this.positions.of(items, after, idOf) + 1;
    const page = items.slice(start, start + limit);
    const links = [`<${url.href}>; rel="self"`];
    if (start + limit < items.length) {
      const next = new URLSearchParams({ after: idOf(page[page.length - 1]!), limit: String(limit) });
      for (const [key, value] of url.searchParams) if (key !== "after" && key !== "limit") next.append(key, value);
      links.push(`<${this.origin}${url.pathname}?${next}>; rel="next"`);
    }
    // Okta sends one Link header per relation.
    return { page, headers: { Link: links } };
  }

  /** `listGroups`, with `search` evaluated by groupSearch.ts (Okta's 400 E0000031 for a search it cannot take). */
  private groups(url: URL, res: ServerResponse) {
    const search = url.searchParams.get("search");
    let groups = this.org.groups;
    if (search !== null) {
      try {
        groups = searchGroups(groups, search);
      } catch (error) {
        if (!(error instanceof SearchError)) throw error;
        return this.send(res, 400, oktaError(error.errorCode, error.message));
      }
    }
    const { page, headers } = this.page(url, groups, (group) => group.id, LIMITS.groups);
    return this.send(
      res,
      200,
      page.map((group) => groupJson(group, this.origin)),
      headers,
    );
  }

  private userById(id: string): FakeUser {
    const user = this.org.users[this.positions.of(this.org.users, id, (candidate) => candidate.id)];
    if (!user) throw new Error(`FakeOktaServer: the org has no user ${id}`);
    return user;
  }

  private appGroups(url: URL, res: ServerResponse, appId: string) {
    const { org, origin } = this;
    const { page, headers } = this.page(url, org.apps[appId]!.groups, (assignment) => assignment.id, LIMITS.appGroups);
    const expandGroup = url.searchParams.get("expand") === "group";
    const body = page.map((assignment) => {
      const group = org.groups.find((candidate) => candidate.id === assignment.id);
      return {
        id: assignment.id,
        lastUpdated: "2026-02-02T11:10:03.000Z",
        priority: assignment.priority,
        profile: assignment.profile,
        _links: {
          app: { href: `${origin}/api/v1/apps/${appId}` },
          self: { href: `${origin}/api/v1/apps/${appId}/groups/${assignment.id}` },
          group: { href: `${origin}/api/v1/groups/${assignment.id}` },
        },
        ...(expandGroup && group ? { _embedded: { group: groupJson(group, origin) } } : {}),
      };
    });
    return this.send(res, 200, body, headers);
  }

  private appUsers(url: URL, res: ServerResponse, appId: string) {
    const { origin } = this;
    const { page, headers } = this.page(url, this.org.apps[appId]!.users, (appUser) => appUser.userId, LIMITS.appUsers);
    const expandUser = url.searchParams.get("expand") === "user";
    const body = page.map((appUser) => {
      const user = this.userById(appUser.userId);
      const [given, family] = user.login.split("@")[0]!.split(".");
      return {
        id: user.id,
        externalId: appUser.syncState === "SYNCHRONIZED" || appUser.syncState === undefined ? `ext-${user.id}` : null,
        created: "2026-02-02T11:15:32.000Z",
        lastUpdated: "2026-02-02T11:15:32.000Z",
        scope: appUser.scope,
        status: appUser.status ?? "PROVISIONED",
        statusChanged: "2026-02-02T11:15:32.000Z",
        passwordChanged: null,
        syncState: appUser.syncState ?? "SYNCHRONIZED",
        credentials: { userName: user.login },
        profile: {
          zoneinfo: "America/Los_Angeles",
          given_name: given ?? null,
          family_name: family ?? null,
          locale: "en_US",
          name: [given, family].filter(Boolean).join(" "),
          email: user.email ?? user.login,
          statsigOrgRole: appUser.role ?? null,
        },
        _links: { app: { href: `${origin}/api/v1/apps/${appId}` }, user: { href: `${origin}/api/v1/users/${user.id}` } },
        ...(expandUser ? { _embedded: { user: this.user(user) } } : {}),
      };
    });
    return this.send(res, 200, body, headers);
  }

  private user(user: FakeUser) {
    const [given, family] = user.login.split("@")[0]!.split(".");
    return {
      id: user.id,
      status: user.status,
      created: "2024-01-09T15:36:04.000Z",
      activated: user.status === "STAGED" ? null : "2024-01-09T15:36:05.000Z",
      statusChanged: "2024-01-09T15:36:05.000Z",
      lastLogin: null,
      lastUpdated: "2024-01-09T15:36:05.000Z",
      passwordChanged: "2024-01-09T15:36:05.000Z",
      type: { id: user.typeId ?? defaultUserType(this.org).id },
      profile: {
        firstName: given ?? null,
        lastName: family ?? null,
        mobilePhone: null,
        secondEmail: null,
        login: user.login,
        email: user.email ?? user.login,
        ...user.attributes,
      },
      credentials: { password: {}, provider: { type: "OKTA", name: "OKTA" } },
      _links: { self: { href: `${this.origin}/api/v1/users/${user.id}` } },
    };
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
