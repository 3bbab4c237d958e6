import autocannon from 'autocannon';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPostgresServer } from '@sig/dev-kit/postgres';
import { dropDatabases, migrateAll, provisionDatabases, seedDemoIfEmpty, type PlatformDatabases, freePort } from '@sig/dev-kit';

/** A progress line with the seconds since the benchmark started. */
export function progress(label: string) {
  const started = Date.now();
  return (line: string) => console.log(`[${label} ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
}

/**
 * The benchmarks' data: its own PostgreSQL (embedded, or DATABASE_URL), databases for one platform,
 * migrated and seeded with the deterministic demo scenario at the size asked for.
 */
export async function benchDatabases(
  cases: number,
  seed: number,
  say: (line: string) => void,
): Promise<{ databases: PlatformDatabases; /** The embedded server's data folder (absent with DATABASE_URL). */ dataDir?: string; dispose(): Promise<void> }> {
  const postgres = await startPostgresServer({ baseDir: fs.mkdtempSync(path.join(os.tmpdir(), 'sig-bench-pg-')), port: await freePort(), persistent: false });
  const prefix = `sigbench_${process.pid}`;
  const dispose = async () => {
    await dropDatabases(postgres.adminUrl, prefix).catch(() => {});
    await postgres.stop();
  };
  try {
    const databases = await provisionDatabases(postgres.adminUrl, prefix);
    await migrateAll(databases);
    say(`seeding ${cases} cases…`);
    await seedDemoIfEmpty(databases, { cases, seed });
    return { databases, dataDir: postgres.dataDir, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export interface Measured {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

/**
 * autocannon at fixed concurrency, for a duration or a number of requests; percentiles from every
 * response time it reports. First one request by hand: a variant that answers with errors would
 * measure nothing real. (Denials, FORBIDDEN, are the access model at work and are allowed.)
 */
export async function measure(url: string, headers: Record<string, string>, body: string, load: { connections: number; seconds?: number; requests?: number }): Promise<Measured> {
  const probe = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await probe.text();
  const unexpected = ((JSON.parse(text).errors ?? []) as { extensions?: { code?: string } }[]).filter((e) => e.extensions?.code !== 'FORBIDDEN');
  if (!probe.ok || unexpected.length > 0) throw new Error(`${url} did not answer cleanly (${probe.status}): ${text.slice(0, 500)}`);
  const times: number[] = [];
  let errors = 0;
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: load.connections,
        ...(load.requests ? { amount: load.requests } : { duration: load.seconds ?? 10 }),
        headers: { 'content-type': 'application/json', ...headers },
        body,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, responseTime: number) => {
      times.push(responseTime);
      if (status !== 200) errors += 1;
    });
  });
  const seconds = (Date.now() - started) / 1000;
  times.sort((x, y) => x - y);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
  return { requests: result.requests.total, rps: result.requests.total / seconds, p50: at(50), p95: at(95), p99: at(99), errors: errors + result.errors + result.timeouts };
}

export const formatMeasured = (m: Measured) =>
  `${m.rps.toFixed(0).padStart(5)} req/s  p50 ${m.p50.toFixed(1).padStart(6)}  p95 ${m.p95.toFixed(1).padStart(6)}  p99 ${m.p99.toFixed(1).padStart(6)} ms${m.errors ? `  (${m.errors} errors)` : ''}`;
