import 'reflect-metadata';
import { defineEntity, p, type EntityManager, type OptionalProps } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Actor } from './actor';
import { Agency } from './agency';
import type { Decision, PermitBasis } from './access';
import { rowsBy } from './loaders';

/**
 * One row of the append-only access log: a decision on case data, permit or deny, in the database
 * of the agency that owns the data. Satisfies the logging duty of brottsdatalagen (who, when, why,
 * to whom) for every agency. Rows are written once per request and decision, never changed.
 */
@Directive('@shareable')
@ObjectType({ description: 'One access decision on case data (åtkomstlogg): who asked for which categories, when, and the outcome.' })
export class AccessLogEntry {
  /** Set by the database. */
  declare [OptionalProps]?: 'id' | 'at';
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
  @Field(() => Agency, { description: 'The agency whose data it was (source).' })
  sourceAgency!: Agency;
  @Field(() => [String], { description: 'Categories of data decided on.' })
  categories!: string[];
  @Field(() => String, { nullable: true, description: "The client's operation name (why: which screen or system asked)." })
  operationName?: string | null;
  @Field(() => String, { description: 'PERMIT or DENY.' })
  decision!: 'PERMIT' | 'DENY';
  @Field(() => String, { description: 'Why: the permit basis or the denial reason.' })
  reason!: string;
  @Field(() => String, { description: "Legal basis of a disclosure: CONSENT (samtycke lifts secrecy, OSL 10 kap. 1 §, 12 kap. 2–3 §), OWN_AGENCY (the agency's own data), GROUP_MEMBERSHIP (that a case exists, to its group), or NONE for a denial." })
  legalBasis!: string;
}

export const AccessLogEntrySchema = defineEntity({
  class: AccessLogEntry,
  tableName: 'access_log',
  indexes: [{ properties: ['caseId', 'at'] }],
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    at: p.datetime().defaultRaw('now()'),
    actorId: p.string().length(100),
    actorName: p.string().length(200),
    actorAgency: p.enum(Object.values(Agency)),
    actorUnit: p.string().length(200),
    caseId: p.uuid(),
    sourceAgency: p.enum(Object.values(Agency)),
    categories: p.array(),
    operationName: p.string().length(200).nullable(),
    decision: p.enum(['PERMIT', 'DENY']),
    reason: p.string().length(40),
    legalBasis: p.string().length(40),
  },
});

/**
 * SQL that makes `access_log` append-only for every role, the owner included: updates, deletes and
 * truncation raise an error. Used by each subgraph's migration; frozen once released (change it
 * only in a new migration).
 */
export const ACCESS_LOG_APPEND_ONLY_SQL = [
  `create or replace function access_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end $$;`,
  `create trigger access_log_no_update before update or delete on access_log for each row execute function access_log_append_only();`,
  `create trigger access_log_no_truncate before truncate on access_log for each statement execute function access_log_append_only();`,
];

/** The legal basis recorded for each kind of permit (denials record NONE). */
const LEGAL_BASIS: Record<PermitBasis, string> = {
  CONSENT: 'CONSENT',
  OWN_AGENCY_MEMBER: 'OWN_AGENCY',
  OWN_AGENCY_ROLE: 'OWN_AGENCY',
  GROUP_MEMBER: 'GROUP_MEMBERSHIP',
};

interface PendingDecision {
  caseId: string;
  sourceAgency: Agency;
  categories: Set<string>;
  decision: 'PERMIT' | 'DENY';
  reason: string;
  legalBasis: string;
}

/**
 * Collects the decisions of one request, one row per case, source agency, outcome and reason (the
 * categories gathered), and writes them in one statement when the request ends.
 */
export class AccessLogRecorder {
  private readonly pending = new Map<string, PendingDecision>();

  record(caseId: string, source: Agency, category: string, decision: Decision): void {
    const outcome = decision.permit ? 'PERMIT' : 'DENY';
    const reason = decision.permit ? decision.basis : decision.reason;
    const key = `${caseId}|${source}|${outcome}|${reason}`;
    let row = this.pending.get(key);
    if (!row) {
      const legalBasis = !decision.permit ? 'NONE' : LEGAL_BASIS[decision.basis];
      row = { caseId, sourceAgency: source, categories: new Set(), decision: outcome, reason, legalBasis };
      this.pending.set(key, row);
    }
    row.categories.add(category);
  }

  get size(): number {
    return this.pending.size;
  }

  /** The rows to append for everything collected, for one actor and operation. */
  rows(actor: Actor, operationName: string | undefined): Omit<AccessLogEntry, 'id' | 'at'>[] {
    return [...this.pending.values()].map((d) => ({
      actorId: actor.id,
      actorName: actor.name,
      actorAgency: actor.agency,
      actorUnit: actor.unit,
      caseId: d.caseId,
      sourceAgency: d.sourceAgency,
      categories: [...d.categories].sort(),
      operationName: operationName ?? null,
      decision: d.decision,
      reason: d.reason,
      legalBasis: d.legalBasis,
    }));
  }
}

/** A case's access-log rows in this subgraph, newest first, batched per request. */
export function accessLogEntries(ctx: Parameters<typeof rowsBy>[0], caseId: string) {
  return rowsBy(ctx, AccessLogEntry, 'caseId', caseId, { at: 'desc', id: 'desc' });
}

/**
 * Appends rows to `access_log` in one statement, whatever their number: the columns travel as one
 * array each and PostgreSQL unnests them. Hydrating an entity per row through the ORM cost about
 * 2 ms per 100 rows in Node (docs/benchmarks.md); this is what every guarded request pays.
 */
export async function appendAccessLog(em: EntityManager, rows: Omit<AccessLogEntry, 'id' | 'at'>[]): Promise<void> {
  if (rows.length === 0) return;
  const column = <K extends keyof Omit<AccessLogEntry, 'id' | 'at'>>(key: K) => rows.map((r) => r[key]);
  // Categories are identifiers (letters and underscores), so a comma list carries them through unnest.
  const categories = rows.map((r) => {
    if (r.categories.some((c) => !/^[A-Z_]+$/.test(c))) throw new Error(`access log: not a category name: ${r.categories.join(',')}`);
    return r.categories.join(',');
  });
  await sql`insert into access_log (actor_id, actor_name, actor_agency, actor_unit, case_id, source_agency, categories, operation_name, decision, reason, legal_basis)
    select r.actor_id, r.actor_name, r.actor_agency, r.actor_unit, r.case_id, r.source_agency, string_to_array(r.categories, ','), r.operation_name, r.decision, r.reason, r.legal_basis
    from unnest(${column('actorId')}::text[], ${column('actorName')}::text[], ${column('actorAgency')}::text[], ${column('actorUnit')}::text[], ${column('caseId')}::uuid[],
                ${column('sourceAgency')}::text[], ${categories}::text[], ${column('operationName')}::text[], ${column('decision')}::text[], ${column('reason')}::text[], ${column('legalBasis')}::text[])
      as r(actor_id, actor_name, actor_agency, actor_unit, case_id, source_agency, categories, operation_name, decision, reason, legal_basis)`.execute(em.getKysely());
}
