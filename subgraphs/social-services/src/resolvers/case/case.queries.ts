import { badInput, decideCaseVisible, decideRead, DISTRICTS, notFound } from '@sig/platform/access';
import { readOnlyRows, type SubgraphContext } from '@sig/platform/request';
import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { parsePersonalNumber } from '../../domain/personal-number';
import { CaseStatus } from '../../enums';
import { load } from '../../loaders';
import { recordPersonalNumberLookup } from '../../lookup-log';
import { Case, District, YoungPerson } from '../../model';
import { SOCIAL_SERVICES_CATEGORIES } from '../../permissions';
import { coversDistrict, listOrder, readsCase } from './case-visibility';

/** The entry points: one case, the visible cases, the cases of one young person, the districts. */
@Resolver()
export class CaseQueries {
  @Query(() => Case, { nullable: true, description: 'One case (ärende) by id, for its group members and own-agency supervisors.' })
  async case(@Arg('id', () => ID, { description: 'The case id.' }) id: string, @Ctx() ctx: SubgraphContext): Promise<Case | null> {
    const found = await load.case(ctx, id);
    if (!found) throw notFound('Case');
    return found;
  }

  @Query(() => [Case], {
    description:
      'The cases the actor may see: where the actor is a current group member, and for a district supervisor of social services every case of the district. Cases the actor may not see are left out. Listed first: the cases whose case data (SOCIAL_SERVICES/CASE: status, dates) the actor may read, newest proposal first; then the others, by id, an order that says nothing about them.',
  })
  async cases(
    @Ctx() ctx: SubgraphContext,
    @Arg('status', () => CaseStatus, {
      nullable: true,
      description: "Only cases with this status whose case data (SOCIAL_SERVICES/CASE) the actor may read: a case whose status the actor may not read is left out whatever its status, so the filter reveals no status it could not read.",
    })
    status?: CaseStatus,
    @Arg('limit', () => Int, { defaultValue: 100, description: 'At most this many cases (1–500), taken after the order above.' }) limit = 100,
  ): Promise<Case[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'must be from 1 to 500');
    // A filter or a sort may use only what the actor may read on that case (docs/access-model.md):
    // status and proposal date are SOCIAL_SERVICES/CASE. For a member, reading CASE does not depend
    // on the case's district (decideRead looks at the grant), so it is decided here from the grants;
    // a district supervisor of social services reads the district's cases as its own agency.
    const memberOf = Object.keys(ctx.grants.cases);
    const readableAsMember = memberOf.filter((id) => decideRead(ctx.actor, ctx.grants, { caseId: id }, SOCIAL_SERVICES_CATEGORIES.CASE).permit);
    const readable: object[] = [];
    if (readableAsMember.length > 0) readable.push({ id: { $in: readableAsMember } });
    if (coversDistrict(ctx)) readable.push({ district: ctx.actor.district });
    const first =
      readable.length === 0
        ? []
        : (await readOnlyRows(ctx.em, Case, { $and: [{ $or: readable }, status ? { status } : {}] } as any, { proposedOn: 'desc', id: 'asc' }, limit)).filter((c) => readsCase(ctx, c));
    if (status || first.length >= limit) return load.casesRead(ctx, first);
    // The visible cases whose CASE the actor may not read: members under a consent that does not
    // disclose it. They are only ever members' cases (a district role reads its cases).
    const readableIds = new Set(readableAsMember);
    const others = memberOf.filter((id) => !readableIds.has(id));
    if (others.length === 0) return load.casesRead(ctx, first);
    const rest = (await readOnlyRows(ctx.em, Case, { id: { $in: others } } as any, { id: 'asc' }, limit - first.length)).filter((c) => !readsCase(ctx, c));
    return load.casesRead(ctx, [...first, ...rest]);
  }

  @Query(() => [Case], {
    description:
      "Every case of one young person that the actor may see: the starting point of the log extract (registerutdrag över åtkomst): select `accessLog` here and on each agency's part of the case. Ordered as `cases`: those whose case data the actor may read first, newest proposal first, then the others by id. Every lookup is logged (who, when, a keyed hash of the number, how many cases were shown), and each of the person's cases gets an access-log row: PERMIT for the cases shown, DENY (NOT_A_MEMBER) for those left out.",
  })
  async casesOfYoungPerson(
    @Arg('personalNumber', () => String, { description: 'Personal identity number, YYYYMMDD-NNNN.' }) personalNumber: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Case[]> {
    const parsed = parsePersonalNumber(personalNumber);
    if (!parsed.ok) throw badInput('personalNumber', parsed.error);
    // The same work on every path, so the answer's time says nothing of cases left out or of whether
    // the number is known: one statement for every case of the number (with its district), decided
    // here, no query per case and no early return; then one statement that writes the lookup log
    // and the decisions, awaited before the answer is built (fail closed).
    const found = await readOnlyRows(
      ctx.em,
      Case,
      { youngPersonId: { $in: ctx.em.createQueryBuilder(YoungPerson, 'yp').select('yp.id').where({ personalNumber: parsed.value.value }) } } as any,
      { id: 'asc' },
    );
    const caseDecisions = found.map((c) => ({ caseId: c.id, decision: decideCaseVisible(ctx.actor, ctx.grants, { caseId: c.id, district: c.district }) }));
    const shown = found.filter((_, i) => caseDecisions[i].decision.permit);
    await recordPersonalNumberLookup(ctx, { personalNumber: parsed.value.value, purpose: 'casesOfYoungPerson', resultCount: shown.length, caseDecisions });
    return load.casesRead(ctx, listOrder(ctx, shown));
  }

  @Query(() => [District], { description: 'The city districts (stadsdelar).' })
  districts(): District[] {
    return DISTRICTS.map((d) => Object.assign(new District(), d));
  }
}
