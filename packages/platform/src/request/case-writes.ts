import type { EntityManager } from '@mikro-orm/postgresql';
import type { DataCategory } from '../access/decisions';
import { appendAccessLog } from '../access-log/insert';
import type { SubgraphContext } from './context';
import { forbidden, type DenyReason } from '../access/errors';

/**
 * Commits the request's pending changes together with the access-log rows of every decision made so
 * far in the request, the decision that allowed the write among them: in one transaction, so that a
 * write never stands without its log rows (fail closed). Decisions already handed to the log writer
 * must be committed first; if one could not be, nothing is written. `alsoInTransaction` runs
 * statements of the resolver's own in the same transaction, after the flush.
 */
export async function commitWrite(ctx: SubgraphContext, alsoInTransaction?: (em: EntityManager) => Promise<void>): Promise<void> {
  const rows = await ctx.accessLog.takeForWrite();
  await ctx.em.begin();
  try {
    await ctx.em.flush();
    if (alsoInTransaction) await alsoInTransaction(ctx.em);
    await appendAccessLog(ctx.em, rows);
    await ctx.em.commit();
  } catch (error) {
    await ctx.em.rollback();
    ctx.accessLog.putBack(rows);
    throw error;
  }
}

/**
 * A write refused by a domain rule after the guard let the request through (e.g. only the responsible
 * agency or the coordinator changes an action's status): the refusal is a decision like any other
 * and is logged as DENY. Returns the error to throw.
 */
export function refuseWrite(ctx: SubgraphContext, caseId: string, data: DataCategory, reason: DenyReason) {
  ctx.accessLog.record(caseId, data.source, data.category, { permit: false, reason });
  return forbidden(reason, { caseId, source: data.source, category: data.category });
}
