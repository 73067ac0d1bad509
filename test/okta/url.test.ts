import { describe, expect, it } from "vitest";
import { nextLink } from "../../src/okta/client";
import { isLoopbackHost, onOrigin, parseOrgUrl } from "../../src/okta/url";

describe("parseOrgUrl", () => {
  it.each([
    ["https://acme.okta.com", "https://acme.okta.com"],
    ["https://acme.okta.com/", "https://acme.okta.com"],
    ["  https://acme.oktapreview.com/admin/dashboard ", "https://acme.oktapreview.com"],
    ["https://login.acme.example:8443", "https://login.acme.example:8443"],
    ["http://127.0.0.1:8080", "http://127.0.0.1:8080"],
    ["http://127.45.0.9", "http://127.45.0.9"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://[::1]:3000", "http://[::1]:3000"],
  ])("accepts %s", (input, origin) => {
    expect(parseOrgUrl(input)).toBe(origin);
  });

  it.each([
    ["http://acme.okta.com", /plain http/],
    ["http://10.0.0.5", /plain http/],
    ["http://128.0.0.1", /plain http/],
    ["http://localhost.evil.example", /plain http/],
    ["ftp://acme.okta.com", /not an https URL/],
    ["acme.okta.com", /not a URL/],
    ["https://user:pass@acme.okta.com", /user name or password/],
    ["https://acme-admin.okta.com", /admin console: use the org URL https:\/\/acme\.okta\.com/],
  ])("refuses %s", (input, message) => {
    expect(() => parseOrgUrl(input)).toThrow(message);
  });

  it("knows the loopback hosts", () => {
    expect(["127.0.0.1", "localhost", "LOCALHOST", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["127.0.0.1.example", "[::2]", "0.0.0.0", "example.com"].some(isLoopbackHost)).toBe(false);
  });
});

describe("onOrigin", () => {
  it("keeps path and query on the org's origin, whatever host a link names", () => {
    expect(onOrigin("https://acme.okta.com", "https://acme.okta.com/api/v1/apps/x/groups?after=1&limit=2", "/api/v1/")).toBe(
      "/api/v1/apps/x/groups?after=1&limit=2",
    );
    expect(onOrigin("https://acme.okta.com", "https://other.example/api/v1/meta/schemas/user/osc1", "/api/v1/meta/schemas/user/")).toBe(
      "/api/v1/meta/schemas/user/osc1",
    );
  });

  it("refuses a link outside the expected API path", () => {
    expect(() => onOrigin("https://acme.okta.com", "https://acme.okta.com/oauth2/v1/token", "/api/v1/")).toThrow(/outside \/api\/v1\//);
  });
});

describe("nextLink", () => {
  it.each([
    [null, undefined],
    ['<https://a/api/v1/x?limit=20>; rel="self"', undefined],
    ['<https://a/api/v1/x?limit=20>; rel="self", <https://a/api/v1/x?after=5&limit=20>; rel="next"', "https://a/api/v1/x?after=5&limit=20"],
    ['<https://a/api/v1/x?after=5>; rel="next", <https://a/api/v1/x>; rel="self"', "https://a/api/v1/x?after=5"],
    ["<https://a/api/v1/x?after=a,b>; rel=next", "https://a/api/v1/x?after=a,b"],
    // Spacing Okta does not use but HTTP allows.
    ['<https://a/api/v1/x>;rel="next"', "https://a/api/v1/x"],
    ['<https://a/api/v1/x>; rel="self",<https://a/api/v1/y>; rel="next"', "https://a/api/v1/y"],
    ['  <https://a/api/v1/x>; rel="next"', "https://a/api/v1/x"],
    ['junk <https://a/api/v1/x>; rel="next"', undefined],
    ["", undefined],
  ])("reads %j", (header, next) => {
    expect(nextLink(header)).toBe(next);
  });
});

describe("org URLs and links, edge cases", () => {
  it.each([
    ["127.10.200.30", true],
    ["127.0.10.100", true],
    ["1127.0.0.1", false],
    ["127.0.0.1.example.com", false],
  ])("isLoopbackHost(%s) is %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it("refuses a user name or a password alone in --org-url", () => {
    expect(() => parseOrgUrl("https://ops@acme.okta.com")).toThrow("--org-url must not contain a user name or password");
    expect(() => parseOrgUrl("https://:pw@acme.okta.com")).toThrow("--org-url must not contain a user name or password");
  });

  it("takes only a first label ending in -admin for the admin console", () => {
    expect(parseOrgUrl("https://eu.acme-admin.okta.com")).toBe("https://eu.acme-admin.okta.com");
  });

  it("refuses a link that is not a URL", () => {
    expect(() => onOrigin("https://acme.okta.com", "http://[", "/api/v1/")).toThrow('Okta returned a link that is not a URL: "http://["');
  });
});
