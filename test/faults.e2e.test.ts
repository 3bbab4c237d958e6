import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresServer, type PostgresServer } from '@sig/dev-kit/postgres';
import { createActiveCase } from './support/cases';
import { freePort, startTestPlatform, type TestPlatform } from './support/platform';

/**
 * Faults: an agency's subgraph down, and PostgreSQL restarting under the running system. This file
 * runs its own PostgreSQL server, so that restarting it disturbs no other test.
 */
let postgres: PostgresServer;
let platform: TestPlatform;
let caseId: string;
let baseDir: string;
let pgPort: number;

const OVERVIEW = `query($id: ID!) { case(id: $id) { id status police { incidents { id } } school { attendance { id } } leisure { activities { id } } } }`;
const readyz = async () => (await fetch(platform.system.gatewayUrl.replace(/\/graphql$/, '/readyz'))).status;

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await condition().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

beforeAll(async () => {
  baseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sig-faults-pg-'));
  pgPort = await freePort();
  postgres = await startPostgresServer({ baseDir, port: pgPort, persistent: true });
  platform = await startTestPlatform({ adminUrl: postgres.adminUrl });
  caseId = await createActiveCase(platform, ['police-officer', 'school-counsellor', 'leisure-worker'], [
    { source: 'POLICE', categories: ['INCIDENTS'] },
    { source: 'SCHOOL', categories: ['ATTENDANCE'] },
    { source: 'LEISURE', categories: ['ACTIVITIES'] },
  ]);
});

afterAll(async () => {
  await platform?.stop();
  await postgres?.stop();
  fs.rmSync(baseDir, { recursive: true, force: true });
});

describe('faults', () => {
  it('recovers when PostgreSQL restarts: readiness drops, then data is served again', async () => {
    expect(await readyz()).toBe(200);
    await postgres.stop();
    const whileDown = await platform.query('social-worker', OVERVIEW, { id: caseId });
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(JSON.stringify(whileDown.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    expect(await readyz()).toBe(503);

    postgres = await startPostgresServer({ baseDir, port: pgPort, persistent: true });
    const recovered = await until(async () => (await readyz()) === 200, 30_000);
    console.log(`ready again ${recovered} ms after PostgreSQL came back`);
    const after = await platform.query('social-worker', OVERVIEW, { id: caseId });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.case).toMatchObject({ id: caseId, status: 'ACTIVE', police: { incidents: [] }, school: { attendance: [] }, leisure: { activities: [] } });
  });

  it("serves the other agencies' data when one subgraph is down, with an error for the missing part", async () => {
    const police = platform.system.processes.get('police')!;
    await new Promise<void>((resolve) => {
      police.once('exit', () => resolve());
      police.kill('SIGTERM');
    });
    const res = await platform.query('social-worker', OVERVIEW, { id: caseId });
    expect(res.status).toBe(200);
    expect(res.body.data.case).toMatchObject({ id: caseId, status: 'ACTIVE', police: null, school: { attendance: [] }, leisure: { activities: [] } });
    expect(res.body.errors).toEqual([expect.objectContaining({ extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'police' } })]);
    expect(JSON.stringify(res.body.errors)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|stack/i);
    expect(await readyz()).toBe(503);
  });
});
