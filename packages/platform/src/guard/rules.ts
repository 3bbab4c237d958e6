import { allow, deny, rule } from 'graphql-shield';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { decideAccessLogRead, decideCaseVisible, decideRead, decideWrite, type DataCategory, type Decision } from '../access/decisions';
import { ActorRole } from '../access/actor';
import { forbidden } from '../access/errors';
import { isUuid } from '../access/validation';
import type { SubgraphContext } from '../request/context';

export { allow, deny };

let ruleCounter = 0;

/** Every rule that decides on case data, so the permission check can tell them from plain allows. */
const CASE_RULES = new WeakSet<object>();
const tagCaseRule = <T extends object>(r: T): T => {
  CASE_RULES.add(r);
  return r;
};
export const isCaseRule = (r: unknown): boolean => typeof r === 'object' && r !== null && CASE_RULES.has(r);

/**
 * The case rules that decide a read of their category (caseScoped, and caseWrite, whose own-agency
 * rule implies the read). A mutation's payload must be guarded by one of these: it is decided
 * exactly as the same data in a query (the permission check holds every subgraph to it).
 */
const READ_DECIDING_RULES = new WeakSet<object>();
const tagReadDeciding = <T extends object>(r: T): T => {
  READ_DECIDING_RULES.add(r);
  return r;
};
export const decidesRead = (r: unknown): boolean => typeof r === 'object' && r !== null && READ_DECIDING_RULES.has(r);

/** For types that hold no case data (reference data such as districts): readable by any authenticated actor. */
export const publicData = rule('public-data', { cache: 'contextual' })(() => true);
/**
 * For types that hold case data but are reached only through fields guarded by a case rule (the
 * guard sits on the field that leads to them). The permission check fails if any other field leads there.
 */
export const reachedThroughGuards = rule('reached-through-guards', { cache: 'contextual' })(() => true);

type CaseIdOf = (parent: any, args: any) => string | null | undefined;

/**
 * Guards a field that returns data of one case: the actor must be permitted to read the
 * category (source agency + category) of that case. `caseIdOf` finds the case from the
 * parent object or the field's arguments. A denial yields null at that path and a FORBIDDEN
 * error naming the reason, the case and the category, and nothing of the datum.
 */
export function caseScoped(data: DataCategory, caseIdOf: CaseIdOf) {
  return tagReadDeciding(decisionRule(`read-${data.source}-${data.category}`, caseIdOf, async (ctx, caseId) => ({
    ...data,
    decision: decideRead(ctx.actor, ctx.grants, await ctx.caseFacts(caseId), data),
  })));
}

/** Guards a mutation that writes data of one case: own agency only (decideWrite). */
export function caseWrite(data: DataCategory, caseIdOf: CaseIdOf) {
  return tagReadDeciding(decisionRule(`write-${data.source}-${data.category}`, caseIdOf, async (ctx, caseId) => ({
    ...data,
    decision: decideWrite(ctx.actor, ctx.grants, await ctx.caseFacts(caseId), data),
  })));
}

/**
 * Guards an entry point to one case (e.g. `case(id)`): the actor must be allowed to know the case
 * exists (a group member, or an own-agency district role covering it). An unknown id is denied the
 * same way as a case the actor may not see, so a denial does not reveal whether it exists.
 */
export function caseEntry(data: DataCategory, caseIdOf: CaseIdOf) {
  return decisionRule('entry', caseIdOf, async (ctx, caseId) => ({
    ...data,
    decision: decideCaseVisible(ctx.actor, ctx.grants, await ctx.caseFacts(caseId)),
  }));
}

/** Guards a case's access log: only the case's coordinator at social services reads it (for the log extract). */
export function accessLogOf(source: DataCategory['source'], caseIdOf: CaseIdOf) {
  return decisionRule(`access-log-${source}`, caseIdOf, async (ctx, caseId) => ({
    source,
    category: 'ACCESS_LOG',
    decision: decideAccessLogRead(ctx.actor, ctx.grants, caseId),
  }));
}

/**
 * The one shape of every case rule: find the case, decide, record the decision in the access log,
 * and answer true or a FORBIDDEN error naming the reason, the case and the category.
 */
function decisionRule(
  name: string,
  caseIdOf: CaseIdOf,
  decide: (ctx: SubgraphContext, caseId: string) => Promise<DataCategory & { decision: Decision }>,
) {
  ruleCounter += 1;
  return tagCaseRule(
    rule(`case-${name}-${ruleCounter}`, { cache: 'no_cache' })(async (parent: unknown, args: unknown, ctx: SubgraphContext, info: GraphQLResolveInfo) => {
      const caseId = caseIdOf(parent, args);
      // Not a case id at all: denied like an unknown case, without touching the database.
      if (!isUuid(caseId)) return forbidden('NOT_A_MEMBER', {}, info);
      const { source, category, decision } = await decide(ctx, caseId);
      ctx.accessLog.record(caseId, source, category, decision);
      return decision.permit ? true : forbidden(decision.reason, { caseId, source, category }, info);
    }),
  );
}

/** Guards a field by a condition on the actor alone (e.g. "is social services staff"). */
export function actorRule(name: string, test: (ctx: SubgraphContext) => true | GraphQLError) {
  return rule(`actor-${name}`, { cache: 'contextual' })((_p: unknown, _a: unknown, ctx: SubgraphContext) => test(ctx));
}

/**
 * Guards the statistics entry points: an actor with the STATISTICS role (SSPF leadership, the
 * social administration). What they reach is aggregate and small-cell protected, never per case.
 */
export const statisticsReader = actorRule('statistics-reader', (ctx) =>
  ctx.actor.roles.includes(ActorRole.STATISTICS) ? true : forbidden('ROLE_REQUIRED'),
);

/**
 * For types that hold only aggregate, small-cell-protected figures. The permission check fails if
 * any field other than one guarded by `statisticsReader` (or another such type) leads there.
 */
export const aggregateData = rule('aggregate-data', { cache: 'contextual' })(() => true);
