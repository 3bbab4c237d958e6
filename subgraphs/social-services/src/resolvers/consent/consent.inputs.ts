import { Agency } from '@sig/platform/access';
import { Field, InputType } from 'type-graphql';
import { ConsentPurpose, ProvisionType, SignatoryParty } from '../../enums';

@InputType({ description: 'A signatory of a consent.' })
export class ConsentSignatoryInput {
  @Field(() => SignatoryParty, { description: 'Young person or guardian.' })
  party!: SignatoryParty;
  @Field(() => String, { description: 'Name.' })
  name!: string;
  @Field(() => String, { nullable: true, description: "Personal number (personnummer): required for a guardian, who is a party identified by it; omit for the young person (the case's)." })
  personalNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Date signed (ISO date): today or earlier, not before the consent is recorded; omit while not yet signed.' })
  signedOn?: string | null;
}

@InputType({ description: 'What one source agency may disclose (PERMIT), or must not (DENY).' })
export class ConsentProvisionInput {
  @Field(() => ProvisionType, { nullable: true, description: 'PERMIT (the default) discloses the categories; DENY excludes them (for the named recipients, or the whole group) even where a PERMIT provision covers them. A consent needs at least one PERMIT provision.' })
  type?: ProvisionType | null;
  @Field(() => Agency, { description: 'Source agency: one that holds data on the platform (has a subgraph).' })
  source!: Agency;
  @Field(() => [String], { description: "Categories of its data, from the source agency's catalogue (e.g. POLICE: INCIDENTS, CONTACTS); an unknown category is refused." })
  categories!: string[];
  @Field(() => [Agency], { nullable: true, description: 'Narrow to these recipient agencies; omit for the whole group.' })
  recipients?: Agency[] | null;
  @Field(() => ConsentPurpose, { nullable: true, description: 'What the provision is for (e.g. SIG_COLLABORATION, FOLLOW_UP); omit when not stated.' })
  purpose?: ConsentPurpose | null;
}

@InputType({ description: 'A new version of the consent.' })
export class ConsentInput {
  @Field(() => String, { description: 'Valid from (ISO date): no later than the last signature.' })
  validFrom!: string;
  @Field(() => String, { description: 'Valid until, inclusive (ISO date): at most SIG_CONSENT_MAX_MONTHS (default 12) months after validFrom.' })
  validUntil!: string;
  @Field(() => String, { description: 'Reference to the signed form.' })
  formReference!: string;
  @Field(() => [ConsentSignatoryInput], { description: 'Signatories: the young person, and each guardian while under 18.' })
  signatories!: ConsentSignatoryInput[];
  @Field(() => [ConsentProvisionInput], { description: 'What may be shared: at least one PERMIT provision; DENY provisions exclude (deny wins).' })
  provisions!: ConsentProvisionInput[];
}
