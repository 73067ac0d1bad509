import type { Authenticator } from "../../src/okta/auth";

/** An API-token authenticator for client tests: sends `SSWS <token>`, never retries a 401. */
export const apiTokenStub = (token: string): Authenticator => ({
  kind: "api-token",
  description: "the API token in OKTA_API_TOKEN",
  authorize: async () => ({ Authorization: `SSWS ${token}` }),
  retryAfterUnauthorized: () => false,
  secrets: () => [token],
});
