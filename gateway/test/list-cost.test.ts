import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listCostLimitFromEnv, LIMITS, MAX_LIST_LIMIT } from '../src/limits';
import { OPERATION_NAME_MAX, purposeOf } from '../src/purpose';

// graphql as the running gateway loads it (CommonJS; the test runner would pick its ESM build): limits.ts.
const { buildSchema, Kind, parse } = createRequire(import.meta.url)('graphql') as typeof import('graphql');
const ROOT = path.resolve(import.meta.dirname, '../..');
/** The schema clients see (the gateway's API schema). */
const schema = buildSchema(fs.readFileSync(path.join(ROOT, 'schema/api.graphql'), 'utf8'));
const limit = listCostLimitFromEnv({});

function operations(text: string): { document: ReturnType<typeof parse>; operation: OperationDefinitionNode }[] {
  const document = parse(text);
  return document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION).map((operation) => ({ document, operation }));
}
const cost = (text: string, variables?: Record<string, unknown>) => {
  const [{ document, operation }] = operations(text);
  return limit.cost(schema, document, operation, variables);
};

const CASE_FIELDS =
  'id status district targetGroup proposalReason proposedByAgency nextMeetingDue meetingOverdue youngPerson { givenName familyName } consent { status validUntil } police { incidents { kind occurredAt description } } school { attendance { attendancePercent } } leisure { activities { activity venue } }';

