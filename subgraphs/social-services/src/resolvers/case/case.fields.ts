import { consentStatus, todayIso } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { sharingState } from '../../domain/case-lifecycle';
import { CaseSharing, SharingPauseReason } from '../../enums';
import { load } from '../../loaders';
import { ageExceptionApproved } from '../../domain/intake';
import { AgeException, Case, YoungPerson } from '../../model';

/** The case's own parts: the young person, the age exception, and whether the group shares now. */
@Resolver(() => Case)
export class CaseFields {
  @FieldResolver(() => YoungPerson, { nullable: true, description: 'The young person (den unge). Category SOCIAL_SERVICES/IDENTITY.' })
  async youngPerson(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<YoungPerson> {
    return (await load.youngPerson(ctx, c.youngPersonId))!;
  }

  @FieldResolver(() => AgeException, { nullable: true, description: 'The documented age exception, if the age is outside the target group. Category SOCIAL_SERVICES/CASE.' })
  ageException(@Root() c: Case): AgeException | null {
    if (!c.ageExceptionJustification) return null;
    return Object.assign(new AgeException(), {
      justification: c.ageExceptionJustification,
      triedFirst: c.ageExceptionTriedFirst ?? null,
      approved: ageExceptionApproved(c),
      approvedBy: c.ageExceptionApprovedBy ?? null,
      approvedOn: c.ageExceptionApprovedOn ?? null,
    });
  }

  @FieldResolver(() => CaseSharing, {
    nullable: true,
    description:
      'Whether the group shares the case now, derived from the status and the current consent on every read: an ACTIVE case without a consent in force (withdrawn, expired, not fully signed) is PAUSED, and nothing is shared until a new consent is signed or the case is closed. Category SOCIAL_SERVICES/CASE.',
  })
  async sharing(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<CaseSharing> {
    return (await sharingOf(ctx, c)).state;
  }

  @FieldResolver(() => SharingPauseReason, { nullable: true, description: 'Why the case is paused (`sharing` is PAUSED); null otherwise. Category SOCIAL_SERVICES/CASE.' })
  async sharingPausedBecause(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<SharingPauseReason | null> {
    return (await sharingOf(ctx, c)).pausedBecause;
  }
}

async function sharingOf(ctx: SubgraphContext, c: Case) {
  if (c.status !== 'ACTIVE') return sharingState(c.status, 'NONE');
  const consent = await load.currentConsent(ctx, c.id);
  const status = consent ? consentStatus(consent, (await load.youngPerson(ctx, c.youngPersonId))!.dateOfBirth, todayIso()) : 'NONE';
  return sharingState(c.status, status);
}
