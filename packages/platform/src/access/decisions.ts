import { ActorRole, type Actor } from './actor';
import { Agency } from './agency';
import type { DenyReason } from './errors';
import type { ConsentState, Grants } from './grants';

/** What a subgraph knows about the case a datum belongs to. */
export interface CaseFacts {
  caseId: string;
  /** Known where the case itself is stored (social services); needed for district roles. */
  district?: string;
}

/** A category of data within a source agency, e.g. POLICE / INCIDENTS. */
export interface DataCategory {
  source: Agency;
  category: string;
}

/** Why a datum was served: own agency (as member or by district role), consent, or (for a case's existence) group membership. */
export type PermitBasis = 'OWN_AGENCY_MEMBER' | 'OWN_AGENCY_ROLE' | 'CONSENT' | 'GROUP_MEMBER';
export type Decision = { permit: true; basis: PermitBasis } | { permit: false; reason: DenyReason };

const CONSENT_DENIAL: Record<Exclude<ConsentState, 'ACTIVE'>, DenyReason> = {
  NONE: 'NO_CONSENT',
  PENDING: 'CONSENT_PENDING',
  EXPIRED: 'CONSENT_EXPIRED',
  WITHDRAWN: 'CONSENT_WITHDRAWN',
};

/**
 * The access decision for reading one datum (source agency S, category C) of one case K
 * (docs/access-model.md). Pure: everything it needs is passed in.
 *
 * 1. Own agency: the actor's agency is S, and the actor is a current member of K's group or holds
 *    a district role of S covering K.
 * 2. Consent: the actor is a current member of K's group, K is ACTIVE (its group running), and
 *    K's consent is ACTIVE with a provision that discloses (S, C) to the actor's agency.
 * Otherwise denied, with the reason.
 */
export function decideRead(actor: Actor, grants: Grants, facts: CaseFacts, data: DataCategory): Decision {
  const grant = Object.hasOwn(grants.cases, facts.caseId) ? grants.cases[facts.caseId] : undefined;
  if (actor.agency === data.source) {
    if (grant) return { permit: true, basis: 'OWN_AGENCY_MEMBER' };
    if (coversByDistrictRole(actor, facts)) return { permit: true, basis: 'OWN_AGENCY_ROLE' };
    return { permit: false, reason: 'NOT_A_MEMBER' };
  }
  if (!grant) return { permit: false, reason: 'NOT_A_MEMBER' };
  if (grant.consent !== 'ACTIVE') return { permit: false, reason: CONSENT_DENIAL[grant.consent] };
  // Consent lifts secrecy for a running group only: nothing before activation or after closure.
  if (grant.caseActive !== true) return { permit: false, reason: 'CASE_NOT_ACTIVE' };
  if (grant.shared[data.source]?.includes(data.category)) return { permit: true, basis: 'CONSENT' };
  if (grant.withdrawn.includes(data.source)) return { permit: false, reason: 'CONSENT_WITHDRAWN' };
  return { permit: false, reason: 'CATEGORY_NOT_COVERED' };
}

/**
 * The decision for writing data of one case: consent lifts secrecy for reading only, so an agency
 * writes only its own data, as a member of the case's group or by a district role covering it.
 * (Domain rules, such as who may change an action's status, come on top.)
 */
export function decideWrite(actor: Actor, grants: Grants, facts: CaseFacts, data: DataCategory): Decision {
  if (actor.agency !== data.source) return { permit: false, reason: 'NOT_OWN_AGENCY' };
  if (Object.hasOwn(grants.cases, facts.caseId)) return { permit: true, basis: 'OWN_AGENCY_MEMBER' };
  if (coversByDistrictRole(actor, facts)) return { permit: true, basis: 'OWN_AGENCY_ROLE' };
  return { permit: false, reason: 'NOT_A_MEMBER' };
}

/**
 * May the actor see that the case exists at all (its id in a list, the entry point to its data)?
 * Current members may; so may an own-agency district role covering it.
 */
export function decideCaseVisible(actor: Actor, grants: Grants, facts: CaseFacts): Decision {
  if (Object.hasOwn(grants.cases, facts.caseId)) return { permit: true, basis: 'GROUP_MEMBER' };
  if (actor.agency === Agency.SOCIAL_SERVICES && coversByDistrictRole(actor, facts)) {
    return { permit: true, basis: 'OWN_AGENCY_ROLE' };
  }
  return { permit: false, reason: 'NOT_A_MEMBER' };
}

/**
 * The access log of a case, in any agency, is read by the case's coordinator at social services,
 * who produces the log extract for the young person (who saw what, when).
 */
export function decideAccessLogRead(actor: Actor, grants: Grants, caseId: string): Decision {
  const grant = Object.hasOwn(grants.cases, caseId) ? grants.cases[caseId] : undefined;
  if (!grant) return { permit: false, reason: 'NOT_A_MEMBER' };
  if (actor.agency !== Agency.SOCIAL_SERVICES || grant.role !== 'COORDINATOR') return { permit: false, reason: 'ROLE_REQUIRED' };
  return { permit: true, basis: 'OWN_AGENCY_MEMBER' };
}

/** A district supervisor of the agency covers every case of that district (only where the district is known). */
function coversByDistrictRole(actor: Actor, facts: CaseFacts): boolean {
  return actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR) && facts.district !== undefined && facts.district === actor.district;
}
