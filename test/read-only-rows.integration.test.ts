import { readOnlyRows } from '@sig/platform/request';
import { SUBGRAPH_AGENCIES } from '@sig/platform/access';
import { openOrm } from '@sig/platform/subgraph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPH_MODULES, type PlatformDatabases } from '@sig/dev-kit';
import { createTestDatabases } from './support/platform';

/**
 * The subgraphs read through `readOnlyRows` (plain rows) and write through MikroORM entities. Both
 * must give a resolver the same values: for every entity of every subgraph, on the seeded demo data,
 * the plain rows equal the entities field by field, with the same JavaScript types (a decimal stays a
 * number, a date stays an ISO string, a timestamp a Date, JSON an object).
 */
let databases: PlatformDatabases;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ databases, drop } = await createTestDatabases({ seed: true }));
});

afterAll(async () => {
  await drop?.();
});

describe('readOnlyRows', () => {
  it.each(SUBGRAPH_AGENCIES)('gives the same values as MikroORM entities for every entity of %s', async (agency) => {
    const module = await SUBGRAPH_MODULES[agency]();
    const orm = await openOrm({ clientUrl: databases.subgraphs[agency], entities: module.entities, migrations: module.migrations });
    try {
      let compared = 0;
      for (const schema of module.entities) {
        const entity = schema.meta.class;
        const orderBy = { id: 'asc' } as never;
        const entities = await orm.em.fork().find(entity, {}, { orderBy });
        const plain = await readOnlyRows(orm.em.fork(), entity, {}, orderBy);
        expect(plain.length, schema.meta.className).toBe(entities.length);
        // Field by field, types included: toStrictEqual would also compare prototypes (entity vs plain).
        plain.forEach((row, i) => {
          const expected = { ...entities[i] } as Record<string, unknown>;
          expect(Object.keys(row).sort(), schema.meta.className).toEqual(Object.keys(expected).sort());
          for (const [key, value] of Object.entries(expected)) {
            const actual = (row as Record<string, unknown>)[key];
            expect(Object.prototype.toString.call(actual), `${schema.meta.className}.${key}`).toBe(Object.prototype.toString.call(value));
            expect(actual, `${schema.meta.className}.${key}`).toEqual(value);
          }
        });
        compared += plain.length;
      }
      expect(compared).toBeGreaterThan(0);
    } finally {
      await orm.close();
    }
  });
});
