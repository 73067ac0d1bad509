import { createHash, randomUUID, sign, type KeyObject } from "node:crypto";

export const base64url = (data: Buffer | string): string => Buffer.from(data).toString("base64url");

/** A compact JWS over JSON claims: RS256 for RSA keys, ES256 (raw r||s signature, as JWS wants) for P-256 keys. */
export function signJwt(
  header: Record<string, unknown> & { alg: "RS256" | "ES256" },
  claims: Record<string, unknown>,
  key: KeyObject,
): string {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    header.alg === "RS256"
      ? sign("sha256", Buffer.from(input), key)
      : sign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" });
  return `${input}.${base64url(signature)}`;
}

/** Claims every one-time JWT carries: issued now, unique id. */
export const freshClaims = (nowSeconds: number) => ({ iat: nowSeconds, jti: randomUUID() });

/** The `ath` of a DPoP proof: the access token's SHA-256, base64url. */
export const accessTokenHash = (token: string): string => base64url(createHash("sha256").update(token).digest());
