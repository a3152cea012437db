// The tool's RSA signing keys, kept in the database so every instance signs with the same key and the
// JWKS is the same whichever instance answers. Rotation publishes the new key beside the previous one, so
// a platform that cached the old JWKS (or holds a token signed a moment ago) still verifies.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { ClassroomStore, LtiKeyRecord } from '../storage/types';

export const TOOL_KEY_ALG = 'RS256';

async function newToolKey(now: number): Promise<LtiKeyRecord> {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, {
    modulusLength: 2048,
    extractable: true,
  });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  const described = { kid, alg: TOOL_KEY_ALG, use: 'sig' };
  return {
    kid,
    privateJwk: JSON.stringify({ ...privateJwk, ...described }),
    publicJwk: JSON.stringify({ ...publicJwk, ...described }),
    createdAt: now,
    retiredAt: null,
  };
}

/** The tool's keys, newest first, generating the first one when there is none. */
export async function toolKeys(store: ClassroomStore, now: number): Promise<LtiKeyRecord[]> {
  const keys = await store.lti.listKeys();
  if (keys.length > 0) return keys;
  return store.lti.addFirstKey(await newToolKey(now));
}

/** Makes a new signing key; the JWKS keeps publishing the one it replaces. Returns the new key's id. */
export async function rotateToolKey(store: ClassroomStore, now: number = Date.now()): Promise<string> {
  const key = await newToolKey(now);
  await store.lti.rotateKey(key, now);
  return key.kid;
}

/** The JWKS the platforms fetch: the signing key and the one before it, public parts only. */
export async function toolJwks(store: ClassroomStore, now: number): Promise<{ keys: JWK[] }> {
  const keys = await toolKeys(store, now);
  return { keys: keys.slice(0, 2).map((key) => JSON.parse(key.publicJwk) as JWK) };
}

/** The key the tool signs with now (deep-linking responses, client assertions). */
export async function signingKey(
  store: ClassroomStore,
  now: number,
): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
  const [current] = await toolKeys(store, now);
  if (!current) throw new Error('The tool has no signing key.');
  return { kid: current.kid, key: await importJWK(JSON.parse(current.privateJwk) as JWK, TOOL_KEY_ALG) };
}
