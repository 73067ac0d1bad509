import { CliError } from "../cli/errors";

/** True for 127.0.0.0/8, ::1 and localhost: the only hosts plain http may reach (the tests' fakes of Okta and Statsig). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * The URL a flag names (`--org-url`, `--statsig-url`): only https, except plain http to a loopback address
 * (credentials must never cross the network in clear text), and no user name or password in it.
 */
export function parseHttpsUrl(text: string, flag: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new CliError(`${flag} ${JSON.stringify(text)} is not a URL: expected e.g. ${example}`);
  }
  if (url.username || url.password) throw new CliError(`${flag} must not contain a user name or password`);
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new CliError(`${flag} ${url.origin} uses plain http: only https is allowed (plain http only to a loopback address)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new CliError(`${flag} ${JSON.stringify(text)} is not an https URL`);
  return url;
}
