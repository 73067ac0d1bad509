/**
 * A fake Statsig SCIM API on 127.0.0.1 (random port), for `roles --statsig` and `check --statsig`, beside the
 * fake Okta org (fakeOktaServer.ts). Statsig's SCIM spec (statsig-io/docs `access-management/scim/scimopenapi.json`)
 * gives the paths and query parameters (`GET /scim/Users`, `/scim/Groups` with `filter`, `startIndex`, `count`;
 * `/scim/Users/{id}`, `/scim/Groups/{id}`) and the user's fields (`ScimCreateUserDto`: `userName`, `name`,
 * `emails`, `active`, `statsigOrgRole`), but no response: answers follow RFC 7644 (section 3.4.2 list
 * responses: `schemas`, `totalResults`, `startIndex`, `itemsPerPage`, `Resources`; section 3.12 errors:
 * `schemas`, `detail`, `status`) and RFC 7643 (core user and group, `members` with `value` and `display`).
 * - Paging: 1-based `startIndex` (below 1 read as 1), `count` capped at the server's page size, which may be
 *   smaller than asked (RFC 7644 section 3.4.2.4);
 * - `Authorization: Bearer <key>`, 401 otherwise; a method other than GET is refused (405) and recorded, so
 *   tests can assert none was sent;
 * - 429 with `Retry-After` on the requests a test names;
 * - fields left out as a user says (no `emails`, no `active`, no role), the role at the top level or under
 *   the core user schema's URN.
 * It records every request and knows nothing of what a test expects.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

export interface ScimUserSetup {
  id: string;
  userName: string;
  /** Default: one primary email, the userName. `null`: no `emails` at all. */
  emails?: { value: string; primary?: boolean }[] | null;
  /** Default true; `null` leaves `active` out. */
  active?: boolean | null;
  /** `statsigOrgRole`; undefined leaves it out. */
  role?: string | null;
  /** Where the role is: the top level (default) or under the core user schema's URN. */
  roleAt?: "top" | "urn";
}

export interface ScimGroupSetup {
  id: string;
  displayName: string;
  /** Member user ids. */
  members: string[];
}

export interface StatsigSetup {
  users: ScimUserSetup[];
  groups: ScimGroupSetup[];
}

/** One project as its Console API shows it (`UserContractDto`, `TeamDto`), by the project's key. */
export interface ConsoleProjectSetup {
  users: { email: string; role: string }[];
  teams: { name: string; members: string[]; admins: string[] }[];
}

