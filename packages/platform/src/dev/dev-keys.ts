import { exportJWK, generateKeyPair } from 'jose';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KEY_ENV, SIGNING_ALG, type KeyPairJwk } from '../tokens/keys';

/**
 * Two key pairs: the development identity provider's (signs actor tokens for demo personas)
 * and the gateway's (signs every request the gateway sends to a subgraph); and social services'
 * secret for the keyed hash of personal numbers in its lookup log (base64url, 32 bytes).
 */
export interface PlatformKeys {
  issuer: KeyPairJwk;
  gateway: KeyPairJwk;
  lookupHashKey: string;
}

async function generateKeyPairJwk(kid: string): Promise<KeyPairJwk> {
  const { privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG };
  return { privateJwk, publicJwk };
}

export async function generatePlatformKeys(): Promise<PlatformKeys> {
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    issuer: await generateKeyPairJwk(`dev-issuer-${stamp}`),
    gateway: await generateKeyPairJwk(`gateway-${stamp}`),
    lookupHashKey: generateLookupHashKey(),
  };
}

/** A fresh secret for the personal-number lookup log's keyed hash (HMAC-SHA256): 32 random bytes, base64url. */
export function generateLookupHashKey(): string {
  return randomBytes(32).toString('base64url');
}

export function gatewayKeyEnv(keys: PlatformKeys): Record<string, string> {
  return {
    [KEY_ENV.issuerPublic]: JSON.stringify(keys.issuer.publicJwk),
    [KEY_ENV.gatewayPrivate]: JSON.stringify(keys.gateway.privateJwk),
  };
}

export function subgraphKeyEnv(keys: PlatformKeys): Record<string, string> {
  return { [KEY_ENV.gatewayPublic]: JSON.stringify(keys.gateway.publicJwk) };
}

/** For the social-services subgraph only (the other subgraphs hold no personal numbers). */
export function lookupHashKeyEnv(keys: PlatformKeys): Record<string, string> {
  return { [KEY_ENV.lookupHashKey]: keys.lookupHashKey };
}

/** Where development keys live between runs, so that `npm run token` matches a running `npm start`. */
export const DEV_KEYS_FILE = path.resolve(import.meta.dirname, '../../../../.local/dev-keys.json');

/** Development only: read the local key file, creating it on first use. Never used in production. */
export async function loadOrCreateDevKeys(file = DEV_KEYS_FILE): Promise<PlatformKeys> {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('development keys are not used in production: configure the JWK environment variables');
  }
  if (fs.existsSync(file)) {
    const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as PlatformKeys;
    // A key file written before the lookup log had no lookup-hash key: add one, once.
    if (!keys.lookupHashKey) {
      keys.lookupHashKey = generateLookupHashKey();
      fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
    }
    return keys;
  }
  const keys = await generatePlatformKeys();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
