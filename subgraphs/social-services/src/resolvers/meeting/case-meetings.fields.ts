import { todayIso } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { isMeetingOverdue, nextMeetingDue } from '../../domain/rules';
import { MeetingStatus } from '../../enums';
import { load } from '../../loaders';
import { Case, Meeting } from '../../model';

/** The network meetings of a case and when the next is due. */
@Resolver(() => Case)
export class CaseMeetingsFields {
  @FieldResolver(() => [Meeting], { nullable: true, description: 'Network meetings (nätverksmöten), oldest first. Category SOCIAL_SERVICES/MEETINGS.' })
  meetings(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.meetings(ctx, c.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'When the next network meeting is due: five weeks after the last one held (or after activation). Category SOCIAL_SERVICES/MEETINGS.' })
  async nextMeetingDue(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return nextMeetingDue(c.status, c.activatedOn ?? null, lastHeld(await load.meetings(ctx, c.id)));
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'True when an active case has gone more than five weeks without a network meeting. Category SOCIAL_SERVICES/MEETINGS.' })
  async meetingOverdue(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return isMeetingOverdue(nextMeetingDue(c.status, c.activatedOn ?? null, lastHeld(await load.meetings(ctx, c.id))), todayIso());
  }
}

function lastHeld(meetings: Meeting[]): string | null {
  return meetings.filter((m) => m.status === MeetingStatus.HELD && m.heldOn).map((m) => m.heldOn!).sort().at(-1) ?? null;
}
