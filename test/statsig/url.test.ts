import { describe, expect, it } from "vitest";
import { retryAfterMs } from "../../src/http/body";
import { DEFAULT_STATSIG_URL, parseStatsigUrl } from "../../src/statsig/url";

describe("--statsig-url", () => {
  it("defaults to Statsig's SCIM API and keeps a given base without its trailing slash", () => {
    expect(parseStatsigUrl(undefined)).toBe("https://statsigapi.net/scim");
    expect(DEFAULT_STATSIG_URL).toBe("https://statsigapi.net/scim");
    expect(parseStatsigUrl(" https://statsig.example.com/scim/ ")).toBe("https://statsig.example.com/scim");
    expect(parseStatsigUrl("https://statsig.example.com/scim//")).toBe("https://statsig.example.com/scim");
    expect(parseStatsigUrl("https://statsig.example.com/")).toBe("https://statsig.example.com");
    expect(parseStatsigUrl("http://127.0.0.1:8080/scim")).toBe("http://127.0.0.1:8080/scim");
    expect(parseStatsigUrl("http://localhost:1/scim")).toBe("http://localhost:1/scim");
  });

  it.each([
    ["statsigapi.net", '--statsig-url "statsigapi.net" is not a URL: expected e.g. https://statsigapi.net/scim'],
    [
      "http://statsigapi.net/scim",
      "--statsig-url http://statsigapi.net uses plain http: only https is allowed (plain http only to a loopback address)",
    ],
    ["https://user:pw@statsigapi.net/scim", "--statsig-url must not contain a user name or password"],
    ["ftp://statsigapi.net/scim", '--statsig-url "ftp://statsigapi.net/scim" is not an https URL'],
    ["https://statsigapi.net/scim?x=1", "--statsig-url must not have a query or fragment: expected e.g. https://statsigapi.net/scim"],
    ["https://statsigapi.net/scim#a", "--statsig-url must not have a query or fragment: expected e.g. https://statsigapi.net/scim"],
    // Resolved against its origin, "//evil.example/scim/Users" would be a request to evil.example.
    [
      "https://statsigapi.net//evil.example/scim",
      '--statsig-url must not have an empty path segment ("//"): expected e.g. https://statsigapi.net/scim',
    ],
  ])("refuses %s", (text, message) => {
    expect(() => parseStatsigUrl(text)).toThrow(message);
  });
});

describe("Retry-After (RFC 9110 section 10.2.3)", () => {
  const answer = (headers: Record<string, string>) => new Response(null, { status: 429, headers });
  it("reads seconds, or a date against the server's Date, else the local clock", () => {
    expect(retryAfterMs(answer({ "Retry-After": "7" }), () => 0)).toBe(7000);
    expect(retryAfterMs(answer({ "Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT", Date: "Wed, 21 Oct 2015 07:28:00 GMT" }), () => 0)).toBe(
      30_000,
    );
    expect(
      retryAfterMs(answer({ "Retry-After": "Wed, 21 Oct 2015 07:28:30 GMT" }), () => Date.parse("Wed, 21 Oct 2015 07:28:20 GMT")),
    ).toBe(10_000);
    expect(
      retryAfterMs(answer({ "Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT" }), () => Date.parse("Wed, 21 Oct 2015 07:29:00 GMT")),
    ).toBe(0);
  });
  it("is undefined when absent or unreadable", () => {
    expect(retryAfterMs(answer({}), () => 0)).toBeUndefined();
    expect(retryAfterMs(answer({ "Retry-After": "soon" }), () => 0)).toBeUndefined();
    expect(retryAfterMs(answer({ "Retry-After": "-5" }), () => 0)).toBeUndefined();
  });
});
