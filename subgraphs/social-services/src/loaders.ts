import { type SubgraphContext, readOnlyRows, rowBy, rowLoader, rowsBy } from '@sig/platform/request';
import { consentInForce, todayIso } from '@sig/platform/access';
import type { EntityClass } from '@mikro-orm/core';
import { ActionFollowUp, ActionPlan, Case, Consent, GroupMember, Intervention, Meeting, PlanAction, PlanGoal, YoungPerson } from './model';

/** The highest version per case (current consent, current plan). */
function latestBy<T extends object>(ctx: SubgraphContext, entity: EntityClass<T>, versionKey: keyof T & string) {
  return ctx.loaders.get<string, T | null>(`${entity.name}-latest`, async (caseIds) => {
    const rows = await readOnlyRows(ctx.em, entity, { caseId: { $in: [...caseIds] } } as any, { [versionKey]: 'desc' } as any);
    const latest = new Map<string, T>();
    for (const row of rows) if (!latest.has((row as any).caseId)) latest.set((row as any).caseId, row);
    return caseIds.map((id) => latest.get(id) ?? null);
  });
}

export const load = {
  case: (ctx: SubgraphContext, id: string) => rowBy(ctx, Case, 'id', id),
  /** Cases read as a list: later loads of the same cases in this request (fields, facts) need no query. */
  casesRead: (ctx: SubgraphContext, cases: Case[]) => {
    const loader = rowLoader(ctx, Case, 'id');
    for (const c of cases) loader.prime(c.id, c);
    return cases;
  },
  youngPerson: (ctx: SubgraphContext, id: string) => rowBy(ctx, YoungPerson, 'id', id),
  members: (ctx: SubgraphContext, caseId: string) => rowsBy(ctx, GroupMember, 'caseId', caseId, { fromDate: 'asc' }),
  /** Every version of a case's consent, oldest first. */
  consents: (ctx: SubgraphContext, caseId: string) => rowsBy(ctx, Consent, 'caseId', caseId, { consentVersion: 'asc' }),
  /** The newest version of a case's consent (a renewal may not be in force yet). */
  newestConsent: (ctx: SubgraphContext, caseId: string) => latestBy(ctx, Consent, 'consentVersion').load(caseId),
  /** The consent version in force today (`consentInForce`: the gateway_membership view picks the same one). */
  currentConsent: async (ctx: SubgraphContext, caseId: string): Promise<Consent | null> => {
    const c = await rowBy(ctx, Case, 'id', caseId);
    if (!c) return null;
    const yp = await rowBy(ctx, YoungPerson, 'id', c.youngPersonId);
    return consentInForce(await rowsBy(ctx, Consent, 'caseId', caseId, { consentVersion: 'asc' }), yp!.dateOfBirth, todayIso());
  },
  meetings: (ctx: SubgraphContext, caseId: string) => rowsBy(ctx, Meeting, 'caseId', caseId, { plannedFor: 'asc' }),
  currentPlan: (ctx: SubgraphContext, caseId: string) => latestBy(ctx, ActionPlan, 'planVersion').load(caseId),
  goals: (ctx: SubgraphContext, planId: string) => rowsBy(ctx, PlanGoal, 'planId', planId, { position: 'asc' }),
  actions: (ctx: SubgraphContext, goalId: string) => rowsBy(ctx, PlanAction, 'goalId', goalId, { dueDate: 'asc' }),
  followUps: (ctx: SubgraphContext, actionId: string) => rowsBy(ctx, ActionFollowUp, 'actionId', actionId, { recordedAt: 'asc' }),
  interventions: (ctx: SubgraphContext, caseId: string) => rowsBy(ctx, Intervention, 'caseId', caseId, { grantedOn: 'asc' }),
};
