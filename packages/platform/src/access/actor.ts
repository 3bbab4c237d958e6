import { Agency, isAgency } from './agency';

/** Organisational roles an actor can hold within its own agency. */
export enum ActorRole {
  /** Works with cases (handläggare, officer, counsellor, leisure worker). */
  CASE_WORKER = 'CASE_WORKER',
  /** Supervises all SIG cases of its own agency in its district (e.g. enhetschef). */
  DISTRICT_SUPERVISOR = 'DISTRICT_SUPERVISOR',
  /** May read district statistics (SSPF leadership, social administration). */
  STATISTICS = 'STATISTICS',
}

/**
 * The authenticated caller. Known only from a verified token, never from request arguments
 * or headers a client can set.
 */
export interface Actor {
  /** Stable person id from the identity provider (the token's `sub`). */
  id: string;
  name: string;
  agency: Agency;
  /** Organisational unit, e.g. "Spånga-Tensta socialtjänst". */
  unit: string;
  /** District code (stadsdel) the actor works in. */
  district: string;
  roles: ActorRole[];
}

/** Validates an untrusted claims object into an Actor; throws a readable error when it is not one. */
export function actorFromClaims(claims: Record<string, unknown>): Actor {
  const { sub, name, agency, unit, district, roles } = claims;
  if (typeof sub !== 'string' || sub.length === 0) throw new Error('token has no subject');
  if (!isAgency(agency)) throw new Error('token has no valid agency');
  if (typeof name !== 'string' || typeof unit !== 'string' || typeof district !== 'string') {
    throw new Error('token lacks name, unit or district');
  }
  const roleValues = Object.values(ActorRole) as string[];
  if (!Array.isArray(roles) || !roles.every((r) => typeof r === 'string' && roleValues.includes(r))) {
    throw new Error('token has invalid roles');
  }
  return { id: sub, name, agency, unit, district, roles: roles as ActorRole[] };
}

export function actorClaims(actor: Actor): Record<string, unknown> {
  return { name: actor.name, agency: actor.agency, unit: actor.unit, district: actor.district, roles: actor.roles };
}
