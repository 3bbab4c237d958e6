import { Agency, type SubgraphAgency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/** Each subgraph's module, loaded on demand (each process should build only its own schema). */
export const SUBGRAPH_MODULES: Record<SubgraphAgency, () => Promise<SubgraphModule>> = {
  [Agency.SOCIAL_SERVICES]: async () => (await import('../subgraphs/social-services/src/index')).default,
  [Agency.POLICE]: async () => (await import('../subgraphs/police/src/index')).default,
  [Agency.SCHOOL]: async () => (await import('../subgraphs/school/src/index')).default,
  [Agency.LEISURE]: async () => (await import('../subgraphs/leisure/src/index')).default,
};

export function subgraphMain(agency: SubgraphAgency, name: string): string {
  return path.join(ROOT, 'subgraphs', name, 'src', 'main.ts');
}
