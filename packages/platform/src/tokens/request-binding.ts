import { createHash } from 'node:crypto';
import { jwtVerify, SignJWT, type JWK } from 'jose';
import { GATEWAY_TOKEN_HEADER, GATEWAY_TOKEN_ISSUER, signGatewayToken, type GatewayContext } from './gateway-token';
import { importKey, SIGNING_ALG } from './keys';
import { rememberVerified } from './verified-tokens';

/*
 * The request binding. The grants token says who asks and what they may see; it is reused for many
 * requests (see createGatewayTokenSigner), so on its own it would let whoever holds one send any
 * operation to that subgraph for a minute. With each request the gateway also sends a small token
 * that binds this exact body to that grants token: the SHA-256 of the body as sent and of the grants
 * token, signed with the same key for the same audience, valid for 30 s. The subgraph checks both
 * hashes against what it received before any resolver runs.
 */

/** The header that carries the binding of one request's body to its grants token. */
export const GATEWAY_BINDING_HEADER = 'x-sig-gateway-binding';
/** A binding lives long enough for one request, with room for clock skew between processes. */
export const GATEWAY_BINDING_TTL_SECONDS = 30;
/** Its own JWT type: a binding is never accepted as a grants token (it has no actor), nor a grants token as a binding. */
const BINDING_TYP = 'sig-binding+jwt';

/** SHA-256, base64url: how bodies and tokens are named in a binding. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

export interface RequestBinding {
  /** SHA-256 of the request body, byte for byte. */
  bodyHash: string;
  /** SHA-256 of the grants token sent with it. */
  tokenHash: string;
}

function signBinding(key: Awaited<ReturnType<typeof importKey>>, kid: string | undefined, subgraph: string, binding: RequestBinding): Promise<string> {
  return new SignJWT({ bh: binding.bodyHash, th: binding.tokenHash })
    .setProtectedHeader({ alg: SIGNING_ALG, kid, typ: BINDING_TYP })
    .setIssuer(GATEWAY_TOKEN_ISSUER)
    .setAudience(`urn:sig:subgraph:${subgraph}`)
    .setIssuedAt()
    .setExpirationTime(`${GATEWAY_BINDING_TTL_SECONDS}s`)
    .sign(key);
}

export type RequestBindingSigner = (subgraph: string, grantsToken: string, body: string) => Promise<string>;

/**
 * The gateway's binding signer. A body sent again with the same grants token (the same operation
 * and variables for the same actor: a list polled, a benchmark) reuses its binding while it has
 * more than half its life left; anything else gets a new one. The grants token's hash is
 * remembered beside it, as the same token goes with many requests.
 */
export function createRequestBindingSigner(gatewayPrivateJwk: JWK): RequestBindingSigner {
  const key = importKey(gatewayPrivateJwk);
  const tokenHashes = new Map<string, { token: string; hash: string }>();
  const reusable = new Map<string, { binding: string; until: number }>();
  const tokenHash = (token: string) => {
    // Keyed by the signature (see verified-tokens.ts: long keys hash slowly), compared whole.
    const id = token.slice(token.lastIndexOf('.') + 1);
    const known = tokenHashes.get(id);
    if (known?.token === token) return known.hash;
    const hash = sha256(token);
    if (tokenHashes.size >= 1024) tokenHashes.clear();
    tokenHashes.set(id, { token, hash });
    return hash;
  };
  return async (subgraph, grantsToken, body) => {
    const binding = { bodyHash: sha256(body), tokenHash: tokenHash(grantsToken) };
    const id = `${subgraph}|${binding.bodyHash}|${binding.tokenHash}`;
    const hit = reusable.get(id);
    if (hit && hit.until > Date.now()) return hit.binding;
    const signed = await signBinding(await key, gatewayPrivateJwk.kid, subgraph, binding);
    if (reusable.size >= 1024) reusable.clear();
    reusable.set(id, { binding: signed, until: Date.now() + (GATEWAY_BINDING_TTL_SECONDS * 1000) / 2 });
    return signed;
  };
}

/** The binding of one body to one grants token, for one subgraph (tests; the gateway uses createRequestBindingSigner). */
export async function signRequestBinding(gatewayPrivateJwk: JWK, subgraph: string, grantsToken: string, body: string): Promise<string> {
  return signBinding(await importKey(gatewayPrivateJwk), gatewayPrivateJwk.kid, subgraph, { bodyHash: sha256(body), tokenHash: sha256(grantsToken) });
}

/**
 * Both headers a subgraph needs for one request body: the grants token and the binding. For tests
 * and the benchmark's "floor" variant, which ask a subgraph directly; the gateway signs its own.
 */
export async function gatewayRequestHeaders(gatewayPrivateJwk: JWK, subgraph: string, ctx: GatewayContext, body: string): Promise<Record<string, string>> {
  const token = await signGatewayToken(gatewayPrivateJwk, subgraph, ctx);
  return { [GATEWAY_TOKEN_HEADER]: token, [GATEWAY_BINDING_HEADER]: await signRequestBinding(gatewayPrivateJwk, subgraph, token, body) };
}

export type RequestBindingVerifier = (binding: string) => Promise<RequestBinding>;

/**
 * A subgraph's binding verifier: checks the signature, issuer, audience, type and lifetime, and
 * returns the two hashes for `checkRequestBinding`. Remembered like grants tokens (a binding the
 * gateway reuses is checked once).
 */
export async function createRequestBindingVerifier(gatewayPublicJwk: JWK, subgraph: string): Promise<RequestBindingVerifier> {
  const key = await importKey(gatewayPublicJwk);
  return rememberVerified(async (token) => {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [SIGNING_ALG],
      issuer: GATEWAY_TOKEN_ISSUER,
      audience: `urn:sig:subgraph:${subgraph}`,
      typ: BINDING_TYP,
      requiredClaims: ['exp', 'bh', 'th'],
      maxTokenAge: `${GATEWAY_BINDING_TTL_SECONDS * 2}s`,
    });
    if (typeof payload.bh !== 'string' || typeof payload.th !== 'string') throw new Error('request binding has malformed hashes');
    return { value: { bodyHash: payload.bh, tokenHash: payload.th }, expiresAt: payload.exp! * 1000 };
  });
}

/** Throws unless the binding names this body (its bytes as received) and this grants token. */
export function checkRequestBinding(binding: RequestBinding, grantsToken: string, bodyHash: string | undefined): void {
  if (bodyHash === undefined || binding.bodyHash !== bodyHash) throw new Error('request body does not match its binding');
  if (binding.tokenHash !== sha256(grantsToken)) throw new Error('grants token does not match the binding');
}
