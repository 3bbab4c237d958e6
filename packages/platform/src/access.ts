import { ActorRole, type Actor } from './actor';
import { Agency } from './agency';
import { consentStatus, disclosedTo, withdrawnSources, type ConsentData } from './consent';
import type { DenyReason } from './errors';

/** A member's role in one case's group. */
export type GroupRole = 'COORDINATOR' | 'LOTS' | 'MEMBER';

/** The state of a case's current consent, as the gateway found it at request time. */
export type ConsentState = 'NONE' | 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'WITHDRAWN';

/** What the actor holds on one case whose group it is a current member of. */
export interface CaseGrant {
  role: GroupRole;
  consent: ConsentState;
  /** Under an ACTIVE consent: source agency → categories disclosed to the actor's agency. */
  shared: Partial<Record<string, string[]>>;
  /** Source agencies whose provisions were withdrawn in part. */
  withdrawn: string[];
}

/**
 * What the gateway has worked out about the actor before a request reaches a subgraph, signed
 * into the gateway token: one entry per case whose group the actor is a current member of.
 */
export interface Grants {
  cases: Record<string, CaseGrant>;
}

export const NO_GRANTS: Grants = { cases: {} };

/** A current membership and the case's current consent (if any), as the gateway reads them. */
export interface MembershipRecord {
  caseId: string;
  role: GroupRole;
  consent: ConsentData | null;
  dateOfBirth: string;
}

/** Turns memberships and consents into grants for one actor, on one day. Pure. */
export function computeGrants(actor: Actor, records: MembershipRecord[], today: string): Grants {
  const cases: Record<string, CaseGrant> = {};
  for (const r of records) {
    const previous = cases[r.caseId];
    if (previous && RANK[previous.role] >= RANK[r.role]) continue;
    const consent: ConsentState = r.consent ? consentStatus(r.consent, r.dateOfBirth, today) : 'NONE';
    cases[r.caseId] = {
      role: r.role,
      consent,
      shared: consent === 'ACTIVE' ? disclosedTo(r.consent!, actor.agency, today) : {},
      withdrawn: r.consent ? withdrawnSources(r.consent, today) : [],
    };
  }
  return { cases };
}

const RANK: Record<GroupRole, number> = { COORDINATOR: 3, LOTS: 2, MEMBER: 1 };

/**
 * The part of the grants that a source agency's subgraph decides with: every case, with the actor's
 * role and the consent's state, but of what the consent discloses and withdraws only that source's
 * part. A subgraph decides on its own agency's data only (the decide functions below look at
 * `shared[source]` and `withdrawn` for that source alone), so it needs no more, and learns nothing
 * of what the other agencies share. It also keeps the gateway token small: a member of 100 groups
 * carried 33 KB of grants to every subgraph (docs/benchmarks.md).
 */
export function grantsForSource(grants: Grants, source: Agency): Grants {
  const cases: Record<string, CaseGrant> = {};
  for (const [caseId, grant] of Object.entries(grants.cases)) {
    const shared = grant.shared[source];
    cases[caseId] = {
      role: grant.role,
      consent: grant.consent,
      shared: shared ? { [source]: shared } : {},
      withdrawn: grant.withdrawn.includes(source) ? [source] : [],
    };
  }
  return { cases };
}

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
 * 2. Consent: the actor is a current member of K's group, and K's consent is ACTIVE with a
 *    provision that discloses (S, C) to the actor's agency.
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
