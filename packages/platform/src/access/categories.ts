/**
 * The catalogue of data categories, per source agency: what a consent's provisions may name.
 * Pure data. Each subgraph's permission table declares its fields' categories
 * (SOCIAL_SERVICES_CATEGORIES, POLICE_CATEGORIES, SCHOOL_CATEGORIES, LEISURE_CATEGORIES);
 * test/category-catalogue.test.ts checks that they and this catalogue name the same categories.
 * An agency without a subgraph (e.g. CHILD_PSYCHIATRY) holds no data here and has no categories.
 */
export const CATEGORY_CATALOGUE: Readonly<Record<string, readonly string[]>> = Object.freeze({
  SOCIAL_SERVICES: Object.freeze(['CASE', 'IDENTITY', 'GROUP', 'CONSENT', 'MEETINGS', 'ACTION_PLAN', 'INTERVENTIONS']),
  POLICE: Object.freeze(['INCIDENTS', 'CONTACTS']),
  SCHOOL: Object.freeze(['PLACEMENT', 'ATTENDANCE', 'SUPPORT']),
  LEISURE: Object.freeze(['ACTIVITIES', 'CONTACTS', 'SUMMER_JOB']),
});

/** Why a provision's source or category is not in the catalogue, or null when it is. */
export function catalogueProblem(source: string, category?: string): string | null {
  const categories = CATEGORY_CATALOGUE[source];
  if (!categories) return `${source} holds no data on the platform: it can receive data under a consent, not be a source`;
  if (category !== undefined && !categories.includes(category)) return `${category} is not a category of ${source}'s data (${categories.join(', ')})`;
  return null;
}
