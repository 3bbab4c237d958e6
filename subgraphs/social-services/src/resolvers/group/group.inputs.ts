import { Agency } from '@sig/platform/access';
import { Field, ID, InputType } from 'type-graphql';
import { GroupRole } from '../../enums';

@InputType({ description: 'A new group member.' })
export class GroupMemberInput {
  @Field(() => Agency, { description: 'Agency represented.' })
  agency!: Agency;
  @Field(() => ID, { description: 'Person id (identity-provider subject).' })
  personId!: string;
  @Field(() => String, { description: 'Name.' })
  personName!: string;
  @Field(() => GroupRole, { description: 'Role: samordnare, lots or deltagare.' })
  role!: GroupRole;
  @Field(() => String, { description: 'Member from (ISO date).' })
  fromDate!: string;
  @Field(() => String, { description: 'Why the person is added (the decision, recorded with who made it and when).' })
  reason!: string;
}
