import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';

/** HMAC keys by secret: a key object made once is cheaper to use than the secret string every time. */
const keys = new Map<string, KeyObject>();

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size >= 4) keys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}

function mac(value: string, secret: string): string {
  return createHmac('sha256', keyOf(secret)).update(value).digest('base64url');
}

/** `value.signature`, where the signature is an HMAC-SHA256 of `value` under `secret`. */
export function sign(value: string, secret: string): string {
  return `${value}.${mac(value, secret)}`;
}

/** The value of a token made by `sign`, or undefined when it was not signed with `secret` (or was altered). */
export function unsign(token: string, secret: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const value = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(value, secret));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
}

/** A keyed hash for values derived from the secret (seeds), separate from signatures by its label. */
export function deriveKey(secret: string, label: string, ...parts: string[]): string {
  return createHmac('sha256', keyOf(secret))
    .update([label, ...parts].join('\u0000'))
    .digest('base64url');
}
