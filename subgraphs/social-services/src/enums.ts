import { CONSENT_PURPOSES, CONSENT_STATUSES, GROUP_ROLES, PROVISION_TYPES, SIGNATORY_PARTIES } from '@sig/platform/access';
import { graphqlEnum } from './graphql-enum';

/**
 * The social-services vocabularies: each an `as const` array from which the TS type and the GraphQL
 * enum (same name, a frozen object) are derived, so that each exists once. The lists the access
 * rules share (group roles, consent statuses, signatory parties) are the platform's.
 */

export { CONSENT_PURPOSES, CONSENT_STATUSES, GROUP_ROLES, PROVISION_TYPES, SIGNATORY_PARTIES };

export const CASE_STATUSES = ['PROPOSED', 'ASSESSMENT', 'ACTIVE', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatus = graphqlEnum('CaseStatus', CASE_STATUSES, 'Where a case is in its lifecycle.', {
  PROPOSED: 'Proposed (föreslagen), usually by police or social services.',
  ASSESSMENT: 'Being assessed by social services (utredning, biståndsbedömning).',
  ACTIVE: 'Active group (aktiv insatsgrupp); requires active consent.',
  CLOSED: 'Closed (avslutad), with a reason.',
});

export const TARGET_GROUPS = ['SIG_UNGA', 'SIG_UNGA_VUXNA'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TargetGroup = graphqlEnum('TargetGroup', TARGET_GROUPS, 'The SIG target group.', {
  SIG_UNGA: 'SIG Unga: children and young people, by default aged 12–20 (the age bands are configuration: SIG_TARGET_GROUP_AGES).',
  SIG_UNGA_VUXNA: 'SIG unga vuxna: young adults, by default aged 20–29 (SIG_TARGET_GROUP_AGES).',
});

export const REFERRAL_SOURCES = ['POLICE', 'SCHOOL', 'LEISURE', 'SOCIAL_SERVICES', 'YOUNG_PERSON', 'RELATIVES', 'CONCERN_REPORT', 'COURT_STATEMENT'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const ReferralSource = graphqlEnum('ReferralSource', REFERRAL_SOURCES, 'Where the concern behind a proposal came from (aktualiseringsgrund).', {
  POLICE: 'The police (polisen).',
  SCHOOL: 'School (skolan).',
  LEISURE: 'Leisure services (fritid), e.g. a youth centre.',
  SOCIAL_SERVICES: "Social services' own work (socialtjänsten).",
  YOUNG_PERSON: 'The young person (den unge) asked.',
  RELATIVES: 'Relatives (anhöriga), e.g. the guardians.',
  CONCERN_REPORT: 'A concern report (orosanmälan).',
  COURT_STATEMENT: 'A statement to the district court (yttrande till tingsrätten), where SIG is part of the youth care.',
});

export const PROPOSAL_STAGES = ['RECEIVED', 'UNDER_ASSESSMENT', 'STARTED', 'NOT_STARTED', 'CLOSED'] as const;
export type ProposalStage = (typeof PROPOSAL_STAGES)[number];
export const ProposalStage = graphqlEnum('ProposalStage', PROPOSAL_STAGES, "What a proposer is told of its own proposal: a coarse status, never the case's content or closure reason.", {
  RECEIVED: 'Received by the district social services, not yet assessed (mottaget).',
  UNDER_ASSESSMENT: 'Social services is assessing it (under utredning).',
  STARTED: 'A group was started (insatsgrupp påbörjad).',
  NOT_STARTED: 'Closed without a group being started (ej påbörjad).',
  CLOSED: 'A group was started and has ended (avslutad).',
});

export const CLOSURE_REASONS = [
  'GOALS_MET',
  'OTHER_INTERVENTION_NEEDED',
  'PLACED_OUTSIDE_HOME',
  'MOVED_TO_OTHER_MUNICIPALITY',
  'MOVED_ABROAD',
  'NOT_STARTED',
  'DUPLICATE_PROPOSAL',
  'PARTICIPATION_ENDED',
  'AGE_LIMIT_REACHED',
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export const ClosureReason = graphqlEnum('ClosureReason', CLOSURE_REASONS, 'Why a case was closed (avslutsorsak), from the seed papers.', {
  GOALS_MET: 'The goals were met (målen uppnådda).',
  OTHER_INTERVENTION_NEEDED: 'Another intervention is needed (behov av annan insats).',
  PLACED_OUTSIDE_HOME: 'Placed outside the home (placerad utanför hemmet).',
  MOVED_TO_OTHER_MUNICIPALITY: 'Moved to another municipality (flytt till annan kommun).',
  MOVED_ABROAD: 'Moved abroad (flytt utomlands).',
  NOT_STARTED: 'Closed before the group started, e.g. the assessment found no SIG need or consent was not given.',
  DUPLICATE_PROPOSAL: "A later proposal of a young person whose case was already open, closed by that case's social services (dubblettförslag).",
  PARTICIPATION_ENDED: 'The young person or the family ended participation, e.g. withdrew the consent (deltagandet avslutat av den unge eller familjen).',
  AGE_LIMIT_REACHED: "The young person reached the target group's age limit (åldersgränsen nådd).",
});

/** Whether a case's data is shared in its group now: derived from the case status and its consent on every read (domain/case-lifecycle.ts). */
export const CASE_SHARING_STATES = ['NOT_STARTED', 'SHARING', 'PAUSED', 'ENDED'] as const;
export type CaseSharing = (typeof CASE_SHARING_STATES)[number];
export const CaseSharing = graphqlEnum('CaseSharing', CASE_SHARING_STATES, 'Whether the group shares the case now; derived on every read, never stored.', {
  NOT_STARTED: 'Not active yet (proposed or in assessment): the group does not share yet.',
  SHARING: 'Active under a consent in force.',
  PAUSED: 'Active, but without a consent in force (withdrawn, expired, or not fully signed): nothing is shared until a new consent is signed or the case is closed.',
  ENDED: 'Closed: sharing has ended; the other agencies\' memberships ended at closure.',
});

/** Why an active case is paused (the consent's state, as the access decision names it). */
export const SHARING_PAUSE_REASONS = ['NO_CONSENT', 'CONSENT_PENDING', 'CONSENT_EXPIRED', 'CONSENT_WITHDRAWN'] as const;
export type SharingPauseReason = (typeof SHARING_PAUSE_REASONS)[number];
export const SharingPauseReason = graphqlEnum('SharingPauseReason', SHARING_PAUSE_REASONS, 'Why an active case is paused.', {
  NO_CONSENT: 'The case has no consent.',
  CONSENT_PENDING: 'A required signature is missing.',
  CONSENT_EXPIRED: 'The consent is past its valid-until date.',
  CONSENT_WITHDRAWN: 'The consent was withdrawn in full.',
});

export type GroupRole = (typeof GROUP_ROLES)[number];
export const GroupRole = graphqlEnum('GroupRole', GROUP_ROLES, "A member's role in the group.", {
  COORDINATOR: 'Coordinator (samordnare): leads and follows up the group work.',
  LOTS: 'Guide (lots): supports the young person and the parents.',
  MEMBER: 'Member (deltagare) representing an agency.',
});

export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];
export const SignatoryParty = graphqlEnum('SignatoryParty', SIGNATORY_PARTIES, 'Who signs a consent.', {
  YOUNG_PERSON: 'The young person (den unge).',
  GUARDIAN: 'A guardian (vårdnadshavare); required while the young person is under 18.',
});

export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const ConsentStatus = graphqlEnum('ConsentStatus', CONSENT_STATUSES, 'Derived status of a consent (samtycke); never stored.', {
  PENDING: 'A required signature is missing, or validity has not begun.',
  ACTIVE: 'Signed by every required party and within its validity.',
  EXPIRED: 'Past its valid-until date.',
  WITHDRAWN: 'Withdrawn in full (återkallat).',
});

export type ProvisionType = (typeof PROVISION_TYPES)[number];
export const ProvisionType = graphqlEnum('ProvisionType', PROVISION_TYPES, "Whether a consent provision discloses or excludes (as FHIR Consent's provision.type).", {
  PERMIT: 'Discloses the categories (to the named recipients, or the whole group).',
  DENY: 'Excludes the categories (for the named recipients, or the whole group) even where a PERMIT provision covers them: deny wins.',
});

export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];
export const ConsentPurpose = graphqlEnum('ConsentPurpose', CONSENT_PURPOSES, "What a consent provision is for (as FHIR Consent's provision.purpose). Recorded and shown; it does not change what is disclosed.", {
  SIG_COLLABORATION: 'Collaboration in the SIG group (samverkan i SIG) while the case is active.',
  FOLLOW_UP: 'Follow-up after the group has ended (uppföljning efter avslut).',
});

export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MeetingStatus = graphqlEnum('MeetingStatus', MEETING_STATUSES, 'Status of a network meeting (nätverksmöte).', {
  PLANNED: 'Planned (planerat).',
  HELD: 'Held (genomfört).',
  CANCELLED: 'Cancelled (inställt).',
});

export const PLAN_TEMPLATES = ['INDIVIDUAL_PLAN', 'EXIT_PLAN'] as const;
export type PlanTemplate = (typeof PLAN_TEMPLATES)[number];
export const PlanTemplate = graphqlEnum('PlanTemplate', PLAN_TEMPLATES, 'The two action-plan templates the city uses in every district.', {
  INDIVIDUAL_PLAN: 'Individual action plan (individuell åtgärdsplan).',
  EXIT_PLAN: 'Plan for leaving a criminal network (avhopparplan).',
});

export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ActionStatus = graphqlEnum('ActionStatus', ACTION_STATUSES, 'Status of an action in the action plan.', {
  OPEN: 'Not started (ej påbörjad).',
  IN_PROGRESS: 'In progress (pågår).',
  DONE: 'Done (genomförd).',
  CANCELLED: 'Cancelled (avbruten).',
});

export const INTERVENTION_KINDS = ['FAMILY_TREATMENT', 'QUALIFIED_CONTACT_PERSON', 'YOUTH_TREATMENT', 'MST', 'ADDICTION_CARE', 'OTHER'] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];
export const InterventionKind = graphqlEnum('InterventionKind', INTERVENTION_KINDS, 'An intervention granted alongside the SIG (insats).', {
  FAMILY_TREATMENT: 'Structured family treatment (familjebehandling).',
  QUALIFIED_CONTACT_PERSON: 'Specially qualified contact person (särskilt kvalificerad kontaktperson).',
  YOUTH_TREATMENT: 'Youth treatment (ungdomsbehandling).',
  MST: 'Multisystemic therapy (MST).',
  ADDICTION_CARE: 'Addiction care at Maria Ungdom.',
  OTHER: 'Another intervention.',
});
