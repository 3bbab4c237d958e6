import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { SUBGRAPHS } from '@sig/platform/access';
import { describe, expect, it } from 'vitest';
import { ROOT } from '@sig/dev-kit';

const run = promisify(execFile);

// One test for every subgraph in the registry (a new agency is covered by its entry), each
// subgraph's schema built in a process of its own (test/support/permission-table-check.ts).
describe.each(SUBGRAPHS.map((s) => [s.name, s.agency] as const))('the %s subgraph', (name, agency) => {
  it(`covers every type and field of the ${name} schema in its permission table, guarding every path to case data`, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test', 'support', 'permission-table-check.ts'), name], { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 });
    const { agency: built, problems } = JSON.parse(stdout) as { agency: string; problems: string[] };
    expect(built).toBe(agency);
    expect(problems).toEqual([]);
  });
});
