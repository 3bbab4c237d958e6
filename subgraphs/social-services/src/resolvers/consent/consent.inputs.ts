import { Agency } from '@sig/platform/access';
import { Field, InputType } from 'type-graphql';
import { SignatoryParty } from '../../enums';

@InputType({ description: 'A signatory of a consent.' })
export class ConsentSignatoryInput {
  @Field(() => SignatoryParty, { description: 'Young person or guardian.' })
  party!: SignatoryParty;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'Date signed (ISO date); omit while not yet signed.' })
  signedOn?: string | null;
}

@InputType({ description: 'What one source agency may disclose.' })
export class ConsentProvisionInput {
  @Field(() => Agency, { description: 'Source agency.' })
  source!: Agency;
  @Field(() => [String], { description: 'Categories of its data, e.g. INCIDENTS.' })
  categories!: string[];
  @Field(() => [Agency], { nullable: true, description: 'Narrow to these recipient agencies; omit for the whole group.' })
  recipients?: Agency[] | null;
}

@InputType({ description: 'A new version of the consent.' })
export class ConsentInput {
  @Field(() => String, { description: 'Valid from (ISO date).' })
  validFrom!: string;
  @Field(() => String, { description: 'Valid until, inclusive (ISO date).' })
  validUntil!: string;
  @Field(() => String, { description: 'Reference to the signed form.' })
  formReference!: string;
  @Field(() => [ConsentSignatoryInput], { description: 'Signatories: the young person, and each guardian while under 18.' })
  signatories!: ConsentSignatoryInput[];
  @Field(() => [ConsentProvisionInput], { description: 'What may be shared.' })
  provisions!: ConsentProvisionInput[];
}