export interface FakeStatsigOptions {
  /**
   * The Console API (`/console/v1/users`, `/console/v1/users/teams`, header `STATSIG-API-KEY`), by key. Paged by
   * `page` and `limit` (at most `pageSize`) with `pagination.nextPage`, as the Console API spec's example. A
   * wrong key gets the spec's 401, which quotes the key it was sent.
   */
  consoles?: Record<string, ConsoleProjectSetup>;
  /** The SCIM key accepted as `Bearer <key>`. */
  token: string;
  /** The most items on one page, whatever `count` asks (default 100). */
  pageSize?: number;
  /** 1-based numbers of the GETs that answer 429 once each, with this `Retry-After` (default "1"). */
  rateLimitRequests?: number[];
  retryAfter?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export class FakeStatsigServer {
  readonly requests: RecordedRequest[] = [];
  origin = "";
  private server?: Server;
  private gets = 0;

  constructor(
    readonly org: StatsigSetup,
    readonly options: FakeStatsigOptions,
  ) {}

  /** The SCIM base URL, as `--statsig-url` takes it. */
  get url(): string {
    return `${this.origin}/scim`;
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
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "Content-Type": "application/scim+json", ...headers });
    res.end(JSON.stringify(body));
  }

  private error(res: ServerResponse, status: number, detail: string, headers: Record<string, string> = {}) {
    this.send(res, status, { schemas: [ERROR], detail, status: String(status) }, headers);
  }

  private console(req: IncomingMessage, res: ServerResponse, url: URL) {
    const key = req.headers["statsig-api-key"];
    const project = typeof key === "string" ? this.options.consoles?.[key] : undefined;
    if (!project) {
      res.writeHead(401, { "Content-Type": "application/json" });
      return res.end(
        JSON.stringify({
          status: 401,
          message: `This endpoint only accepts an active CONSOLE key, but an invalid key was sent. Key: ${String(key)}`,
        }),
      );
    }
    const pageSize = this.options.pageSize ?? 100;
    if (url.pathname === "/console/v1/users")
      return consolePage(
        res,
        url,
        project.users.map((u) => ({ ...u, firstName: "", lastName: "" })),
        pageSize,
      );
    if (url.pathname === "/console/v1/users/teams") {
      const person = (email: string) => ({
        email,
        firstName: "",
        lastName: "",
        role: project.users.find((u) => u.email === email)?.role ?? "member",
      });
      const teams = project.teams.map((team) => ({ name: team.name, members: team.members.map(person), admins: team.admins.map(person) }));
      return consolePage(res, url, teams, pageSize);
    }
    return this.error(res, 404, "Not found");
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", this.origin);
    this.requests.push({ method: req.method ?? "", path: `${url.pathname}${url.search}`, headers: req.headers });
    if (req.method !== "GET") return this.error(res, 405, `${req.method} is not allowed by this fake`);
    if (url.pathname.startsWith("/console/v1/")) return this.console(req, res, url);
    if (req.headers.authorization !== `Bearer ${this.options.token}`) return this.error(res, 401, "Unauthorized");
    this.gets++;
    if (this.options.rateLimitRequests?.includes(this.gets)) {
      return this.error(res, 429, "Too many requests", { "Retry-After": this.options.retryAfter ?? "1" });
    }
    const match = /^\/scim\/(Users|Groups)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return this.error(res, 404, "Not found");
    if (url.searchParams.has("filter"))
      return this.send(res, 400, { schemas: [ERROR], scimType: "invalidFilter", detail: "filter is not supported here", status: "400" });
    // Only the page asked for is turned into JSON: bench/roles.cjs serves 50,000 users from here.
    const render = (list: readonly (ScimUserSetup | ScimGroupSetup)[]) => {
      if (match[1] === "Users") return (list as ScimUserSetup[]).map(userJson);
      const names = new Map(this.org.users.map((user) => [user.id, user.userName]));
      return (list as ScimGroupSetup[]).map((group) => groupJson(group, names));
    };
    const all: readonly (ScimUserSetup | ScimGroupSetup)[] = match[1] === "Users" ? this.org.users : this.org.groups;
    if (match[2] !== undefined) {
      const one = all.filter((resource) => resource.id === decodeURIComponent(match[2]!));
      return one.length > 0 ? this.send(res, 200, render(one)[0]) : this.error(res, 404, "Resource not found");
    }
    const startIndex = Math.max(1, Number.parseInt(url.searchParams.get("startIndex") ?? "1", 10) || 1);
    const asked = Number.parseInt(url.searchParams.get("count") ?? "", 10);
    const pageSize = this.options.pageSize ?? 100;
    const count = Number.isFinite(asked) ? Math.max(0, Math.min(asked, pageSize)) : pageSize;
    const page = render(all.slice(startIndex - 1, startIndex - 1 + count));
    return this.send(res, 200, { schemas: [LIST], totalResults: all.length, startIndex, itemsPerPage: page.length, Resources: page });
  }
}

function consolePage(res: ServerResponse, url: URL, items: unknown[], pageSize: number) {
  const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
  const limit = Math.min(pageSize, Math.max(1, Number.parseInt(url.searchParams.get("limit") ?? "10", 10) || 10));
  const data = items.slice((page - 1) * limit, page * limit);
  const link = (n: number) => `${url.pathname}?page=${n}&limit=${limit}`;
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(
    JSON.stringify({
      message: "User listed successfully.",
      data,
      pagination: {
        itemsPerPage: limit,
        pageNumber: page,
        totalItems: items.length,
        nextPage: page * limit < items.length ? link(page + 1) : null,
        previousPage: page > 1 ? link(page - 1) : null,
        all: url.pathname,
      },
    }),
  );
}

function groupJson(group: ScimGroupSetup, names: ReadonlyMap<string, string>) {
  return {
    schemas: [CORE_GROUP],
    id: group.id,
    displayName: group.displayName,
    members: group.members.map((value) => ({ value, display: names.get(value) ?? value })),
    meta: { resourceType: "Group" },
  };
}

function userJson(user: ScimUserSetup) {
  const [givenName, familyName] = user.userName.split("@")[0]!.split(".");
  const role = user.role === undefined ? {} : { statsigOrgRole: user.role };
  return {
    schemas: [CORE_USER],
    id: user.id,
    userName: user.userName,
    name: { givenName: givenName ?? "", familyName: familyName ?? "" },
    ...(user.emails === null ? {} : { emails: user.emails ?? [{ value: user.userName, primary: true, type: "work" }] }),
    ...(user.active === null ? {} : { active: user.active ?? true }),
    ...(user.roleAt === "urn" ? { [CORE_USER]: role } : role),
    meta: { resourceType: "User" },
  };
}
