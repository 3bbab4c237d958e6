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

/**
 * Age ranges of the target groups, inclusive: "barn 12-19 år samt unga vuxna 20-29 år" (the city's
 * seed papers; DOMAIN.md's 12–20 differs, and the seed is the fact).
 */
export const TARGET_GROUP_AGES: Record<TargetGroup, { min: number; max: number }> = {
  SIG_UNGA: { min: 12, max: 19 },
  SIG_UNGA_VUXNA: { min: 20, max: 29 },
};


/** Whether an age falls outside the target group, which then needs a documented exception (avsteg). */
export function needsAgeException(targetGroup: TargetGroup, age: number): boolean {
  const { min, max } = TARGET_GROUP_AGES[targetGroup];
  return age < min || age > max;
}

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
