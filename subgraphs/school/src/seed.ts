import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, Agency } from '@sig/platform/access';
import type { DemoCase, DemoSeeder, SeededRandom } from '@sig/platform/dev';
import { AttendancePeriod, SchoolPlacement, SupportMeasure, SupportMeasureKind } from './model';

const SCHOOLS = ['Tensta grundskola', 'Rinkebyskolan', 'Spånga gymnasium', 'Kvarnbyskolan', 'Bredbyskolan', 'Vällingbyskolan'];
const MENTORS = ['Per Ström', 'Hanna Lund', 'Yasmin Farah', 'Oskar Lind'];


/** Demo school data for the cases the school takes part in: a placement, attendance per month (often rising), support. Fictitious. */
export async function seedDemoData(em: EntityManager, cases: DemoCase[], rng: SeededRandom): Promise<number> {
  let rows = 0;
  const today = new Date().toISOString().slice(0, 10);
  for (const c of cases.filter((k) => k.agencies.includes(Agency.SCHOOL))) {
    em.create(SchoolPlacement, { id: rng.uuid(), caseId: c.id, schoolName: rng.pick(SCHOOLS), grade: rng.int(6, 11), mentor: rng.pick(MENTORS), fromDate: addDays(c.proposedOn, -rng.int(100, 400)), untilDate: null });
    let attendance = rng.int(40, 75);
    const trend = rng.int(-3, 6);
    for (let month = 0; month < 6; month++) {
      const start = addDays(c.proposedOn, month * 30);
      if (start > today) break;
      attendance = Math.max(10, Math.min(100, attendance + trend + rng.int(-4, 4)));
      em.create(AttendancePeriod, { id: rng.uuid(), caseId: c.id, periodStart: start, periodEnd: addDays(start, 29), attendancePercent: attendance, unexcusedAbsencePercent: Math.max(0, Math.min(100 - attendance, rng.int(5, 40))) });
      rows++;
    }
    if (rng.chance(0.7)) {
      em.create(SupportMeasure, { id: rng.uuid(), caseId: c.id, kind: rng.pick(Object.values(SupportMeasureKind)), description: rng.pick(['Anpassat schema med kortare dagar', 'Åtgärdsprogram i matematik och svenska', 'Regelbundna samtal med kurator']), fromDate: addDays(c.proposedOn, rng.int(0, 30)), untilDate: null });
      rows++;
    }
    rows++;
  }
  await em.flush();
  return rows;
}

// The dev-side contract by which the tooling loads this entry (loadDemoSeeder in the dev-kit).
seedDemoData satisfies DemoSeeder;
