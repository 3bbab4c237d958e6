import { Agency, type SubgraphAgency } from '@sig/platform/access';
import type { DemoSeeder } from '@sig/platform/dev';

/**
 * Each subgraph's demo seeder, from its package's `seed` entry: the dev-side half of a subgraph,
 * which its process (`src/main.ts`, `src/index.ts`) never loads. Loaded on demand, like the modules.
 */
export const DEMO_SEEDERS: Record<SubgraphAgency, () => Promise<DemoSeeder>> = {
  [Agency.SOCIAL_SERVICES]: async () => (await import('@sig/subgraph-social-services/seed')).seedDemoData,
  [Agency.POLICE]: async () => (await import('@sig/subgraph-police/seed')).seedDemoData,
  [Agency.SCHOOL]: async () => (await import('@sig/subgraph-school/seed')).seedDemoData,
  [Agency.LEISURE]: async () => (await import('@sig/subgraph-leisure/seed')).seedDemoData,
};
