import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { AccessLogEntrySchema } from '@sig/platform/access-log';
import { defineAgencyCasePart } from '@sig/platform/agency';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** The kind of a police incident that concerns the young person. */
export enum IncidentKind {
  SUSPECTED_OFFENCE = 'SUSPECTED_OFFENCE',
  VICTIM = 'VICTIM',
  WITNESS = 'WITNESS',
  CONCERN_REPORT = 'CONCERN_REPORT',
}
registerEnumType(IncidentKind, {
  name: 'IncidentKind',
  description: 'What the police recorded about the young person.',
  valuesConfig: {
    SUSPECTED_OFFENCE: { description: 'Suspected of an offence (misstänkt för brott).' },
    VICTIM: { description: 'Victim of an offence (brottsoffer).' },
    WITNESS: { description: 'Witness to an offence (vittne).' },
    CONCERN_REPORT: { description: 'A report of concern sent to social services (orosanmälan).' },
  },
});

/** The kind of a contact police had with the young person or the family. */
export enum PoliceContactKind {
  CONVERSATION = 'CONVERSATION',
  HOME_VISIT = 'HOME_VISIT',
  PARENT_MEETING = 'PARENT_MEETING',
  STOPPED_IN_PUBLIC = 'STOPPED_IN_PUBLIC',
}
registerEnumType(PoliceContactKind, {
  name: 'PoliceContactKind',
  description: 'How the police met the young person or the family.',
  valuesConfig: {
    CONVERSATION: { description: 'A planned conversation (samtal).' },
    HOME_VISIT: { description: 'A home visit (hembesök).' },
    PARENT_MEETING: { description: 'A meeting with the guardians (föräldrasamtal).' },
    STOPPED_IN_PUBLIC: { description: 'Stopped and spoken to in public (kontroll/tilltal).' },
  },
});

@ObjectType({ description: 'An incident concerning the young person, as recorded by the police.' })
export class PoliceIncident {
  @Field(() => ID, { description: 'Identifier of the incident record.' })
  id!: string;

  @Field(() => ID, { description: 'The SIG case the incident belongs to.' })
  caseId!: string;

  @Field(() => IncidentKind, { description: 'What kind of incident it was.' })
  kind!: IncidentKind;

  @Field(() => Date, { description: 'When the incident took place.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'Short description, e.g. the suspected offence (brottsrubricering).' })
  description!: string;

  @Field(() => String, { nullable: true, description: 'The police report number (K-nummer), if a report was made.' })
  reportNumber?: string | null;

  @Field(() => String, { description: 'Name of the officer who recorded it.' })
  recordedBy!: string;

  @Field(() => Date, { description: 'When the record was made.' })
  createdAt!: Date;
}

export const PoliceIncidentSchema = defineEntity({
  class: PoliceIncident,
  tableName: 'police_incident',
  // Statistics: incidents of a case within a period.
  indexes: [{ properties: ['caseId', 'occurredAt'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum(Object.values(IncidentKind)),
    occurredAt: p.datetime(),
    description: p.text(),
    reportNumber: p.string().length(40).nullable(),
    recordedBy: p.string().length(200),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

@ObjectType({ description: 'A contact the police had with the young person or the family.' })
export class PoliceContact {
  @Field(() => ID, { description: 'Identifier of the contact record.' })
  id!: string;

  @Field(() => ID, { description: 'The SIG case the contact belongs to.' })
  caseId!: string;

  @Field(() => PoliceContactKind, { description: 'How the contact took place.' })
  kind!: PoliceContactKind;

  @Field(() => Date, { description: 'When the contact took place.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'What was said or done, briefly.' })
  note!: string;

  @Field(() => String, { description: 'Name of the officer who had the contact.' })
  officer!: string;
}

export const PoliceContactSchema = defineEntity({
  class: PoliceContact,
  tableName: 'police_contact',
  // Statistics: contacts of a case within a period.
  indexes: [{ properties: ['caseId', 'occurredAt'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum(Object.values(PoliceContactKind)),
    occurredAt: p.datetime(),
    note: p.text(),
    officer: p.string().length(200),
  },
});

/** The SIG case, owned by social services; the police subgraph contributes `Case.police`, its data container. */
export const policeCase = defineAgencyCasePart({
  field: 'police',
  dataType: 'PoliceCaseData',
  dataDescription: "The police's data about one case (polisens uppgifter), shared only as far as consent allows.",
  fieldDescription: "The police's data about this case (polisens uppgifter).",
});
export const PoliceCaseData = policeCase.CaseData;
export type PoliceCaseData = InstanceType<typeof PoliceCaseData>;

export const entities = [PoliceIncidentSchema, PoliceContactSchema, AccessLogEntrySchema];
