import 'reflect-metadata';
import { defineEntity, p, type EntityManager, type OptionalProps } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { Actor } from './actor';
import { Agency } from './agency';
import type { Decision, PermitBasis } from './access';
import { groupByKeys, readOnlyRows, type LoadContext } from './loaders';
import { executeInTransaction } from './sql-transaction';

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
   * Not in the API. The row's link in the tamper-evident chain (access-log-chain.ts), set by the
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
export type AccessLogRow = Omit<AccessLogEntry, 'id' | 'at' | 'caseId' | 'caseIds' | 'purpose' | 'chainSeq' | 'prevHash' | 'rowHash'> & {
  caseIds: string[];
  /** The server-derived why of the request (hashed with the row); none by default. */
  purpose?: string | null;
};

/** Where a request's decisions are appended: the subgraph's AccessLogWriter. */
export interface AccessLogSink {
  append(rows: AccessLogRow[]): Promise<void>;
}

/**
 * Collects the decisions of one request and hands them to the writer as they are made: per case,
 * source agency, outcome and reason, the categories decided on, written as one row per distinct
 * decision holding every case it was made on (a list of 100 cases with the same outcome is one row,
 * not 100).
 *
 * Decisions are handed over in waves, once the decisions of one turn of the event loop are in (the
 * guards of a list's fields all decide in the same turn), so the insert runs while the resolvers
 * read the data. A response still leaves only once every decision of its request is committed
 * (`written`, fail closed). Waiting for the whole request before writing had each response wait a
 * whole insert after its resolvers were done: under the benchmark's load, about 7 ms of a 60 ms
 * action plan, a tenth of the throughput (docs/benchmarks.md).
 */
export class AccessLogRecorder {
  private pending = new Map<string, PendingDecision>();
  private handOverScheduled = false;
  private readonly writes: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly who: { actor: Actor; operationName?: string; purpose?: string },
    /** None where nothing is logged (the benchmark's plain variant, which decides nothing). */
    private readonly sink?: AccessLogSink,
  ) {}

  record(caseId: string, source: Agency, category: string, decision: Decision): void {
    if (!this.sink) throw new Error('an access decision was recorded where no access log is written');
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
    if (!this.handOverScheduled) {
      this.handOverScheduled = true;
      setImmediate(() => this.handOver());
    }
  }

  /**
   * Resolves once every decision recorded so far is committed to the access log; rejects if any of
   * them could not be written (then nothing of the request may be disclosed).
   */
  async written(): Promise<void> {
    this.handOver();
    await Promise.all(this.writes);
    if (this.failure) throw this.failure.error;
  }

  /**
   * For a write, which commits together with the decisions that allowed it (`commitWrite`): waits
   * until every decision already handed to the writer is committed (rejects if one could not be),
   * then takes the rest, for the write's own transaction to insert. Rows taken and then not
   * committed go back with `putBack`.
   */
  async takeForWrite(): Promise<AccessLogRow[]> {
    await Promise.all(this.writes);
    if (this.failure) throw this.failure.error;
    const rows = this.rows();
    this.pending = new Map();
    return rows;
  }

  /** Rows taken by `takeForWrite` whose transaction did not commit: they are written as any other decision. */
  putBack(rows: AccessLogRow[]): void {
    if (rows.length === 0) return;
    this.writes.push(this.sink!.append(rows).catch((error: unknown) => void (this.failure ??= { error })));
  }

  /** Hands what is pending to the writer (nothing if nothing is). */
  private handOver(): void {
    this.handOverScheduled = false;
    if (this.pending.size === 0) return;
    const rows = this.rows();
    this.pending = new Map();
    // Failures are kept for `written`, so that a failed wave is never an unhandled rejection.
    this.writes.push(this.sink!.append(rows).catch((error: unknown) => void (this.failure ??= { error })));
  }

  /** The rows for what is pending: cases with the same decision share a row. */
  private rows(): AccessLogRow[] {
    const { actor, operationName, purpose } = this.who;
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
        purpose: purpose ?? null,
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

/** The most rows one statement appends: 12 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_STATEMENT = 1000;

/**
 * Statements of up to this many rows (nearly all: a request has a few) are prepared once per
 * connection and then only executed; PostgreSQL parsed and planned the two-row insert each time,
 * 100–180 µs of its 380 µs of CPU (docs/benchmarks.md). Larger ones are sent unprepared.
 */
const PREPARED_UP_TO_ROWS = 32;
const PREPARED_INSERTS = new Map<number, { name: string; text: string }>();

/**
 * The insert of `rows` rows, with 12 parameters a row: named (prepared) up to PREPARED_UP_TO_ROWS.
 * No chain column: the database's trigger links each row (access-log-chain.ts).
 */
function insertStatement(rows: number): { name?: string; text: string } {
  const known = PREPARED_INSERTS.get(rows);
  if (known) return known;
  const tuples = Array.from({ length: rows }, (_, i) => {
    const p = (n: number) => `$${i * 12 + n}`;
    return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}::uuid[], ${p(6)}, ${p(7)}::text[], ${p(8)}, ${p(9)}, ${p(10)}, ${p(11)}, ${p(12)})`;
  });
  const text = `insert into access_log (actor_id, actor_name, actor_agency, actor_unit, case_ids, source_agency, categories, operation_name, purpose, decision, reason, legal_basis) values ${tuples.join(', ')}`;
  if (rows > PREPARED_UP_TO_ROWS) return { text };
  const statement = { name: `access_log_append_${rows}`, text };
  PREPARED_INSERTS.set(rows, statement);
  return statement;
}

/**
 * Appends rows to `access_log`: one multi-row insert with parameters (a request has a few rows, one
 * per distinct decision), prepared (named) for the usual sizes. Through the ORM, an entity per row
 * cost about 2 ms of Node CPU per 100 rows; one row per case (rather than per decision) cost
 * PostgreSQL about 4 ms per 100; an `insert … select from unnest(…)` of the columns as arrays cost
 * PostgreSQL about 150 µs more per request than this, to plan (docs/benchmarks.md). This is what
 * every guarded request pays. It runs on the ORM's own connection pool (pg: Kysely cannot name a
 * statement) and is logged through the ORM's logger like every other statement.
 */
export async function appendAccessLog(em: EntityManager, rows: AccessLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const pool = (await em.getConnection().getNativeClient()) as pg.Pool;
  const logger = em.config.getLogger();
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(from, from + ROWS_PER_STATEMENT);
    const statement = insertStatement(chunk.length);
    const values = chunk.flatMap((r) => [r.actorId, r.actorName, r.actorAgency, r.actorUnit, r.caseIds, r.sourceAgency, r.categories, r.operationName, r.purpose ?? null, r.decision, r.reason, r.legalBasis]);
    const started = performance.now();
    // Inside a write's transaction (commitWrite), the rows commit or roll back with the write.
    if (em.isInTransaction()) await executeInTransaction(em.getTransactionContext(), statement.text, values);
    else await pool.query({ ...statement, values });
    logger.logQuery({ query: statement.text, took: Math.round(performance.now() - started), affected: chunk.length, level: 'info' });
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
