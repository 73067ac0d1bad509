import type { Authenticator } from "../../src/okta/auth";

/** Shaped like an Okta API token (the tests check it never shows up in any output). */
export const API_TOKEN = "00Qz7rT3cXkP9wLmN2bV5hJ8fG1dS4aY6uE0iO_-Ab";

/** An API-token authenticator for client tests: sends `SSWS <token>`, never retries a 401. */
export const apiTokenStub = (token: string): Authenticator => ({
  kind: "api-token",
  description: "the API token in OKTA_API_TOKEN",
  authorize: async () => ({ Authorization: `SSWS ${token}` }),
  retryAfterUnauthorized: () => false,
  secrets: () => [token],
});
