/**
 * check's live reads finding the user type, with an injected fetch. `GET /api/v1/meta/types/user` answers a
 * list of `UserType` objects (Okta's spec): the default one has `default: true` and `name: "user"`, each has
 * `_links.schema`.
 */
import { apiTokenStub } from "../../support/stubAuth";
import { describe, expect, it } from "vitest";
import { OktaClient } from "../../../src/okta/client";
import { fetchLiveState } from "../../../src/commands/check/live";

const ORIGIN = "https://acme.okta.com";
const APP = "0oa1b2c3d4e5f6g7h8i9";

const auth = apiTokenStub("test");

const userType = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  displayName: name,
  _links: { schema: { href: `${ORIGIN}/api/v1/meta/schemas/user/osc${id.slice(3)}` } },
  ...extra,
});

/** Answers the user types, then 404 for everything else: enough to see which type was picked. */
function clientFor(types: unknown[]) {
  const paths: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    paths.push(`${url.pathname}${url.search}`);
    if (url.pathname === "/api/v1/meta/types/user") return new Response(JSON.stringify(types), { status: 200 });
    return new Response(JSON.stringify({ errorCode: "E0000007", errorSummary: "Not found" }), { status: 404 });
  }) as typeof globalThis.fetch;
  return { client: new OktaClient({ origin: ORIGIN, auth, fetch, log: () => {} }), paths };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => "resolved",
    (e: unknown) => (e as Error).message,
  );

describe("the live user type", () => {
  it("is the type flagged default", async () => {
    const { client, paths } = clientFor([
      userType("otycontractor0000001", "contractor"),
      userType("otydefault0000000001", "user", { default: true }),
    ]);
    expect(await failure(fetchLiveState(client, { appId: APP, oktaAttributeName: "statsigOrgRole" }))).toBe(
      "GET /api/v1/meta/schemas/user/oscdefault0000000001: 404 error (E0000007 Not found): the schema of user type otydefault0000000001 is gone",
    );
    expect(paths[1]).toBe("/api/v1/meta/schemas/user/oscdefault0000000001");
  });

  it('is the type named "user" when Okta flags none as default', async () => {
    const { client, paths } = clientFor([userType("otycontractor0000001", "contractor"), userType("otyuser0000000000001", "user")]);
    expect(await failure(fetchLiveState(client, { appId: APP, oktaAttributeName: "statsigOrgRole" }))).toContain(
      "the schema of user type otyuser0000000000001 is gone",
    );
    expect(paths[1]).toBe("/api/v1/meta/schemas/user/oscuser0000000000001");
  });

  it("is an error when there is neither", async () => {
    const { client } = clientFor([userType("otycontractor0000001", "contractor")]);
    expect(await failure(fetchLiveState(client, { appId: APP, oktaAttributeName: "statsigOrgRole" }))).toBe(
      "Okta listed no default user type",
    );
  });

  it("names an unknown configured userTypeId and lists the org's types", async () => {
    const { client, paths } = clientFor([
      userType("otydefault0000000001", "user", { default: true }),
      userType("otycontractor0000001", "contractor"),
    ]);
    expect(
      await failure(fetchLiveState(client, { appId: APP, userTypeId: "otynosuchtype0000001", oktaAttributeName: "statsigOrgRole" })),
    ).toBe(
      'the config\'s userTypeId otynosuchtype0000001 is not a user type of this org (it has: otydefault0000000001 "user", otycontractor0000001 "contractor")',
    );
    expect(paths).toEqual(["/api/v1/meta/types/user"]);
  });

  it("is the configured one when it exists, even if not the default", async () => {
    const { client, paths } = clientFor([
      userType("otydefault0000000001", "user", { default: true }),
      userType("otycontractor0000001", "contractor"),
    ]);
    await failure(fetchLiveState(client, { appId: APP, userTypeId: "otycontractor0000001", oktaAttributeName: "statsigOrgRole" }));
    expect(paths[1]).toBe("/api/v1/meta/schemas/user/osccontractor0000001");
  });

  it("refuses an answer that is not a list", async () => {
    const { client } = clientFor({ id: "x" } as never);
    expect(await failure(fetchLiveState(client, { appId: APP, oktaAttributeName: "statsigOrgRole" }))).toBe(
      "GET /api/v1/meta/types/user: Okta's answer is not what its API describes: expected array, got object",
    );
  });
});
