/**
 * npm run bench:binding — what binding each subgraph request to its body costs, per request, beside
 * what a subgraph pays without it (the grants token alone, remembered after its first check).
 *
 * The gateway signs, per subgraph request, a small ES256 token holding the SHA-256 of the body and of
 * the grants token; the subgraph verifies it and hashes the raw body. Run in one process, in
 * interleaved rounds, on the same bodies and tokens; each variant's work is checked to succeed.
 * Options: -- --requests 2000 --rounds 5 --grants-kb 20
 */
import { parseArgs } from 'node:util';
import { generatePlatformKeys } from '@sig/platform/dev';
import {
  checkRequestBinding,
  createGatewayTokenSigner,
  createGatewayTokenVerifier,
  createRequestBindingSigner,
  createRequestBindingVerifier,
  sha256,
} from '@sig/platform/tokens';
import { PERSONAS } from '@sig/platform/dev';
import type { Grants } from '@sig/platform/access';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '5' }, 'grants-kb': { type: 'string', default: '20' } } });
const requests = Number(values.requests);
const rounds = Number(values.rounds);

const keys = await generatePlatformKeys();
const actor = PERSONAS['social-worker'];
// Grants of a coordinator in many groups, about the size given (each entry is about 170 bytes signed).
const grants: Grants = { cases: {} };
for (let i = 0; JSON.stringify(grants).length < Number(values['grants-kb']) * 1024; i++) {
  grants.cases[`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`] = { role: 'MEMBER', consent: 'ACTIVE', shared: { POLICE: ['INCIDENTS'] }, withdrawn: [], caseActive: true };
}
const grantsToken = await createGatewayTokenSigner(keys.gateway.privateJwk)('police', { actor, grants, operationName: 'Bench', purpose: 'query cases' });
const verifyGrants = await createGatewayTokenVerifier(keys.gateway.publicJwk, 'police');
const signBinding = createRequestBindingSigner(keys.gateway.privateJwk);
const verifyBinding = await createRequestBindingVerifier(keys.gateway.publicJwk, 'police');
// Distinct bodies, as a gateway sends: an _entities fetch for 100 cases each.
const bodies = Array.from({ length: requests }, (_, i) =>
  JSON.stringify({ query: `query Q($representations: [_Any!]!) { _entities(representations: $representations) { ... on Case { police { incidents { id } } } } }`, variables: { representations: Array.from({ length: 100 }, (_, j) => ({ __typename: 'Case', id: `${i}-${j}` })) } }),
);

async function withoutBinding(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i++) await verifyGrants(grantsToken);
  return ((performance.now() - started) * 1000) / requests;
}

async function withBinding(): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const binding = await signBinding('police', grantsToken, bodies[i]);
    await verifyGrants(grantsToken);
    checkRequestBinding(await verifyBinding(binding), grantsToken, sha256(bodies[i]));
  }
  return ((performance.now() - started) * 1000) / requests;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const plain: number[] = [];
const bound: number[] = [];
await withoutBinding();
await withBinding();
for (let r = 0; r < rounds; r++) {
  if (r % 2 === 0) {
    plain.push(await withoutBinding());
    bound.push(await withBinding());
  } else {
    bound.push(await withBinding());
    plain.push(await withoutBinding());
  }
}
console.log(`${requests} subgraph requests per round, ${rounds} rounds, grants token ${(grantsToken.length / 1024).toFixed(1)} KB, body ${(bodies[0].length / 1024).toFixed(1)} KB`);
console.log(`grants token only (remembered):       median ${median(plain).toFixed(1)} µs per request (rounds ${plain.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`with the body binding (sign + verify): median ${median(bound).toFixed(1)} µs per request (rounds ${bound.map((x) => x.toFixed(1)).join(', ')})`);
console.log(`the binding adds ${(median(bound) - median(plain)).toFixed(0)} µs of CPU per subgraph request (gateway and subgraph together)`);
