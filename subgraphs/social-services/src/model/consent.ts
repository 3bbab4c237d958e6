import 'reflect-metadata';
import { defineEntity, p, type OptionalProps } from '@mikro-orm/postgresql';
import { Agency } from '@sig/platform/access';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConsentPurpose, ProvisionType, SignatoryParty } from '../enums';

@ObjectType({ description: 'One signatory of a consent: a party (the young person or a guardian, vårdnadshavare), identified by id, not by name.' })
export class ConsentSignatory {
  @Field(() => ID, { description: 'The party on this consent version: `signConsent` and `withdrawConsent` name it.' })
  id!: string;
  @Field(() => SignatoryParty, { description: 'Young person or guardian.' })
  party!: SignatoryParty;
  @Field(() => String, { description: 'Name of the signatory (two guardians may share one).' })
  name!: string;
  /** A guardian's personal number (normalised, twelve digits); not in the API. The young person's is the case's. */
  personalNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Date signed (ISO date); null while not signed.' })
  signedOn!: string | null;
}

@ObjectType({ description: 'What one source agency may disclose to the group under the consent (PERMIT), or must not (DENY). Category SOCIAL_SERVICES/CONSENT.' })
export class ConsentProvision {
  /** PERMIT or DENY; rows from before provisions had a type lack it (read as PERMIT: the `type` field resolver). */
  type?: ProvisionType;
  @Field(() => Agency, { description: 'The agency whose secrecy the provision lifts.' })
  source!: Agency;
  @Field(() => [String], { description: 'Categories of that agency\'s data covered, e.g. INCIDENTS, ATTENDANCE.' })
  categories!: string[];
  @Field(() => [Agency], { nullable: true, description: 'Recipient agencies, if narrowed; null means every agency in the group.' })
  recipients!: Agency[] | null;
  @Field(() => ConsentPurpose, { nullable: true, description: 'What the provision is for; null when not stated. Recorded and shown; it does not change what is disclosed.' })
  purpose?: ConsentPurpose | null;
}

@ObjectType({ description: 'A withdrawal (återkallelse) of a consent, in full or for some source agencies.' })
export class ConsentWithdrawal {
  @Field(() => String, { description: 'The name of the signatory who withdrew.' })
  withdrawnBy!: string;
  @Field(() => ID, { nullable: true, description: 'The party (signatory id) who withdrew; null on withdrawals recorded before parties had ids and whose name was ambiguous.' })
  withdrawnById?: string | null;
  @Field(() => String, { description: 'Date of the withdrawal (ISO date).' })
  withdrawnOn!: string;
  @Field(() => [Agency], { nullable: true, description: 'Source agencies withdrawn; null means the whole consent.' })
  sources!: Agency[] | null;
}

@ObjectType({ description: 'Consent (samtycke) to share information within the group, one version of it.' })
export class Consent {
  @Field(() => ID, { description: 'Identifier of this consent version.' })
  id!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  @Field(() => Int, { description: 'Version number. The version in force is the highest fully signed one (a renewal takes effect only when fully signed).' })
  consentVersion!: number;
  @Field(() => String, { description: 'Valid from (ISO date).' })
  validFrom!: string;
  @Field(() => String, { description: 'Valid until, inclusive (ISO date).' })
  validUntil!: string;
  @Field(() => String, { description: "Reference to the signed form (the city's common consent form)." })
  formReference!: string;
  @Field(() => [ConsentSignatory], { description: 'Who must sign, and who has.' })
  signatories!: ConsentSignatory[];
  @Field(() => [ConsentProvision], { description: 'What may be shared (PERMIT provisions), less what must not (DENY provisions: deny wins).' })
  provisions!: ConsentProvision[];
  @Field(() => [ConsentWithdrawal], { description: 'Withdrawals recorded on this consent.' })
  withdrawals!: ConsentWithdrawal[];
  @Field(() => Date, { description: 'When this version was recorded.' })
  recordedAt!: Date;
  @Field(() => String, { description: 'Who recorded it.' })
  recordedBy!: string;
  /** Optimistic-lock version of the row: signatures and withdrawals change it; a stale write is refused. */
  rowVersion!: number;
  declare [OptionalProps]?: 'rowVersion';
}
export const ConsentSchema = defineEntity({
  class: Consent,
  tableName: 'consent',
  uniques: [{ properties: ['caseId', 'consentVersion'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    consentVersion: p.integer(),
    validFrom: p.string().columnType('date'),
    validUntil: p.string().columnType('date'),
    formReference: p.string().length(100),
    signatories: p.json<ConsentSignatory[]>(),
    provisions: p.json<ConsentProvision[]>(),
    withdrawals: p.json<ConsentWithdrawal[]>(),
    recordedAt: p.datetime(),
    recordedBy: p.string().length(200),
    rowVersion: p.integer().version(),
  },
});
