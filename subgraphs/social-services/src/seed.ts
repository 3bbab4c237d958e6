import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { PERSONAS } from '@sig/platform/dev';
import type { DemoCase, DemoSeeder, SeededRandom } from '@sig/platform/dev';
import { createHash } from 'node:crypto';
import { makePersonalNumber } from './domain/personal-number';

/** A consent party's id, derived from the case (the seed's random sequence stays as it was). */
const partyId = (caseId: string, n: number) => createHash('sha256').update(`${caseId}:party:${n}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5');
import { addDays } from './domain/rules';
import { ActionStatus, CaseStatus, ClosureReason, GroupRole, InterventionKind, MeetingStatus, PlanTemplate, SignatoryParty, TargetGroup } from './enums';
import { ActionPlan, Case, Consent, GroupMember, Intervention, Meeting, PlanAction, PlanGoal, YoungPerson } from './model';

const GIVEN = ['Ahmed', 'Elias', 'Noah', 'Yusuf', 'Liam', 'Omar', 'Hugo', 'Adam', 'Sara', 'Amina', 'Leo', 'Isak', 'Mohamed', 'Alva', 'William', 'Ibrahim', 'Nora', 'Ali', 'Oscar', 'Hassan'];
const FAMILY = ['Andersson', 'Hussein', 'Karlsson', 'Abdi', 'Nilsson', 'Yilmaz', 'Eriksson', 'Mohamud', 'Larsson', 'Haddad', 'Olsson', 'Warsame', 'Persson', 'Khalil', 'Svensson'];
const STAFF: Record<string, string[]> = {
  [Agency.SOCIAL_SERVICES]: ['Lena Holm', 'Johan Strand', 'Fatima Osman'],
  [Agency.POLICE]: ['Maria Nilsson', 'Ali Hassan'],
  [Agency.SCHOOL]: ['Per Ström', 'Hanna Lund'],
  [Agency.LEISURE]: ['Samir Aziz', 'Emma Wik'],
  [Agency.CHILD_PSYCHIATRY]: ['Dr. Eva Sundin'],
  [Agency.FIELD_ASSISTANTS]: ['Kevin Mensah'],
};
const PERSONA_BY_AGENCY: Partial<Record<Agency, { id: string; name: string; district: string }>> = {
  [Agency.SOCIAL_SERVICES]: PERSONAS['social-worker'],
  [Agency.POLICE]: PERSONAS['police-officer'],
  [Agency.SCHOOL]: PERSONAS['school-counsellor'],
  [Agency.LEISURE]: PERSONAS['leisure-worker'],
};
const REASONS = [
  'Misstänkt för rån tillsammans med äldre kamrater; oro för rekrytering till kriminellt nätverk.',
  'Upprepade orosanmälningar från skolan, hög frånvaro och nya kontakter i kriminell miljö.',
  'Den unge vill lämna ett kriminellt nätverk och har själv sökt stöd.',
  'Polisen har påträffat den unge vid flera tillfällen i miljöer med narkotikaförsäljning.',
];

/** Demo social-services data: young people, cases in every stage, groups, consents in every state, meetings, plans. Fictitious. */
export async function seedDemoData(em: EntityManager, cases: DemoCase[], rng: SeededRandom): Promise<number> {
  let rows = 0;
  const today = new Date().toISOString().slice(0, 10);
  for (const c of cases) {
    const index = c.number;
    const targetGroup = rng.chance(0.75) ? TargetGroup.SIG_UNGA : TargetGroup.SIG_UNGA_VUXNA;
    const age = targetGroup === TargetGroup.SIG_UNGA ? rng.int(13, 19) : rng.int(20, 28);
    const birthYear = Number(c.proposedOn.slice(0, 4)) - age;
    // Month and day come from the case's number and the serial below from its last three digits, so
    // personal numbers are unique for up to 336,000 cases without remembering the ones made.
    const month = 1 + (Math.floor(index / 28_000) % 12);
    const day = 1 + (Math.floor(index / 1000) % 28);
    const dateOfBirth = `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const person = em.create(YoungPerson, {
      id: rng.uuid(),
      personalNumber: makePersonalNumber(dateOfBirth, index % 1000).replace('-', ''),
      givenName: rng.pick(GIVEN),
      familyName: rng.pick(FAMILY),
      dateOfBirth,
      district: c.district,
    });
    const notAfterToday = (date: string) => (date > today ? today : date);
    const assessmentStartedOn = c.status === 'PROPOSED' ? null : notAfterToday(addDays(c.proposedOn, rng.int(3, 20)));
    const activatedOn = c.status === 'ACTIVE' || (c.status === 'CLOSED' && rng.chance(0.8)) ? notAfterToday(addDays(assessmentStartedOn!, rng.int(10, 40))) : null;
    // Closed on a day not after today: the meetings below stop there (none held after closure or in the future).
    const closedOn = c.status === 'CLOSED' ? notAfterToday(addDays(activatedOn ?? assessmentStartedOn!, rng.int(60, 300))) : null;
    // Activation and closure are decisions: who decided and on what grounds.
    const decidedBy = STAFF[Agency.SOCIAL_SERVICES][index % STAFF[Agency.SOCIAL_SERVICES].length];
    em.create(Case, {
      id: c.id,
      youngPersonId: person.id,
      district: c.district,
      status: c.status as CaseStatus,
      targetGroup,
      proposalReason: rng.pick(REASONS),
      // The proposer's name is of the proposer's agency (the same draws as before, so the rest of the demo is unchanged).
      ...proposer(rng.chance(0.6) ? Agency.POLICE : Agency.SOCIAL_SERVICES, rng, index),
      proposedOn: c.proposedOn,
      assessmentStartedOn,
      activatedOn,
      closedOn,
      activatedByName: activatedOn ? decidedBy : null,
      activationGrounds: activatedOn ? 'Utredningen visar behov av samordnade insatser; samtycke finns från den unge och vårdnadshavarna.' : null,
      closedByName: closedOn ? decidedBy : null,
      closureNote: closedOn ? (activatedOn ? 'Avslut efter uppföljning vid nätverksmöte.' : 'Insatsen kom inte igång.') : null,
      closureReason: c.status === 'CLOSED' ? (activatedOn ? rng.pick([ClosureReason.GOALS_MET, ClosureReason.GOALS_MET, ClosureReason.OTHER_INTERVENTION_NEEDED, ClosureReason.PLACED_OUTSIDE_HOME, ClosureReason.MOVED_TO_OTHER_MUNICIPALITY]) : ClosureReason.NOT_STARTED) : null,
    } as any);
    rows += 2;

    // The group: the demo personas of the case's district join for their agency; others are fictitious.
    const from = assessmentStartedOn ?? c.proposedOn;
    for (const agency of c.agencies) {
      const persona = PERSONA_BY_AGENCY[agency];
      const usePersona = persona && persona.district === c.district;
      em.create(GroupMember, {
        id: rng.uuid(),
        caseId: c.id,
        agency,
        personId: usePersona ? persona.id : rng.uuid(),
        personName: usePersona ? persona.name : rng.pick(STAFF[agency] ?? ['Demo Deltagare']),
        role: agency === Agency.SOCIAL_SERVICES ? GroupRole.COORDINATOR : GroupRole.MEMBER,
        fromDate: from,
        // At closure every other agency's membership ends (domain/case-lifecycle.ts).
        ...(closedOn && agency !== Agency.SOCIAL_SERVICES
          ? { untilDate: closedOn, endedByName: decidedBy, endedReason: 'Ärendet avslutades.', endedAt: new Date(`${closedOn}T12:00:00Z`) }
          : { untilDate: null }),
      });
      rows++;
    }

    // Consent in the state the scenario names; the personas' district has every state.
    if (c.consent !== 'NONE') {
      const under18 = age < 18;
      const signedOn = notAfterToday(addDays(from, 2));
      // Guardians are parties identified by personal number (two may share a name).
      const guardians = under18
        ? [0, 1].map((g) => ({ id: partyId(c.id, g + 1), name: `${rng.pick(GIVEN)} ${person.familyName}`, personalNumber: makePersonalNumber(addDays(dateOfBirth, -(28 + g) * 365), (index * 2 + g) % 1000).replace('-', '') }))
        : [];
      const youngPersonId = partyId(c.id, 0);
      const youngPerson = `${person.givenName} ${person.familyName}`;
      const withdrawnOn = [addDays(signedOn, 20), today].sort()[0];
      em.create(Consent, {
        id: rng.uuid(),
        caseId: c.id,
        consentVersion: 1,
        validFrom: signedOn,
        validUntil: c.consent === 'EXPIRED' ? addDays(today, -rng.int(5, 60)) : addDays(today, rng.int(90, 365)),
        formReference: `SAMTYCKE-${c.proposedOn.slice(0, 4)}-${String(index + 1).padStart(4, '0')}`,
        signatories: [
          // A pending consent lacks a signature: the second guardian's, or the young adult's own.
          { id: youngPersonId, party: SignatoryParty.YOUNG_PERSON, name: youngPerson, signedOn: c.consent === 'PENDING' && !under18 ? null : signedOn },
          ...guardians.map((g, i) => ({ ...g, party: SignatoryParty.GUARDIAN, signedOn: c.consent === 'PENDING' && i === 1 ? null : signedOn })),
        ],
        provisions: [
          { source: Agency.SOCIAL_SERVICES, categories: ['CASE', 'GROUP', 'MEETINGS', 'ACTION_PLAN'], recipients: null },
          { source: Agency.POLICE, categories: ['INCIDENTS'], recipients: null },
          { source: Agency.SCHOOL, categories: ['PLACEMENT', 'ATTENDANCE'], recipients: null },
          { source: Agency.LEISURE, categories: ['ACTIVITIES'], recipients: [Agency.SOCIAL_SERVICES, Agency.SCHOOL] },
        ],
        withdrawals:
          c.consent === 'WITHDRAWN'
            ? [{ withdrawnBy: guardians[0]?.name ?? youngPerson, withdrawnById: guardians[0]?.id ?? youngPersonId, withdrawnOn, sources: null }]
            : c.consent === 'PARTIALLY_WITHDRAWN'
              ? [{ withdrawnBy: guardians[0]?.name ?? youngPerson, withdrawnById: guardians[0]?.id ?? youngPersonId, withdrawnOn, sources: [Agency.POLICE] }]
              : [],
        recordedAt: new Date(`${signedOn}T10:00:00Z`),
        recordedBy: rng.pick(STAFF[Agency.SOCIAL_SERVICES]),
      });
      rows++;
    }

    if (activatedOn) {
      rows += seedMeetingsAndPlan(em, c, activatedOn, closedOn ?? today, rng);
      if (rng.chance(0.6)) {
        em.create(Intervention, { id: rng.uuid(), caseId: c.id, kind: rng.pick(Object.values(InterventionKind)), grantedOn: addDays(activatedOn, rng.int(0, 30)) });
        rows++;
      }
    }
  }
  await em.flush();
  return rows;
}

