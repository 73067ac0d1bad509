/**
 * A fake Okta org on 127.0.0.1 (random port) for `statsig-okta roles`, small enough to serve 50,000 app users
 * to the benchmark (bench/roles.cjs loads this file too, so it imports only Node built-ins). Shapes:
 * - app users (`/api/v1/apps/{id}/users`): recorded pairs 8-9 of shared/reference/okta-recorded.json (`scope`
 *   USER/GROUP, `status`, `syncState`, `credentials.userName`, a SCIM-style `profile`, `_links.app`/`user`),
 *   with `_embedded.user` under `expand=user` as in the spec's `AppUserListEx`;
 * - app group assignments (`/api/v1/apps/{id}/groups`): recorded pair 3 (`id`, `priority`, `profile`, `_links`),
 *   with `_embedded.group` under `expand=group` (spec `ApplicationGroupAssignment._embedded`, `Group`);
 * - group members (`/api/v1/groups/{id}/users`): recorded pair 11 (a list), items shaped as the spec's
 *   `ListUsersResponse` example;
 * - user types and mappings as test/check/fakeOktaServer.ts (spec `UserType`, `ProfileMapping`);
 * - pagination by `Link: <…>; rel="next"` with an `after` cursor (one Link header per relation, as Okta), page
 *   sizes capped at the spec's maximum for each endpoint; Okta's `Error` bodies; 429 with `x-rate-limit-reset`.
 * It records every request and knows nothing of what a test expects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface FakeUser {
  id: string;
  login: string;
  /** Okta user status: ACTIVE, STAGED, SUSPENDED, DEPROVISIONED, … */
  status: string;
  /** Custom profile attributes of the Okta user (e.g. `statsigOrgRole`). */
  attributes?: Record<string, string | null>;
}

export interface FakeAppUser {
  userId: string;
  scope: "USER" | "GROUP";
  /** App user status; default PROVISIONED. */
  status?: string;
  /** Default SYNCHRONIZED. */
  syncState?: string;
  /** The app user's `statsigOrgRole`; absent or null when it has none. */
  role?: string | null;
}

export interface FakeGroup {
  id: string;
  name: string;
  members: string[];
}

export interface FakeAssignment {
  groupId: string;
  priority: number;
  profile: Record<string, unknown>;
}

export interface FakeRolesOrg {
  appId: string;
  userTypeId: string;
  users: FakeUser[];
  groups: FakeGroup[];
  /** The app's group assignments, in the order Okta lists them. */
  assignments: FakeAssignment[];
  /** The app's users, in the order Okta lists them. */
  appUsers: FakeAppUser[];
  /** The properties of the Okta -> app mapping (Okta keeps one mapping object per pair, with defaults). */
  oktaToApp: Record<string, { expression: string; pushStatus: "PUSH" | "DONT_PUSH" }>;
}

export interface FakeOptions {
  /** The API token accepted as `SSWS <token>`. */
  apiToken: string;
  /** Smaller pages than Okta's maximum, to exercise pagination with few users. */
  maxPageSize?: number;
  /** 1-based numbers of the API requests that answer 429 (once each), with the reset one second ahead. */
  rateLimitRequests?: number[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
}

/** The largest `limit` each list accepts, from the spec (`queryAppLimit`, `queryGroupAssignmentLimit`, `listGroupUsers`). */
const MAX_LIMIT = { appUsers: 500, appGroups: 200, groupMembers: 1000 };
const DEFAULT_LIMIT = { appUsers: 50, appGroups: 20, groupMembers: 1000 };

const errorBody = (code: string, summary: string) => ({
  errorCode: code,
  errorSummary: summary,
  errorLink: code,
  errorId: "oaeFake",
  errorCauses: [],
});

export class FakeRolesOkta {
  readonly requests: RecordedRequest[] = [];
  origin = "";
  private server?: Server;
  private apiRequests = 0;
  private readonly usersById: Map<string, FakeUser>;
  private readonly appUserIndex: Map<string, number>;

