import type { ConsentStatus } from '@sig/platform/access';
import type { CaseSharing as CaseSharingState, CaseStatus, ClosureReason, SharingPauseReason } from '../enums';

export type { CaseSharingState, SharingPauseReason };

/**
 * The case lifecycle (DOMAIN.md steps 1–7; issue 16), in one place. Pure: no database, no clock
 * except the dates passed in.
 *
 *   PROPOSED ──startAssessment──▶ ASSESSMENT ──activateCase──▶ ACTIVE ──closeCase──▶ CLOSED
 *       └──────────closeCase──────────┴──────────closeCase───────────────────────────▲
 *
 * Invariants:
 * - CLOSED is final: nothing leaves it, and at closure every membership of another agency ends
 *   (the closing date is its until-date), so no other agency reads a closed case; social services
 *   (its members, the district supervisor) keep it as a closed record.
 * - A case becomes ACTIVE only under a consent in force, by a recorded decision (who, when, on
 *   what grounds); its start date is never in the future nor before the proposal.
 * - An ACTIVE case never goes back: a withdrawn, expired or not yet renewed consent pauses it
 *   (`sharingState`), derived on every read, until a new consent is signed or the case is closed.
 * - The closure reason fits the history: a case that was never active closes as NOT_STARTED (or,
 *   through `closeDuplicateProposal`, DUPLICATE_PROPOSAL); a case that was active closes with one of
 *   the reasons of the seed papers or PARTICIPATION_ENDED / AGE_LIMIT_REACHED.
 */

/** Every transition the lifecycle allows, with the operation that makes it. */
export const CASE_TRANSITIONS: readonly { from: CaseStatus; to: CaseStatus; by: string }[] = [
  { from: 'PROPOSED', to: 'ASSESSMENT', by: 'startAssessment' },
  { from: 'PROPOSED', to: 'CLOSED', by: 'closeCase' },
  { from: 'ASSESSMENT', to: 'ACTIVE', by: 'activateCase' },
  { from: 'ASSESSMENT', to: 'CLOSED', by: 'closeCase' },
  { from: 'ACTIVE', to: 'CLOSED', by: 'closeCase' },
];

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** The reasons a case that was never active may be closed with. */
export const CLOSURE_REASONS_NEVER_ACTIVE: readonly ClosureReason[] = ['NOT_STARTED', 'DUPLICATE_PROPOSAL'];
/** The reasons a case that was active may be closed with: the seed papers' five, and two more. */
export const CLOSURE_REASONS_AFTER_ACTIVE: readonly ClosureReason[] = [
  'GOALS_MET',
  'OTHER_INTERVENTION_NEEDED',
  'PLACED_OUTSIDE_HOME',
  'MOVED_TO_OTHER_MUNICIPALITY',
  'MOVED_ABROAD',
  'PARTICIPATION_ENDED',
  'AGE_LIMIT_REACHED',
];

/** Why a closure with this reason is refused for a case in this state, or null when it is allowed. */
export function closureRefusal(status: CaseStatus, wasActive: boolean, reason: ClosureReason): string | null {
  if (!canTransition(status, 'CLOSED')) return `a ${status} case cannot become CLOSED`;
  const allowed = wasActive ? CLOSURE_REASONS_AFTER_ACTIVE : CLOSURE_REASONS_NEVER_ACTIVE;
  if (allowed.includes(reason)) return null;
  return wasActive
    ? `a case that was active is closed with one of ${CLOSURE_REASONS_AFTER_ACTIVE.join(', ')}`
    : `a case that never became active is closed with ${CLOSURE_REASONS_NEVER_ACTIVE.join(' or ')}`;
}

/**
 * Why a start date for activation is refused, or null: not in the future, not before the proposal.
 * A date before today is a group that ran before it was registered, and needs a reason.
 */
export function activationDateRefusal(
  startedOn: string,
  today: string,
  proposedOn: string,
  startedBeforeRegistration: string | null,
): { field: 'startedOn' | 'startedBeforeRegistration'; message: string } | null {
  if (startedOn > today) return { field: 'startedOn', message: 'must not be in the future' };
  if (startedOn < proposedOn) return { field: 'startedOn', message: `must not be before the proposal (${proposedOn})` };
  if (startedOn < today && !startedBeforeRegistration) return { field: 'startedBeforeRegistration', message: 'say why the group started before it was registered' };
  return null;
}

/**
 * The sharing state, derived from the stored status and the consent's status on the day (no job):
 * before activation nothing is shared yet; an ACTIVE case shares under a consent in force and is
 * PAUSED otherwise; a CLOSED case's sharing has ended.
 */
export function sharingState(status: CaseStatus, consent: ConsentStatus | 'NONE'): { state: CaseSharingState; pausedBecause: SharingPauseReason | null } {
  if (status === 'CLOSED') return { state: 'ENDED', pausedBecause: null };
  if (status !== 'ACTIVE') return { state: 'NOT_STARTED', pausedBecause: null };
  if (consent === 'ACTIVE') return { state: 'SHARING', pausedBecause: null };
  const pausedBecause: SharingPauseReason = consent === 'NONE' ? 'NO_CONSENT' : consent === 'PENDING' ? 'CONSENT_PENDING' : consent === 'EXPIRED' ? 'CONSENT_EXPIRED' : 'CONSENT_WITHDRAWN';
  return { state: 'PAUSED', pausedBecause };
}
