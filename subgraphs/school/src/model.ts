import 'reflect-metadata';
import { defineEntity, p } from '@mikro-orm/postgresql';
import { AccessLogEntrySchema } from '@sig/platform/access-log';
import { defineAgencyCasePart } from '@sig/platform/agency';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The kind of a support measure in school. */
export enum SupportMeasureKind {
  EXTRA_ADAPTATION = 'EXTRA_ADAPTATION',
  SPECIAL_SUPPORT = 'SPECIAL_SUPPORT',
  STUDENT_HEALTH = 'STUDENT_HEALTH',
  OTHER = 'OTHER',
}
registerEnumType(SupportMeasureKind, {
  name: 'SupportMeasureKind',
  description: 'What kind of support the school gives.',
  valuesConfig: {
    EXTRA_ADAPTATION: { description: 'Extra adaptations in ordinary teaching (extra anpassningar).' },
    SPECIAL_SUPPORT: { description: 'Special support under an action programme (särskilt stöd, åtgärdsprogram).' },
    STUDENT_HEALTH: { description: 'Student health team (elevhälsan): counsellor, nurse, psychologist.' },
    OTHER: { description: 'Another measure.' },
  },
});

@ObjectType({ description: 'Where the young person goes to school (skolplacering).' })
export class SchoolPlacement {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => String, { description: 'Name of the school (may be in another district than the case).' })
  schoolName!: string;
  @Field(() => Int, { description: 'Grade (årskurs): 1–9 in compulsory school, 10–12 for upper secondary years 1–3.' })
  grade!: number;
  @Field(() => String, { description: 'The mentor (mentor/klassföreståndare).' })
  mentor!: string;
  @Field(() => String, { description: 'Placed from (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Placed until (ISO date); null while current.' })
  untilDate?: string | null;
}
export const SchoolPlacementSchema = defineEntity({
  class: SchoolPlacement,
  tableName: 'school_placement',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    schoolName: p.string().length(200),
    grade: p.integer(),
    mentor: p.string().length(200),
    fromDate: p.string().columnType('date'),
    untilDate: p.string().columnType('date').nullable(),
  },
});

@ObjectType({ description: 'Attendance over one period (närvaro).' })
export class AttendancePeriod {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => String, { description: 'First day of the period (ISO date).' })
  periodStart!: string;
  @Field(() => String, { description: 'Last day of the period (ISO date).' })
  periodEnd!: string;
  @Field(() => Float, { description: 'Share of lessons attended, 0–100.' })
  attendancePercent!: number;
  @Field(() => Float, { description: 'Share of lessons missed without a valid reason (ogiltig frånvaro), 0–100.' })
  unexcusedAbsencePercent!: number;
}
export const AttendancePeriodSchema = defineEntity({
  class: AttendancePeriod,
  tableName: 'attendance_period',
  // Statistics: first and latest period per pupil.
  indexes: [{ properties: ['caseId', 'periodStart'] }],
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    periodStart: p.string().columnType('date'),
    periodEnd: p.string().columnType('date'),
    attendancePercent: p.decimal('number').precision(5).scale(2),
    unexcusedAbsencePercent: p.decimal('number').precision(5).scale(2),
  },
});

@ObjectType({ description: 'A support measure the school gives (stödinsats).' })
export class SupportMeasure {
  @Field(() => ID, { description: 'Identifier.' })
  id!: string;
  @Field(() => ID, { description: 'The SIG case.' })
  caseId!: string;
  @Field(() => SupportMeasureKind, { description: 'Kind of support.' })
  kind!: SupportMeasureKind;
  @Field(() => String, { description: 'What the support is.' })
  description!: string;
  @Field(() => String, { description: 'From (ISO date).' })
  fromDate!: string;
  @Field(() => String, { nullable: true, description: 'Until (ISO date); null while ongoing.' })
  untilDate?: string | null;
}
export const SupportMeasureSchema = defineEntity({
  class: SupportMeasure,
  tableName: 'support_measure',
  properties: {
    id: p.uuid().primary(),
    caseId: p.uuid().index(),
    kind: p.enum(Object.values(SupportMeasureKind)),
    description: p.text(),
    fromDate: p.string().columnType('date'),
    untilDate: p.string().columnType('date').nullable(),
  },
});

/** The SIG case, owned by social services; the school subgraph contributes `Case.school`, its data container. */
export const schoolCase = defineAgencyCasePart({
  field: 'school',
  dataType: 'SchoolCaseData',
  dataDescription: "The school's data about one case (skolans uppgifter), shared only as far as consent allows.",
  fieldDescription: "The school's data about this case (skolans uppgifter).",
});
export const SchoolCaseData = schoolCase.CaseData;
export type SchoolCaseData = InstanceType<typeof SchoolCaseData>;

export const entities = [SchoolPlacementSchema, AttendancePeriodSchema, SupportMeasureSchema, AccessLogEntrySchema];
