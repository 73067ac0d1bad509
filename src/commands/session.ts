import type { CliIo } from "../cli/io";
import { cell, MAX_LINE } from "../cli/terminal";
import { authFromEnv, scrubbedOutput, type Authenticator } from "../okta/auth";
import { consoleKeyPairs } from "../statsig/console";
import { CONSOLE_KEYS_VARIABLE, SCIM_TOKEN_VARIABLE } from "./statsigOptions";
import { OktaClient } from "../okta/client";
import { proxiedFetch } from "../okta/proxy";
import { scopesFor, type OktaCommand } from "../okta/scopes";
import { parseTimeout, type TargetValues } from "./options";
import { resolveOrgTarget, type Target } from "./target";

/** What a command that reads a live org works with. */
export interface OktaSession {
  /** The config (or the component's defaults) the live org is read for. */
  target: Target;
  /** The org, e.g. `https://acme.okta.com`. */
  origin: string;
  /** Read-only, with the credentials of the environment. */
  client: OktaClient;
  /** The API requests sent so far (the OAuth token requests not counted). */
  requests: () => number;
}

/**
 * Everything `check` and `roles` need before their first read, the same way for both:
 * 1. from here on, `io`'s output (the command's failure too) hides every credential, as a last line of defence;
 * 2. the target: the config (its notes on stderr) and the org URL;
 * 3. the credentials from the environment; OAuth asks for the command's scopes ({@link scopesFor}; with
 *    `readsGroups`, those that read groups too) unless OKTA_SCOPES names others;
 * 4. a client that sends through HTTPS_PROXY when the environment names one, each request (the token's too)
 *    limited to `--timeout` seconds.
 */
export function openSession(io: CliIo, command: OktaCommand, values: TargetValues, options: { readsGroups?: boolean } = {}): OktaSession {
  const timeoutMs = parseTimeout(values.timeout);
  let auth: Authenticator | undefined;
  // A copy: the scrubbed writers call the original ones.
  Object.assign(
    io,
    // Statsig's keys too (`--statsig`): this session's output is the run's, whatever it reads.
    scrubbedOutput({ ...io }, () => auth, [
      io.env[SCIM_TOKEN_VARIABLE],
      ...consoleKeyPairs(io.env[CONSOLE_KEYS_VARIABLE] ?? "").map((pair) => pair.key),
    ]),
  );

  const { target, origin } = resolveOrgTarget(io.cwd, values);
  // A note names keys of the stack file: one line each, however they are spelled.
  for (const note of target.notes ?? []) io.stderr(`statsig-okta ${command}: ${cell(note, MAX_LINE)}\n`);

  const scopes = scopesFor(command, target.expected.pushLinks.length > 0 || options.readsGroups === true);
  const send = proxiedFetch(io.env);
  auth = authFromEnv(io.env, origin, { fetch: send, nowSeconds: () => Math.floor(Date.now() / 1000), timeoutMs }, scopes);
  let requests = 0;
  const counted: typeof fetch = (input, init) => {
    requests++;
    return send(input, init);
  };
  const client = new OktaClient({
    origin,
    auth,
    fetch: counted,
    command,
    scopes,
    log: (line) => io.stderr(`${line}\n`),
    limits: { timeoutMs },
  });
  return { target, origin, client, requests: () => requests };
}
