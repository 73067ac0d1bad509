import { CliError } from "../cli/errors";
import { OktaError } from "./errors";
import { isLoopbackHost, parseHttpsUrl } from "../http/url";

export { isLoopbackHost };

/**
 * The origin (`https://acme.okta.com`) of an org URL ({@link parseHttpsUrl}: https, plain http only to a
 * loopback address), never the admin console's.
 */
export function parseOrgUrl(text: string): string {
  const url = parseHttpsUrl(text, "--org-url", "https://acme.okta.com");
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
