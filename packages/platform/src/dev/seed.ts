import type { EntityManager } from '@mikro-orm/postgresql';
import type { Agency } from '../access/agency';
import type { ConsentState } from '../access/grants';

/**
 * One case of the demo scenario, as each subgraph's seed needs to know it. The scenario is made
 * once (deterministically) by the seed script; social services stores the case itself, the other
 * agencies store their own data for the cases their agency takes part in.
 */
export interface DemoCase {
  id: string;
  /** Position in the scenario (0, 1, 2, …): makes personal numbers and form references unique. */
  number: number;
  district: string;
  /** Lifecycle stage of the case. */
  status: 'PROPOSED' | 'ASSESSMENT' | 'ACTIVE' | 'CLOSED';
  /** Agencies with a member in the group (their subgraph seeds data only for these cases). */
  agencies: Agency[];
  /** When the case was proposed (ISO date). */
  proposedOn: string;
  /** The state of the case's consent in the demo (PARTIALLY_WITHDRAWN: active, but police data withdrawn). */
  consent: ConsentState | 'PARTIALLY_WITHDRAWN';
}

/** The deterministic random source a subgraph's seed draws from (demo.ts makes it). */
export interface SeededRandom {
  next: () => number;
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** A deterministic UUID (v4 layout) from the generator. */
  uuid: () => string;
}

/**
 * The dev-side contract of a subgraph's demo data: each subgraph exports one as `seedDemoData` from
 * its `seed` entry (`@sig/subgraph-<name>/seed`), which only the tooling loads, never the subgraph
 * process. Writes demo data for the scenario's cases; returns the number of rows written.
 */
export type DemoSeeder = (em: EntityManager, cases: DemoCase[], rng: SeededRandom) => Promise<number>;
