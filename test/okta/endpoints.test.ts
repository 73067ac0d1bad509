/**
 * One function per endpoint, with an injected fetch: the GET each sends (path and query as Okta's spec names
 * them), the typed answer it returns, and what a 404 says. Pages follow `Link: <…>; rel="next"`.
 */
import { describe, expect, it } from "vitest";
import { OktaClient } from "../../src/okta/client";
import {
  getAppUserSchema,
  getGroup,
  getProfileMapping,
  getUserSchema,
  listAppGroupAssignments,
  listAppUsers,
  listGroupMembers,
  listGroupPushMappings,
  listProfileMappings,
  listUserTypes,
  PAGE_SIZE,
} from "../../src/okta/endpoints";
import { apiTokenStub } from "../support/stubAuth";

const ORIGIN = "https://acme.okta.com";
const APP = "0oa1b2c3d4e5f6g7h8i9";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const NOT_FOUND = { errorCode: "E0000007", errorSummary: "Not found: Resource not found" };

/** A client whose fetch answers `routes[path and query]` (404 otherwise), recording each request. */
function clientFor(routes: Record<string, Response | (() => Response)>) {
  const requests: { method: string; path: string }[] = [];
  const fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = `${url.pathname}${url.search}`;
    requests.push({ method: init?.method ?? "GET", path });
    const route = routes[path];
    return typeof route === "function" ? route() : (route ?? json(NOT_FOUND, 404));
  }) as typeof globalThis.fetch;
  return { client: new OktaClient({ origin: ORIGIN, auth: apiTokenStub("test"), fetch, command: "check", log: () => {} }), requests };
}

const all = async <T>(pages: AsyncIterable<T[]>): Promise<T[]> => {
  const items: T[] = [];
  for await (const page of pages) items.push(...page);
  return items;
};

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e as Error).message,
  );

