import { Agency } from '@sig/platform/access';
import { Field, InputType } from 'type-graphql';

@InputType({ description: 'An attendee of a meeting.' })
export class MeetingAttendeeInput {
  @Field(() => Agency, { nullable: true, description: 'Agency represented; omit for the young person and family.' })
  agency?: Agency | null;
  @Field(() => String, { description: 'Name.' })
  name!: string;
}
