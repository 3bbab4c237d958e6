import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import type { DemoCase, DemoSeeder, SeededRandom } from '@sig/platform/dev';
import { LeisureActivity, LeisureContact, LeisureContactKind, SummerJob } from './model';

const ACTIVITIES = [
  ['Fotboll', 'Tensta IF'],
  ['Boxning', 'Rinkeby boxningsklubb'],
  ['Musikstudio', 'Tensta fritidsgård'],
  ['Gym', 'Spånga sporthall'],
] as const;

/** Demo leisure data for the cases leisure services take part in. Fictitious. */
export async function seedDemoData(em: EntityManager, cases: DemoCase[], rng: SeededRandom): Promise<number> {
  let rows = 0;
  for (const c of cases.filter((k) => k.agencies.includes(Agency.LEISURE))) {
    const [activity, venue] = rng.pick(ACTIVITIES);
    em.create(LeisureActivity, { id: rng.uuid(), caseId: c.id, activity, venue, fromDate: c.proposedOn, untilDate: null });
    for (let i = 0; i < rng.int(1, 4); i++) {
      em.create(LeisureContact, {
        id: rng.uuid(),
        caseId: c.id,
        kind: rng.pick(Object.values(LeisureContactKind)),
        occurredAt: new Date(new Date(`${c.proposedOn}T18:00:00Z`).getTime() + rng.int(1, 90) * 86_400_000),
        note: rng.pick(['Samtal på fritidsgården om helgens planer', 'Träffad av fältassistenter vid centrum sent på kvällen', 'Deltog i fritidsgårdens resa']),
        staff: rng.pick(['Samir Aziz', 'Emma Wik', 'Kevin Mensah']),
      });
      rows++;
    }
    if (rng.chance(0.4)) {
      em.create(SummerJob, { id: rng.uuid(), caseId: c.id, employer: rng.pick(['Stockholms stad, parkförvaltningen', 'Tensta bibliotek', 'Fritidsgården']), year: Number(c.proposedOn.slice(0, 4)), weeks: rng.int(2, 4) });
      rows++;
    }
    rows++;
  }
  await em.flush();
  return rows;
}

// The dev-side contract by which the tooling loads this entry (loadDemoSeeder in the dev-kit).
seedDemoData satisfies DemoSeeder;
