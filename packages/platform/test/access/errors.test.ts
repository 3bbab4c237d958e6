import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { badInput, forbidden } from '../../src/access';

const schema = buildSchema(`
  type Query { cases: [Case] }
  type Case { id: ID, police: Police }
  type Police { incidents: [String] }
`);

/** Runs a list whose second case's incidents are denied, by the given error maker. */
async function listWithDenial(deny: (info: GraphQLResolveInfo) => Error) {
  const rootValue = {
    cases: () => [1, 2, 3].map((n) => ({
      id: String(n),
      police: { incidents: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => (n === 2 ? deny(info) : ['ASSAULT']) },
    })),
  };
  return graphql({ schema, rootValue, source: `query List {\n  cases { id police {\n    incidents } } }` });
}

describe('answer errors', () => {
  it('a denial made in place is the error graphql-js would have placed: same message, path, locations and extensions', async () => {
    const details = { caseId: '0b6c1f7e-3f3a-4a4b-9d59-2f5f0e6b8d21', category: 'INCIDENTS' };
    const placedByGraphql = await listWithDenial(() => forbidden('CONSENT_WITHDRAWN', details));
    const madeInPlace = await listWithDenial((info) => forbidden('CONSENT_WITHDRAWN', details, info));
    expect(placedByGraphql.errors).toHaveLength(1);
    expect(madeInPlace.errors?.[0].path).toEqual(['cases', 1, 'police', 'incidents']);
    expect(madeInPlace.errors?.[0].locations).toEqual([{ line: 3, column: 5 }]);
    expect(JSON.parse(JSON.stringify(madeInPlace))).toEqual(JSON.parse(JSON.stringify(placedByGraphql)));
  });

  it('a denial made in place is not wrapped again: the resolver\'s error is the one in the response', async () => {
    let made: Error | undefined;
    const result = await listWithDenial((info) => (made = forbidden('NO_CONSENT', {}, info)));
    expect(result.errors?.[0]).toBe(made);
  });

  it('answers carry a one-line stack, and the stack trace limit is left as it was', () => {
    const limit = Error.stackTraceLimit;
    const error = badInput('personalNumber', 'not a valid personal identity number');
    expect(error.stack).toBe('GraphQLError: personalNumber: not a valid personal identity number');
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('a fault').stack?.split('\n').length).toBeGreaterThan(1);
  });
});
