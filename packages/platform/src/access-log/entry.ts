import 'reflect-metadata';
import { defineEntity, p, type OptionalProps } from '@mikro-orm/postgresql';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Agency } from '../access/agency';

/**
 * One row of the append-only access log: a decision on case data, permit or deny, in the database
 * of the agency that owns the data. Satisfies the logging duty of brottsdatalagen (who, when, why,
 * to whom) for every agency. Rows are written once per request and decision, never changed.
 */
@Directive('@shareable')
@ObjectType({ description: 'One access decision on case data (åtkomstlogg): who asked for which categories, when, and the outcome.' })
export class AccessLogEntry {
  /** Set by the database; `caseId` or `caseIds`, one of the two, is set per row. */
  declare [OptionalProps]?: 'id' | 'at' | 'caseId' | 'caseIds' | 'purpose' | 'chainSeq' | 'prevHash' | 'rowHash';
  @Field(() => ID, { description: 'Row number.' })
  id!: string;
  @Field(() => Date, { description: 'When the decision was made.' })
  at!: Date;
  @Field(() => ID, { description: 'The actor (identity-provider subject).' })
  actorId!: string;
  @Field(() => String, { description: "The actor's name." })
  actorName!: string;
  @Field(() => Agency, { description: "The actor's agency (the recipient)." })
  actorAgency!: Agency;
  @Field(() => String, { description: "The actor's unit." })
  actorUnit!: string;
  @Field(() => ID, { description: 'The case.' })
  caseId!: string;
  /**
   * Not in the API. One row holds one decision on many cases (a list): the cases, where `caseId` is
   * null. Rows written before 2026-11-25 hold one case each, in `caseId`. Read back, every row is
   * given per case, with `caseId` set (`accessLogEntries`).
   */
  caseIds?: string[] | null;
  @Field(() => Agency, { description: 'The agency whose data it was (source).' })
  sourceAgency!: Agency;
  @Field(() => [String], { description: 'Categories of data decided on.' })
  categories!: string[];
  @Field(() => String, { nullable: true, description: "The client's operation name: a label the client chose (which screen or system asked), bounded and checked, never the reason of record." })
  operationName?: string | null;
  @Field(() => String, { description: 'PERMIT or DENY.' })
  decision!: 'PERMIT' | 'DENY';
  @Field(() => String, { description: 'Why: the permit basis or the denial reason.' })
  reason!: string;
  /** Covered by the row's hash. */
  @Field(() => String, { nullable: true, description: 'What the request asked for, as the gateway resolved it from the operation (its type and root fields, e.g. "mutation updateActionStatus"), not what the client says; null on rows written before 2026-12.' })
  purpose?: string | null;
  /**
   * Not in the API. The row's link in the tamper-evident chain (chain.ts), set by the
   * database's trigger whatever the inserter gives: its place (1, 2, 3, …), the previous row's hash
   * and its own, sha256(prevHash || the row's canonical encoding).
   */
  chainSeq!: string;
  prevHash!: Buffer;
  rowHash!: Buffer;
  @Field(() => String, { description: "Legal basis of a disclosure: CONSENT (samtycke lifts secrecy, OSL 10 kap. 1 §, 12 kap. 2–3 §), OWN_AGENCY (the agency's own data), GROUP_MEMBERSHIP (that a case exists, to its group), or NONE for a denial." })
  legalBasis!: string;
}

export const AccessLogEntrySchema = defineEntity({
  class: AccessLogEntry,
  tableName: 'access_log',
  indexes: [{ properties: ['caseId', 'at'] }, { properties: ['caseIds'], type: 'gin' }],
  checks: [{ name: 'access_log_one_form_of_case', expression: '(case_id is null) <> (case_ids is null)' }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().defaultRaw('now()'),
    actorId: p.string().length(100),
    actorName: p.string().length(200),
    actorAgency: p.enum(Object.values(Agency)),
    actorUnit: p.string().length(200),
    caseId: p.uuid().nullable(),
    caseIds: p.array().columnType('uuid[]').nullable(),
    sourceAgency: p.enum(Object.values(Agency)),
    categories: p.array(),
    operationName: p.string().length(200).nullable(),
    decision: p.enum(['PERMIT', 'DENY']),
    reason: p.string().length(40),
    legalBasis: p.string().length(40),
    purpose: p.string().length(200).nullable(),
    chainSeq: p.bigint('string').unique('access_log_chain_seq_unique'),
    prevHash: p.blob(),
    rowHash: p.blob(),
  },
});
