import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { Field, ID, ObjectType } from 'type-graphql';
import { MEETING_STATUSES, MeetingStatus } from '../enums';

@ObjectType({ description: 'Someone who took part in a network meeting.' })
export class MeetingAttendee {
  @Field(() => Agency, { nullable: true, description: 'The agency represented; null for the young person and family.' })
  agency!: Agency | null;
  @Field(() => String, { description: 'Name of the attendee.' })
  name!: string;
}

@ObjectType({ description: 'A network meeting (nätverksmöte) with all actors, the young person and the parents.' })
export class Meeting {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => MeetingStatus, { description: 'Planned, held or cancelled.' })
  status!: MeetingStatus;
  @Field(() => Date, { description: 'When the meeting is planned for.' })
  plannedFor!: Date;
  @Field(() => String, { nullable: true, description: 'Date it was held (ISO date).' })
  heldOn?: string | null;
  @Field(() => [MeetingAttendee], { description: 'Who attended.' })
  attendees!: MeetingAttendee[];
  @Field(() => String, { nullable: true, description: 'Minutes (minnesanteckningar).' })
  minutes?: string | null;
}
export const MeetingSchema = defineEntity({
  class: Meeting,
  tableName: 'meeting',
  // Statistics: meetings held per case, and the meetings of the last weeks.
  indexes: [{ properties: ['caseId', 'heldOn'] }, { properties: ['heldOn'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    status: p.enum([...MEETING_STATUSES]),
    plannedFor: p.datetime(),
    heldOn: p.string().columnType('date').nullable(),
    attendees: p.json<MeetingAttendee[]>(),
    minutes: p.text().nullable(),
  },
});
