import { randomUUID } from 'node:crypto';
import { badInput, notFound, todayIso, requireIsoDate, requireText, requireUuid, requireValidDate } from '@sig/platform/access';
import { type SubgraphContext, commitWrite } from '@sig/platform/request';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { CaseStatus, MeetingStatus } from '../../enums';
import { Meeting } from '../../model';
import { caseForWrite } from '../case/case-write';
import { MeetingAttendeeInput } from './meeting.inputs';

/** Network meetings (nätverksmöten): planned, then recorded as held. */
@Resolver()
export class MeetingMutations {
  @Mutation(() => Meeting, { description: 'Plans a network meeting (nätverksmöte).' })
  async scheduleMeeting(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('plannedFor', () => Date, { description: 'When.' }) plannedFor: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Meeting> {
    const c = await caseForWrite(ctx, caseId);
    if (c.status === CaseStatus.CLOSED) throw badInput('caseId', 'the case is closed');
    const meeting = ctx.em.create(Meeting, { id: randomUUID(), caseId, status: MeetingStatus.PLANNED, plannedFor: requireValidDate('plannedFor', plannedFor), attendees: [] });
    await commitWrite(ctx);
    return meeting;
  }

  @Mutation(() => Meeting, { description: 'Records that a network meeting was held, with attendees and minutes.' })
  async recordMeetingHeld(
    @Arg('caseId', () => ID, { description: 'The case.' }) caseId: string,
    @Arg('meetingId', () => ID, { description: 'The meeting.' }) meetingId: string,
    @Arg('heldOn', () => String, { description: 'Date held (ISO date), not in the future.' }) heldOn: string,
    @Arg('attendees', () => [MeetingAttendeeInput], { description: 'Who attended.' }) attendees: MeetingAttendeeInput[],
    @Arg('minutes', () => String, { description: 'Minutes (minnesanteckningar).' }) minutes: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Meeting> {
    const meeting = await ctx.em.findOne(Meeting, { id: requireUuid('meetingId', meetingId), caseId });
    if (!meeting) throw notFound('Meeting');
    const date = requireIsoDate('heldOn', heldOn);
    if (date > todayIso()) throw badInput('heldOn', 'must not be in the future');
    if (attendees.length === 0) throw badInput('attendees', 'name at least one attendee');
    meeting.status = MeetingStatus.HELD;
    meeting.heldOn = date;
    meeting.attendees = attendees.map((a, i) => ({ agency: a.agency ?? null, name: requireText(`attendees[${i}].name`, a.name, 200) }));
    meeting.minutes = requireText('minutes', minutes, 20000);
    await commitWrite(ctx);
    return meeting;
  }
}
