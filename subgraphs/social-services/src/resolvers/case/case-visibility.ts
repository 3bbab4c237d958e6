import { ActorRole, Agency, decideRead } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import type { Case } from '../../model';
import { SOCIAL_SERVICES_CATEGORIES } from '../../permissions';

/** A district supervisor of social services sees, and reads as own agency, every case of the district. */
export function coversDistrict(ctx: SubgraphContext): boolean {
  return ctx.actor.agency === Agency.SOCIAL_SERVICES && ctx.actor.roles.includes(ActorRole.DISTRICT_SUPERVISOR);
}

/** May the actor read the case's own data (SOCIAL_SERVICES/CASE: status, dates), the only data a list may be filtered or sorted by? */
export function readsCase(ctx: SubgraphContext, c: Case): boolean {
  return decideRead(ctx.actor, ctx.grants, { caseId: c.id, district: c.district }, SOCIAL_SERVICES_CATEGORIES.CASE).permit;
}

/**
 * The order of a list of visible cases: those whose case data the actor may read, newest proposal
 * first (then by id); then the others by id, which carries nothing about them (ids are random).
 */
export function listOrder(ctx: SubgraphContext, cases: Case[]): Case[] {
  const readable = cases.filter((c) => readsCase(ctx, c));
  const others = cases.filter((c) => !readsCase(ctx, c));
  readable.sort((a, b) => (a.proposedOn === b.proposedOn ? compare(a.id, b.id) : compare(b.proposedOn, a.proposedOn)));
  others.sort((a, b) => compare(a.id, b.id));
  return [...readable, ...others];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
