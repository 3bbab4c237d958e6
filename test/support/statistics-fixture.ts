import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, SUBGRAPH_AGENCIES, type SubgraphAgency } from '@sig/platform/access';
import { openOrm } from '@sig/platform/subgraph';
import { SUBGRAPH_MODULES } from '@sig/dev-kit';
import { makePersonalNumber } from '../../subgraphs/social-services/src/domain/personal-number';
import { ActionPlan, Case, GroupMember, Meeting, PlanAction, PlanGoal, YoungPerson } from '../../subgraphs/social-services/src/model';
import { IncidentKind, PoliceContact, PoliceContactKind, PoliceIncident } from '../../subgraphs/police/src/model';
import { AttendancePeriod } from '../../subgraphs/school/src/model';
import { LeisureActivity, SummerJob } from '../../subgraphs/leisure/src/model';

/**
 * A known data set for the statistics tests: groups of identical cases in three districts, all in
 * 2025, so that every figure of the period 2025 (reference date 2025-12-31) can be counted by hand.
 * Each group states, beside what is stored, the facts a figure counts (worked out by hand from the
 * dates; see the comments).
 */
export interface FixtureGroup {
  district: string;
  n: number;
  age: number;
  proposedOn: string;
  activatedOn: string | null;
  closedOn: string | null;
  closureReason: 'GOALS_MET' | 'NOT_STARTED' | null;
  lastMeeting: string | null;
  members: Agency[];
  actions: { agency: Agency; due: string; status: 'DONE' | 'OPEN' }[];
  incident2025: boolean;
  contact2025: boolean;
  attendance: [number, number] | null;
  activity2025: boolean;
  summerJob2025: boolean;
  /** Hand-worked facts for 2025: */
  facts: { proposed: boolean; started: boolean; closed: boolean; cohort: boolean; activeAtRef: boolean; cadence: 'recent' | 'overdue' | 'notYetDue' | null; daysToActive: number | null };
}

const P = Agency.POLICE;
const S = Agency.SCHOOL;
const L = Agency.LEISURE;
const BUP = Agency.CHILD_PSYCHIATRY;
const none = { incident2025: false, contact2025: false, attendance: null, activity2025: false, summerJob2025: false } as const;

