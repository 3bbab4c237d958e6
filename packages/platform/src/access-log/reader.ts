import { groupByKeys, readOnlyRows, type LoadContext } from '../request/loaders';
import { AccessLogEntry } from './entry';

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