function seedMeetingsAndPlan(em: EntityManager, c: DemoCase, activatedOn: string, until: string, rng: SeededRandom): number {
  let rows = 0;
  // Meetings roughly every 3–7 weeks: some groups keep the five-week rhythm, some drift.
  let date = addDays(activatedOn, rng.int(7, 21));
  while (date <= until) {
    em.create(Meeting, {
      id: rng.uuid(),
      caseId: c.id,
      status: MeetingStatus.HELD,
      plannedFor: new Date(`${date}T13:00:00Z`),
      heldOn: date,
      attendees: c.agencies.filter(() => rng.chance(0.85)).map((agency) => ({ agency, name: `Representant ${agency.toLowerCase()}` })),
      minutes: 'Genomgång av åtgärdsplanen; delmål följdes upp.',
    });
    rows++;
    date = addDays(date, rng.int(21, 49));
  }
  if (c.status === 'ACTIVE') {
    em.create(Meeting, { id: rng.uuid(), caseId: c.id, status: MeetingStatus.PLANNED, plannedFor: new Date(`${date}T13:00:00Z`), attendees: [] });
    rows++;
  }
  const plan = em.create(ActionPlan, { id: rng.uuid(), caseId: c.id, planVersion: 1, template: rng.chance(0.8) ? PlanTemplate.INDIVIDUAL_PLAN : PlanTemplate.EXIT_PLAN, createdAt: new Date(`${activatedOn}T12:00:00Z`), createdBy: 'Lena Holm' });
  const goals = [
    { text: 'Regelbunden skolgång', sub: ['Närvaro över 80 % under terminen'], agency: Agency.SCHOOL, action: 'Veckovis avstämning med mentor' },
    { text: 'Bryta kontakten med kriminella kamrater', sub: ['Meningsfull fritid minst två kvällar i veckan'], agency: Agency.LEISURE, action: 'Introduktion på fritidsgården' },
    { text: 'Stöd till familjen', sub: [], agency: Agency.SOCIAL_SERVICES, action: 'Familjebehandling startar' },
  ];
  goals.forEach((g, i) => {
    const goal = em.create(PlanGoal, { id: rng.uuid(), planId: plan.id, caseId: c.id, parentGoalId: null, description: g.text, position: i * 10 });
    g.sub.forEach((s, j) => em.create(PlanGoal, { id: rng.uuid(), planId: plan.id, caseId: c.id, parentGoalId: goal.id, description: s, position: i * 10 + j + 1 }));
    em.create(PlanAction, {
      id: rng.uuid(),
      goalId: goal.id,
      planId: plan.id,
      caseId: c.id,
      description: g.action,
      responsibleAgency: c.agencies.includes(g.agency) ? g.agency : Agency.SOCIAL_SERVICES,
      responsiblePerson: 'Ansvarig handläggare',
      dueDate: addDays(activatedOn, rng.int(20, 120)),
      status: rng.pick([ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.DONE]),
    } as any);
    rows += 2 + g.sub.length;
  });
  return rows + 1;
}

// The dev-side contract by which the tooling loads this entry (loadDemoSeeder in the dev-kit).
seedDemoData satisfies DemoSeeder;

/** A demo proposal's proposer: the agency, a name of that agency's staff, and a referral source that fits. */
function proposer(agency: Agency, rng: SeededRandom, index: number) {
  return {
    proposedByAgency: agency,
    proposedByName: rng.pick(STAFF[agency]),
    referralSource: agency === Agency.POLICE ? 'POLICE' : index % 3 === 0 ? 'CONCERN_REPORT' : 'SOCIAL_SERVICES',
  } as const;
}
