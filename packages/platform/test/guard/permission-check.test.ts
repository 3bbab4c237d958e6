import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Agency } from '../../src/access';
import { aggregateData, allow, caseEntry, caseScoped, caseWrite, fieldsWithoutDecision, publicData, reachedThroughGuards, statisticsReader, checkPermissionTable } from '../../src/guard';

const schema = buildSchema(`
  type Query { case(id: ID!): Case  districts: [District!]! }
  type Case { id: ID!  incidents: [Incident!]  secretCount: Int!  witness: Incident }
  type Incident { id: ID!  description: String! }
  type District { code: ID! }
`);
const INCIDENTS = { source: Agency.POLICE, category: 'INCIDENTS' };
const byCase = (p: { id: string }) => p.id;

describe('the permission-table check', () => {
  it('passes a table that covers every field and guards every path to case data', () => {
    const table = {
      Query: { case: allow, districts: allow },
      Case: { id: allow, incidents: caseScoped(INCIDENTS, byCase), secretCount: allow, witness: caseScoped(INCIDENTS, byCase) },
      Incident: reachedThroughGuards,
      District: publicData,
    };
    expect(checkPermissionTable(schema, table)).toEqual([]);
  });

  it('names a type left out, a field left out, and an entry for a field that does not exist', () => {
    const table = {
      Query: { case: allow, districts: allow },
      Case: { id: allow, incidents: caseScoped(INCIDENTS, byCase), witnes: caseScoped(INCIDENTS, byCase), secretCount: allow },
      Incident: reachedThroughGuards,
    };
    expect(checkPermissionTable(schema, table)).toEqual([
      'Case.witnes: in the permission table but not in the schema',
      'Case.witness: has no rule (it would always be denied)',
      'District: not in the permission table',
    ]);
  });

  it('names a path to case data without a case rule, and a guarded field that cannot be null', () => {
    const table = {
      Query: { case: allow, districts: allow },
      Case: { '*': caseScoped(INCIDENTS, byCase), id: allow, witness: allow },
      Incident: reachedThroughGuards,
      District: publicData,
    };
    expect(checkPermissionTable(schema, table)).toEqual([
      'Case.secretCount: is guarded by a case rule but not nullable (a denial would null its parent)',
      'Case.witness: leads to Incident, which holds case data, without a case rule',
    ]);
  });

  it("names a mutation whose payload holds case data but whose rule decides only that the case may be seen", () => {
    const writes = buildSchema(`
      type Query { districts: [District!]! }
      type Mutation { touchIncident(caseId: ID!): Incident!  addIncident(caseId: ID!): Incident! }
      type Incident { id: ID!  description: String! }
      type District { code: ID! }
    `);
    const byArg = (_: unknown, a: { caseId: string }) => a.caseId;
    const table = (touch: unknown) => ({
      Query: { districts: allow },
      Mutation: { touchIncident: touch, addIncident: caseWrite(INCIDENTS, byArg) },
      Incident: reachedThroughGuards,
      District: publicData,
    });
    expect(checkPermissionTable(writes, table(caseScoped(INCIDENTS, byArg)))).toEqual([]);
    expect(checkPermissionTable(writes, table(caseEntry(INCIDENTS, byArg)))).toEqual([
      'Mutation.touchIncident: returns Incident, which holds case data, but its rule does not decide a read of it',
    ]);
  });

  it('names a path to statistics without the statistics rule, and passes one with it', () => {
    const stats = buildSchema(`
      type Query { statistics: Report  leak: Count }
      type Report { total: Count! }
      type Count { value: Int }
    `);
    const table = (leak: unknown) => ({ Query: { statistics: statisticsReader, leak }, Report: statisticsReader, Count: aggregateData });
    expect(checkPermissionTable(stats, table(statisticsReader))).toEqual([]);
    expect(checkPermissionTable(stats, table(allow))).toEqual(['Query.leak: leads to Count, which holds statistics, without the statistics rule']);
  });

  it('knows which fields decide nothing (run without the shield): marker types and allow, never a guarded field', () => {
    const table = {
      Query: { case: allow, districts: allow },
      Case: { '*': caseScoped(INCIDENTS, byCase), id: allow },
      Open: { '*': allow },
      Incident: reachedThroughGuards,
      District: publicData,
      Count: aggregateData,
      Report: statisticsReader,
    };
    expect(Object.fromEntries([...fieldsWithoutDecision(table)].map(([t, f]) => [t, f === '*' ? f : [...f].sort()]))).toEqual({
      Query: ['case', 'districts'],
      Case: ['id'],
      Open: '*',
      Incident: '*',
      District: '*',
      Count: '*',
    });
  });
});
