import type { Decision, PermitBasis } from '../access/decisions';
import type { AccessLogEntry } from './entry';

/** The legal basis recorded for each kind of permit (denials record NONE). */
const LEGAL_BASIS: Record<PermitBasis, string> = {
  CONSENT: 'CONSENT',
  OWN_AGENCY_MEMBER: 'OWN_AGENCY',
  OWN_AGENCY_ROLE: 'OWN_AGENCY',
  GROUP_MEMBER: 'GROUP_MEMBERSHIP',
};

/** How a decision stands in the log: its outcome, its reason (the permit basis or the denial reason) and its legal basis. */
export function loggedOutcome(decision: Decision): { decision: 'PERMIT' | 'DENY'; reason: string; legalBasis: string } {
  return decision.permit
    ? { decision: 'PERMIT', reason: decision.basis, legalBasis: LEGAL_BASIS[decision.basis] }
    : { decision: 'DENY', reason: decision.reason, legalBasis: 'NONE' };
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
