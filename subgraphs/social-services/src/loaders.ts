import type { SubgraphContext } from '@sig/platform';
import { byKeys, groupByKeys } from '@sig/platform';
import type { EntityClass } from '@mikro-orm/core';
import { ActionFollowUp, ActionPlan, Case, Consent, GroupMember, Intervention, Meeting, PlanAction, PlanGoal, YoungPerson } from './model';

/**
 * Per-request batched loads. Each resolves many keys with one query, so a list of 100 cases
 * costs the same number of statements as one case.
 */
function listBy<T extends object>(ctx: SubgraphContext, entity: EntityClass<T>, key: keyof T & string, orderBy: Record<string, 'asc' | 'desc'>) {
  return ctx.loaders.get<string, T[]>(`${entity.name}-by-${key}`, async (ids) => {
    const rows = await ctx.em.find(entity, { [key]: { $in: [...ids] } } as any, { orderBy: orderBy as any });
    return groupByKeys(ids, rows, (r) => (r as any)[key] as string);
  });
}

function oneBy<T extends object>(ctx: SubgraphContext, entity: EntityClass<T>, key: keyof T & string) {
  return ctx.loaders.get<string, T | null>(`${entity.name}-one-by-${key}`, async (ids) => {
    const rows = await ctx.em.find(entity, { [key]: { $in: [...ids] } } as any);
    return byKeys(ids, rows, (r) => (r as any)[key] as string);
  });
}

/** The highest version per case (current consent, current plan). */
function latestBy<T extends object>(ctx: SubgraphContext, entity: EntityClass<T>, versionKey: keyof T & string) {
  return ctx.loaders.get<string, T | null>(`${entity.name}-latest`, async (caseIds) => {
    const rows = await ctx.em.find(entity, { caseId: { $in: [...caseIds] } } as any, { orderBy: { [versionKey]: 'desc' } as any });
    const latest = new Map<string, T>();
    for (const row of rows) if (!latest.has((row as any).caseId)) latest.set((row as any).caseId, row);
    return caseIds.map((id) => latest.get(id) ?? null);
  });
}

export const load = {
  case: (ctx: SubgraphContext, id: string) => oneBy(ctx, Case, 'id').load(id),
  youngPerson: (ctx: SubgraphContext, id: string) => oneBy(ctx, YoungPerson, 'id').load(id),
  members: (ctx: SubgraphContext, caseId: string) => listBy(ctx, GroupMember, 'caseId', { fromDate: 'asc' }).load(caseId),
  currentConsent: (ctx: SubgraphContext, caseId: string) => latestBy(ctx, Consent, 'consentVersion').load(caseId),
  meetings: (ctx: SubgraphContext, caseId: string) => listBy(ctx, Meeting, 'caseId', { plannedFor: 'asc' }).load(caseId),
  currentPlan: (ctx: SubgraphContext, caseId: string) => latestBy(ctx, ActionPlan, 'planVersion').load(caseId),
  goals: (ctx: SubgraphContext, planId: string) => listBy(ctx, PlanGoal, 'planId', { position: 'asc' }).load(planId),
  actions: (ctx: SubgraphContext, goalId: string) => listBy(ctx, PlanAction, 'goalId', { dueDate: 'asc' }).load(goalId),
  followUps: (ctx: SubgraphContext, actionId: string) => listBy(ctx, ActionFollowUp, 'actionId', { recordedAt: 'asc' }).load(actionId),
  interventions: (ctx: SubgraphContext, caseId: string) => listBy(ctx, Intervention, 'caseId', { grantedOn: 'asc' }).load(caseId),
};
