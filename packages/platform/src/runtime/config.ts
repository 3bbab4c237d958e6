import { SUBGRAPHS, subgraphEntry, type SubgraphAgency } from '../access/subgraphs';

/**
 * Default ports, each settable through the environment variable named beside it: the gateway's,
 * the embedded PostgreSQL's, and each subgraph's from the registry.
 */
export const DEFAULT_PORTS = {
  gateway: { env: 'GATEWAY_PORT', port: 4000 },
  postgres: { env: 'EMBEDDED_PG_PORT', port: 5433 },
  ...(Object.fromEntries(SUBGRAPHS.map((s) => [s.agency, { env: s.port.env, port: s.port.default }])) as Record<SubgraphAgency, { env: string; port: number }>),
} as const;

export function portFromEnv(key: keyof typeof DEFAULT_PORTS, env: NodeJS.ProcessEnv = process.env): number {
  const { env: name, port } = DEFAULT_PORTS[key];
  const raw = env[name];
  if (raw === undefined || raw === '') return port;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** Where the gateway finds each subgraph: its URL setting (`<AGENCY>_URL`), default on localhost at its port. */
export function subgraphUrlFromEnv(agency: SubgraphAgency, env: NodeJS.ProcessEnv = process.env): string {
  return env[subgraphEntry(agency).urlEnv] ?? `http://127.0.0.1:${portFromEnv(agency, env)}/graphql`;
}
