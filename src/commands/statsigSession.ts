import { CliError } from "../cli/errors";
import type { CliIo } from "../cli/io";
import { proxiedFetch } from "../okta/proxy";
import { StatsigClient } from "../statsig/client";
import { parseStatsigUrl } from "../statsig/url";
import { parseConsoleKeys } from "../statsig/console";
import { parseTimeout, type TargetValues } from "./options";
import { CONSOLE_KEYS_VARIABLE, SCIM_TOKEN_VARIABLE, type StatsigValues } from "./statsigOptions";

export interface StatsigSession {
  client: StatsigClient;
  /** One Console API client per project of STATSIG_CONSOLE_API_KEYS (none without it). */
  consoles: { project: string; client: StatsigClient }[];
  /** The requests sent to Statsig so far, SCIM and Console API. */
  requests: () => number;
}

/**
 * The Statsig side of a `--statsig` run, opened after the Okta session (which hides the key in every output
 * from then on, see okta/auth.ts `scrubbedOutput`): the SCIM key from the environment, the base URL, the same
 * proxy and `--timeout` as for Okta; with `readsConsole`, a Console API client per key of STATSIG_CONSOLE_API_KEYS.
 */
export function openStatsigSession(io: CliIo, command: string, values: TargetValues & StatsigValues, readsConsole = false): StatsigSession {
  const token = io.env[SCIM_TOKEN_VARIABLE]?.trim();
  if (!token) {
    throw new CliError(
      `--statsig needs Statsig's SCIM key in ${SCIM_TOKEN_VARIABLE} (the key an Org Admin generates in Statsig for Okta; it can write, so run where it already lives)`,
    );
  }
  const baseUrl = parseStatsigUrl(values["statsig-url"]);
  const send = proxiedFetch(io.env);
  let requests = 0;
  const counted: typeof fetch = (input, init) => {
    requests++;
    return send(input, init);
  };
  const options = {
    command,
    fetch: counted,
    log: (line: string) => io.stderr(`${line}\n`),
    limits: { timeoutMs: parseTimeout(values.timeout) },
  };
  const client = new StatsigClient({
    ...options,
    baseUrl,
    api: {
      name: "SCIM API",
      header: "Authorization",
      value: `Bearer ${token}`,
      key: `the SCIM key in ${SCIM_TOKEN_VARIABLE}`,
      keyHint: "it must be the organization's SCIM key, which an Org Admin generates in Statsig: the one Okta's Statsig app uses",
    },
  });
  // The Console API lives on the same host as the SCIM API (statsigapi.net).
  const consoleUrl = `${new URL(baseUrl).origin}/console/v1`;
  const consoles = parseConsoleKeys(readsConsole ? io.env[CONSOLE_KEYS_VARIABLE] : undefined).map(({ project, key }) => ({
    project,
    client: new StatsigClient({
      ...options,
      baseUrl: consoleUrl,
      api: {
        name: "Console API",
        header: "STATSIG-API-KEY",
        value: key,
        key: `the Console API key of project "${project}" in ${CONSOLE_KEYS_VARIABLE}`,
        keyHint: "it must be a Console API key of that project",
      },
    }),
  }));
  return { client, consoles, requests: () => requests };
}
