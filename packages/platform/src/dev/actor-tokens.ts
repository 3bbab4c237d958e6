import { SignJWT, type JWK } from 'jose';
import { actorClaims, type Actor } from '../access/actor';
import { ACTOR_TOKEN_AUDIENCE, ACTOR_TOKEN_ISSUER } from '../tokens/identity';
import { importKey, SIGNING_ALG } from '../tokens/keys';

/** The development identity provider: signs a token for a (demo) actor. */
export async function issueActorToken(
  actor: Actor,
  issuerPrivateJwk: JWK,
  options: { expiresIn?: string | number; audience?: string; issuer?: string } = {},
): Promise<string> {
  return new SignJWT(actorClaims(actor))
    .setProtectedHeader({ alg: SIGNING_ALG, kid: issuerPrivateJwk.kid, typ: 'JWT' })
    .setSubject(actor.id)
    .setIssuer(options.issuer ?? ACTOR_TOKEN_ISSUER)
    .setAudience(options.audience ?? ACTOR_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(await importKey(issuerPrivateJwk));
}
