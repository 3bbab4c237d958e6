import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createActorTokenVerifier, createGatewayTokenSigner, createGatewayTokenVerifier, importKey, signGatewayToken } from '../../src/tokens';
import { generatePlatformKeys, issueActorToken, PERSONAS } from '../../src/dev';
import type { Actor } from '../../src/access';

const keys = await generatePlatformKeys();
const other = await generatePlatformKeys();
const actor = PERSONAS['police-officer'] as Actor;

describe('actor tokens', () => {
  const verify = createActorTokenVerifier({ publicJwk: keys.issuer.publicJwk });

  it('round-trips a persona', async () => {
    expect(await (await verify)(await issueActorToken(actor, keys.issuer.privateJwk))).toEqual(actor);
  });

  it('refuses a token signed by another key', async () => {
    await expect((await verify)(await issueActorToken(actor, other.issuer.privateJwk))).rejects.toThrow();
  });

  it('refuses an expired token', async () => {
    const token = await issueActorToken(actor, keys.issuer.privateJwk, { expiresIn: Math.floor(Date.now() / 1000) - 10 });
    await expect((await verify)(token)).rejects.toThrow(/exp/);
  });

  it('refuses a token for another audience', async () => {
    await expect((await verify)(await issueActorToken(actor, keys.issuer.privateJwk, { audience: 'urn:other' }))).rejects.toThrow(/aud/);
  });

  it('refuses alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ agency: 'POLICE', name: 'x', unit: 'x', district: 'x', roles: [] })
      .setSubject(actor.id)
      .setIssuer('urn:sig:dev-issuer')
      .setAudience('urn:sig:platform')
      .setExpirationTime('1h')
      .encode();
    await expect((await verify)(unsigned)).rejects.toThrow();
  });

  it('refuses a token whose claims are not an actor', async () => {
    const token = await new SignJWT({ agency: 'MI6', name: 'x', unit: 'x', district: 'x', roles: [] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('someone')
      .setIssuer('urn:sig:dev-issuer')
      .setAudience('urn:sig:platform')
      .setExpirationTime('1h')
      .sign(await importKey(keys.issuer.privateJwk));
    await expect((await verify)(token)).rejects.toThrow(/agency/);
  });
});

describe('gateway tokens', () => {
  const grants = { cases: { 'c-1': { role: 'MEMBER' as const, consent: 'ACTIVE' as const, shared: { SCHOOL: ['ATTENDANCE'] }, withdrawn: [], caseActive: true } } };

  it('carries actor and grants to the subgraph it was signed for', async () => {
    const verify = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'school');
    const token = await signGatewayToken(keys.gateway.privateJwk, 'school', { actor, grants, operationName: 'Overview' });
    expect(await verify(token)).toEqual({ actor, grants, operationName: 'Overview' });
  });

  it("carries to each subgraph only its own agency's part of what the consents share", async () => {
    const both = {
      cases: {
        'c-1': { role: 'LOTS' as const, consent: 'ACTIVE' as const, shared: { SCHOOL: ['ATTENDANCE'], POLICE: ['INCIDENTS'], LEISURE: ['ACTIVITIES'] }, withdrawn: ['SCHOOL', 'SOCIAL_SERVICES'], caseActive: true },
        'c-2': { role: 'MEMBER' as const, consent: 'WITHDRAWN' as const, shared: {}, withdrawn: [], caseActive: true },
      },
    };
    const sign = createGatewayTokenSigner(keys.gateway.privateJwk);
    const school = await (await createGatewayTokenVerifier(keys.gateway.publicJwk, 'school'))(await sign('school', { actor, grants: both }));
    expect(school.grants).toEqual({
      cases: {
        'c-1': { role: 'LOTS', consent: 'ACTIVE', shared: { SCHOOL: ['ATTENDANCE'] }, withdrawn: ['SCHOOL'], caseActive: true },
        'c-2': { role: 'MEMBER', consent: 'WITHDRAWN', shared: {}, withdrawn: [], caseActive: true },
      },
    });
    const police = await (await createGatewayTokenVerifier(keys.gateway.publicJwk, 'police'))(await sign('police', { actor, grants: both }));
    expect(police.grants.cases['c-1']).toEqual({ role: 'LOTS', consent: 'ACTIVE', shared: { POLICE: ['INCIDENTS'] }, withdrawn: [], caseActive: true });
    await expect(sign('archive', { actor, grants: both })).rejects.toThrow(/no subgraph is named "archive"/);
  });

  it('is refused by another subgraph (audience)', async () => {
    const verify = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'school');
    await expect(verify(await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants }))).rejects.toThrow(/aud/);
  });

  it('is refused when signed by anyone but the gateway', async () => {
    const verify = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'police');
    await expect(verify(await signGatewayToken(other.gateway.privateJwk, 'police', { actor, grants }))).rejects.toThrow();
  });

  it('is refused when its grants were edited after signing', async () => {
    const verify = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'police');
    const [header, payload, signature] = (await signGatewayToken(keys.gateway.privateJwk, 'police', { actor, grants })).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.grants.cases['c-1'].shared.POLICE = ['INCIDENTS'];
    const forged = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    await expect(verify(forged)).rejects.toThrow(/signature/);
  });
});

describe('gateway tokens reused between requests', () => {
  const grants = { cases: {} };

  it('the signer reuses a token only for the same subgraph, actor, operation and grants object', async () => {
    const sign = createGatewayTokenSigner(keys.gateway.privateJwk);
    const first = await sign('police', { actor, grants });
    expect(await sign('police', { actor, grants })).toBe(first);
    expect(await sign('school', { actor, grants })).not.toBe(first);
    expect(await sign('police', { actor, grants, operationName: 'Other' })).not.toBe(first);
    expect(await sign('police', { actor, grants: { cases: {} } })).not.toBe(first); // new grants: new token
    expect(await sign('police', { actor: PERSONAS['school-counsellor'] as Actor, grants })).not.toBe(first);
  });

  it('the verifier remembers a verified token, and still refuses a tampered one', async () => {
    const verify = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'police');
    const token = await createGatewayTokenSigner(keys.gateway.privateJwk)('police', { actor, grants });
    expect((await verify(token)).actor).toEqual(actor);
    expect((await verify(token)).actor).toEqual(actor);
    const [h, p, sig] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims.grants = { cases: { '11111111-1111-4111-8111-111111111111': { role: 'COORDINATOR', consent: 'ACTIVE', shared: {}, withdrawn: [], caseActive: true } } };
    await expect(verify([h, Buffer.from(JSON.stringify(claims)).toString('base64url'), sig].join('.'))).rejects.toThrow();
  });
});
