import { z } from "zod";
import { cell, MAX_LINE } from "../cli/terminal";
import { createPrivateKey, type KeyObject } from "node:crypto";
import { readFileSync } from "node:fs";
import type { CliIo } from "../cli/io";
import { DpopSigner } from "./dpop";
import { CliError } from "../cli/errors";
import { unreachable } from "./errors";
import { freshClaims, signJwt } from "./jwt";
import { CHECK_SCOPES } from "./scopes";

/** Puts credentials on requests to the management API. Secrets stay inside: none is ever in an error message. */
export interface Authenticator {
  readonly kind: "api-token" | "oauth";
  /** What the credential is, for messages ("the API token in OKTA_API_TOKEN"). */
  readonly description: string;
  /** The headers that authorize one request. */
  authorize(method: string, url: URL): Promise<Record<string, string>>;
  /** After a 401: true when one retry may succeed (the server handed out a DPoP nonce). */
  retryAfterUnauthorized(url: URL, response: Response): boolean;
  /** Every secret value held so far, so output can be scrubbed of them as a last line of defence. */
  secrets(): string[];
}

export interface AuthDeps {
  fetch: typeof fetch;
  nowSeconds: () => number;
  timeoutMs: number;
}

/**
 * The credentials named by the environment: `OKTA_API_TOKEN` (SSWS) if set, otherwise OAuth 2.0 client
 * credentials for a service app with a private key (`OKTA_CLIENT_ID`, `OKTA_PRIVATE_KEY` or
 * `OKTA_PRIVATE_KEY_FILE`, optional `OKTA_PRIVATE_KEY_ID` and `OKTA_SCOPES`).
 */
export function authFromEnv(
  env: NodeJS.ProcessEnv,
  origin: string,
  deps: AuthDeps,
  defaultScopes: readonly string[] = CHECK_SCOPES,
): Authenticator {
  const token = env.OKTA_API_TOKEN?.trim();
  if (token) return apiTokenAuth(token);
  const clientId = env.OKTA_CLIENT_ID?.trim();
  if (clientId) {
    const { key, kid } = loadPrivateKey(env);
    const scopes = env.OKTA_SCOPES?.trim() ? env.OKTA_SCOPES.split(/[\s,]+/).filter(Boolean) : [...defaultScopes];
    return new OAuthAuth(origin, clientId, key, env.OKTA_PRIVATE_KEY_ID?.trim() || kid, scopes, deps);
  }
  throw new CliError(
    "no Okta credentials: set OKTA_API_TOKEN to an API token, or OKTA_CLIENT_ID and OKTA_PRIVATE_KEY (or OKTA_PRIVATE_KEY_FILE) for an OAuth service app",
  );
}

/**
 * A command's stdout and stderr with every credential of the environment, of `auth()` and `others` (the
 * caller's other keys: Statsig's) replaced. Nothing secret is ever formatted into output; this is the last line
 * of defence. `auth` is asked at each write: OAuth holds its tokens only once it has them.
 */
export function scrubbedOutput(
  io: CliIo,
  auth: () => Authenticator | undefined,
  others: readonly (string | undefined)[] = [],
): Pick<CliIo, "stdout" | "stderr"> {
  const fromEnv = [io.env.OKTA_API_TOKEN, io.env.OKTA_PRIVATE_KEY, ...others].flatMap((value) => (value?.trim() ? [value.trim()] : []));
  const scrub = (text: string) =>
    [...fromEnv, ...(auth()?.secrets() ?? [])]
      .filter((secret) => secret.length >= 8)
      .reduce((out, secret) => out.split(secret).join("[redacted]"), text);
  return { stdout: (text) => io.stdout(scrub(text)), stderr: (text) => io.stderr(scrub(text)) };
}

function apiTokenAuth(token: string): Authenticator {
  return {
    kind: "api-token",
    description: "the API token in OKTA_API_TOKEN",
    authorize: async () => ({ Authorization: `SSWS ${token}` }),
    retryAfterUnauthorized: () => false,
    secrets: () => [token],
  };
}

