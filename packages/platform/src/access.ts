import { ActorRole, type Actor } from './actor';
import { Agency } from './agency';
import type { DenyReason } from './errors';

/** A member's role in one case's group. */
export type GroupRole = 'COORDINATOR' | 'LOTS' | 'MEMBER';

/**
 * What the gateway has worked out about the actor before a request reaches a subgraph,
 * signed into the gateway token. `memberships`: the cases whose group the actor is a current
 * member of, with the role held.
 */
export interface Grants {
  memberships: Record<string, GroupRole>;
}

export const NO_GRANTS: Grants = { memberships: {} };

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

export type Decision =
  | { permit: true; basis: 'OWN_AGENCY_MEMBER' | 'OWN_AGENCY_ROLE' }
  | { permit: false; reason: DenyReason };

/**
 * The access decision for reading one datum of one case. Pure: everything it needs is passed in.
 *
 * Own-agency access: the actor's agency is the datum's source agency, and the actor is a current
 * member of the case's group, or holds a district role of that agency covering the case.
 * Sharing across agencies under consent is not granted here yet: every other read is denied.
 */
export function decideRead(actor: Actor, grants: Grants, facts: CaseFacts, data: DataCategory): Decision {
  const isMember = Object.hasOwn(grants.memberships, facts.caseId);
  if (actor.agency === data.source) {
    if (isMember) return { permit: true, basis: 'OWN_AGENCY_MEMBER' };
    if (coversByDistrictRole(actor, facts)) return { permit: true, basis: 'OWN_AGENCY_ROLE' };
    return { permit: false, reason: 'NOT_A_MEMBER' };
  }
  return { permit: false, reason: isMember ? 'NO_CONSENT' : 'NOT_A_MEMBER' };
}

/**
 * May the actor see that the case exists at all (its id in a list, the entry point to its data)?
 * Members may; so may an own-agency district role covering it.
 */
export function decideCaseVisible(actor: Actor, grants: Grants, facts: CaseFacts): Decision {
  if (Object.hasOwn(grants.memberships, facts.caseId)) return { permit: true, basis: 'OWN_AGENCY_MEMBER' };
  if (actor.agency === Agency.SOCIAL_SERVICES && coversByDistrictRole(actor, facts)) {
    return { permit: true, basis: 'OWN_AGENCY_ROLE' };
  }
  return { permit: false, reason: 'NOT_A_MEMBER' };
}

/** A district supervisor of the agency covers every case of that district (only where the district is known). */
function coversByDistrictRole(actor: Actor, facts: CaseFacts): boolean {
  return actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR) && facts.district !== undefined && facts.district === actor.district;
}
