import 'reflect-metadata';
import { defineEntity, p, type EntityManager, type OptionalProps } from '@mikro-orm/postgresql';
import { sql } from 'kysely';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Actor } from './actor';
import { Agency } from './agency';
import type { Decision, PermitBasis } from './access';
import { groupByKeys, readOnlyRows, type LoadContext } from './loaders';

/**
 * One row of the append-only access log: a decision on case data, permit or deny, in the database
 * of the agency that owns the data. Satisfies the logging duty of brottsdatalagen (who, when, why,
 * to whom) for every agency. Rows are written once per request and decision, never changed.
 */
@Directive('@shareable')
@ObjectType({ description: 'One access decision on case data (åtkomstlogg): who asked for which categories, when, and the outcome.' })
export class AccessLogEntry {
  /** Set by the database; `caseId` or `caseIds`, one of the two, is set per row. */
  declare [OptionalProps]?: 'id' | 'at' | 'caseId' | 'caseIds';
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

/**
 * SQL that lets one access-log row hold a decision on many cases (`case_ids`, GIN-indexed), beside
 * the rows of one case (`case_id`) written before; exactly one of the two is set. Used by each
 * subgraph's migration of 2026-11-25; frozen once released. `down` refuses once such rows exist:
 * reverting would lose their cases, and the log is kept.
 */
export const ACCESS_LOG_CASE_IDS_SQL = {
  up: [
    `alter table "access_log" add "case_ids" uuid[] null;`,
    `alter table "access_log" alter column "case_id" drop not null;`,
    `create index "access_log_case_ids_index" on "access_log" using gin ("case_ids");`,
    `alter table "access_log" add constraint "access_log_one_form_of_case" check ((case_id is null) <> (case_ids is null));`,
  ],
  down: [
    `do $$ begin if exists (select 1 from access_log where case_ids is not null) then raise exception 'access_log holds rows of many cases; reverting would lose them'; end if; end $$;`,
    `drop index "access_log_case_ids_index";`,
    `alter table "access_log" drop constraint "access_log_one_form_of_case";`,
    `alter table "access_log" drop column "case_ids";`,
    `alter table "access_log" alter column "case_id" set not null;`,
  ],
};

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

/** One row to append: one decision (source, categories, outcome, reason) on one or more cases. */
export type AccessLogRow = Omit<AccessLogEntry, 'id' | 'at' | 'caseId' | 'caseIds'> & { caseIds: string[] };

/**
 * Collects the decisions of one request: per case, source agency, outcome and reason, the
 * categories decided on. When the request ends they are written as one row per distinct decision,
 * holding every case it was made on (a list of 100 cases with the same outcome is one row, not 100),
 * in one statement.
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

  /** The rows to append for everything collected, for one actor and operation: cases with the same decision share a row. */
  rows(actor: Actor, operationName: string | undefined): AccessLogRow[] {
    const rows = new Map<string, AccessLogRow>();
    for (const d of this.pending.values()) {
      const categories = [...d.categories].sort();
      const key = `${d.sourceAgency}|${d.decision}|${d.reason}|${categories.join(',')}`;
      const row = rows.get(key);
      if (row) {
        row.caseIds.push(d.caseId);
        continue;
      }
      rows.set(key, {
        actorId: actor.id,
        actorName: actor.name,
        actorAgency: actor.agency,
        actorUnit: actor.unit,
        caseIds: [d.caseId],
        sourceAgency: d.sourceAgency,
        categories,
        operationName: operationName ?? null,
        decision: d.decision,
        reason: d.reason,
        legalBasis: d.legalBasis,
      });
    }
    return [...rows.values()];
  }
}

/**
 * A case's access-log rows in this subgraph, newest first, batched per request: rows of that case
 * alone and rows of many cases that include it, each given with `caseId` set to the case.
 */
export function accessLogEntries(ctx: LoadContext, caseId: string): Promise<AccessLogEntry[]> {
  return ctx.loaders
    .get<string, AccessLogEntry[]>('access-log', async (caseIds) => {
      const asked = [...caseIds];
      const rows = await readOnlyRows(ctx.em, AccessLogEntry, { $or: [{ caseId: { $in: asked } }, { caseIds: { $overlap: asked } }] } as never, { at: 'desc', id: 'desc' } as never);
      const wanted = new Set(asked);
      const perCase = rows.flatMap((row) => (row.caseId ? [row.caseId] : (row.caseIds ?? []).filter((id) => wanted.has(id))).map((id) => Object.assign(new AccessLogEntry(), row, { caseId: id, caseIds: undefined })));
      return groupByKeys(asked, perCase, (entry) => entry.caseId);
    })
    .load(caseId);
}

/** The most rows one statement appends: 11 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Appends rows to `access_log`: one multi-row insert with parameters (a request has a few rows, one
 * per distinct decision). Through the ORM, an entity per row cost about 2 ms of Node CPU per 100
 * rows; one row per case (rather than per decision) cost PostgreSQL about 4 ms per 100; an
 * `insert … select from unnest(…)` of the columns as arrays cost PostgreSQL about 150 µs more per
 * request than this, to plan (docs/benchmarks.md). This is what every guarded request pays.
 */
export async function appendAccessLog(em: EntityManager, rows: AccessLogRow[]): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const values = rows
      .slice(from, from + ROWS_PER_STATEMENT)
      .map((r) => sql`(${r.actorId}, ${r.actorName}, ${r.actorAgency}, ${r.actorUnit}, ${r.caseIds}::uuid[], ${r.sourceAgency}, ${r.categories}::text[], ${r.operationName}, ${r.decision}, ${r.reason}, ${r.legalBasis})`);
    await sql`insert into access_log (actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, decision, reason, legal_basis)
      values ${sql.join(values)}`.execute(em.getKysely());
  }
}

interface QueuedRows {
  rows: AccessLogRow[];
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Appends the rows of concurrent requests together (group commit): while one insert is under way,
 * the rows of the requests that end meanwhile wait, and the next insert takes all of them, up to
 * `ROWS_PER_STATEMENT` rows in one statement. Each request's promise settles only when the
 * statement holding its rows has committed, so a response still leaves only after its decisions
 * are logged (fail closed). Alone, a request's rows go at once; under load, one commit serves many.
 * If a shared insert fails, each request's rows are tried on their own, so that one bad request
 * fails alone and no row is written twice.
 */
export class AccessLogWriter {
  private readonly queue: QueuedRows[] = [];
  private flushing = false;
  /** Inserts made for batches so far (for tests and diagnostics). */
  statements = 0;

  constructor(private readonly em: EntityManager) {}

  append(rows: AccessLogRow[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ rows, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        this.statements += 1;
        try {
          await appendAccessLog(this.em, batch.flatMap((q) => q.rows));
          for (const q of batch) q.resolve();
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error);
          else await Promise.all(batch.map((q) => appendAccessLog(this.em, q.rows).then(q.resolve, q.reject)));
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /** The oldest waiting requests whose rows fit one statement (at least one request, whatever its size). */
  private takeBatch(): QueuedRows[] {
    let rows = this.queue[0].rows.length;
    let count = 1;
    while (count < this.queue.length && rows + this.queue[count].rows.length <= ROWS_PER_STATEMENT) rows += this.queue[count++].rows.length;
    return this.queue.splice(0, count);
  }
}