function loadPrivateKey(env: NodeJS.ProcessEnv): { key: KeyObject; kid?: string } {
  let text: string;
  let source: string;
  if (env.OKTA_PRIVATE_KEY?.trim()) {
    text = env.OKTA_PRIVATE_KEY.trim();
    source = "OKTA_PRIVATE_KEY";
  } else if (env.OKTA_PRIVATE_KEY_FILE?.trim()) {
    source = `OKTA_PRIVATE_KEY_FILE (${env.OKTA_PRIVATE_KEY_FILE.trim()})`;
    try {
      text = readFileSync(env.OKTA_PRIVATE_KEY_FILE.trim(), "utf8").trim();
    } catch (error) {
      throw new CliError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
    }
  } else {
    throw new CliError("OKTA_CLIENT_ID is set but no private key: set OKTA_PRIVATE_KEY (PEM or JWK) or OKTA_PRIVATE_KEY_FILE");
  }
  let key: KeyObject;
  let kid: string | undefined;
  // Parse errors are not passed on: their messages can quote the key.
  try {
    if (text.startsWith("{")) {
      const jwk = JSON.parse(text) as Record<string, unknown>;
      key = createPrivateKey({ key: jwk as never, format: "jwk" });
      kid = typeof jwk.kid === "string" ? jwk.kid : undefined;
    } else {
      // CI secrets often hold a PEM on one line with literal "\n".
      key = createPrivateKey(text.includes("\n") ? text : text.replace(/\\n/g, "\n"));
    }
  } catch {
    throw new CliError(`${source} is not a PEM or JWK private key`);
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new CliError(`${source} is not an RSA private key: the client assertion is signed with RS256`);
  }
  return { key, ...(kid !== undefined ? { kid } : {}) };
}

interface AccessToken {
  value: string;
  type: "Bearer" | "DPoP";
}

class OAuthAuth implements Authenticator {
  readonly kind = "oauth";
  readonly description: string;
  private readonly tokenUrl: URL;
  private readonly held: string[] = [];
  private token?: Promise<AccessToken>;
  private dpop?: DpopSigner;

  constructor(
    origin: string,
    private readonly clientId: string,
    private readonly key: KeyObject,
    private readonly kid: string | undefined,
    private readonly scopes: string[],
    private readonly deps: AuthDeps,
  ) {
    this.tokenUrl = new URL("/oauth2/v1/token", origin);
    this.description = `the access token of OAuth service app ${clientId}`;
  }

  async authorize(method: string, url: URL): Promise<Record<string, string>> {
    this.token ??= this.requestToken();
    const token = await this.token;
    if (token.type === "DPoP" && this.dpop)
      return { Authorization: `DPoP ${token.value}`, DPoP: this.dpop.proof(method, url, token.value) };
    return { Authorization: `Bearer ${token.value}` };
  }

  retryAfterUnauthorized(url: URL, response: Response): boolean {
    const challenge = response.headers.get("www-authenticate") ?? "";
    return (
      this.dpop !== undefined && challenge.includes("use_dpop_nonce") && this.dpop.rememberNonce(url, response.headers.get("dpop-nonce"))
    );
  }

  secrets(): string[] {
    return [...this.held];
  }

  /** A private key JWT for the org authorization server: iss = sub = client id, aud = the token URL. */
  private clientAssertion(): string {
    const now = this.deps.nowSeconds();
    const header = { alg: "RS256" as const, typ: "JWT", ...(this.kid ? { kid: this.kid } : {}) };
    const claims = { iss: this.clientId, sub: this.clientId, aud: this.tokenUrl.href, ...freshClaims(now), exp: now + 300 };
    const jwt = signJwt(header, claims, this.key);
    this.held.push(jwt);
    return jwt;
  }

