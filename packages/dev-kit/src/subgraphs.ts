import { SUBGRAPH_NAME, SUBGRAPHS, type SubgraphAgency } from '@sig/platform/access';
import type { SubgraphModule } from '@sig/platform/subgraph';
import path from 'node:path';

/** The repository's root folder (dev-kit sits at packages/dev-kit/src). */
export const ROOT = path.resolve(import.meta.dirname, '../../..');

/**
 * Each subgraph's module, loaded on demand (each process should build only its own schema) from
 * its workspace package, `@sig/subgraph-<registry name>`: keyed by the registry, so no list of
 * the subgraphs is kept here. Each index.ts declares its export a SubgraphModule, and
 * test/subgraph-registry.test.ts checks that each loads the module of its own agency.
 */
export const SUBGRAPH_MODULES = Object.fromEntries(
  SUBGRAPHS.map((s) => [s.agency, async () => ((await import(`@sig/subgraph-${s.name}`)) as { default: SubgraphModule }).default]),
) as Record<SubgraphAgency, () => Promise<SubgraphModule>>;

/** A subgraph's process entry point: `subgraphs/<registry name>/src/main.ts`. */
export function subgraphMain(agency: SubgraphAgency): string {
  return path.join(ROOT, 'subgraphs', SUBGRAPH_NAME[agency], 'src', 'main.ts');
}
