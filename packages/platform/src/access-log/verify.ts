import { createHash } from 'node:crypto';
import pg from 'pg';
import { ACCESS_LOG_CHAIN_AT_FORMAT, ACCESS_LOG_CHAIN_GENESIS_HEX, ACCESS_LOG_CHAIN_TAG } from './chain';

/**
 * Checks an agency database's access-log hash chain (chain.ts) from its first row to
 * its head. The hashes are recomputed here, in TypeScript, from the columns' text forms, not by the
 * database's own functions: a chain "verified" by functions a superuser could have replaced would
 * prove nothing.
 */

/** One access-log row as the verifier reads it: every hashed column in its canonical text form. */
export interface ChainedRow {
  chain_seq: string;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_agency: string | null;
  actor_unit: string | null;
  case_id: string | null;
  case_ids: (string | null)[] | null;
  source_agency: string | null;
  categories: (string | null)[] | null;
  operation_name: string | null;
  purpose: string | null;
  decision: string | null;
  reason: string | null;
  legal_basis: string | null;
  prev_hash: Buffer | null;
  row_hash: Buffer | null;
}

export type ChainProblem =
  /** row_hash is not sha256(prev_hash || the row's content): the row was changed (or forged). */
  | 'content'
  /** prev_hash is not the row_hash of the row before it: a row before it was changed, removed or inserted. */
  | 'prev-link'
  /** chain_seq is not the next number: rows are missing (removed) or numbered by hand. */
  | 'gap'
  /** The row has no place in the chain at all (written with the chain trigger off). */
  | 'unchained'
  /** The head does not name the last row: rows were removed from the end, or the head was set by hand. */
  | 'head';

export interface ChainBreak {
  problem: ChainProblem;
  /** The first broken row (null for a head that names no row there is). */
  id: string | null;
  chainSeq: string | null;
  detail: string;
}

export interface ChainReport {
  /** Rows read, up to and including the first broken one. */
  rowsChecked: number;
  ok: boolean;
  /** The head as stored (seq and hash in hex): note it down to notice a chain rewritten whole later. */
  head: { seq: string; hash: string } | null;
  broken?: ChainBreak;
}

const NULL_LENGTH = Buffer.from([0xff, 0xff, 0xff, 0xff]);

function field(value: string | null): Buffer[] {
  if (value === null) return [NULL_LENGTH];
  const bytes = Buffer.from(value, 'utf8');
  const length = Buffer.alloc(4);
  length.writeInt32BE(bytes.length);
  return [length, bytes];
}

function array(values: (string | null)[] | null): Buffer[] {
  if (values === null) return [NULL_LENGTH];
  const count = Buffer.alloc(4);
  count.writeInt32BE(values.length);
  return [count, ...values.flatMap(field)];
}

/** The canonical encoding (v1) of a row, as `access_log_chain_canonical` computes it in SQL. */
export function accessLogCanonical(row: Omit<ChainedRow, 'prev_hash' | 'row_hash'>): Buffer {
  return Buffer.concat([
    ...field(ACCESS_LOG_CHAIN_TAG),
    ...field(row.chain_seq),
    ...field(row.id),
    ...field(row.at),
    ...field(row.actor_id),
    ...field(row.actor_name),
    ...field(row.actor_agency),
    ...field(row.actor_unit),
    ...field(row.case_id),
    ...array(row.case_ids),
    ...field(row.source_agency),
    ...array(row.categories),
    ...field(row.operation_name),
    ...field(row.purpose),
    ...field(row.decision),
    ...field(row.reason),
    ...field(row.legal_basis),
  ]);
}

/** sha256(prevHash || canonical encoding of the row). */
export function accessLogRowHash(prevHash: Buffer, row: Omit<ChainedRow, 'prev_hash' | 'row_hash'>): Buffer {
  return createHash('sha256').update(prevHash).update(accessLogCanonical(row)).digest();
}

/** The verifier's query: the columns in the text forms the encoding is defined on. */
const ROW_COLUMNS = `chain_seq::text AS chain_seq, id::text AS id, to_char(at AT TIME ZONE 'UTC', '${ACCESS_LOG_CHAIN_AT_FORMAT}') AS at,
  actor_id::text AS actor_id, actor_name::text AS actor_name, actor_agency::text AS actor_agency, actor_unit::text AS actor_unit,
  case_id::text AS case_id, case_ids::text[] AS case_ids, source_agency::text AS source_agency, categories::text[] AS categories,
  operation_name::text AS operation_name, purpose::text AS purpose, decision::text AS decision, reason::text AS reason,
  legal_basis::text AS legal_basis, prev_hash, row_hash`;

const BATCH = 5000;
const hex = (b: Buffer | null) => (b ? b.toString('hex') : 'null');
const short = (b: Buffer | null) => (b ? `${b.toString('hex').slice(0, 16)}…` : 'null');

