import { describe, expect, it } from 'vitest';
import { AccessLogRecorder, type AccessLogRow, type AccessLogSink } from '../../src/access-log';
import { Agency, type Actor } from '../../src/access';

const actor: Actor = { id: 'u1', name: 'Anna', agency: Agency.POLICE, unit: 'Järva', district: 'Spånga-Tensta', roles: [] };
const permit = { permit: true, basis: 'CONSENT' } as const;
const deny = { permit: false, reason: 'CONSENT_WITHDRAWN' } as const;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A sink that keeps what it is given; `settle` decides when (and whether) each append commits. */
function sink() {
  const appends: { rows: AccessLogRow[]; commit(): void; fail(error: Error): void }[] = [];
  const s: AccessLogSink = {
    append: (rows) => new Promise<void>((resolve, reject) => appends.push({ rows, commit: resolve, fail: reject })),
  };
  return { s, appends };
}

describe('AccessLogRecorder', () => {
  it('hands the decisions of one turn to the writer together, cases with the same decision in one row', async () => {
    const { s, appends } = sink();
    const recorder = new AccessLogRecorder({ actor, operationName: 'List' }, s);
    recorder.record('c1', Agency.POLICE, 'INCIDENTS', permit);
    recorder.record('c2', Agency.POLICE, 'INCIDENTS', permit);
    recorder.record('c3', Agency.POLICE, 'INCIDENTS', deny);
    expect(appends).toHaveLength(0);
    await nextTurn();
    expect(appends).toHaveLength(1);
    expect(appends[0].rows).toEqual([
      expect.objectContaining({ caseIds: ['c1', 'c2'], categories: ['INCIDENTS'], decision: 'PERMIT', reason: 'CONSENT', legalBasis: 'CONSENT', operationName: 'List', actorId: 'u1' }),
      expect.objectContaining({ caseIds: ['c3'], decision: 'DENY', reason: 'CONSENT_WITHDRAWN', legalBasis: 'NONE' }),
    ]);
  });

  it('is written only when every wave is committed, the last one handed over by `written` itself', async () => {
    const { s, appends } = sink();
    const recorder = new AccessLogRecorder({ actor }, s);
    recorder.record('c1', Agency.POLICE, 'INCIDENTS', permit);
    await nextTurn();
    recorder.record('c1', Agency.POLICE, 'CONTACTS', permit);
    let done = false;
    const written = recorder.written().then(() => (done = true));
    expect(appends.map((a) => a.rows[0].categories)).toEqual([['INCIDENTS'], ['CONTACTS']]);
    appends[1].commit();
    await nextTurn();
    expect(done).toBe(false);
    appends[0].commit();
    await written;
    expect(done).toBe(true);
  });

  it('rejects `written` when any wave could not be written, with no unhandled rejection meanwhile', async () => {
    const { s, appends } = sink();
    const recorder = new AccessLogRecorder({ actor }, s);
    recorder.record('c1', Agency.POLICE, 'INCIDENTS', permit);
    await nextTurn();
    appends[0].fail(new Error('log database refused'));
    await nextTurn();
    recorder.record('c2', Agency.POLICE, 'INCIDENTS', permit);
    const written = recorder.written();
    appends[1].commit();
    await expect(written).rejects.toThrow('log database refused');
  });

  it('writes nothing when nothing was decided', async () => {
    const { s, appends } = sink();
    await new AccessLogRecorder({ actor }, s).written();
    expect(appends).toHaveLength(0);
  });
});
