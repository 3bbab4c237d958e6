import 'reflect-metadata';
import { registerEnumType } from 'type-graphql';

export enum CaseStatusValue {
  PROPOSED = 'PROPOSED',
  ASSESSMENT = 'ASSESSMENT',
  ACTIVE = 'ACTIVE',
  CLOSED = 'CLOSED',
}
registerEnumType(CaseStatusValue, {
  name: 'CaseStatus',
  description: 'Where a case is in its lifecycle.',
  valuesConfig: {
    PROPOSED: { description: 'Proposed (föreslagen), usually by police or social services.' },
    ASSESSMENT: { description: 'Being assessed by social services (utredning, biståndsbedömning).' },
    ACTIVE: { description: 'Active group (aktiv insatsgrupp); requires active consent.' },
    CLOSED: { description: 'Closed (avslutad), with a reason.' },
  },
});

export enum TargetGroupValue {
  SIG_UNGA = 'SIG_UNGA',
  SIG_UNGA_VUXNA = 'SIG_UNGA_VUXNA',
}
registerEnumType(TargetGroupValue, {
  name: 'TargetGroup',
  description: 'The SIG target group.',
  valuesConfig: {
    SIG_UNGA: { description: 'SIG Unga: children and young people aged 12–19.' },
    SIG_UNGA_VUXNA: { description: 'SIG unga vuxna: young adults aged 20–29.' },
  },
});

export enum ClosureReason {
  GOALS_MET = 'GOALS_MET',
  OTHER_INTERVENTION_NEEDED = 'OTHER_INTERVENTION_NEEDED',
  PLACED_OUTSIDE_HOME = 'PLACED_OUTSIDE_HOME',
  MOVED_TO_OTHER_MUNICIPALITY = 'MOVED_TO_OTHER_MUNICIPALITY',
  MOVED_ABROAD = 'MOVED_ABROAD',
  NOT_STARTED = 'NOT_STARTED',
  DUPLICATE_PROPOSAL = 'DUPLICATE_PROPOSAL',
}
registerEnumType(ClosureReason, {
  name: 'ClosureReason',
  description: 'Why a case was closed (avslutsorsak), from the seed papers.',
  valuesConfig: {
    GOALS_MET: { description: 'The goals were met (målen uppnådda).' },
    OTHER_INTERVENTION_NEEDED: { description: 'Another intervention is needed (behov av annan insats).' },
    PLACED_OUTSIDE_HOME: { description: 'Placed outside the home (placerad utanför hemmet).' },
    MOVED_TO_OTHER_MUNICIPALITY: { description: 'Moved to another municipality (flytt till annan kommun).' },
    MOVED_ABROAD: { description: 'Moved abroad (flytt utomlands).' },
    NOT_STARTED: { description: 'Closed before the group started, e.g. the assessment found no SIG need or consent was not given.' },
    DUPLICATE_PROPOSAL: { description: 'A later proposal of a young person whose case was already open, closed by that case\'s social services (dubblettförslag).' },
  },
});

export enum GroupRoleValue {
  COORDINATOR = 'COORDINATOR',
  LOTS = 'LOTS',
  MEMBER = 'MEMBER',
}
registerEnumType(GroupRoleValue, {
  name: 'GroupRole',
  description: "A member's role in the group.",
  valuesConfig: {
    COORDINATOR: { description: 'Coordinator (samordnare): leads and follows up the group work.' },
    LOTS: { description: 'Guide (lots): supports the young person and the parents.' },
    MEMBER: { description: 'Member (deltagare) representing an agency.' },
  },
});

export enum SignatoryPartyValue {
  YOUNG_PERSON = 'YOUNG_PERSON',
  GUARDIAN = 'GUARDIAN',
}
registerEnumType(SignatoryPartyValue, {
  name: 'SignatoryParty',
  description: 'Who signs a consent.',
  valuesConfig: {
    YOUNG_PERSON: { description: 'The young person (den unge).' },
    GUARDIAN: { description: 'A guardian (vårdnadshavare); required while the young person is under 18.' },
  },
});

export enum ConsentStatusValue {
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentStatusValue, {
  name: 'ConsentStatus',
  description: 'Derived status of a consent (samtycke); never stored.',
  valuesConfig: {
    PENDING: { description: 'A required signature is missing, or validity has not begun.' },
    ACTIVE: { description: 'Signed by every required party and within its validity.' },
    EXPIRED: { description: 'Past its valid-until date.' },
    WITHDRAWN: { description: 'Withdrawn in full (återkallat).' },
  },
});

export enum MeetingStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MeetingStatus, {
  name: 'MeetingStatus',
  description: 'Status of a network meeting (nätverksmöte).',
  valuesConfig: {
    PLANNED: { description: 'Planned (planerat).' },
    HELD: { description: 'Held (genomfört).' },
    CANCELLED: { description: 'Cancelled (inställt).' },
  },
});

export enum PlanTemplate {
  INDIVIDUAL_PLAN = 'INDIVIDUAL_PLAN',
  EXIT_PLAN = 'EXIT_PLAN',
}
registerEnumType(PlanTemplate, {
  name: 'PlanTemplate',
  description: 'The two action-plan templates the city uses in every district.',
  valuesConfig: {
    INDIVIDUAL_PLAN: { description: 'Individual action plan (individuell åtgärdsplan).' },
    EXIT_PLAN: { description: 'Plan for leaving a criminal network (avhopparplan).' },
  },
});

export enum ActionStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActionStatus, {
  name: 'ActionStatus',
  description: 'Status of an action in the action plan.',
  valuesConfig: {
    OPEN: { description: 'Not started (ej påbörjad).' },
    IN_PROGRESS: { description: 'In progress (pågår).' },
    DONE: { description: 'Done (genomförd).' },
    CANCELLED: { description: 'Cancelled (avbruten).' },
  },
});

export enum InterventionKind {
  FAMILY_TREATMENT = 'FAMILY_TREATMENT',
  QUALIFIED_CONTACT_PERSON = 'QUALIFIED_CONTACT_PERSON',
  YOUTH_TREATMENT = 'YOUTH_TREATMENT',
  MST = 'MST',
  ADDICTION_CARE = 'ADDICTION_CARE',
  OTHER = 'OTHER',
}
registerEnumType(InterventionKind, {
  name: 'InterventionKind',
  description: 'An intervention granted alongside the SIG (insats).',
  valuesConfig: {
    FAMILY_TREATMENT: { description: 'Structured family treatment (familjebehandling).' },
    QUALIFIED_CONTACT_PERSON: { description: 'Specially qualified contact person (särskilt kvalificerad kontaktperson).' },
    YOUTH_TREATMENT: { description: 'Youth treatment (ungdomsbehandling).' },
    MST: { description: 'Multisystemic therapy (MST).' },
    ADDICTION_CARE: { description: 'Addiction care at Maria Ungdom.' },
    OTHER: { description: 'Another intervention.' },
  },
});
