import { randomUUID } from 'node:crypto';
import { Agency, badInput, isDistrictCode, todayIso, requireText } from '@sig/platform/access';
import { type SubgraphContext, commitWrite, refuseWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { parsePersonalNumber } from '../../domain/personal-number';
import { ageExceptionApproved, ageRequirement, mayApproveAgeException } from '../../domain/intake';
import { ageOn } from '../../domain/rules';
import { CaseStatus, GroupRole, REFERRAL_SOURCES } from '../../enums';
import { intakeSettings } from '../../intake-settings';
import { recordPersonalNumberLookup } from '../../lookup-log';
import { Case, GroupMember, YoungPerson } from '../../model';
import { SOCIAL_SERVICES_CATEGORIES as C } from '../../permissions';
import { routeDuplicates } from '../group/duplicate-routing';
import { recordedBy } from '../group/recorded-by';
import { caseForWrite, transition } from './case-write';
import { ProposeCaseInput } from './case.inputs';

/** Steps 1–2: a proposal, and the start of its assessment. */
@Resolver()
export class CaseIntakeMutations {
  @Mutation(() => Case, { description: 'Proposes a young person for SIG (step 1): staff of social services, police, school and leisure, with where the concern came from. A social-services proposer becomes coordinator. The proposer follows its proposal in `myProposals`; the district supervisor finds it in `incomingProposals`.' })
  async proposeCase(@Arg('input', () => ProposeCaseInput, { description: 'The proposal.' }) input: ProposeCaseInput, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const pn = parsePersonalNumber(input.personalNumber);
    if (!pn.ok) throw badInput('input.personalNumber', pn.error);
    if (!isDistrictCode(input.district)) throw badInput('input.district', `unknown district "${input.district}" (see the districts query)`);
    const givenName = requireText('input.givenName', input.givenName, 100);
    const familyName = requireText('input.familyName', input.familyName, 100);
    const reason = requireText('input.reason', input.reason, 4000);
    const today = todayIso();
    const age = ageOn(pn.value.dateOfBirth, today);
    if (!isReferralSource(input.referralSource)) throw badInput('input.referralSource', 'unknown referral source');
    const { ages, floor } = intakeSettings();
    let exception: { justification: string; triedFirst: string } | null = null;
    const requirement = ageRequirement(input.targetGroup, age, ages, floor);
    if (requirement === 'REFUSED') throw badInput('input.personalNumber', `age ${age} is below ${floor}, the lowest age at which an exception from the target group can be made`);
    if (requirement === 'EXCEPTION') {
      const { min, max } = ages[input.targetGroup];
      if (!input.ageException) throw badInput('input.ageException', `age ${age} is outside the target group ${input.targetGroup} (${min}–${max}): a justification and what was tried first are required, and a district supervisor's approval`);
      exception = {
        justification: requireText('input.ageException.justification', input.ageException.justification, 4000),
        triedFirst: requireText('input.ageException.triedFirst', input.ageException.triedFirst, 4000),
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
      proposedById: ctx.actor.id,
      proposedOn: today,
      referralSource: input.referralSource,
      ageExceptionJustification: exception?.justification ?? null,
      ageExceptionTriedFirst: exception?.triedFirst ?? null,
      // Approved afterwards, by someone else (approveAgeException).
      ageExceptionApprovedBy: null,
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
    if (c.status === CaseStatus.PROPOSED && !ageExceptionApproved(c)) {
      throw badInput('caseId', 'the age exception is not approved yet: a district supervisor of social services other than the proposer approves it (approveAgeException)');
    }
    transition(c, 'ASSESSMENT');
    c.assessmentStartedOn = todayIso();
    await commitWrite(ctx);
    return c;
  }

  @Mutation(() => Case, {
    description:
      "Approves the case's age exception (avsteg): a district supervisor of social services in the case's district, never the proposer. The approver is recorded from the verified identity, with the date. Until then the case cannot leave PROPOSED (it may still be closed).",
  })
  async approveAgeException(@Arg('caseId', () => ID, { description: 'The case.' }) caseId: string, @Ctx() ctx: SubgraphContext): Promise<Case> {
    const c = await caseForWrite(ctx, caseId);
    const may = mayApproveAgeException(ctx.actor, c);
    if (may !== 'OK') throw refuseWrite(ctx, caseId, C.CASE, may);
    if (!c.ageExceptionJustification) throw badInput('caseId', 'the case has no age exception to approve');
    if (ageExceptionApproved(c)) throw badInput('caseId', 'the age exception is already approved');
    if (c.status !== CaseStatus.PROPOSED) throw badInput('caseId', `a ${c.status} case's exception is no longer open to approval`);
    c.ageExceptionApprovedBy = ctx.actor.name;
    c.ageExceptionApprovedById = ctx.actor.id;
    c.ageExceptionApprovedOn = todayIso();
    await commitWrite(ctx);
    return c;
  }
}

const isReferralSource = (v: unknown): boolean => (REFERRAL_SOURCES as readonly unknown[]).includes(v);
