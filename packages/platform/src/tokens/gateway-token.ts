import { jwtVerify, SignJWT, type JWK } from 'jose';
import { actorFromClaims, type Actor } from '../access/actor';
import { CONSENT_STATES, GROUP_ROLES, grantsForSource, type Grants } from '../access/grants';
import { subgraphAgency } from '../access/agency';
import { importKey, SIGNING_ALG } from './keys';
import { rememberVerified } from './verified-tokens';

/** The header that carries the gateway's signature on every subgraph request. */
export const GATEWAY_TOKEN_HEADER = 'x-sig-gateway-token';
export const GATEWAY_TOKEN_ISSUER = 'urn:sig:gateway';
/** A gateway token lives only as long as one request can take. */
export const GATEWAY_TOKEN_TTL_SECONDS = 60;

/** The longest operation name and purpose a gateway token carries (the access log's columns hold 200). */
export const GATEWAY_TOKEN_TEXT_MAX = 200;

export interface GatewayContext {
  actor: Actor;
  grants: Grants;
  /** The client's operation name, for the access log. */
  operationName?: string;
  /**
   * Why the data was asked for, as the gateway resolved the operation (never the client's words):
   * its type and root fields, e.g. `mutation updateActionStatus` or `query cases,case`. For the access log.
   */
  purpose?: string;
}

/** Signs the actor and grants for one subgraph (the audience), so the token cannot be replayed elsewhere. */
export async function signGatewayToken(gatewayPrivateJwk: JWK, subgraph: string, ctx: GatewayContext): Promise<string> {
  return sign(await importKey(gatewayPrivateJwk), gatewayPrivateJwk.kid, subgraph, ctx);
}

/** Each subgraph gets the grants for its own agency's data only (grantsForSource). */
function sign(key: Awaited<ReturnType<typeof importKey>>, kid: string | undefined, subgraph: string, ctx: GatewayContext): Promise<string> {
  const grants = grantsForSource(ctx.grants, subgraphAgency(subgraph));
  return new SignJWT({ actor: { ...ctx.actor }, grants, op: ctx.operationName ?? null, purpose: ctx.purpose ?? null })
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' })
    .setIssuer(GATEWAY_TOKEN_ISSUER)
    .setAudience(`urn:sig:subgraph:${subgraph}`)
    .setSubject(ctx.actor.id)
    .setIssuedAt()
    .setExpirationTime(`${GATEWAY_TOKEN_TTL_SECONDS}s`)
    .sign(key);
}

export type GatewayTokenSigner = (subgraph: string, ctx: GatewayContext) => Promise<string>;

/**
 * The gateway's signer: the key imported once, and a signed token reused for the same subgraph,
 * actor, operation name, purpose and grants while it has more than half its lifetime left. Grants are keyed
 * by identity: the grants cache hands out the same object until a change is announced, and any new
 * grants (a change, or caching off) get a new token.
 */
export function createGatewayTokenSigner(gatewayPrivateJwk: JWK): GatewayTokenSigner {
  const key = importKey(gatewayPrivateJwk);
  const reusable = new WeakMap<Grants, Map<string, { token: string; until: number }>>();
  return async (subgraph, ctx) => {
    const id = `${subgraph}|${ctx.operationName ?? ''}|${ctx.purpose ?? ''}|${JSON.stringify(ctx.actor)}`;
    let forGrants = reusable.get(ctx.grants);
    const hit = forGrants?.get(id);
    if (hit && hit.until > Date.now()) return hit.token;
    const token = await sign(await key, gatewayPrivateJwk.kid, subgraph, ctx);
    if (!forGrants) reusable.set(ctx.grants, (forGrants = new Map()));
    if (forGrants.size > 256) forGrants.clear();
    forGrants.set(id, { token, until: Date.now() + (GATEWAY_TOKEN_TTL_SECONDS * 1000) / 2 });
    return token;
  };
}

export type GatewayTokenVerifier = (token: string) => Promise<GatewayContext>;

/**
 * A subgraph's verifier. A token seen before is not verified again while it is valid (the gateway
 * reuses tokens, so most requests carry one already checked): `rememberVerified`.
 */
export async function createGatewayTokenVerifier(gatewayPublicJwk: JWK, subgraph: string): Promise<GatewayTokenVerifier> {
  const verify = await verifierFor(gatewayPublicJwk, subgraph);
  return rememberVerified(async (token) => {
    const { ctx, expiresAt } = await verify(token);
    return { value: ctx, expiresAt };
  });
}

async function verifierFor(gatewayPublicJwk: JWK, subgraph: string) {
  const key = await importKey(gatewayPublicJwk);
  return async (token: string): Promise<{ ctx: GatewayContext; expiresAt: number }> => {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [SIGNING_ALG],
      issuer: GATEWAY_TOKEN_ISSUER,
      audience: `urn:sig:subgraph:${subgraph}`,
      requiredClaims: ['exp', 'sub'],
    });
    const actorClaims = payload.actor as Record<string, unknown> | undefined;
    if (!actorClaims || typeof actorClaims !== 'object') throw new Error('gateway token has no actor');
    const actor = actorFromClaims({ ...actorClaims, sub: actorClaims.id });
    if (actor.id !== payload.sub) throw new Error('gateway token subject does not match its actor');
    return {
      ctx: { actor, grants: parseGrants(payload.grants), operationName: optionalText(payload.op, 'op'), purpose: optionalText(payload.purpose, 'purpose') },
      expiresAt: payload.exp! * 1000,
    };
  };
}

/** An optional text claim: absent or null, or a string of at most GATEWAY_TOKEN_TEXT_MAX characters; anything else is refused. */
function optionalText(value: unknown, claim: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new Error(`gateway token has a malformed ${claim}`);
  if (value.length > GATEWAY_TOKEN_TEXT_MAX) throw new Error(`gateway token has a ${claim} longer than ${GATEWAY_TOKEN_TEXT_MAX} characters`);
  return value;
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The grants inside a verified token are still checked for shape: a malformed token is refused, not half-read. */
function parseGrants(raw: unknown): Grants {
  const cases = (raw as Grants | undefined)?.cases;
  if (!cases || typeof cases !== 'object' || Array.isArray(cases)) throw new Error('gateway token has no grants');
  for (const grant of Object.values(cases)) {
    const ok =
      grant &&
      GROUP_ROLES.includes(grant.role) &&
      CONSENT_STATES.includes(grant.consent) &&
      isStringArray(grant.withdrawn) &&
      typeof grant.caseActive === 'boolean' &&
      grant.shared &&
      typeof grant.shared === 'object' &&
      Object.values(grant.shared).every(isStringArray);
    if (!ok) throw new Error('gateway token has malformed grants');
  }
  return { cases };
}
