import { importJWK, type JWK, type CryptoKey } from 'jose';

/** All signatures in the platform use one algorithm; verifiers accept no other (no "none", no HS*). */
export const SIGNING_ALG = 'ES256';

export interface KeyPairJwk {
  privateJwk: JWK;
  publicJwk: JWK;
}

/** The environment variables that hand the keys to the processes that need them (and only those). */
export const KEY_ENV = {
  issuerPublic: 'SIG_ISSUER_PUBLIC_JWK',
  gatewayPrivate: 'SIG_GATEWAY_PRIVATE_JWK',
  gatewayPublic: 'SIG_GATEWAY_PUBLIC_JWK',
  /** Social services only: the secret of the keyed hash of personal numbers in its lookup log. */
  lookupHashKey: 'LOOKUP_HASH_KEY',
} as const;

export function jwkFromEnv(name: string, env: NodeJS.ProcessEnv = process.env): JWK {
  const raw = env[name];
  if (!raw) throw new Error(`${name} is not set: it must hold a JWK (JSON)`);
  try {
    return JSON.parse(raw) as JWK;
  } catch {
    throw new Error(`${name} is not valid JSON`);
  }
}

export async function importKey(jwk: JWK): Promise<CryptoKey> {
  return (await importJWK(jwk, SIGNING_ALG)) as CryptoKey;
}