describe("one function per endpoint", () => {
  it("listUserTypes: the list, and an error for anything else", async () => {
    const types = [{ id: "oty1", name: "user", default: true }];
    expect(await listUserTypes(clientFor({ "/api/v1/meta/types/user": json(types) }).client)).toEqual(types);
    expect(await failure(listUserTypes(clientFor({ "/api/v1/meta/types/user": json({ id: "x" }) }).client))).toBe(
      "GET /api/v1/meta/types/user: Okta answered with something other than a list",
    );
  });

  it("getUserSchema: by the type's schema link, on the org's origin whatever host the link names", async () => {
    const schema = { definitions: { custom: { properties: { statsigOrgRole: { type: "string" } } } } };
    const { client, requests } = clientFor({
      "/api/v1/meta/schemas/user/osc1": json(schema),
      "/api/v1/meta/schemas/user/default": json({}),
    });
    const linked = { id: "oty1", _links: { schema: { href: "https://elsewhere.example/api/v1/meta/schemas/user/osc1" } } };
    expect(await getUserSchema(client, linked)).toEqual(schema);
    // Without a link: the default type's schema by name; any other type cannot be found.
    expect(await getUserSchema(client, { id: "oty0", default: true })).toEqual({});
    expect(await failure(getUserSchema(client, { id: "oty2" }))).toBe("Okta gave no schema link for user type oty2");
    expect(await failure(getUserSchema(client, { id: "oty3", _links: { schema: { href: `${ORIGIN}/api/v1/users/me` } } }))).toBe(
      "Okta returned a link outside /api/v1/meta/schemas/user/: /api/v1/users/me",
    );
    expect(requests.map((r) => r.path)).toEqual(["/api/v1/meta/schemas/user/osc1", "/api/v1/meta/schemas/user/default"]);
    expect(await failure(getUserSchema(client, { id: "otygone", _links: { schema: { href: "/api/v1/meta/schemas/user/oscgone" } } }))).toBe(
      "GET /api/v1/meta/schemas/user/oscgone: 404 error (E0000007 Not found: Resource not found): the schema of user type otygone is gone",
    );
  });

  it("getAppUserSchema: the app's default schema, and a 404 naming the app", async () => {
    const { client, requests } = clientFor({ [`/api/v1/meta/schemas/apps/${APP}/default`]: json({ definitions: {} }) });
    expect(await getAppUserSchema(client, APP)).toEqual({ definitions: {} });
    expect(await failure(getAppUserSchema(client, "0oa/../x"))).toMatch(
      /^GET \/api\/v1\/meta\/schemas\/apps\/0oa%2F\.\.%2Fx\/default: 404 .*: Okta has no app 0oa\/\.\.\/x with a user schema: check the app id/,
    );
    expect(requests.map((r) => r.path)[0]).toBe(`/api/v1/meta/schemas/apps/${APP}/default`);
  });

  it("listProfileMappings by pair, getProfileMapping by id", async () => {
    const summary = { id: "prm1", source: { id: APP }, target: { id: "oty1" } };
    const { client } = clientFor({
      [`/api/v1/mappings?sourceId=${APP}&targetId=oty1`]: json([summary]),
      "/api/v1/mappings/prm1": json({ ...summary, properties: { statsigOrgRole: { expression: "appuser.statsigOrgRole" } } }),
    });
    expect(await listProfileMappings(client, APP, "oty1")).toEqual([summary]);
    expect((await getProfileMapping(client, "prm1")).properties).toEqual({ statsigOrgRole: { expression: "appuser.statsigOrgRole" } });
    expect(await failure(getProfileMapping(client, "prmgone"))).toMatch(/404 .*: mapping prmgone disappeared while reading it$/);
  });

  it("listAppGroupAssignments: the largest pages, the groups embedded on request, every page followed", async () => {
    const first = `/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}&expand=group`;
    const next = `/api/v1/apps/${APP}/groups?after=00g1&limit=${PAGE_SIZE.appGroups}&expand=group`;
    const { client, requests } = clientFor({
      [first]: json([{ id: "00g1", _embedded: { group: { profile: { name: "One" } } } }], 200, { link: `<${ORIGIN}${next}>; rel="next"` }),
      [next]: json([{ id: "00g2" }]),
      [`/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}`]: json([{ id: "00g3", priority: 0 }]),
    });
    expect((await all(listAppGroupAssignments(client, APP, { expandGroup: true }))).map((a) => a.id)).toEqual(["00g1", "00g2"]);
    expect(await all(listAppGroupAssignments(client, APP))).toEqual([{ id: "00g3", priority: 0 }]);
    expect(requests.map((r) => r.path)).toEqual([first, next, `/api/v1/apps/${APP}/groups?limit=200`]);
    expect(await failure(all(listAppGroupAssignments(client, "0oanosuchapp00000001")))).toMatch(
      /404 .*: Okta has no app 0oanosuchapp00000001: check the app id$/,
    );
  });

  it("listAppUsers: 500 per page with the Okta user embedded", async () => {
    const path = `/api/v1/apps/${APP}/users?limit=500&expand=user`;
    const { client } = clientFor({ [path]: json([{ id: "00u1", scope: "USER", _embedded: { user: { status: "ACTIVE" } } }]) });
    expect(await all(listAppUsers(client, APP))).toEqual([{ id: "00u1", scope: "USER", _embedded: { user: { status: "ACTIVE" } } }]);
    expect(await failure(all(listAppUsers(client, "0oanosuchapp00000001")))).toMatch(
      /: Okta has no app 0oanosuchapp00000001: check the app id$/,
    );
  });

  it("listGroupMembers and getGroup, with the caller's words for a missing group", async () => {
    const { client, requests } = clientFor({
      "/api/v1/groups/00g1/users?limit=1000": json([{ id: "00u1", status: "STAGED", profile: { login: "a@example.com" } }]),
      "/api/v1/groups/00g1": json({ id: "00g1", profile: { name: "Statsig-Web-Member" } }),
    });
    expect(await all(listGroupMembers(client, "00g1", "unused"))).toEqual([
      { id: "00u1", status: "STAGED", profile: { login: "a@example.com" } },
    ]);
    expect(await getGroup(client, "00g1", "unused")).toEqual({ id: "00g1", profile: { name: "Statsig-Web-Member" } });
    expect(await failure(all(listGroupMembers(client, "00ggone", "the group is gone")))).toMatch(/: the group is gone$/);
    expect(await failure(getGroup(client, "00ggone", "the target is gone"))).toMatch(/: the target is gone$/);
    expect(requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("listGroupPushMappings: 1000 per page, and a 404 that names provisioning", async () => {
    const path = `/api/v1/apps/${APP}/group-push/mappings?limit=${PAGE_SIZE.pushMappings}`;
    const { client } = clientFor({ [path]: json([{ id: "gPm1", sourceGroupId: "00g1", status: "ACTIVE" }]) });
    expect(await listGroupPushMappings(client, APP)).toEqual([{ id: "gPm1", sourceGroupId: "00g1", status: "ACTIVE" }]);
    expect(PAGE_SIZE.pushMappings).toBe(1000);
    expect(await failure(listGroupPushMappings(client, "0oax"))).toMatch(
      /: Okta has no app 0oax, or it has no provisioning \(group push needs it\)$/,
    );
  });
});
