import { addDays } from '@sig/platform/access';
import type { CaseStatus, TargetGroup } from '../enums';

// Shared with the gateway and the other subgraphs; re-exported as part of the case rules.
export { addDays };
export { ageOn } from '@sig/platform/access';

/**
 * The domain rules of a SIG case that the platform enforces (DOMAIN.md in the shared design papers).
 * Pure functions: no database, no clock except the dates passed in.
 */

// The vocabularies are defined once, in enums.ts; re-exported as the types these rules speak.
export type { CaseStatus, TargetGroup };

// The target groups' ages and the age exception are intake rules, with their settings (intake.ts).
export { TARGET_GROUP_AGES, needsAgeException } from './intake';

/** The lifecycle (proposal → assessment → active → closed) is its own module, with its invariants. */
export { canTransition } from './case-lifecycle';

/** Network meetings (nätverksmöten) are held at least every five weeks. */
export const MEETING_INTERVAL_DAYS = 35;


/**
 * When the next network meeting is due for an active case: five weeks after the last meeting
 * held, or after activation when none has been held yet. Null for cases that are not active.
 */
export function nextMeetingDue(status: CaseStatus, activatedOn: string | null, lastHeldOn: string | null): string | null {
  if (status !== 'ACTIVE' || !activatedOn) return null;
  const from = lastHeldOn && lastHeldOn > activatedOn ? lastHeldOn : activatedOn;
  return addDays(from, MEETING_INTERVAL_DAYS);
}

/** Overdue: the due date has passed (a meeting on the due date itself is in time). */
export function isMeetingOverdue(due: string | null, today: string): boolean {
  return due !== null && today > due;
}
