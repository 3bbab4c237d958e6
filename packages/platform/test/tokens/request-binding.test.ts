import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { checkRequestBinding, createGatewayTokenVerifier, createRequestBindingSigner, createRequestBindingVerifier, GATEWAY_BINDING_HEADER, GATEWAY_TOKEN_HEADER, gatewayRequestHeaders, importKey, sha256, signGatewayToken, signRequestBinding } from '../../src/tokens';
import { generatePlatformKeys, PERSONAS } from '../../src/dev';
import type { Actor } from '../../src/access';

const keys = await generatePlatformKeys();
const other = await generatePlatformKeys();
const actor = PERSONAS['police-officer'] as Actor;
const grants = { cases: {} };
const body = JSON.stringify({ query: '{ cases(limit: 2) { id } }', variables: {} });

/** What the subgraph does with a request's two headers and its raw body (subgraph-server.ts). */
async function accept(subgraph: string, headers: Record<string, string>, raw: string | Buffer) {
  const verifyToken = await createGatewayTokenVerifier(keys.gateway.publicJwk, subgraph);
  const verifyBinding = await createRequestBindingVerifier(keys.gateway.publicJwk, subgraph);
  const ctx = await verifyToken(headers[GATEWAY_TOKEN_HEADER]);
  checkRequestBinding(await verifyBinding(headers[GATEWAY_BINDING_HEADER]), headers[GATEWAY_TOKEN_HEADER], sha256(raw));
  return ctx;
}

describe('the request binding', () => {
  it('accepts the body it was made for, byte for byte', async () => {
    const headers = await gatewayRequestHeaders(keys.gateway.privateJwk, 'police', { actor, grants }, body);
    expect((await accept('police', headers, Buffer.from(body, 'utf8'))).actor).toEqual(actor);
  });

  it('refuses another body, however small the change', async () => {
    const headers = await gatewayRequestHeaders(keys.gateway.privateJwk, 'police', { actor, grants }, body);
    await expect(accept('police', headers, body.replace('limit: 2', 'limit: 500'))).rejects.toThrow(/body does not match/);
    await expect(accept('police', headers, `${body} `)).rejects.toThrow(/body does not match/);
    await expect(accept('police', headers, '')).rejects.toThrow(/body does not match/);
  });

  it('refuses a body that was never hashed (no JSON body was read)', async () => {
    const headers = await gatewayRequestHeaders(keys.gateway.privateJwk, 'police', { actor, grants }, body);
    const binding = await (await createRequestBindingVerifier(keys.gateway.publicJwk, 'police'))(headers[GATEWAY_BINDING_HEADER]);
    expect(() => checkRequestBinding(binding, headers[GATEWAY_TOKEN_HEADER], undefined)).toThrow(/body does not match/);
  });

  it('refuses another grants token with the same body', async () => {
    const headers = await gatewayRequestHeaders(keys.gateway.privateJwk, 'police', { actor, grants }, body);
    const otherToken = await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants, operationName: 'Other' });
    await expect(accept('police', { ...headers, [GATEWAY_TOKEN_HEADER]: otherToken }, body)).rejects.toThrow(/grants token does not match/);
  });

  it('refuses a binding for another subgraph, from another key, or expired', async () => {
    const token = await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants });
    const forSchool = await signRequestBinding(keys.gateway.privateJwk, 'school', token, body);
    await expect(accept('police', { [GATEWAY_TOKEN_HEADER]: token, [GATEWAY_BINDING_HEADER]: forSchool }, body)).rejects.toThrow(/aud/);
    const rogue = await signRequestBinding(other.gateway.privateJwk, 'police', token, body);
    await expect(accept('police', { [GATEWAY_TOKEN_HEADER]: token, [GATEWAY_BINDING_HEADER]: rogue }, body)).rejects.toThrow(/signature/);
    const expired = await new SignJWT({ bh: sha256(body), th: sha256(token) })
      .setProtectedHeader({ alg: 'ES256', kid: keys.gateway.privateJwk.kid, typ: 'sig-binding+jwt' })
      .setIssuer('urn:sig:gateway')
      .setAudience('urn:sig:subgraph:police')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 40)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(await importKey(keys.gateway.privateJwk));
    await expect(accept('police', { [GATEWAY_TOKEN_HEADER]: token, [GATEWAY_BINDING_HEADER]: expired }, body)).rejects.toThrow(/exp/);
  });

  it('is not a grants token, and a grants token is not a binding', async () => {
    const token = await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants });
    const binding = await signRequestBinding(keys.gateway.privateJwk, 'police', token, body);
    await expect(accept('police', { [GATEWAY_TOKEN_HEADER]: token, [GATEWAY_BINDING_HEADER]: token }, body)).rejects.toThrow(/typ/);
    await expect(accept('police', { [GATEWAY_TOKEN_HEADER]: binding, [GATEWAY_BINDING_HEADER]: binding }, body)).rejects.toThrow();
  });

  it("the gateway's signer reuses a binding for the same body and token only", async () => {
    const sign = createRequestBindingSigner(keys.gateway.privateJwk);
    const token = await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants });
    const first = await sign('police', token, body);
    expect(await sign('police', token, body)).toBe(first);
    expect(await sign('police', token, `${body} `)).not.toBe(first);
    expect(await sign('school', token, body)).not.toBe(first);
    const verify = await createRequestBindingVerifier(keys.gateway.publicJwk, 'police');
    expect(await verify(first)).toEqual({ bodyHash: sha256(body), tokenHash: sha256(token) });
  });
});

describe('the grants token carries the operation name and purpose', () => {
  const verify = createGatewayTokenVerifier(keys.gateway.publicJwk, 'police');
  const signRaw = async (claims: Record<string, unknown>) =>
    new SignJWT({ actor: { ...actor }, grants, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: keys.gateway.privateJwk.kid })
      .setIssuer('urn:sig:gateway')
      .setAudience('urn:sig:subgraph:police')
      .setSubject(actor.id)
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(await importKey(keys.gateway.privateJwk));

  it('round-trips both', async () => {
    const ctx = await (await verify)(await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants, operationName: 'Overview', purpose: 'query case' }));
    expect(ctx).toMatchObject({ operationName: 'Overview', purpose: 'query case' });
  });

  it('reads null or absent as none', async () => {
    expect(await (await verify)(await signRaw({ op: null, purpose: null }))).toMatchObject({ operationName: undefined, purpose: undefined });
    expect(await (await verify)(await signRaw({}))).toMatchObject({ operationName: undefined, purpose: undefined });
  });

  it.each([
    ['a purpose that is not a string', { purpose: ['query', 'cases'] }, /malformed purpose/],
    ['a purpose over 200 characters', { purpose: `query ${'x'.repeat(200)}` }, /purpose longer than 200/],
    ['an operation name that is not a string', { op: 42 }, /malformed op/],
    ['an operation name over 200 characters', { op: 'x'.repeat(201) }, /op longer than 200/],
  ])('refuses %s', async (_name, claims, message) => {
    await expect((await verify)(await signRaw(claims))).rejects.toThrow(message);
  });

  it('accepts 200 characters', async () => {
    expect((await (await verify)(await signRaw({ op: 'x'.repeat(200), purpose: 'y'.repeat(200) }))).operationName).toHaveLength(200);
  });
});