/**
 * Walks the chain in chain_seq order, in batches (any size of log), and reports the first row where
 * it breaks. Needs only SELECT on access_log and access_log_chain_head (the application login will
 * do; so will the owner or an auditor's read-only login). `client` is an open connection, or a URL.
 */
export async function verifyAccessLogChain(client: pg.ClientBase | string, options: { batch?: number } = {}): Promise<ChainReport> {
  const batch = options.batch ?? BATCH;
  if (!Number.isInteger(batch) || batch < 1) throw new Error(`batch must be a positive whole number, got ${batch}`);
  if (typeof client === 'string') {
    const own = new pg.Client({ connectionString: client });
    await own.connect();
    try {
      return await verifyAccessLogChain(own, options);
    } finally {
      await own.end();
    }
  }
  const { rows: heads } = await client.query<{ seq: string; hash: Buffer }>('SELECT seq::text AS seq, hash FROM access_log_chain_head');
  const head = heads[0] ? { seq: heads[0].seq, hash: hex(heads[0].hash) } : null;
  let checked = 0;
  const fail = (broken: ChainBreak): ChainReport => ({ rowsChecked: checked, ok: false, head, broken });

  let previous: Buffer = Buffer.from(ACCESS_LOG_CHAIN_GENESIS_HEX, 'hex');
  let expectedSeq = 1n;
  let lastSeq: string | null = null;
  for (;;) {
    const { rows }: { rows: ChainedRow[] } = await client.query<ChainedRow>(
      // Ordered by the column, not by the text form of the same name (which would put 10 before 2).
      `SELECT ${ROW_COLUMNS} FROM access_log l WHERE l.chain_seq IS NOT NULL AND l.chain_seq > $1::bigint ORDER BY l.chain_seq LIMIT ${batch}`,
      [lastSeq ?? '-9223372036854775808'],
    );
    for (const row of rows) {
      checked += 1;
      const at = { id: row.id, chainSeq: row.chain_seq };
      if (BigInt(row.chain_seq) !== expectedSeq) {
        return fail({ problem: 'gap', ...at, detail: `chain_seq ${row.chain_seq} where ${expectedSeq} was expected (${BigInt(row.chain_seq) > expectedSeq ? 'rows are missing before it' : 'numbered by hand'})` });
      }
      if (!row.prev_hash || !row.prev_hash.equals(previous)) {
        return fail({ problem: 'prev-link', ...at, detail: `prev_hash ${short(row.prev_hash)} is not the previous row's row_hash ${short(previous)}` });
      }
      const recomputed = accessLogRowHash(previous, row);
      if (!row.row_hash || !row.row_hash.equals(recomputed)) {
        return fail({ problem: 'content', ...at, detail: `row_hash ${short(row.row_hash)} does not match the row's content (recomputed ${short(recomputed)})` });
      }
      previous = recomputed;
      expectedSeq += 1n;
      lastSeq = row.chain_seq;
    }
    if (rows.length < batch) break;
  }
  const { rows: unchained } = await client.query<{ id: string }>('SELECT id::text AS id FROM access_log WHERE chain_seq IS NULL ORDER BY id LIMIT 1');
  if (unchained[0]) return fail({ problem: 'unchained', id: unchained[0].id, chainSeq: null, detail: 'the row has no chain_seq: it was written with the chain trigger off' });
  const endSeq = (expectedSeq - 1n).toString();
  if (!heads[0]) return fail({ problem: 'head', id: null, chainSeq: null, detail: 'access_log_chain_head has no row' });
  if (heads[0].seq !== endSeq || !heads[0].hash.equals(previous)) {
    return fail({
      problem: 'head',
      id: null,
      chainSeq: heads[0].seq,
      detail: `the head names seq ${heads[0].seq} hash ${short(heads[0].hash)}, the chain ends at seq ${endSeq} hash ${short(previous)}${BigInt(heads[0].seq) > BigInt(endSeq) ? ' (rows after it are missing)' : ''}`,
    });
  }
  return { rowsChecked: checked, ok: true, head };
}

/** One line for a report: "<n> rows, chain OK (head …)" or where and how it breaks. */
export function describeChainReport(report: ChainReport): string {
  if (report.ok) return `${report.rowsChecked} rows, chain OK (head seq ${report.head?.seq}, hash ${report.head?.hash})`;
  const b = report.broken!;
  const where = b.id ? `row id ${b.id} (chain_seq ${b.chainSeq ?? 'none'})` : `the head${b.chainSeq ? ` (seq ${b.chainSeq})` : ''}`;
  return `BROKEN at ${where}: ${b.problem}: ${b.detail}; ${report.rowsChecked} rows checked`;
}
