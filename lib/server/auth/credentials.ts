// Random credentials (ingest keys `smk_…`, access tokens `smt_…`), their peppered hashes and display prefixes.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Length of the stored, displayable prefix of a credential (e.g. `smk_AbCdEfGh`). */
export const PREFIX_LENGTH = 12;

/** A new random credential with the given prefix (`smk` or `smt`): 256 bits of entropy. */
export function newCredential(kind: "smk" | "smt"): string {
  return `${kind}_${randomBytes(32).toString("base64url")}`;
}

/** HMAC-SHA256 of the credential under the server pepper, hex: the only form stored. */
export function hashCredential(pepper: string, credential: string): string {
  return createHmac("sha256", pepper).update(credential).digest("hex");
}

/** The non-secret prefix stored beside the hash, used to look candidates up. */
export function credentialPrefix(credential: string): string {
  return credential.slice(0, PREFIX_LENGTH);
}

/** Constant-time comparison of two hex hashes. */
export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The bearer credential of an Authorization header, or undefined. */
export function bearerToken(header: string | null | undefined): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return m?.[1];
}
