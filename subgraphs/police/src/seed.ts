import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import type { DemoCase, DemoSeeder, SeededRandom } from '@sig/platform/dev';
import { IncidentKind, PoliceContact, PoliceContactKind, PoliceIncident } from './model';

const OFFENCES = ['Misstänkt rån', 'Misstänkt narkotikabrott, ringa', 'Misstänkt misshandel', 'Misstänkt olaga hot', 'Misstänkt skadegörelse', 'Misstänkt vapenbrott'];
const OFFICERS = ['Erik Johansson', 'Maria Nilsson', 'Ali Hassan', 'Jonas Berg'];

/** Demo police data for the cases the police take part in. Fictitious. */
export async function seedDemoData(em: EntityManager, cases: DemoCase[], rng: SeededRandom): Promise<number> {
  let rows = 0;
  for (const c of cases.filter((k) => k.agencies.includes(Agency.POLICE))) {
    const base = new Date(`${c.proposedOn}T12:00:00Z`).getTime();
    for (let i = 0; i < rng.int(1, 3); i++) {
      const kind = rng.pick(Object.values(IncidentKind));
      em.create(PoliceIncident, {
        id: rng.uuid(),
        caseId: c.id,
        kind,
        occurredAt: new Date(base - rng.int(5, 200) * 86_400_000),
        description: kind === IncidentKind.CONCERN_REPORT ? 'Orosanmälan till socialtjänsten efter ingripande' : rng.pick(OFFENCES),
        reportNumber: kind === IncidentKind.CONCERN_REPORT ? null : `K${rng.int(100000, 999999)}-${c.proposedOn.slice(2, 4)}`,
        recordedBy: rng.pick(OFFICERS),
        createdAt: new Date(base),
      });
      rows++;
    }
    for (let i = 0; i < rng.int(0, 3); i++) {
      em.create(PoliceContact, {
        id: rng.uuid(),
        caseId: c.id,
        kind: rng.pick(Object.values(PoliceContactKind)),
        occurredAt: new Date(base + rng.int(1, 120) * 86_400_000),
        note: rng.pick(['Samtal om skolgång och kamratkrets', 'Hembesök tillsammans med socialtjänsten', 'Föräldrasamtal om oro för rekrytering']),
        officer: rng.pick(OFFICERS),
      });
      rows++;
    }
  }
  await em.flush();
  return rows;
}

// The dev-side contract by which the tooling loads this entry (loadDemoSeeder in the dev-kit).
seedDemoData satisfies DemoSeeder;
