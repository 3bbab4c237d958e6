import { Agency, DISTRICTS } from '@sig/platform/access';
import { seededRandom } from '@sig/platform/dev';
import type { DemoCase } from '@sig/platform/dev';

/** Each lifecycle stage with the consent states it can have (a case is never active without an active consent). */
const STAGES: [DemoCase['status'], DemoCase['consent']][] = [
  ['PROPOSED', 'NONE'],
  ['ASSESSMENT', 'NONE'],
  ['ASSESSMENT', 'PENDING'],
  ['ASSESSMENT', 'WITHDRAWN'],
  ['ACTIVE', 'ACTIVE'],
  ['ACTIVE', 'PARTIALLY_WITHDRAWN'],
  ['ACTIVE', 'ACTIVE'],
  ['CLOSED', 'EXPIRED'],
  ['CLOSED', 'ACTIVE'],
];

/**
 * The demo scenario: `count` cases over several districts (the demo personas' district,
 * Spånga-Tensta, gets a third of them), in every lifecycle stage and consent state, with the
 * agencies that take part.
 * Deterministic for a seed. Participation follows the seed papers' picture: police and school in
 * about 9 of 10 groups, BUP in 2 of 10.
 */
export function makeDemoScenario(count: number, seed: number): DemoCase[] {
  const rng = seededRandom(seed);
  const others = DISTRICTS.filter((d) => d.code !== 'spanga-tensta').slice(0, 6);
  const today = new Date();
  return Array.from({ length: count }, (_, i) => {
    const district = i % 3 === 0 ? 'spanga-tensta' : rng.pick(others).code;
    // Every stage and consent state is represented in the personas' district, whatever the seed.
    const [status, consent] = i < 27 && district === 'spanga-tensta' ? STAGES[i / 3] : rng.pick(STAGES);
    const agencies: Agency[] = [Agency.SOCIAL_SERVICES];
    if (rng.chance(0.9)) agencies.push(Agency.POLICE);
    if (rng.chance(0.9)) agencies.push(Agency.SCHOOL);
    if (rng.chance(0.5)) agencies.push(Agency.LEISURE);
    if (rng.chance(0.2)) agencies.push(Agency.CHILD_PSYCHIATRY);
    if (rng.chance(0.3)) agencies.push(Agency.FIELD_ASSISTANTS);
    const daysAgo = status === 'PROPOSED' ? rng.int(1, 20) : status === 'ASSESSMENT' ? rng.int(15, 60) : rng.int(60, 700);
    const proposed = new Date(today.getTime() - daysAgo * 86_400_000);
    return { id: rng.uuid(), number: i, district, status, consent, agencies, proposedOn: proposed.toISOString().slice(0, 10) };
  });
}