describe('the list-aware cost', () => {
  it('defaults to 20,000 with lists of unknown size counted as 10', () => {
    expect(LIMITS.maxListCost.default).toBe(20_000);
    expect(limit.maxCost).toBe(20_000);
    expect(limit.assumedListSize).toBe(10);
  });

  it('counts a field as 1 and a list of objects as its limit times its fields', () => {
    expect(cost('{ districts { code } }')).toBe(1 + 10 * 1);
    expect(cost('{ cases(limit: 500) { id status } }')).toBe(1 + 500 * 2);
    expect(cost('{ cases(limit: 7) { id consent { status } } }')).toBe(1 + 7 * (1 + (1 + 1)));
    // No limit given: the schema's default (100) applies.
    expect(cost('{ cases { id } }')).toBe(1 + 100);
    // A list of scalars counts as one field.
    expect(cost('{ cases(limit: 2) { consent { provisions { categories } } } }')).toBe(1 + 2 * (1 + (1 + 10 * 1)));
  });

  it('counts a limit given as a variable, and one over the largest allowed as the largest', () => {
    expect(cost('query($n: Int!) { cases(limit: $n) { id } }', { n: 250 })).toBe(251);
    expect(cost('{ cases(limit: 100000) { id } }')).toBe(1 + MAX_LIST_LIMIT);
    expect(cost('{ cases(limit: -5) { id } }')).toBe(1);
  });

  it('counts every alias and follows fragments', () => {
    expect(cost('{ a: cases(limit: 10) { id } b: cases(limit: 10) { ...F } } fragment F on Case { id status }')).toBe(11 + 21);
  });

  it('counts only the operation asked for', () => {
    const text = 'query A { cases(limit: 500) { id } } query B { districts { code } }';
    const [a, b] = operations(text);
    expect(limit.cost(schema, a.document, a.operation)).toBe(501);
    expect(limit.cost(schema, b.document, b.operation)).toBe(11);
  });

  it('counts introspection as nothing', () => {
    expect(cost('{ __schema { types { name fields { name args { name } } } } }')).toBe(0);
  });

  it('leaves variables that do not coerce to the executor', () => {
    expect(cost('query($n: Int!) { cases(limit: $n) { id } }', { n: 'many' })).toBeUndefined();
    expect(cost('query($n: Int!) { cases(limit: $n) { id } }', {})).toBeUndefined();
  });

  it('refuses the 15 × 500 cases request, naming its cost and the maximum', () => {
    const text = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: cases(limit: 500) { ${CASE_FIELDS} }`).join(' ')} }`;
    const [{ document, operation }] = operations(text);
    let error: any;
    try {
      limit.check(schema, document, operation);
    } catch (e) {
      error = e;
    }
    expect(error.message).toMatch(/^Operation cost 600015 exceeds the maximum cost of 20000 /);
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', cost: 600015, maxCost: 20000, http: { status: 400 } });
  });

  it('refuses a fragment explosion it cannot count', () => {
    // Each level doubles: 2^15 leaves from a short document.
    const levels = Array.from({ length: 15 }, (_, i) => `fragment F${i} on Case { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const text = `{ case(id: "x") { ...F0 } } ${levels} fragment F15 on Case { id }`;
    const [{ document, operation }] = operations(text);
    expect(() => limit.check(schema, document, operation)).toThrow(/nodes/);
  });

  it('is a setting', () => {
    const strict = listCostLimitFromEnv({ GRAPHQL_MAX_LIST_COST: '100', GRAPHQL_ASSUMED_LIST_SIZE: '50' });
    const [{ document, operation }] = operations('{ districts { code } }');
    expect(strict.cost(schema, document, operation)).toBe(51);
    expect(() => strict.check(schema, document, operation)).not.toThrow();
    const [big] = operations('{ cases(limit: 100) { id } }');
    expect(() => strict.check(schema, big.document, big.operation)).toThrow(/cost 101 exceeds the maximum cost of 100/);
    expect(() => listCostLimitFromEnv({ GRAPHQL_MAX_LIST_COST: 'lots' })).toThrow(/GRAPHQL_MAX_LIST_COST/);
  });
});

/** Every operation the platform itself sends must stay within the default limit. */
describe('the operations the platform sends', () => {
  const known: [string, string, Record<string, unknown>?][] = [];
  const dir = path.join(ROOT, 'gateway/playground/operations');
  for (const file of fs.readdirSync(dir)) known.push([`playground ${file}`, fs.readFileSync(path.join(dir, file), 'utf8')]);
  const dashboard = /const QUERY = `([\s\S]*?)`;/.exec(fs.readFileSync(path.join(ROOT, 'gateway/dashboard/app.js'), 'utf8'));
  known.push(['the dashboard', dashboard![1]]);
  // The benchmark's and the load script's queries, and the heaviest of the tests'.
  for (const file of ['bench/run.ts', 'scripts/load.ts', 'test/foundation.e2e.test.ts', 'test/consent.e2e.test.ts']) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const [, query] of text.matchAll(/`((?:query|mutation)?\s*\w*\s*(?:\([^)]*\))?\s*\{\s*cases\([^`$]*?)`/g)) known.push([`${file}: ${query.slice(0, 50)}`, query]);
  }

  it('finds them', () => {
    expect(known.length).toBeGreaterThan(12);
  });

  it.each(known)('%s is within the limit', (_name, text, variables) => {
    for (const { document, operation } of operations(text)) {
      const vars = variables ?? Object.fromEntries((operation.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.type.kind === Kind.NON_NULL_TYPE ? 'x' : undefined]));
      const actual = limit.check(schema, document, operation, vars);
      expect(actual ?? 0).toBeLessThanOrEqual(limit.maxCost);
    }
  });
});

describe('the purpose', () => {
  const purpose = (text: string) => {
    const [{ document, operation }] = operations(text);
    return purposeOf(operation, document);
  };

  it('is the operation type and its root fields, as resolved, each once', () => {
    expect(purpose('query Anything { a: cases(limit: 1) { id } b: cases { id } case(id: "x") { id } }')).toBe('query cases,case');
    expect(purpose('mutation TellThemItIsForResearch($c: ID!) { withdrawConsent(caseId: $c, signatoryId: "x") { id } }')).toBe('mutation withdrawConsent');
    expect(purpose('{ ...Q ... on Query { districts { code } } } fragment Q on Query { cases { id } }')).toBe('query cases,districts');
  });

  it('is at most 200 characters', () => {
    const text = `{ ${Array.from({ length: 40 }, (_, i) => `f${'x'.repeat(10)}${i}: __typename`).join(' ')} ${Array.from({ length: 40 }, (_, i) => `a${i}: cases { id }`).join(' ')} }`;
    expect(purpose(text).length).toBeLessThanOrEqual(200);
    const many = operations(`{ ${Array.from({ length: 30 }, (_, i) => `${'f'.repeat(10)}${i}`).join(' ')} }`);
    expect(purposeOf(many[0].operation, many[0].document)).toHaveLength(200);
  });

  it('operation names: up to 100 characters', () => {
    expect(OPERATION_NAME_MAX).toBe(100);
  });
});
