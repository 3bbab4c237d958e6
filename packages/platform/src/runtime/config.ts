import { Agency, type SubgraphAgency } from '../access/agency';

/** Default ports, each settable through the environment variable named beside it. */
export const DEFAULT_PORTS = {
  gateway: { env: 'GATEWAY_PORT', port: 4000 },
  [Agency.SOCIAL_SERVICES]: { env: 'SOCIAL_SERVICES_PORT', port: 4001 },
  [Agency.POLICE]: { env: 'POLICE_PORT', port: 4002 },
  [Agency.SCHOOL]: { env: 'SCHOOL_PORT', port: 4003 },
  [Agency.LEISURE]: { env: 'LEISURE_PORT', port: 4004 },
  postgres: { env: 'EMBEDDED_PG_PORT', port: 5433 },
} as const;

export function portFromEnv(key: keyof typeof DEFAULT_PORTS, env: NodeJS.ProcessEnv = process.env): number {
  const { env: name, port } = DEFAULT_PORTS[key];
  const raw = env[name];
  if (raw === undefined || raw === '') return port;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
}

/** Where the gateway finds each subgraph: `<AGENCY>_URL`, default on localhost at its port. */
export function subgraphUrlFromEnv(agency: SubgraphAgency, env: NodeJS.ProcessEnv = process.env): string {
  return env[`${agency}_URL`] ?? `http://127.0.0.1:${portFromEnv(agency, env)}/graphql`;
}
