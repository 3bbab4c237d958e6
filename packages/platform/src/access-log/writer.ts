import type { EntityManager } from '@mikro-orm/postgresql';
import { appendAccessLog, ROWS_PER_STATEMENT } from './insert';
import type { AccessLogRow } from './row';

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
