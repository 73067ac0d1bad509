import { CliError } from "../cli/errors";
import { OktaError } from "./errors";
import { isLoopbackHost } from "../http/url";

export { isLoopbackHost };

/**
 * The origin (`https://acme.okta.com`) of an org URL. Only https, except plain http to a loopback address:
 * credentials must never cross the network in clear text.
 */
export function parseOrgUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new CliError(`--org-url ${JSON.stringify(text)} is not a URL: expected e.g. https://acme.okta.com`);
  }
  if (url.username || url.password) throw new CliError("--org-url must not contain a user name or password");
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw new CliError(`--org-url ${url.origin} uses plain http: only https is allowed (plain http only to a loopback address)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CliError(`--org-url ${JSON.stringify(text)} is not an https URL`);
  }
  // The admin console's host answers the API only partly; the API lives on the org's own host.
  const admin = /^([^.]+)-admin\.(.+)$/.exec(url.hostname);
  if (admin) throw new CliError(`--org-url ${url.origin} is the admin console: use the org URL ${url.protocol}//${admin[1]}.${admin[2]}`);
  return url.origin;
}

/**
 * A link from an Okta response (pagination, `_links`), reduced to its path and query on the org's origin,
 * so the credentials are only ever sent to the org the user named, whatever host a link spells.
 */
export function onOrigin(origin: string, href: string, pathPrefix: string): string {
  let url: URL;
  try {
    url = new URL(href, origin);
  } catch {
    throw new OktaError(`Okta returned a link that is not a URL: ${JSON.stringify(href)}`);
  }
  if (!url.pathname.startsWith(pathPrefix)) {
    throw new OktaError(`Okta returned a link outside ${pathPrefix}: ${url.pathname}`);
  }
  return `${url.pathname}${url.search}`;
}
