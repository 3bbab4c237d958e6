import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { ActorRole, Agency, SUBGRAPH_AGENCIES, SUBGRAPH_NAME, type Actor } from '@sig/platform/access';
import { createLogger } from '@sig/platform/runtime';
import { gatewayRequestHeaders } from '@sig/platform/tokens';
import { generatePlatformKeys, issueActorToken } from '@sig/platform/dev';
import { databaseUrlEnvName } from '@sig/platform/subgraph';
import { GrantsSource } from '../../gateway/src/grants';
import { freePort, platformNodeFlags, startSystem, ROOT } from '@sig/dev-kit';
import { cpuMeasurable, machineCpu, ownCpu, postgresCpu, processCpu, type CpuSource } from './cpu';
import { benchDatabases } from './setup';

/** One way of asking: a URL, the headers that authenticate there, and the processes that answer. */
export interface Variant {
  url: string;
  /** Fresh for each measurement: a gateway-signed token lives 60 s (and the floor's binds this body: 30 s). */
  headers(body: string): Promise<Record<string, string>>;
  /** The variant's own processes by name (the gateway, the subgraphs). */
  pids: Record<string, number>;
  /** The processes whose CPU time a measurement of this variant reports (empty without /proc). */
  cpu: CpuSource[];
}

export interface BenchVariants {
  /** (a) the gateway with enforcement. */
  enforced: Variant;
  /** (b) a plain @apollo/gateway over plain subgraphs: the same resolvers, no enforcement. */
  plain: Variant;
  /** (c) the social-services subgraph alone, with enforcement (a gateway-signed request). */
  floor: Variant;
  coordinator: Actor;
  /** An active case the coordinator is a member of. */
  caseId: string;
  stop(): Promise<void>;
}

/**
 * The benchmark's set-up: a deterministic data set of `cases` cases plus one social-services
 * coordinator who is a member of 100 active groups, the platform with enforcement, and the plain
 * variant over the same databases. Used by `npm run bench` and `npm run bench:serve`.
 */
export async function startBenchVariants(cases: number, say: (line: string) => void): Promise<BenchVariants> {
  const { databases, dataDir, dispose } = await benchDatabases(cases, 99, say);
  const children: ChildProcess[] = [];
  let system: Awaited<ReturnType<typeof startSystem>> | undefined;
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await system?.stop();
    await dispose();
  };
  try {
    const coordinator: Actor = { id: 'bench-coordinator', name: 'Bench Coordinator', agency: Agency.SOCIAL_SERVICES, unit: 'Benchmark', district: 'bench', roles: [ActorRole.CASE_WORKER, ActorRole.STATISTICS] };
    const social = new pg.Client({ connectionString: databases.subgraphs[Agency.SOCIAL_SERVICES] });
    await social.connect();
    const { rows: active } = await social.query<{ id: string }>(`SELECT id FROM sig_case WHERE status = 'ACTIVE' ORDER BY id LIMIT 100`);
    for (const { id } of active) {
      await social.query(`INSERT INTO group_member (id, case_id, agency, person_id, person_name, role, from_date) VALUES (gen_random_uuid(), $1, 'SOCIAL_SERVICES', $2, $3, 'COORDINATOR', '2020-01-01')`, [id, coordinator.id, coordinator.name]);
    }
    await social.end();
    say(`data ready: ${cases} cases; the benchmark coordinator is in ${active.length} active groups`);

    const keys = await generatePlatformKeys();
    const ports = { gateway: await freePort(), subgraphs: Object.fromEntries(await Promise.all(SUBGRAPH_AGENCIES.map(async (a) => [a, await freePort()]))) as any };
    system = await startSystem({ keys, databases, ports, env: { LOG_LEVEL: 'error' } });
    const grants = await new GrantsSource(databases.gatewayGrants, createLogger('bench')).grantsFor(coordinator);
    const plainUrls: Record<string, string> = {};
    const plainPids: Record<string, number> = {};
    for (const agency of SUBGRAPH_AGENCIES) {
      const port = await freePort();
      plainUrls[SUBGRAPH_NAME[agency]] = `http://127.0.0.1:${port}/`;
      plainPids[SUBGRAPH_NAME[agency]] = await spawnReady(children, `plain-${SUBGRAPH_NAME[agency]}`, path.join(ROOT, 'bench', 'plain-subgraph.ts'), [SUBGRAPH_NAME[agency]], {
        PORT: String(port),
        [databaseUrlEnvName(agency)]: databases.subgraphs[agency],
        LOG_LEVEL: 'error',
      });
    }
    const plainPort = await freePort();
    const plainGatewayPid = await spawnReady(children, 'plain-gateway', path.join(ROOT, 'bench', 'plain-gateway.ts'), [], {
      PORT: String(plainPort),
      BENCH_SUBGRAPH_URLS: JSON.stringify(plainUrls),
      BENCH_CONTEXT: JSON.stringify({ actor: coordinator, grants }),
    });
    say('both variants running');

    // CPU time per process: the variant's own processes, then PostgreSQL, the load generator and the machine.
    const shared: CpuSource[] = !cpuMeasurable()
      ? []
      : [...(dataDir ? [postgresCpu('PostgreSQL', dataDir)] : []), ownCpu('load generator'), machineCpu('machine')];
    const own = (list: [string, number][]) => ({
      pids: Object.fromEntries(list),
      cpu: cpuMeasurable() ? [...list.map(([name, pid]) => processCpu(name, pid)), ...shared] : [],
    });
    const systemPid = (name: string) => system!.processes.get(name)!.pid!;
    const names = SUBGRAPH_AGENCIES.map((a) => SUBGRAPH_NAME[a]);
    const actorToken = await issueActorToken(coordinator, keys.issuer.privateJwk);
    return {
      enforced: {
        url: system.gatewayUrl,
        headers: async () => ({ authorization: `Bearer ${actorToken}` }),
        ...own([['gateway', systemPid('gateway')], ...names.map((n): [string, number] => [n, systemPid(n)])]),
      },
      plain: {
        url: `http://127.0.0.1:${plainPort}/`,
        headers: async () => ({}),
        ...own([['gateway', plainGatewayPid], ...names.map((n): [string, number] => [n, plainPids[n]])]),
      },
      floor: {
        url: system.subgraphUrls[Agency.SOCIAL_SERVICES],
        headers: (body) => gatewayRequestHeaders(keys.gateway.privateJwk, 'social-services', { actor: coordinator, grants }, body),
        ...own([['social-services', systemPid('social-services')]]),
      },
      coordinator,
      caseId: active[0].id,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Starts a benchmark process and waits for its "ready" line; resolves with its pid. */
function spawnReady(children: ChildProcess[], name: string, entry: string, args: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    // Node flags as the real processes have them: the same heap cap, so both variants collect garbage
    // alike. The plain variant carries the actor's grants in a header too: allow the same size as the
    // real subgraphs.
    const flags = [...platformNodeFlags(), '--max-http-header-size=262144'];
    const child = spawn(process.execPath, [...flags, '--import', 'tsx', entry, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) resolve(child.pid!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${name} exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
}
