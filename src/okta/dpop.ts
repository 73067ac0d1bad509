import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { accessTokenHash, freshClaims, signJwt } from "./jwt";

/**
 * Demonstrating Proof-of-Possession (RFC 9449). Okta turns it on by default for new API service apps, whose
 * tokens are then only accepted with a fresh proof per request. The key pair lives for one run, in memory.
 */
export class DpopSigner {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;
  /** The last nonce each server asked for (`DPoP-Nonce`), by origin + path of the endpoint family. */
  private readonly nonces = new Map<string, string>();

  constructor(private readonly nowSeconds: () => number) {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = privateKey;
    const { kty, crv, x, y } = publicKey.export({ format: "jwk" });
    this.publicJwk = { kty, crv, x, y };
  }

  /** The `DPoP` header for one request; `htu` excludes query and fragment, as the RFC says. */
  proof(method: string, url: URL, accessToken?: string): string {
    const nonce = this.nonces.get(nonceKey(url));
    const claims = {
      htm: method,
      htu: `${url.origin}${url.pathname}`,
      ...freshClaims(this.nowSeconds()),
      ...(nonce !== undefined ? { nonce } : {}),
      ...(accessToken !== undefined ? { ath: accessTokenHash(accessToken) } : {}),
    };
    return signJwt({ typ: "dpop+jwt", alg: "ES256", jwk: this.publicJwk }, claims, this.privateKey);
  }

  /** Remembers a nonce the server handed out; true when it is new, so a retry can use it. */
  rememberNonce(url: URL, nonce: string | null): boolean {
    if (!nonce || this.nonces.get(nonceKey(url)) === nonce) return false;
    this.nonces.set(nonceKey(url), nonce);
    return true;
  }
}

// The authorization server and the resource server keep separate nonces.
const nonceKey = (url: URL) => `${url.origin}${url.pathname.startsWith("/oauth2/") ? "/oauth2" : "/api"}`;
