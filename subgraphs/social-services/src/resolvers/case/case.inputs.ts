import { Field, InputType } from 'type-graphql';
import { ReferralSource, TargetGroup } from '../../enums';

@InputType({ description: 'A documented exception from the target-group age (avsteg). It is approved afterwards by a district supervisor of social services other than the proposer (`approveAgeException`).' })
export class AgeExceptionInput {
  @Field(() => String, { description: 'Written justification (required).' })
  justification!: string;
  @Field(() => String, { description: 'What was tried first, e.g. parenting support (Komet), the school social team, family treatment (required).' })
  triedFirst!: string;
}

@InputType({ description: 'A proposal of a young person for SIG.' })
export class ProposeCaseInput {
  @Field(() => String, { description: 'Personal identity number (personnummer), YYYYMMDD-NNNN.' })
  personalNumber!: string;
  @Field(() => String, { description: 'Given name.' })
  givenName!: string;
  @Field(() => String, { description: 'Family name.' })
  familyName!: string;
  @Field(() => String, { description: 'District code (see `districts`).' })
  district!: string;
  @Field(() => TargetGroup, { description: 'SIG Unga or SIG unga vuxna.' })
  targetGroup!: TargetGroup;
  @Field(() => String, { description: 'Why the young person is proposed.' })
  reason!: string;
  @Field(() => ReferralSource, { description: 'Where the concern came from (e.g. a concern report, the school, a court statement).' })
  referralSource!: ReferralSource;
  @Field(() => AgeExceptionInput, { nullable: true, description: 'Required when the age is outside the target group.' })
  ageException?: AgeExceptionInput | null;
}
