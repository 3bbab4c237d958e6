import { randomUUID } from 'node:crypto';
import { Agency, badInput, isDistrictCode, todayIso, requireText } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { parsePersonalNumber } from '../../domain/personal-number';
import { ageOn, needsAgeException } from '../../domain/rules';
import { CaseStatus, GroupRole } from '../../enums';
import { recordPersonalNumberLookup } from '../../lookup-log';
import { Case, GroupMember, YoungPerson } from '../../model';
import { routeDuplicates } from '../group/duplicate-routing';
import { recordedBy } from '../group/recorded-by';
import { caseForWrite, transition } from './case-write';
import { ProposeCaseInput } from './case.inputs';

/** Steps 1–2: a proposal, and the start of its assessment. */
@Resolver()
export class CaseIntakeMutations {
  @Mutation(() => Case, { description: 'Proposes a young person for SIG (step 1). Social services and police staff. A social-services proposer becomes coordinator.' })
  async proposeCase(@Arg('input', () => ProposeCaseInput, { description: 'The proposal.' }) input: ProposeCaseInput, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const pn = parsePersonalNumber(input.personalNumber);
    if (!pn.ok) throw badInput('input.personalNumber', pn.error);
    if (!isDistrictCode(input.district)) throw badInput('input.district', `unknown district "${input.district}" (see the districts query)`);
    const givenName = requireText('input.givenName', input.givenName, 100);
    const familyName = requireText('input.familyName', input.familyName, 100);
    const reason = requireText('input.reason', input.reason, 4000);
    const today = todayIso();
    const age = ageOn(pn.value.dateOfBirth, today);
    let exception: { justification: string; approvedBy: string } | null = null;
    if (needsAgeException(input.targetGroup, age)) {
      if (!input.ageException) throw badInput('input.ageException', `age ${age} is outside the target group ${input.targetGroup}: a justification and its approver are required`);
      exception = {
        justification: requireText('input.ageException.justification', input.ageException.justification, 4000),
        approvedBy: requireText('input.ageException.approvedBy', input.ageException.approvedBy, 200),
      };
    }
    // The young person as this proposal gives them: nothing the proposer reads back depends on
    // records elsewhere (another district's open case would otherwise show through names or errors).
    const person = ctx.em.create(YoungPerson, { id: randomUUID(), personalNumber: pn.value.value, givenName, familyName, dateOfBirth: pn.value.dateOfBirth, district: input.district });
    const c = ctx.em.create(Case, {
      id: randomUUID(),
      youngPersonId: person.id,
      district: input.district,
      status: CaseStatus.PROPOSED,
      targetGroup: input.targetGroup,
      proposalReason: reason,
      proposedByAgency: ctx.actor.agency,
      proposedByName: ctx.actor.name,
      proposedOn: today,
      ageExceptionJustification: exception?.justification ?? null,
      ageExceptionApprovedBy: exception?.approvedBy ?? null,
    } as any);
    if (ctx.actor.agency === Agency.SOCIAL_SERVICES) {
      ctx.em.create(GroupMember, {
        id: randomUUID(),
        caseId: c.id,
        agency: ctx.actor.agency,
        personId: ctx.actor.id,
        personName: ctx.actor.name,
        role: GroupRole.COORDINATOR,
        fromDate: today,
        ...recordedBy(ctx, 'added', 'Proposed the case at social services (förslagsställare)'),
      });
    }
    // Open cases of the same personal number get this proposal routed to them, for their social
    // services to decide on; the same single statement runs whether or not there are any.
    // A proposal is a lookup by personal number too: logged in the write's own transaction.
    await commitWrite(ctx, async (em) => {
      await routeDuplicates(em, c, pn.value.value);
      await recordPersonalNumberLookup(ctx, { personalNumber: pn.value.value, purpose: 'proposeCase', resultCount: 0 });
    });
    return c;
  }

  @Mutation(() => Case, { description: 'Starts the assessment (step 2).' })
  async startAssessment(@Arg('caseId', () => ID, { description: 'The case.' }) caseId: string, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const c = await caseForWrite(ctx, caseId);
    transition(c, 'ASSESSMENT');
    c.assessmentStartedOn = todayIso();
    await commitWrite(ctx);
    return c;
  }
}
