import type { AccessLogEntry } from './entry';

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
