// Authentication of requests between instances: an HMAC of a timestamp and the body, under a key derived from the
// credential pepper every instance shares (app_secrets); a signature is accepted for a short time only.
import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying `<epoch ms>.<signature>`. */
export const INTERNAL_AUTH_HEADER = "x-swarm-medic-internal";
/** How far a signature's time may be from the receiver's clock. */
export const INTERNAL_AUTH_SKEW_MS = 30_000;

const macOf = (pepper: string, at: number, body: string) => {
  const key = createHmac("sha256", pepper).update("swarm-medic/internal-request/v1").digest();
  return createHmac("sha256", key).update(`${at}.${body}`).digest("base64url");
};

/** The header value that authenticates `body` sent at `now`. */
export function signInternal(pepper: string, body: string, now: number): string {
  return `${now}.${macOf(pepper, now, body)}`;
}

/** Whether `header` authenticates `body` (signed with the same pepper, within the allowed skew of `now`). */
export function verifyInternal(pepper: string, header: string | undefined, body: string, now: number): boolean {
  const m = /^(\d{1,15})\.([\w-]{43})$/.exec(header ?? "");
  if (!m || Math.abs(now - Number(m[1])) > INTERNAL_AUTH_SKEW_MS) return false;
  const expected = Buffer.from(macOf(pepper, Number(m[1]), body));
  const given = Buffer.from(m[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
