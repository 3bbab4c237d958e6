import type { Actor } from '../access/actor';
import type { Agency } from '../access/agency';
import type { Decision } from '../access/decisions';
import { loggedOutcome, type AccessLogRow, type AccessLogSink } from './row';

interface PendingDecision {
  caseId: string;
  sourceAgency: Agency;
  categories: Set<string>;
  decision: 'PERMIT' | 'DENY';
  reason: string;
  legalBasis: string;
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
 * whole insert after its resolvers were done (measured: docs/decisions.md, "The access log fails
 * closed").
 */
export class AccessLogRecorder {
  private pending = new Map<string, PendingDecision>();
  private handOverScheduled = false;
  private readonly writes: Promise<void>[] = [];
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly who: { actor: Actor; operationName?: string; purpose?: string },
    private readonly sink: AccessLogSink,
  ) {}

  record(caseId: string, source: Agency, category: string, decision: Decision): void {
    const { decision: outcome, reason, legalBasis } = loggedOutcome(decision);
    const key = `${caseId}|${source}|${outcome}|${reason}`;
    let row = this.pending.get(key);
    if (!row) {
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
    this.writes.push(this.sink.append(rows).catch((error: unknown) => void (this.failure ??= { error })));
  }

  /** Hands what is pending to the writer (nothing if nothing is). */
  private handOver(): void {
    this.handOverScheduled = false;
    if (this.pending.size === 0) return;
    const rows = this.rows();
    this.pending = new Map();
    // Failures are kept for `written`, so that a failed wave is never an unhandled rejection.
    this.writes.push(this.sink.append(rows).catch((error: unknown) => void (this.failure ??= { error })));
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