  constructor(
    readonly org: FakeRolesOrg,
    readonly options: FakeOptions,
  ) {
    this.usersById = new Map(org.users.map((user) => [user.id, user]));
    this.appUserIndex = new Map(org.appUsers.map((appUser, index) => [appUser.userId, index]));
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on("end", () => this.handle(req, res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | string[]> = {}) {
    res.writeHead(status, { "Content-Type": "application/json", Date: new Date().toUTCString(), ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    this.requests.push({
      method: req.method ?? "",
      path: `${url.pathname}${url.search}`,
      ...(req.headers.authorization !== undefined ? { authorization: req.headers.authorization } : {}),
    });
    // The org authorization server refuses every client: OAuth itself is tested with test/check/fakeOktaServer.ts.
    if (req.method === "POST" && url.pathname === "/oauth2/v1/token") {
      return this.send(res, 400, { error: "invalid_scope", error_description: "The following scopes are not allowed" });
    }
    if (req.method !== "GET") return this.send(res, 405, errorBody("E0000022", "The endpoint does not support the provided HTTP method"));
    if (req.headers.authorization !== `SSWS ${this.options.apiToken}`)
      return this.send(res, 401, errorBody("E0000011", "Invalid token provided"));
    this.apiRequests++;
    if (this.options.rateLimitRequests?.includes(this.apiRequests)) {
      return this.send(res, 429, errorBody("E0000047", "API call exceeded rate limit due to too many requests."), {
        "x-rate-limit-limit": "100",
        "x-rate-limit-remaining": "0",
        "x-rate-limit-reset": String(Math.floor(Date.now() / 1000) + 1),
      });
    }
    this.route(url, res);
  }

  /** One page of `items` after the `after` cursor (an item id), with Okta's `Link` headers. */
  private page<T>(url: URL, items: T[], idOf: (item: T) => string, indexOf: (id: string) => number, max: number, fallback: number) {
    const asked = Number(url.searchParams.get("limit") ?? fallback);
    const limit = Math.max(1, Math.min(Number.isFinite(asked) ? asked : fallback, max, this.options.maxPageSize ?? max));
    const after = url.searchParams.get("after");
    const start = after === null ? 0 : indexOf(after) + 1;
    const page = items.slice(start, start + limit);
    const self = new URL(url.href);
    const links = [`<${self.href}>; rel="self"`];
    if (start + limit < items.length) {
      const next = new URL(url.href);
      next.searchParams.set("after", idOf(page[page.length - 1]!));
      links.push(`<${next.href}>; rel="next"`);
    }
    return { page, headers: { Link: links } };
  }

  private route(url: URL, res: ServerResponse) {
    const { org, origin } = this;
    const path = url.pathname;
    let match: RegExpExecArray | null;
    if (path === "/api/v1/meta/types/user") {
      return this.send(res, 200, [
        {
          id: org.userTypeId,
          displayName: "User",
          name: "user",
          default: true,
          _links: { schema: { href: `${origin}/api/v1/meta/schemas/user/osc${org.userTypeId.slice(3)}` } },
        },
      ]);
    }
    const mapping = {
      id: "prmoktatoappmapping1",
      source: { id: org.userTypeId, name: "user", type: "user" },
      target: { id: org.appId, name: "statsig_scim", type: "appuser" },
      _links: { self: { href: `${origin}/api/v1/mappings/prmoktatoappmapping1` } },
    };
    if (path === "/api/v1/mappings") {
      const matches = url.searchParams.get("sourceId") === org.userTypeId && url.searchParams.get("targetId") === org.appId;
      return this.send(res, 200, matches ? [mapping] : []);
    }
    if (path === `/api/v1/mappings/${mapping.id}`) return this.send(res, 200, { ...mapping, properties: org.oktaToApp });

    if ((match = /^\/api\/v1\/apps\/([^/]+)\/(groups|users)$/.exec(path))) {
      if (match[1] !== org.appId)
        return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${match[1]} (AppInstance)`));
      return match[2] === "groups" ? this.appGroups(url, res) : this.appUsers(url, res);
    }
    if ((match = /^\/api\/v1\/groups\/([^/]+)\/users$/.exec(path))) {
      const group = org.groups.find((candidate) => candidate.id === match![1]);
      if (!group) return this.send(res, 404, errorBody("E0000007", `Not found: Resource not found: ${match[1]} (UserGroup)`));
      const position = new Map(group.members.map((id, index) => [id, index]));
      const { page, headers } = this.page(
        url,
        group.members,
        (id) => id,
        (id) => position.get(id) ?? -1,
        MAX_LIMIT.groupMembers,
        DEFAULT_LIMIT.groupMembers,
      );
      return this.send(
        res,
        200,
        page.map((id) => this.user(this.usersById.get(id)!)),
        headers,
      );
    }
    return this.send(res, 404, errorBody("E0000022", "The endpoint does not support the provided HTTP method"));
  }

  private appGroups(url: URL, res: ServerResponse) {
    const { org, origin } = this;
    const { page, headers } = this.page(
      url,
      org.assignments,
      (a) => a.groupId,
      (id) => org.assignments.findIndex((a) => a.groupId === id),
      MAX_LIMIT.appGroups,
      DEFAULT_LIMIT.appGroups,
    );
    const expandGroup = url.searchParams.get("expand") === "group";
    const body = page.map((assignment) => {
      const group = org.groups.find((candidate) => candidate.id === assignment.groupId);
      return {
        id: assignment.groupId,
        lastUpdated: "2026-02-02T11:10:03.000Z",
        priority: assignment.priority,
        profile: assignment.profile,
        _links: {
          app: { href: `${origin}/api/v1/apps/${org.appId}` },
          self: { href: `${origin}/api/v1/apps/${org.appId}/groups/${assignment.groupId}` },
          group: { href: `${origin}/api/v1/groups/${assignment.groupId}` },
        },
        ...(expandGroup && group
          ? {
              _embedded: {
                group: {
                  id: group.id,
                  created: "2024-01-09T15:36:04.000Z",
                  lastUpdated: "2024-01-09T15:36:04.000Z",
                  lastMembershipUpdated: "2024-01-09T15:36:04.000Z",
                  objectClass: ["okta:user_group"],
                  type: "OKTA_GROUP",
                  profile: { name: group.name, description: null },
                  _links: { self: { href: `${origin}/api/v1/groups/${group.id}` } },
                },
              },
            }
          : {}),
      };
    });
    return this.send(res, 200, body, headers);
  }

  private appUsers(url: URL, res: ServerResponse) {
    const { org, origin } = this;
    const { page, headers } = this.page(
      url,
      org.appUsers,
      (appUser) => appUser.userId,
      (id) => this.appUserIndex.get(id) ?? -1,
      MAX_LIMIT.appUsers,
      DEFAULT_LIMIT.appUsers,
    );
    const expandUser = url.searchParams.get("expand") === "user";
    const body = page.map((appUser) => {
      const user = this.usersById.get(appUser.userId)!;
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
          email: user.login,
          statsigOrgRole: appUser.role ?? null,
        },
        _links: { app: { href: `${origin}/api/v1/apps/${org.appId}` }, user: { href: `${origin}/api/v1/users/${user.id}` } },
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
      type: { id: this.org.userTypeId },
      profile: {
        firstName: given ?? null,
        lastName: family ?? null,
        mobilePhone: null,
        secondEmail: null,
        login: user.login,
        email: user.login,
        ...user.attributes,
      },
      credentials: { password: {}, provider: { type: "OKTA", name: "OKTA" } },
      _links: { self: { href: `${this.origin}/api/v1/users/${user.id}` } },
    };
  }
}
