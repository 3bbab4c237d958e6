import { createRemoteJWKSet, jwtVerify, type JWK } from 'jose';
import { actorFromClaims, type Actor } from '../access/actor';
import { importKey, SIGNING_ALG } from './keys';
import { rememberVerified } from './verified-tokens';

/** Issuer and audience of actor tokens; settable so a real OIDC provider can replace the dev issuer. */
export const ACTOR_TOKEN_ISSUER = process.env.OIDC_ISSUER ?? 'urn:sig:dev-issuer';
export const ACTOR_TOKEN_AUDIENCE = process.env.OIDC_AUDIENCE ?? 'urn:sig:platform';

export type ActorTokenVerifier = (token: string) => Promise<Actor>;

/**
 * Verifies actor tokens against one public key (development) or a JWKS URL (a real provider).
 * Only ES256 is accepted, with the configured issuer and audience, and an expiry.
 */
export async function createActorTokenVerifier(source: { publicJwk: JWK } | { jwksUrl: string }): Promise<ActorTokenVerifier> {
  const key = 'publicJwk' in source ? await importKey(source.publicJwk) : createRemoteJWKSet(new URL(source.jwksUrl));
  // The caller sends the same token with every request: it is checked once, then remembered.
  return rememberVerified(async (token) => {
    const { payload } = await jwtVerify(token, key as Parameters<typeof jwtVerify>[1], {
      algorithms: [SIGNING_ALG],
      issuer: ACTOR_TOKEN_ISSUER,
      audience: ACTOR_TOKEN_AUDIENCE,
      requiredClaims: ['exp', 'sub'],
    });
    return { value: actorFromClaims(payload), expiresAt: payload.exp! * 1000 };
  });
}
