import { CliError } from "../cli/errors";
import type { CliIo } from "../cli/io";
import { proxiedFetch } from "../okta/proxy";
import { StatsigClient } from "../statsig/client";
import { parseStatsigUrl } from "../statsig/url";
import { parseTimeout, type TargetValues } from "./options";
import { SCIM_TOKEN_VARIABLE, type StatsigValues } from "./statsigOptions";

export interface StatsigSession {
  client: StatsigClient;
  /** The SCIM requests sent so far. */
  requests: () => number;
}

/**
 * The Statsig side of a `--statsig` run, opened after the Okta session (which hides the key in every output
 * from then on, see okta/auth.ts `scrubbedOutput`): the SCIM key from the environment, the base URL, the same
 * proxy and `--timeout` as for Okta.
 */
export function openStatsigSession(io: CliIo, command: string, values: TargetValues & StatsigValues): StatsigSession {
  const token = io.env[SCIM_TOKEN_VARIABLE]?.trim();
  if (!token) {
    throw new CliError(
      `--statsig needs Statsig's SCIM key in ${SCIM_TOKEN_VARIABLE} (the key an Org Admin generates in Statsig for Okta; it can write, so run where it already lives)`,
    );
  }
  const baseUrl = parseStatsigUrl(values["statsig-url"]);
  const send = proxiedFetch(io.env);
  let requests = 0;
  const client = new StatsigClient({
    baseUrl,
    token,
    tokenSource: SCIM_TOKEN_VARIABLE,
    command,
    fetch: (input, init) => {
      requests++;
      return send(input, init);
    },
    log: (line) => io.stderr(`${line}\n`),
    limits: { timeoutMs: parseTimeout(values.timeout) },
  });
  return { client, requests: () => requests };
}