export const FIXTURE: FixtureGroup[] = [
  // Spånga-Tensta. g1: started 2025-02-14 (30 days), met 2025-12-10 (≥ 2025-11-26: recent).
  { district: 'spanga-tensta', n: 6, age: 14, proposedOn: '2025-01-15', activatedOn: '2025-02-14', closedOn: null, closureReason: null, lastMeeting: '2025-12-10', members: [P, S, L, BUP], actions: [{ agency: S, due: '2025-06-01', status: 'DONE' }], incident2025: true, contact2025: false, attendance: [60, 80], activity2025: true, summerJob2025: true, facts: { proposed: true, started: true, closed: false, cohort: true, activeAtRef: true, cadence: 'recent', daysToActive: 30 } },
  // g2: started 2025-02-04 (20 days), last met 2025-10-01 (+35 = 2025-11-05, before the reference date: overdue).
  { district: 'spanga-tensta', n: 6, age: 16, proposedOn: '2025-01-15', activatedOn: '2025-02-04', closedOn: null, closureReason: null, lastMeeting: '2025-10-01', members: [P, S], actions: [{ agency: Agency.SOCIAL_SERVICES, due: '2025-12-01', status: 'OPEN' }], ...none, contact2025: true, attendance: [70, 65], facts: { proposed: true, started: true, closed: false, cohort: true, activeAtRef: true, cadence: 'overdue', daysToActive: 20 } },
  // g3: started 2025-02-21 (20 days), closed 2025-10-31 with its goals met: in the cohort, not active at the end.
  { district: 'spanga-tensta', n: 5, age: 18, proposedOn: '2025-02-01', activatedOn: '2025-02-21', closedOn: '2025-10-31', closureReason: 'GOALS_MET', lastMeeting: null, members: [], actions: [], ...none, facts: { proposed: true, started: true, closed: true, cohort: true, activeAtRef: false, cadence: null, daysToActive: 20 } },
  // g4: never started, closed 2025-11-20.
  { district: 'spanga-tensta', n: 1, age: 13, proposedOn: '2025-11-01', activatedOn: null, closedOn: '2025-11-20', closureReason: 'NOT_STARTED', lastMeeting: null, members: [], actions: [], ...none, facts: { proposed: true, started: false, closed: true, cohort: false, activeAtRef: false, cadence: null, daysToActive: null } },
  // g5: started 2025-12-10 (20 days), no meeting yet and activation +35 is after the reference date: not yet due.
  { district: 'spanga-tensta', n: 5, age: 22, proposedOn: '2025-11-20', activatedOn: '2025-12-10', closedOn: null, closureReason: null, lastMeeting: null, members: [], actions: [], ...none, facts: { proposed: true, started: true, closed: false, cohort: true, activeAtRef: true, cadence: 'notYetDue', daysToActive: 20 } },
  // Rinkeby-Kista: started in 2024, active all of 2025, met 2025-12-15 (recent).
  { district: 'rinkeby-kista', n: 7, age: 21, proposedOn: '2024-11-01', activatedOn: '2024-12-01', closedOn: null, closureReason: null, lastMeeting: '2025-12-15', members: [P, S], actions: [], ...none, contact2025: true, attendance: [50, 70], summerJob2025: true, facts: { proposed: false, started: false, closed: false, cohort: true, activeAtRef: true, cadence: 'recent', daysToActive: 30 } },
  { district: 'rinkeby-kista', n: 5, age: 26, proposedOn: '2024-11-01', activatedOn: '2024-12-01', closedOn: null, closureReason: null, lastMeeting: '2025-12-15', members: [], actions: [], ...none, facts: { proposed: false, started: false, closed: false, cohort: true, activeAtRef: true, cadence: 'recent', daysToActive: 30 } },
  // Skärholmen: one case (started 2025-05-11 after 10 days, met 2025-12-20).
  { district: 'skarholmen', n: 1, age: 17, proposedOn: '2025-05-01', activatedOn: '2025-05-11', closedOn: null, closureReason: null, lastMeeting: '2025-12-20', members: [P], actions: [], ...none, facts: { proposed: true, started: true, closed: false, cohort: true, activeAtRef: true, cadence: 'recent', daysToActive: 10 } },
];

