import { CliError } from "../cli/errors";
import { parseHttpsUrl } from "../http/url";

/** The environment variable holding Statsig's SCIM key. */
export const SCIM_TOKEN_VARIABLE = "STATSIG_SCIM_TOKEN";

/** `Web=console-abc,Mobile=console-def`: one Console API key per project. */
export const CONSOLE_KEYS_VARIABLE = "STATSIG_CONSOLE_API_KEYS";

/** Statsig's SCIM API (statsig-io/docs `access-management/scim/scimopenapi.json`: server `https://statsigapi.net`, paths `/scim/…`). */
export const DEFAULT_STATSIG_URL = "https://statsigapi.net/scim";

/**
 * The SCIM base URL of `--statsig-url`, without a trailing slash: only https (plain http only to a loopback
 * address, for tests), no user name or password, no query or fragment. The key is sent to this URL only.
 */
export function parseStatsigUrl(text: string | undefined): string {
  if (text === undefined) return DEFAULT_STATSIG_URL;
  const url = parseHttpsUrl(text, "--statsig-url", DEFAULT_STATSIG_URL);
  if (url.search || url.hash) throw new CliError(`--statsig-url must not have a query or fragment: expected e.g. ${DEFAULT_STATSIG_URL}`);
  // A path starting "//" reads as another host when a request path is resolved against it. Trailing slashes
  // are only dropped.
  const pathname = url.pathname.replace(/\/+$/, "");
  if (pathname.includes("//"))
    throw new CliError(`--statsig-url must not have an empty path segment ("//"): expected e.g. ${DEFAULT_STATSIG_URL}`);
  return `${url.origin}${pathname}`;
}
