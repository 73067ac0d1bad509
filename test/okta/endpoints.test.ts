/**
 * One function per endpoint, with an injected fetch: the GET each sends (path and query as Okta's spec names
 * them), the answer it returns parsed with its schema (only the fields the commands use), what a 404 says, and
 * what an answer of another shape says. Pages follow `Link: <…>; rel="next"`. Answers are shaped as Okta's
 * spec and the provider's cassettes show them (`TestAccDataSourceOktaUserType_read`,
 * `TestAccResourceOktaAppUserSchemas_crud`, `TestAccResourceOktaProfileMapping_crud`).
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
const NS = "urn:ietf:params:scim:schemas:core:2.0:User";
const APP = "0oa1b2c3d4e5f6g7h8i9";

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
/** An answer as text, for JSON an object literal cannot say (a `__proto__` key). */
const raw = (text: string) => () => new Response(text, { status: 200, headers: { "content-type": "application/json" } });
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
  it("listUserTypes: the list, with only what the commands use", async () => {
    const types = [
      {
        id: "oty1",
        displayName: "User",
        name: "user",
        default: true,
        _links: { schema: { rel: "schema", href: `${ORIGIN}/api/v1/meta/schemas/user/osc1`, method: "GET" } },
      },
    ];
    expect(await listUserTypes(clientFor({ "/api/v1/meta/types/user": json(types) }).client)).toEqual([
      { id: "oty1", name: "user", default: true, _links: { schema: { href: `${ORIGIN}/api/v1/meta/schemas/user/osc1` } } },
    ]);
  });

  it("getUserSchema: by the type's schema link, on the org's origin whatever host the link names", async () => {
    const attribute = { title: "Statsig org role", type: "string", permissions: [{ principal: "SELF", action: "READ_ONLY" }] };
    const { client, requests } = clientFor({
      "/api/v1/meta/schemas/user/osc1": json(schemaWith({ statsigOrgRole: attribute })),
      "/api/v1/meta/schemas/user/default": json(schemaWith({})),
    });
    const linked = { id: "oty1", _links: { schema: { href: "https://elsewhere.example/api/v1/meta/schemas/user/osc1" } } };
    expect((await getUserSchema(client, linked, ["statsigOrgRole"])).definitions.custom.properties).toEqual(
      new Map([["statsigOrgRole", { type: "string", permissions: [{ principal: "SELF", action: "READ_ONLY" }] }]]),
    );
    // Without a link: the default type's schema by name; any other type cannot be found.
    expect((await getUserSchema(client, { id: "oty0", default: true }, ["statsigOrgRole"])).definitions.custom.properties).toEqual(
      new Map(),
    );
    expect(await failure(getUserSchema(client, { id: "oty2" }, ["statsigOrgRole"]))).toBe("Okta gave no schema link for user type oty2");
    expect(
      await failure(getUserSchema(client, { id: "oty3", _links: { schema: { href: `${ORIGIN}/api/v1/users/me` } } }, ["statsigOrgRole"])),
    ).toBe("Okta returned a link outside /api/v1/meta/schemas/user/: /api/v1/users/me");
    expect(requests.map((r) => r.path)).toEqual(["/api/v1/meta/schemas/user/osc1", "/api/v1/meta/schemas/user/default"]);
    expect(
      await failure(
        getUserSchema(client, { id: "otygone", _links: { schema: { href: "/api/v1/meta/schemas/user/oscgone" } } }, ["statsigOrgRole"]),
      ),
    ).toBe(
      "GET /api/v1/meta/schemas/user/oscgone: 404 error (E0000007 Not found: Resource not found): the schema of user type otygone is gone",
    );
  });

  it("getAppUserSchema: the app's default schema, whose attributes Okta answers without permissions or master, and a 404 naming the app", async () => {
    const appAttribute = {
      title: "Statsig org role",
      type: "string",
      scope: "SELF",
      externalName: "statsigOrgRole",
      externalNamespace: NS,
    };
    const { client, requests } = clientFor({
      [`/api/v1/meta/schemas/apps/${APP}/default`]: json(schemaWith({ statsigOrgRole: appAttribute })),
    });
    const { title: _title, ...used } = appAttribute;
    expect((await getAppUserSchema(client, APP, ["statsigOrgRole"])).definitions.custom.properties.get("statsigOrgRole")).toEqual(used);
    expect(await failure(getAppUserSchema(client, "0oa/../x", ["statsigOrgRole"]))).toMatch(
      /^GET \/api\/v1\/meta\/schemas\/apps\/0oa%2F\.\.%2Fx\/default: 404 .*: Okta has no app 0oa\/\.\.\/x with a user schema: check the app id/,
    );
    expect(requests.map((r) => r.path)[0]).toBe(`/api/v1/meta/schemas/apps/${APP}/default`);
  });

  it("listProfileMappings by pair, getProfileMapping by id", async () => {
    const summary = {
      id: "prm1",
      source: { id: APP, name: "statsig", type: "appuser" },
      target: { id: "oty1", name: "user", type: "user" },
    };
    const { client } = clientFor({
      [`/api/v1/mappings?sourceId=${APP}&targetId=oty1`]: json([summary]),
      "/api/v1/mappings/prm1": json({ ...summary, properties: { statsigOrgRole: { expression: "appuser.statsigOrgRole" }, login: null } }),
    });
    expect(await listProfileMappings(client, APP, "oty1")).toEqual([{ id: "prm1", source: { id: APP }, target: { id: "oty1" } }]);
    expect((await getProfileMapping(client, "prm1", ["statsigOrgRole", "login", "email"])).properties).toEqual(
      new Map([
        ["statsigOrgRole", { expression: "appuser.statsigOrgRole" }],
        ["login", null],
      ]),
    );
    expect(await failure(getProfileMapping(client, "prmgone", ["statsigOrgRole"]))).toMatch(
      /404 .*: mapping prmgone disappeared while reading it$/,
    );
  });

  it("listAppGroupAssignments: the largest pages, the groups embedded on request, every page followed", async () => {
    const first = `/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}&expand=group`;
    const next = `/api/v1/apps/${APP}/groups?after=00g1&limit=${PAGE_SIZE.appGroups}&expand=group`;
    const { client, requests } = clientFor({
      [first]: json([{ id: "00g1", priority: 1, profile: {}, _embedded: { group: { profile: { name: "One" } } } }], 200, {
        link: `<${ORIGIN}${next}>; rel="next"`,
      }),
      [next]: json([{ id: "00g2", priority: 2, profile: { statsigOrgRole: null } }]),
      [`/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}`]: json([
        { id: "00g3", priority: 0, profile: { statsigOrgRole: "Admin" } },
      ]),
    });
    expect((await all(listAppGroupAssignments(client, APP, { expandGroup: true }))).map((a) => a.id)).toEqual(["00g1", "00g2"]);
    expect(await all(listAppGroupAssignments(client, APP))).toEqual([{ id: "00g3", priority: 0, profile: { statsigOrgRole: "Admin" } }]);
    expect(requests.map((r) => r.path)).toEqual([first, next, `/api/v1/apps/${APP}/groups?limit=200`]);
    expect(await failure(all(listAppGroupAssignments(client, "0oanosuchapp00000001")))).toMatch(
      /404 .*: Okta has no app 0oanosuchapp00000001: check the app id$/,
    );
  });

  it("listAppUsers: 500 per page with the Okta user embedded: its status, login, email and the configured attribute", async () => {
    const path = `/api/v1/apps/${APP}/users?limit=500&expand=user`;
    const appUser = {
      id: "00u1",
      scope: "USER",
      status: "PROVISIONED",
      syncState: "SYNCHRONIZED",
      credentials: { userName: "a@example.com" },
      profile: { email: "a@example.com", statsigOrgRole: "Admin" },
      _embedded: {
        user: { status: "ACTIVE", profile: { login: "a@example.com", email: "a@example.com", firstName: "A", stagingRole: "Member" } },
      },
    };
    const bare = { id: "00u2", profile: { statsigOrgRole: null }, _embedded: { user: { profile: {} } } };
    const { client } = clientFor({ [path]: json([appUser, bare]) });
    expect(await all(listAppUsers(client, APP, "stagingRole"))).toEqual([
      {
        ...appUser,
        profile: { statsigOrgRole: "Admin", email: "a@example.com" },
        _embedded: {
          user: {
            status: "ACTIVE",
            profile: new Map([
              ["login", "a@example.com"],
              ["email", "a@example.com"],
              ["stagingRole", "Member"],
            ]),
          },
        },
      },
      { ...bare, _embedded: { user: { profile: new Map() } } },
    ]);
    expect(await failure(all(listAppUsers(client, "0oanosuchapp00000001", "statsigOrgRole")))).toMatch(
      /: Okta has no app 0oanosuchapp00000001: check the app id$/,
    );
  });

  it("listGroupMembers and getGroup, with the caller's words for a missing group", async () => {
    const { client, requests } = clientFor({
      "/api/v1/groups/00g1/users?limit=1000": json([
        { id: "00u1", status: "STAGED", profile: { login: "a@example.com", email: "a@example.com" } },
      ]),
      "/api/v1/groups/00g1": json({
        id: "00g1",
        objectClass: ["okta:user_group"],
        profile: { name: "Statsig-Web-Member", description: null },
      }),
    });
    expect(await all(listGroupMembers(client, "00g1", "unused"))).toEqual([
      { id: "00u1", status: "STAGED", profile: { login: "a@example.com" } },
    ]);
    expect(await getGroup(client, "00g1", "unused")).toEqual({ profile: { name: "Statsig-Web-Member" } });
    expect(await failure(all(listGroupMembers(client, "00ggone", "the group is gone")))).toMatch(/: the group is gone$/);
    expect(await failure(getGroup(client, "00ggone", "the target is gone"))).toMatch(/: the target is gone$/);
    expect(requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("listGroupPushMappings: 1000 per page, and a 404 that names provisioning", async () => {
    const path = `/api/v1/apps/${APP}/group-push/mappings?limit=${PAGE_SIZE.pushMappings}`;
    const { client } = clientFor({
      [path]: json([{ id: "gPm1", sourceGroupId: "00g1", status: "ACTIVE", created: "2026-03-25T06:09:58Z" }]),
    });
    expect(await listGroupPushMappings(client, APP)).toEqual([{ id: "gPm1", sourceGroupId: "00g1", status: "ACTIVE" }]);
    expect(PAGE_SIZE.pushMappings).toBe(1000);
    expect(await failure(listGroupPushMappings(client, "0oax"))).toMatch(
      /: Okta has no app 0oax, or it has no provisioning \(group push needs it\)$/,
    );
  });
});

describe("an answer of another shape is an error naming the request and the field, never a result", () => {
  const SHAPE = "Okta's answer is not what its API describes";
  const USERS = `/api/v1/apps/${APP}/users?limit=500&expand=user`;
  const GROUPS = `/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}`;
  const MAPPING = "/api/v1/mappings/prm1";
  const SCHEMA = `/api/v1/meta/schemas/apps/${APP}/default`;
  const one = (path: string, answer: Response | (() => Response)) => clientFor({ [path]: answer }).client;

  it.each<[string, string, unknown, (client: OktaClient) => Promise<unknown>, string]>([
    ["user types: not a list", "/api/v1/meta/types/user", { id: "x" }, listUserTypes, "expected array, got object"],
    ["user types: an empty answer", "/api/v1/meta/types/user", undefined, listUserTypes, "an empty answer (expected array)"],
    [
      "user types: a type without an id",
      "/api/v1/meta/types/user",
      [{ id: "oty1" }, { name: "user" }],
      listUserTypes,
      "[1].id: missing (expected string)",
    ],
    [
      "user types: default as text",
      "/api/v1/meta/types/user",
      [{ id: "oty1", default: "true" }],
      listUserTypes,
      "[0].default: expected boolean, got string",
    ],
    ["a schema of null", SCHEMA, null, (c) => getAppUserSchema(c, APP, ["statsigOrgRole"]), "expected object, got null"],
    [
      "a schema without custom attributes",
      SCHEMA,
      { definitions: { base: {} } },
      (c) => getAppUserSchema(c, APP, ["statsigOrgRole"]),
      "definitions.custom: missing (expected object)",
    ],
    [
      "an attribute whose enum holds objects",
      SCHEMA,
      schemaWith({ statsigOrgRole: { type: "string", enum: ["Member", { x: 1 }] } }),
      (c) => getAppUserSchema(c, APP, ["statsigOrgRole"]),
      "definitions.custom.properties.statsigOrgRole.enum[1]: expected string or number, got object",
    ],
    [
      "an attribute that is a list",
      SCHEMA,
      schemaWith({ "odd name": [] }),
      (c) => getAppUserSchema(c, APP, ["odd name"]),
      'definitions.custom.properties["odd name"]: expected object, got array',
    ],
    ["a mapping of null", MAPPING, null, (c) => getProfileMapping(c, "prm1", ["statsigOrgRole"]), "expected object, got null"],
    [
      "a mapping without properties",
      MAPPING,
      { id: "prm1" },
      (c) => getProfileMapping(c, "prm1", ["statsigOrgRole"]),
      "properties: missing (expected object)",
    ],
    [
      "a mapped property without an expression",
      MAPPING,
      { id: "prm1", properties: { statsigOrgRole: { pushStatus: "PUSH" } } },
      (c) => getProfileMapping(c, "prm1", ["statsigOrgRole"]),
      "properties.statsigOrgRole.expression: missing (expected string)",
    ],
    [
      "a mapping summary without its source",
      `/api/v1/mappings?sourceId=${APP}&targetId=oty1`,
      [{ id: "prm1", target: { id: "oty1" } }],
      (c) => listProfileMappings(c, APP, "oty1"),
      "[0].source: missing (expected object)",
    ],
    [
      "group assignments as numbers",
      GROUPS,
      [1, 2, 3],
      (c) => all(listAppGroupAssignments(c, APP)),
      "[0]: expected object, got number; [1]: expected object, got number; [2]: expected object, got number",
    ],
    [
      "a priority as text",
      GROUPS,
      [0, 1, 2, 3].map((i) => ({ id: `00g${i}`, priority: i === 3 ? "3" : i, profile: {} })),
      (c) => all(listAppGroupAssignments(c, APP)),
      "[3].priority: expected number, got string",
    ],
    [
      "a priority of 1.5",
      GROUPS,
      [{ id: "00g1", priority: 1.5, profile: {} }],
      (c) => all(listAppGroupAssignments(c, APP)),
      "[0].priority: expected integer, got 1.5",
    ],
    [
      "a role that is not text",
      GROUPS,
      [{ id: "00g1", priority: 1, profile: { statsigOrgRole: ["Owner"] } }],
      (c) => all(listAppGroupAssignments(c, APP)),
      "[0].profile.statsigOrgRole: expected string, got array",
    ],
    [
      "an assignment without its profile",
      GROUPS,
      [{ id: "00g1", priority: 1 }],
      (c) => all(listAppGroupAssignments(c, APP)),
      "[0].profile: missing (expected object)",
    ],
    ["app users as numbers", USERS, [1], (c) => all(listAppUsers(c, APP, "statsigOrgRole")), "[0]: expected object, got number"],
    [
      "an app user without an id",
      USERS,
      [{ profile: {}, _embedded: { user: { profile: {} } } }],
      (c) => all(listAppUsers(c, APP, "statsigOrgRole")),
      "[0].id: missing (expected string)",
    ],
    [
      "an app user without the Okta user that expand=user asks for",
      USERS,
      [{ id: "00u1", profile: {} }],
      (c) => all(listAppUsers(c, APP, "statsigOrgRole")),
      "[0]._embedded: missing (expected object)",
    ],
    [
      "an embedded user whose attribute is a number",
      USERS,
      [{ id: "00u1", profile: {}, _embedded: { user: { profile: { login: "a@example.com", stagingRole: 2 } } } }],
      (c) => all(listAppUsers(c, APP, "stagingRole")),
      "[0]._embedded.user.profile.stagingRole: expected string, got number",
    ],
    [
      "group members as text",
      "/api/v1/groups/00g1/users?limit=1000",
      "members",
      (c) => all(listGroupMembers(c, "00g1", "gone")),
      "expected array, got string",
    ],
    ["a group of null", "/api/v1/groups/00g1", null, (c) => getGroup(c, "00g1", "gone"), "expected object, got null"],
    [
      "a group without a name",
      "/api/v1/groups/00g1",
      { id: "00g1", profile: {} },
      (c) => getGroup(c, "00g1", "gone"),
      "profile.name: missing (expected string)",
    ],
    [
      "push mappings with a numeric id",
      `/api/v1/apps/${APP}/group-push/mappings?limit=1000`,
      [{ id: 5, status: "ACTIVE" }],
      (c) => listGroupPushMappings(c, APP),
      "[0].id: expected string, got number",
    ],
  ])("%s", async (_, path, answer, read, field) => {
    expect(await failure(read(one(path, json(answer))))).toBe(`GET ${path}: ${SHAPE}: ${field}`);
  });

  it("names at most three fields, and how many more there are", async () => {
    expect(await failure(all(listAppGroupAssignments(one(GROUPS, json([1, 2, 3, 4, 5])), APP)))).toBe(
      `GET ${GROUPS}: ${SHAPE}: [0]: expected object, got number; [1]: expected object, got number; [2]: expected object, got number (and 2 more)`,
    );
  });

  it("names the page at fault, with its cursor", async () => {
    const next = `/api/v1/apps/${APP}/groups?after=00g1&limit=200`;
    const { client } = clientFor({
      [GROUPS]: json([{ id: "00g1", priority: 1, profile: {} }], 200, { link: `<${ORIGIN}${next}>; rel="next"` }),
      [next]: json([{ id: "00g2", priority: "2", profile: {} }]),
    });
    expect(await failure(all(listAppGroupAssignments(client, APP)))).toBe(
      `GET ${next}: ${SHAPE}: [0].priority: expected number, got string`,
    );
  });
});

describe("JSON keys are data: __proto__, constructor and prototype are names like any other", () => {
  const SCHEMA = `/api/v1/meta/schemas/apps/${APP}/default`;
  const ODD = ["__proto__", "constructor", "prototype", "toString", "statsigOrgRole"];

  it("in a schema's attributes: an attribute only when the schema has it as its own key", async () => {
    const client = clientFor({
      [SCHEMA]: raw(
        `{"definitions":{"custom":{"properties":{"__proto__":{"type":"string","scope":"SELF","statsigOrgRole":{"type":"string"}},"constructor":{"type":"boolean"},"prototype":null}}}}`,
      ),
    }).client;
    const properties = (await getAppUserSchema(client, APP, ODD)).definitions.custom.properties;
    expect([...properties]).toEqual([
      ["__proto__", { type: "string", scope: "SELF" }],
      ["constructor", { type: "boolean" }],
      ["prototype", null],
    ]);
    // Object.prototype's toString, and a statsigOrgRole inside __proto__, are not attributes.
    expect(properties.has("toString")).toBe(false);
    expect(properties.has("statsigOrgRole")).toBe(false);
    // Without them, nothing is there: an empty object has no constructor attribute either.
    const empty = clientFor({ [SCHEMA]: json(schemaWith({})) }).client;
    expect([...(await getAppUserSchema(empty, APP, ODD)).definitions.custom.properties]).toEqual([]);
  });

  it("in a mapping's properties: a mapped property only when the mapping has it as its own key", async () => {
    const client = clientFor({
      "/api/v1/mappings/prm1": raw(
        `{"id":"prm1","properties":{"__proto__":{"statsigOrgRole":{"expression":"user.statsigOrgRole","pushStatus":"PUSH"}},"constructor":{"expression":"user.login"},"prototype":null}}`,
      ),
    }).client;
    const { properties } = await getProfileMapping(client, "prm1", ["constructor", "prototype", "statsigOrgRole", "hasOwnProperty"]);
    expect([...properties]).toEqual([
      ["constructor", { expression: "user.login" }],
      ["prototype", null],
    ]);
    // Asked for, a __proto__ holding properties is a property of another shape: refused, not believed.
    expect(await failure(getProfileMapping(client, "prm1", ["__proto__"]))).toBe(
      `GET /api/v1/mappings/prm1: Okta's answer is not what its API describes: properties.__proto__.expression: missing (expected string)`,
    );
  });

  it("in profiles: a role or login only when the profile has it as its own key", async () => {
    const users = `/api/v1/apps/${APP}/users?limit=500&expand=user`;
    const groups = `/api/v1/apps/${APP}/groups?limit=${PAGE_SIZE.appGroups}`;
    const { client } = clientFor({
      [users]: raw(
        `[{"id":"00u1","profile":{"__proto__":{"statsigOrgRole":"Owner"}},"_embedded":{"user":{"profile":{"__proto__":{"login":"evil@example.com","constructor":"Owner"},"prototype":"Owner"}}}}]`,
      ),
      [groups]: raw(`[{"id":"00g1","priority":1,"profile":{"__proto__":{"statsigOrgRole":"Owner"},"constructor":"Owner"}}]`),
    });
    // The configured attribute may be named `constructor`: the profile does not have it, so neither does the user.
    const [appUser] = await all(listAppUsers(client, APP, "constructor"));
    expect(appUser!.profile).toEqual({});
    expect(appUser!.profile.statsigOrgRole).toBeUndefined();
    expect([...appUser!._embedded!.user!.profile]).toEqual([]);
    const [prototypeUser] = await all(listAppUsers(client, APP, "prototype"));
    expect([...prototypeUser!._embedded!.user!.profile]).toEqual([["prototype", "Owner"]]);
    const [assignment] = await all(listAppGroupAssignments(client, APP));
    expect(assignment!.profile.statsigOrgRole).toBeUndefined();
  });

  it("reads no attribute it was not asked for: another attribute of any shape changes nothing", async () => {
    const client = clientFor({
      [SCHEMA]: json(
        schemaWith({ statsigOrgRole: { type: "string" }, tShirt: { type: "integer", enum: [1, 2], oneOf: [{ const: 1, title: true }] } }),
      ),
      "/api/v1/mappings/prm1": json({ id: "prm1", properties: { statsigOrgRole: { expression: "user.role" }, weird: { expression: 7 } } }),
    }).client;
    expect([...(await getAppUserSchema(client, APP, ["statsigOrgRole"])).definitions.custom.properties]).toEqual([
      ["statsigOrgRole", { type: "string" }],
    ]);
    expect([...(await getProfileMapping(client, "prm1", ["statsigOrgRole"])).properties]).toEqual([
      ["statsigOrgRole", { expression: "user.role" }],
    ]);
  });
});

/** A user schema as Okta answers it, with these custom attributes. */
function schemaWith(custom: Record<string, unknown>) {
  return {
    id: `${ORIGIN}/meta/schemas/user/default`,
    $schema: "http://json-schema.org/draft-04/schema#",
    name: "user",
    definitions: {
      custom: { id: "#custom", type: "object", properties: custom, required: [] },
      base: { id: "#base", type: "object", properties: { login: { title: "Username", type: "string" } }, required: ["login"] },
    },
    type: "object",
  };
}
