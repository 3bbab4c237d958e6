import { CATEGORY_CATALOGUE, SUBGRAPHS, catalogueProblem } from '@sig/platform/access';
import { describe, expect, it } from 'vitest';
import { LEISURE_CATEGORIES } from '../subgraphs/leisure/src/permissions';
import { POLICE_CATEGORIES } from '../subgraphs/police/src/permissions';
import { SCHOOL_CATEGORIES } from '../subgraphs/school/src/permissions';
import { SOCIAL_SERVICES_CATEGORIES } from '../subgraphs/social-services/src/permissions';

/** Each subgraph's permission-table categories (what its fields declare). */
const TABLES: Record<string, Record<string, { source: string; category: string }>> = {
  SOCIAL_SERVICES: SOCIAL_SERVICES_CATEGORIES,
  POLICE: POLICE_CATEGORIES,
  SCHOOL: SCHOOL_CATEGORIES,
  LEISURE: LEISURE_CATEGORIES,
};

describe('the category catalogue (@sig/platform/access categories.ts)', () => {
  it('has one entry per subgraph in the registry, and no other', () => {
    expect(Object.keys(CATEGORY_CATALOGUE).sort()).toEqual(SUBGRAPHS.map((s) => s.agency).sort());
  });

  it.each(Object.entries(TABLES))('names the same categories as the %s permission table', (agency, table) => {
    expect(Object.values(table).every((c) => c.source === agency)).toBe(true);
    expect([...CATEGORY_CATALOGUE[agency]].sort()).toEqual(Object.values(table).map((c) => c.category).sort());
  });

  it.each([
    ['POLICE', 'INCIDENTS', null],
    ['POLICE', 'EVERYTHING', 'not a category'],
    ['SCHOOL', 'INCIDENTS', 'not a category'],
    ['CHILD_PSYCHIATRY', 'JOURNAL', 'holds no data'],
  ] as [string, string, string | null][])('%s/%s → %s', (source, category, problem) => {
    const found = catalogueProblem(source, category);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
