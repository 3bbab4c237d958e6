import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { executeInTransaction } from '../request/sql-transaction';
import type { AccessLogRow } from './row';

/** The most rows one statement appends: 12 parameters each, well under PostgreSQL's 65,535. */
export const ROWS_PER_STATEMENT = 1000;

/**
 * Statements of up to this many rows (nearly all: a request has a few) are prepared once per
 * connection and then only executed: otherwise PostgreSQL parsed and planned the two-row insert
 * each time, a large part of its CPU for it (docs/decisions.md). Larger ones are sent unprepared.
 */
const PREPARED_UP_TO_ROWS = 32;
const PREPARED_INSERTS = new Map<number, { name: string; text: string }>();

/**
 * The insert of `rows` rows, with 12 parameters a row: named (prepared) up to PREPARED_UP_TO_ROWS.
 * No chain column: the database's trigger links each row (chain.ts).
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
 * per distinct decision), prepared (named) for the usual sizes: cheaper than an entity per row
 * through the ORM, than a row per case, or than `insert … select from unnest(…)`, which PostgreSQL
 * plans at every call (the measurements: docs/decisions.md). This is what every guarded request pays. It runs on the ORM's own connection pool (pg: Kysely cannot name a
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