/** Writes the fixture into the four agency databases (empty, migrated). */
export async function insertStatisticsFixture(databases: Record<SubgraphAgency, string>): Promise<void> {
  let serial = 0;
  const perAgency = Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, []])) as unknown as Record<SubgraphAgency, ((em: EntityManager, caseId: string, g: FixtureGroup) => void)[]>;
  const cases: { id: string; g: FixtureGroup }[] = FIXTURE.flatMap((g) => Array.from({ length: g.n }, () => ({ id: crypto.randomUUID(), g })));
  perAgency[Agency.SOCIAL_SERVICES].push((em, id, g) => {
    const dateOfBirth = `${2025 - g.age}-06-15`;
    const person = em.create(YoungPerson, { id: crypto.randomUUID(), personalNumber: makePersonalNumber(dateOfBirth, serial++).replace('-', ''), givenName: 'Test', familyName: 'Fixture', dateOfBirth, district: g.district });
    em.create(Case, {
      id,
      youngPersonId: person.id,
      district: g.district,
      status: g.closedOn ? 'CLOSED' : g.activatedOn ? 'ACTIVE' : 'ASSESSMENT',
      targetGroup: g.age <= 19 ? 'SIG_UNGA' : 'SIG_UNGA_VUXNA',
      proposalReason: 'Statistics fixture',
      proposedByAgency: Agency.POLICE,
      proposedByName: 'Fixture',
      proposedOn: g.proposedOn,
      assessmentStartedOn: g.proposedOn,
      activatedOn: g.activatedOn,
      closedOn: g.closedOn,
      closureReason: g.closureReason,
    } as any);
    for (const agency of [Agency.SOCIAL_SERVICES, ...g.members]) {
      em.create(GroupMember, { id: crypto.randomUUID(), caseId: id, agency, personId: crypto.randomUUID(), personName: 'Fixture', role: agency === Agency.SOCIAL_SERVICES ? 'COORDINATOR' : 'MEMBER', fromDate: g.proposedOn, untilDate: null } as any);
    }
    if (g.lastMeeting) em.create(Meeting, { id: crypto.randomUUID(), caseId: id, status: 'HELD', plannedFor: new Date(`${g.lastMeeting}T13:00:00Z`), heldOn: g.lastMeeting, attendees: [] } as any);
    if (g.actions.length > 0) {
      const plan = em.create(ActionPlan, { id: crypto.randomUUID(), caseId: id, planVersion: 1, template: 'INDIVIDUAL_PLAN', createdAt: new Date(`${g.activatedOn}T12:00:00Z`), createdBy: 'Fixture' } as any);
      const goal = em.create(PlanGoal, { id: crypto.randomUUID(), planId: plan.id, caseId: id, parentGoalId: null, description: 'Mål', position: 0 });
      for (const a of g.actions) {
        em.create(PlanAction, { id: crypto.randomUUID(), goalId: goal.id, planId: plan.id, caseId: id, description: 'Åtgärd', responsibleAgency: a.agency, responsiblePerson: 'Fixture', dueDate: a.due, status: a.status } as any);
      }
    }
  });
  perAgency[Agency.POLICE].push((em, id, g) => {
    if (g.incident2025) em.create(PoliceIncident, { id: crypto.randomUUID(), caseId: id, kind: IncidentKind.SUSPECTED_OFFENCE, occurredAt: new Date('2025-06-15T10:00:00Z'), description: 'Fixture', reportNumber: null, recordedBy: 'Fixture' } as any);
    // The cases with a contact also have an incident in 2024: outside the period, it must not count.
    if (g.contact2025) em.create(PoliceIncident, { id: crypto.randomUUID(), caseId: id, kind: IncidentKind.WITNESS, occurredAt: new Date('2024-06-15T10:00:00Z'), description: 'Fixture', reportNumber: null, recordedBy: 'Fixture' } as any);
    if (g.contact2025) em.create(PoliceContact, { id: crypto.randomUUID(), caseId: id, kind: PoliceContactKind.CONVERSATION, occurredAt: new Date('2025-08-01T10:00:00Z'), note: 'Fixture', officer: 'Fixture' });
  });
  perAgency[Agency.SCHOOL].push((em, id, g) => {
    if (!g.attendance) return;
    const [first, latest] = g.attendance;
    em.create(AttendancePeriod, { id: crypto.randomUUID(), caseId: id, periodStart: '2025-02-01', periodEnd: '2025-02-28', attendancePercent: first, unexcusedAbsencePercent: 10 });
    em.create(AttendancePeriod, { id: crypto.randomUUID(), caseId: id, periodStart: '2025-09-01', periodEnd: '2025-09-30', attendancePercent: latest, unexcusedAbsencePercent: 10 });
    // A period after the reference date does not count.
    em.create(AttendancePeriod, { id: crypto.randomUUID(), caseId: id, periodStart: '2026-01-01', periodEnd: '2026-01-31', attendancePercent: first - 5, unexcusedAbsencePercent: 10 });
  });
  perAgency[Agency.LEISURE].push((em, id, g) => {
    if (g.activity2025) em.create(LeisureActivity, { id: crypto.randomUUID(), caseId: id, activity: 'Fotboll', venue: 'Tensta IP', fromDate: '2025-03-01', untilDate: null });
    if (g.summerJob2025) em.create(SummerJob, { id: crypto.randomUUID(), caseId: id, employer: 'Stockholms stad', year: 2025, weeks: 3 });
  });
  for (const agency of Object.keys(perAgency) as SubgraphAgency[]) {
    const module = await SUBGRAPH_MODULES[agency]();
    const orm = await openOrm({ clientUrl: databases[agency], entities: module.entities, migrations: module.migrations, poolMax: 2 });
    try {
      const em = orm.em.fork() as unknown as EntityManager;
      for (const { id, g } of cases) for (const write of perAgency[agency]) write(em, id, g);
      await em.flush();
    } finally {
      await orm.close();
    }
  }
}
