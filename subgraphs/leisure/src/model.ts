import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { AccessLogEntrySchema } from '@sig/platform/access-log';
import { defineAgencyCasePart } from '@sig/platform/agency';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** Who in leisure services had a contact with the young person. */
export enum LeisureContactKind {
  YOUTH_CENTRE = 'YOUTH_CENTRE',
  FIELD_ASSISTANT = 'FIELD_ASSISTANT',
  OTHER = 'OTHER',
}
registerEnumType(LeisureContactKind, {
  name: 'LeisureContactKind',
  description: 'Where a leisure contact took place.',
  valuesConfig: {
    YOUTH_CENTRE: { description: 'At a youth centre (fritidsgård).' },
    FIELD_ASSISTANT: { description: 'With field assistants out in the area (fältassistenter).' },
    OTHER: { description: 'Elsewhere (e.g. a sports club, a summer activity).' },
  },
});

@ObjectType({ description: 'A leisure activity the young person takes part in (fritidsaktivitet).' })
export class LeisureActivity {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => String, { description: 'The activity, e.g. football, boxing, music studio.' })
  activity!: string;
  @Field(() => String, { description: 'Where it takes place (venue or club).' })
  venue!: string;
  @Field(() => String, { description: 'From (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Until (ISO date); null while ongoing.' })
  untilDate?: string | null;
}
export const LeisureActivitySchema = defineEntity({
  class: LeisureActivity,
  tableName: 'leisure_activity',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    activity: p.string().length(200),
    venue: p.string().length(200),
    fromDate: p.string().columnType('date'),
    untilDate: p.string().columnType('date').nullable(),
  },
});

@ObjectType({ description: 'A contact leisure staff had with the young person.' })
export class LeisureContact {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => LeisureContactKind, { description: 'Youth centre, field assistants or other.' })
  kind!: LeisureContactKind;
  @Field(() => Date, { description: 'When it took place.' })
  occurredAt!: Date;
  @Field(() => String, { description: 'What happened, briefly.' })
  note!: string;
  @Field(() => String, { description: 'The staff member.' })
  staff!: string;
}
export const LeisureContactSchema = defineEntity({
  class: LeisureContact,
  tableName: 'leisure_contact',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum(Object.values(LeisureContactKind)),
    occurredAt: p.datetime(),
    note: p.text(),
    staff: p.string().length(200),
  },
});

@ObjectType({ description: 'A summer job arranged for the young person (feriejobb, sommarjobb).' })
export class SummerJob {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => String, { description: 'The employer.' })
  employer!: string;
  @Field(() => Int, { description: 'The year.' })
  year!: number;
  @Field(() => Int, { description: 'Number of weeks.' })
  weeks!: number;
}
export const SummerJobSchema = defineEntity({
  class: SummerJob,
  tableName: 'summer_job',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    employer: p.string().length(200),
    year: p.integer(),
    weeks: p.integer(),
  },
});

/** The SIG case, owned by social services; the leisure subgraph contributes `Case.leisure`, its data container. */
export const leisureCase = defineAgencyCasePart({
  field: 'leisure',
  dataType: 'LeisureCaseData',
  dataDescription: "Leisure services' data about one case (fritids uppgifter), shared only as far as consent allows.",
  fieldDescription: "Leisure services' data about this case (fritids uppgifter).",
});
export const LeisureCaseData = leisureCase.CaseData;
export type LeisureCaseData = InstanceType<typeof LeisureCaseData>;

export const entities = [LeisureActivitySchema, LeisureContactSchema, SummerJobSchema, AccessLogEntrySchema];
