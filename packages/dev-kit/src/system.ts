import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_PORTS } from '@sig/platform/runtime';
import { Agency, SUBGRAPH_AGENCIES, SUBGRAPH_NAME, subgraphEntry, type SubgraphAgency } from '@sig/platform/access';
import { gatewayKeyEnv, lookupHashKeyEnv, subgraphKeyEnv, type PlatformKeys } from '@sig/platform/dev';
import { databaseUrlEnvName } from '@sig/platform/subgraph';
import { ROOT, subgraphMain } from './subgraphs';
import type { PlatformDatabases } from './provision';

export interface SystemPorts {
  gateway: number;
  subgraphs: Record<SubgraphAgency, number>;
}

export const DEFAULT_SYSTEM_PORTS: SystemPorts = {
  gateway: DEFAULT_PORTS.gateway.port,
  subgraphs: Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, DEFAULT_PORTS[a].port])) as Record<SubgraphAgency, number>,
};

export interface RunningSystem {
  gatewayUrl: string;
  subgraphUrls: Record<SubgraphAgency, string>;
  /** Everything the processes printed, for diagnosis. */
  output(): string;
  /** Stops one process (fault tests); `stop()` stops the rest. */
  processes: Map<string, ChildProcess>;
  /** Starts another gateway process under a name of its own; resolves with its GraphQL URL. */
  startGateway(name: string, port: number, extraEnv?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The Node flags of every platform process: a heap cap (memory use settles under it, and a leak
 * shows as a crash, not a slow creep); a young generation of 64 MB semi-spaces rather than V8's
 * 16 MB, because a request's objects (rows, results, promises of 16 requests in flight) outlived
 * the small one and were copied and promoted: garbage collection fell from 11–17 % to 5–9 % of each
 * process's CPU on the 100-case list (docs/benchmarks.md); then SIG_NODE_ARGS, extra flags such as
 * "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
 */
export function platformNodeFlags(): string[] {
  const heapMb = process.env.SIG_MAX_HEAP_MB ?? '384';
  const semiSpaceMb = process.env.SIG_SEMI_SPACE_MB ?? '64';
  const extra = process.env.SIG_NODE_ARGS ? process.env.SIG_NODE_ARGS.split(' ').filter(Boolean) : [];
  return [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${semiSpaceMb}`, ...extra];
}

/**
 * Starts the registry's subgraphs and the gateway as separate processes, as in production, and waits
 * until each answers its health check. `onLine` receives every line they print.
 */
export async function startSystem(options: {
  keys: PlatformKeys;
  databases: PlatformDatabases;
  ports: SystemPorts;
  onLine?: (process: string, line: string) => void;
  env?: Record<string, string>;
  /** Settings for the gateway processes only (e.g. the playground's personas). */
  gatewayEnv?: Record<string, string>;
}): Promise<RunningSystem> {
  const processes = new Map<string, ChildProcess>();
  const lines: string[] = [];
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_AGENCIES.map((a) => [a, `http://127.0.0.1:${options.ports.subgraphs[a]}/graphql`]),
  ) as Record<SubgraphAgency, string>;
  const baseEnv = { ...process.env, APOLLO_TELEMETRY_DISABLED: '1', ...options.env };

  const launch = (name: string, entry: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, [...platformNodeFlags(), '--import', 'tsx', entry], {
      cwd: ROOT,
      env: { ...baseEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.set(name, child);
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines.push(`[${name}] ${line}`);
        options.onLine?.(name, line);
      }
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    return child;
  };

  const stop = async () => {
    await Promise.all(
      [...processes.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            // Each process gives up on a clean stop after ten seconds itself; this is the backstop.
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  };

  /** Starts a gateway process over the running subgraphs (more than one may run, as behind a load balancer). */
  const startGateway = async (name: string, port: number, extraEnv: Record<string, string> = {}) => {
    launch(name, path.join(ROOT, 'gateway', 'src', 'main.ts'), {
      ...gatewayKeyEnv(options.keys),
      GATEWAY_GRANTS_DATABASE_URL: options.databases.gatewayGrants,
      [DEFAULT_PORTS.gateway.env]: String(port),
      ...Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [subgraphEntry(a).urlEnv, subgraphUrls[a]])),
      ...options.gatewayEnv,
      ...extraEnv,
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    await waitHealthy(name, url.replace(/\/graphql$/, '/healthz'), processes, lines);
    return url;
  };

  try {
    for (const agency of SUBGRAPH_AGENCIES) {
      const name = SUBGRAPH_NAME[agency];
      launch(name, subgraphMain(agency), {
        ...subgraphKeyEnv(options.keys),
        ...(agency === Agency.SOCIAL_SERVICES ? lookupHashKeyEnv(options.keys) : {}),
        [databaseUrlEnvName(agency)]: options.databases.subgraphs[agency],
        [DEFAULT_PORTS[agency].env]: String(options.ports.subgraphs[agency]),
      });
    }
    await Promise.all(SUBGRAPH_AGENCIES.map((a) => waitHealthy(SUBGRAPH_NAME[a], subgraphUrls[a].replace(/\/graphql$/, '/healthz'), processes, lines)));
    const gatewayUrl = await startGateway('gateway', options.ports.gateway);
    return { gatewayUrl, subgraphUrls, output: () => lines.join('\n'), processes, startGateway, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function waitHealthy(name: string, url: string, processes: Map<string, ChildProcess>, lines: string[], timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const child = processes.get(name);
    if (child && child.exitCode !== null) {
      throw new Error(`${name} exited (code ${child.exitCode}) before it was ready:\n${lines.filter((l) => l.startsWith(`[${name}]`)).slice(-20).join('\n')}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000}s:\n${lines.slice(-20).join('\n')}`);
}