  /** The one POST this command makes. Okta answers what it wants next: DPoP, then a DPoP nonce. */
  private async requestToken(): Promise<AccessToken> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const body = new URLSearchParams({
        grant_type: "client_credentials",
        scope: this.scopes.join(" "),
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: this.clientAssertion(),
      });
      const headers: Record<string, string> = { Accept: "application/json", "Content-Type": "application/x-www-form-urlencoded" };
      if (this.dpop) headers.DPoP = this.dpop.proof("POST", this.tokenUrl);
      let response: Response;
      try {
        response = await this.deps.fetch(this.tokenUrl, {
          method: "POST",
          headers,
          body,
          redirect: "manual",
          signal: AbortSignal.timeout(this.deps.timeoutMs),
        });
      } catch (error) {
        throw unreachable(this.tokenUrl.origin, `POST ${this.tokenUrl.pathname}`, error);
      }
      const answer = await readTokenAnswer(response, this.tokenUrl);
      if (response.ok) {
        if (answer.access_token === undefined) {
          throw new CliError(`Okta's token endpoint ${this.tokenUrl.href} answered ${response.status} without an access token`, {
            status: response.status,
          });
        }
        this.held.push(answer.access_token);
        return { value: answer.access_token, type: answer.token_type === "DPoP" ? "DPoP" : "Bearer" };
      }
      const error = answer.error ?? `HTTP ${response.status}`;
      if (error === "invalid_dpop_proof" && !this.dpop) {
        this.dpop = new DpopSigner(this.deps.nowSeconds);
        continue;
      }
      if (error === "use_dpop_nonce" && this.dpop?.rememberNonce(this.tokenUrl, response.headers.get("dpop-nonce"))) continue;
      throw this.tokenError(error, answer.error_description, response.status);
    }
    throw new CliError(`Okta's token endpoint ${this.tokenUrl.href} kept asking for another attempt; giving up`);
  }

  private tokenError(error: string, description: string | undefined, status: number): CliError {
    // Okta's words on one line, controls as escapes: a line feed in them must not fake a line of output.
    const said = `Okta refused an access token for service app ${this.clientId} (${cell(error)}${description ? `: ${cell(description, MAX_LINE)}` : ""})`;
    if (error === "invalid_scope") {
      return new CliError(`${said}. Grant the app these read-only scopes in its "Okta API Scopes" tab: ${this.scopes.join(", ")}`, {
        status,
      });
    }
    if (error === "invalid_client") {
      return new CliError(
        `${said}. Check OKTA_CLIENT_ID, that the app uses "Public key / Private key" client authentication, and that its public key matches the private key (and OKTA_PRIVATE_KEY_ID)`,
        { status },
      );
    }
    return new CliError(said, { status });
  }
}

/** A token answer is a few hundred bytes; anything past this is not one. */
const TOKEN_ANSWER_MAX_BYTES = 64 * 1024;

/** The fields of Okta's token answer (`/oauth2/v1/token`: `access_token`, `token_type`, or `error`, `error_description`). */
const text = z.string().optional().catch(undefined); // a field that is not text is left out, not fatal
const tokenAnswer = z.looseObject({ access_token: text, token_type: text, error: text, error_description: text });

/**
 * The token endpoint's answer, read up to {@link TOKEN_ANSWER_MAX_BYTES} (the request's timeout covers the body
 * too). An answer that cannot be read is reported with its cause; one that is not a JSON object is read as
 * empty, so the status speaks for it.
 */
async function readTokenAnswer(response: Response, url: URL): Promise<z.output<typeof tokenAnswer>> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = response.body?.getReader();
    for (let read = await reader?.read(); reader && read && !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > TOKEN_ANSWER_MAX_BYTES) {
        await reader.cancel();
        throw new Error(`the answer is over ${TOKEN_ANSWER_MAX_BYTES} bytes`);
      }
      chunks.push(read.value);
    }
  } catch (error) {
    const cause = (error as { name?: unknown }).name === "TimeoutError" ? "no complete answer in time" : (error as Error).message;
    throw new CliError(`cannot read the answer of Okta's token endpoint ${url.href} (after ${size} bytes): ${cell(cause, MAX_LINE)}`, {
      status: response.status,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    json = undefined;
  }
  const parsed = tokenAnswer.safeParse(json);
  return parsed.success ? parsed.data : {};
}
