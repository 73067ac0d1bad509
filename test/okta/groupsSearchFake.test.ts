/**
 * The fake Okta's groups search over HTTP (`GET /api/v1/groups?search=…`) answers as groupSearch.ts sources it,
 * paged, with Okta's 400 E0000031 for a search it cannot take.
 * Tests the fake itself, over HTTP, since the component and `check` rely on it to behave like Okta.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeOktaServer } from "../support/fakeOktaServer";
import { orgWithAppGroups } from "../support/oktaOrg";
import { API_TOKEN } from "../support/stubAuth";

const APP = "0oastatsigapp0000001";
const OTHER_APP = "0oaotherapp000000001";
const org = orgWithAppGroups({
  [APP]: [
    { id: "00gStatsigWebAdmin01", name: "Statsig-Web-Admin" },
    { id: "00gStatsigWebMember1", name: "Statsig-Web-Member" },
    { id: "00gStatsigRandD00001", name: "Statsig-R and D-Admin" },
  ],
  [OTHER_APP]: [{ id: "00gOtherWebAdmin0001", name: "Statsig-Web-Admin" }],
});
org.groups.push({ id: "00gOktaWebAdmin00001", name: "Statsig-Web-Admin", members: [] });

let server: FakeOktaServer;
beforeAll(async () => {
  server = await new FakeOktaServer(org, { apiToken: API_TOKEN, pageSize: 2 }).start();
});
afterAll(() => server.stop());

async function search(expression: string, query = "") {
  const response = await fetch(`${server.origin}/api/v1/groups?search=${encodeURIComponent(expression)}${query}`, {
    headers: { Authorization: `SSWS ${API_TOKEN}`, Accept: "application/json" },
  });
  const body = (await response.json()) as { id: string; type: string; profile: { name: string } }[] & { errorCode?: string };
  return { status: response.status, body, link: response.headers.get("link") };
}

const exact = (name: string, app = APP) => `type eq "APP_GROUP" and source.id eq "${app}" and profile.name eq ${JSON.stringify(name)}`;

describe("the fake Okta's groups search", () => {
  it("finds the one app group of that app and name: not the other app's, not the Okta group of the same name", async () => {
    const { status, body } = await search(exact("Statsig-Web-Admin"));
    expect(status).toBe(200);
    expect(body.map((group) => [group.id, group.type, group.profile.name])).toEqual([
      ["00gStatsigWebAdmin01", "APP_GROUP", "Statsig-Web-Admin"],
    ]);
    expect((await search(exact("Statsig-Web-Admin", OTHER_APP))).body.map((group) => group.id)).toEqual(["00gOtherWebAdmin0001"]);
    expect((await search('type eq "OKTA_GROUP" and profile.name eq "Statsig-Web-Admin"')).body.map((group) => group.id)).toEqual([
      "00gOktaWebAdmin00001",
    ]);
  });

  it("matches the whole name, without regard to case (assumed, see groupSearch.ts), and a quoted `and` is part of the name", async () => {
    expect((await search(exact("Statsig-Web"))).body).toEqual([]);
    expect((await search(exact("statsig-web-admin"))).body.map((group) => group.id)).toEqual(["00gStatsigWebAdmin01"]);
    expect((await search(exact("Statsig-R and D-Admin"))).body.map((group) => group.id)).toEqual(["00gStatsigRandD00001"]);
  });

  it("pages with Link headers and the after cursor", async () => {
    const first = await search(`source.id eq "${APP}"`);
    expect(first.body.map((group) => group.id)).toEqual(["00gStatsigWebAdmin01", "00gStatsigWebMember1"]);
    const next = /<([^>]+)>; rel="next"/.exec(first.link ?? "")?.[1];
    expect(next).toContain("after=00gStatsigWebMember1");
    const second = await fetch(next!, { headers: { Authorization: `SSWS ${API_TOKEN}` } });
    expect(((await second.json()) as { id: string }[]).map((group) => group.id)).toEqual(["00gStatsigRandD00001"]);
  });

  it.each([
    "profile.name eq Statsig-Web-Admin",
    'profile.description eq "x"',
    'type eq "APP_GROUP" and',
    'profile.name eq "not closed',
    "",
  ])("refuses %j as Okta refuses a search it cannot parse: 400 E0000031", async (expression) => {
    const { status, body } = await search(expression);
    expect(status).toBe(400);
    expect(body.errorCode).toBe("E0000031");
  });
});
