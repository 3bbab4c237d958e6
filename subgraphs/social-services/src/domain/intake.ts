import type { CaseStatus, GroupRole, ProposalStage, TargetGroup } from '../enums';

/**
 * The intake rules of a SIG case: who may propose, the target groups' ages and the age exception
 * (avsteg), what a proposer is told of its proposal, and who may hold which role in the group.
 * Pure functions: no database, no clock, no environment (the settings are parsed here and read once
 * at start, in ../intake-settings.ts).
 */

/** An age band of a target group, inclusive at both ends. */
export type AgeBand = { min: number; max: number };
export type TargetGroupAges = Record<TargetGroup, AgeBand>;

/**
 * The default age bands, from the newest seed (Socialförvaltningen 2024, KS 2024/890): SIG Unga
 * "riktar sig till målgruppen unga 12-20 år"; SIG unga vuxna 20–29. Earlier papers had other bands
 * (15–25 in the 2012 pilot, "13 års ålder" in places in 2013, 12–19 in 2018), so the bands are
 * configuration (`SIG_TARGET_GROUP_AGES`) and this is only its default.
 */
export const TARGET_GROUP_AGES: TargetGroupAges = {
  SIG_UNGA: { min: 12, max: 20 },
  SIG_UNGA_VUXNA: { min: 20, max: 29 },
};

/**
 * Below this age no exception is possible and a proposal is refused outright: the 2024 seed answers
 * a motion for SIG "från åtta års ålder" (and recommends other interventions for ages 6–11).
 * Configuration `SIG_AGE_EXCEPTION_FLOOR`.
 */
export const AGE_EXCEPTION_FLOOR = 8;

const AGES_EXAMPLE = '{"SIG_UNGA":[12,20],"SIG_UNGA_VUXNA":[20,29]}';

/**
 * Parses `SIG_TARGET_GROUP_AGES`, e.g. `{"SIG_UNGA":[12,20],"SIG_UNGA_VUXNA":[20,29]}`; unset or
 * empty gives the default. Every target group must be given, as whole ages with min ≤ max. Throws an
 * error naming the setting and what is wrong.
 */
export function parseTargetGroupAges(raw: string | undefined): TargetGroupAges {
  if (raw === undefined || raw.trim() === '') return TARGET_GROUP_AGES;
  const fail = (why: string): never => {
    throw new Error(`SIG_TARGET_GROUP_AGES: ${why} (expected e.g. ${AGES_EXAMPLE})`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return fail('not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fail('not a JSON object');
  const groups = Object.keys(TARGET_GROUP_AGES) as TargetGroup[];
  for (const key of Object.keys(parsed)) if (!(groups as string[]).includes(key)) fail(`unknown target group "${key}"`);
  const out = {} as TargetGroupAges;
  for (const group of groups) {
    const band = (parsed as Record<string, unknown>)[group];
    if (!Array.isArray(band) || band.length !== 2 || !band.every((n) => Number.isInteger(n) && n >= 0 && n <= 120)) return fail(`${group} must be [min, max], two whole ages`);
    const [min, max] = band as [number, number];
    if (min > max) fail(`${group}: min ${min} is above max ${max}`);
    out[group] = { min, max };
  }
  return out;
}

/** Parses `SIG_AGE_EXCEPTION_FLOOR` (unset or empty: 8); a whole age. */
export function parseAgeExceptionFloor(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return AGE_EXCEPTION_FLOOR;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 120) throw new Error(`SIG_AGE_EXCEPTION_FLOOR: "${raw}" is not a whole age`);
  return n;
}

/** Whether an age falls outside the target group, which then needs a documented exception (avsteg). */
export function needsAgeException(targetGroup: TargetGroup, age: number, ages: TargetGroupAges = TARGET_GROUP_AGES): boolean {
  const { min, max } = ages[targetGroup];
  return age < min || age > max;
}

/**
 * What a proposal at this age needs: nothing; an exception (a justification, what was tried first,
 * and a district supervisor's approval); or, below the floor, nothing can make it possible.
 */
export function ageRequirement(targetGroup: TargetGroup, age: number, ages: TargetGroupAges = TARGET_GROUP_AGES, floor = AGE_EXCEPTION_FLOOR): 'NONE' | 'EXCEPTION' | 'REFUSED' {
  if (age < floor) return 'REFUSED';
  return needsAgeException(targetGroup, age, ages) ? 'EXCEPTION' : 'NONE';
}

/**
 * Who may approve an age exception: a district supervisor (the approving role) of social services in
 * the case's district, and never the person who proposed the case.
 */
export function mayApproveAgeException(
  approver: { id: string; agency: string; district: string; roles: readonly string[] },
  c: { district: string; proposedById?: string | null },
): 'OK' | 'ROLE_REQUIRED' | 'OWN_PROPOSAL' {
  if (approver.agency !== 'SOCIAL_SERVICES' || approver.district !== c.district || !approver.roles.includes('DISTRICT_SUPERVISOR')) return 'ROLE_REQUIRED';
  if (c.proposedById && c.proposedById === approver.id) return 'OWN_PROPOSAL';
  return 'OK';
}

/** Whether a case needs no age exception, or its exception is approved (earlier exceptions carry a free-text approver and count as approved). */
export function ageExceptionApproved(c: { ageExceptionJustification?: string | null; ageExceptionApprovedBy?: string | null }): boolean {
  return !c.ageExceptionJustification || !!c.ageExceptionApprovedBy;
}

/** Agencies that may propose (seed 003: "vanligtvis polis eller socialtjänst"; school and leisure, the rest of SSPF, too). */
export const PROPOSING_AGENCIES: readonly string[] = ['SOCIAL_SERVICES', 'POLICE', 'SCHOOL', 'LEISURE'];

/**
 * What the proposer is told of its own proposal: a coarse stage from the status and whether a group
 * ever started, never the closure reason. A routed duplicate closed as DUPLICATE_PROPOSAL reads
 * NOT_STARTED like any proposal that did not lead to a group, so nothing of the other case shows.
 */
export function proposalStage(c: { status: CaseStatus | string; activatedOn?: string | null }): ProposalStage {
  switch (c.status) {
    case 'PROPOSED':
      return 'RECEIVED';
    case 'ASSESSMENT':
      return 'UNDER_ASSESSMENT';
    case 'CLOSED':
      return c.activatedOn ? 'CLOSED' : 'NOT_STARTED';
    default:
      // Any status of a group that has started (active, or paused while its consent is renewed).
      return 'STARTED';
  }
}

/**
 * Which agencies may hold a role in the group (seed 003, 2014): social services leads and convenes,
 * so the coordinator (samordnare) is social services; a guide (lots) is social services (its
 * investigating or executing unit) or BAS / Stockholms ungdomstjänst on the district's commission
 * ("De särskilt kvalificerade kontaktpersonerna på BAS antar rollen som lots": YOUTH_SERVICE); any
 * agency may be a member.
 */
export function mayHoldRole(agency: string, role: GroupRole): boolean {
  if (role === 'COORDINATOR') return agency === 'SOCIAL_SERVICES';
  if (role === 'LOTS') return agency === 'SOCIAL_SERVICES' || agency === 'YOUTH_SERVICE';
  return true;
}

/**
 * Whether a member does the coordinator's tasks in the group: the coordinator, or a lots in a group
 * with no current coordinator ("enbart lots", seed 003: a district has only a coordinator, only a
 * lots, or both).
 */
export function actsAsCoordinator(role: GroupRole | undefined, groupHasCoordinator: boolean): boolean {
  return role === 'COORDINATOR' || (role === 'LOTS' && !groupHasCoordinator);
}
