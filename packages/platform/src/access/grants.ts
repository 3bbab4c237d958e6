import type { Actor } from './actor';
import type { Agency } from './agency';
import { CONSENT_STATUSES, consentStatus, disclosedTo, withdrawnSources, type ConsentData } from './consent';

/** A member's role in one case's group (the gateway token's check and social services' GraphQL enum use this list). */
export const GROUP_ROLES = ['COORDINATOR', 'LOTS', 'MEMBER'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

/** The state of a case's current consent, as the gateway found it at request time: a consent's status, or none. */
export const CONSENT_STATES = ['NONE', ...CONSENT_STATUSES] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];

/** What the actor holds on one case whose group it is a current member of. */
export interface CaseGrant {
  role: GroupRole;
  consent: ConsentState;
  /** Under an ACTIVE consent: source agency → categories disclosed to the actor's agency. */
  shared: Partial<Record<string, string[]>>;
  /** Source agencies whose provisions were withdrawn in part. */
  withdrawn: string[];
  /**
   * The case is ACTIVE (its group running): consent shares nothing before activation or after
   * closure, whatever it says (issue 16). Required, so that a grant without it shares nothing.
   */
  caseActive: boolean;
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
  /** Whether the case's status is ACTIVE. */
  caseActive: boolean;
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
      shared: consent === 'ACTIVE' && r.caseActive ? disclosedTo(r.consent!, actor.agency, today) : {},
      withdrawn: r.consent ? withdrawnSources(r.consent, today) : [],
      caseActive: r.caseActive,
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
 * of what the other agencies share. It also keeps the gateway token small for a member of many
 * groups (docs/decisions.md, "Grants travel in the gateway token").
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
      caseActive: grant.caseActive,
    };
  }
  return { cases };
}
