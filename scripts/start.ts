/**
 * `npm start`: the whole platform on one machine. Without DATABASE_URL it starts an embedded
 * PostgreSQL (data kept in .local/postgres); it creates a database and login per agency, migrates,
 * seeds demo data on first run, starts the four subgraphs and the gateway, and prints tokens.
 */
import path from 'node:path';
import { loadOrCreateDevKeys, PERSONAS, type PersonaName } from '@sig/platform/dev';
import { SUBGRAPH_AGENCIES } from '@sig/platform/access';
import { PLAYGROUND_PERSONAS_ENV } from '../gateway/src/playground';
import { personaTokens, migrateAll, provisionDatabases, seedDemoIfEmpty, startSystem, ROOT } from '@sig/dev-kit';
import { portFromEnv } from '@sig/platform/runtime';
import { startPostgresServer } from '@sig/dev-kit/postgres';

process.env.APOLLO_TELEMETRY_DISABLED = '1';
const log = (line: string) => console.log(`[start] ${line}`);

const keys = await loadOrCreateDevKeys();
const embeddedPort = portFromEnv('postgres');
log(process.env.DATABASE_URL ? 'using the PostgreSQL server in DATABASE_URL' : `starting embedded PostgreSQL on 127.0.0.1:${embeddedPort} (data in .local/postgres)`);
const postgres = await startPostgresServer({ baseDir: path.join(ROOT, '.local', 'postgres'), port: embeddedPort, persistent: true });
let system: Awaited<ReturnType<typeof startSystem>> | undefined;
let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await system?.stop();
  await postgres.stop();
  log('stopped');
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  const prefix = process.env.SIG_DB_PREFIX ?? 'sig';
  const databases = await provisionDatabases(postgres.adminUrl, prefix);
  log(`databases and logins ready (prefix ${prefix}): one per agency, plus ${databases.gatewayRole}`);
  await migrateAll(databases, log);
  await seedDemoIfEmpty(databases, { cases: Number(process.env.DEMO_CASES ?? 28), log });

  const ports = {
    gateway: portFromEnv('gateway'),
    subgraphs: Object.fromEntries(SUBGRAPH_AGENCIES.map((a) => [a, portFromEnv(a)])) as Record<(typeof SUBGRAPH_AGENCIES)[number], number>,
  };
  const personas = await personaTokens(keys);
  system = await startSystem({
    keys,
    databases,
    ports,
    onLine: (name, line) => console.log(`[${name}] ${formatLogLine(line)}`),
    gatewayEnv: { [PLAYGROUND_PERSONAS_ENV]: JSON.stringify(personas) },
  });
  const tokens = Object.entries(personas) as [PersonaName, { token: string }][];
  console.log(`
────────────────────────────────────────────────────────────────────────────
 SIG platform is running
   Playground: ${system.gatewayUrl.replace(/\/graphql$/, '/')}   (GraphiQL with a persona picker)
   Dashboard: ${system.gatewayUrl.replace(/\/graphql$/, '/dashboard')}   (SSPF district statistics; the district-supervisor persona may read them)
   GraphQL:  ${system.gatewayUrl}
   Health:   ${system.gatewayUrl.replace(/\/graphql$/, '/healthz')}

 Demo personas (tokens valid 12 h; a new one: npm run token -- <persona>):
${tokens.map(([name, { token }]) => `   ${name.padEnd(26)} ${PERSONAS[name].name}, ${PERSONAS[name].unit}\n     ${token}`).join('\n')}

 Try:
   curl -s ${system.gatewayUrl} -H 'content-type: application/json' \\
     -H "authorization: Bearer $(npm run -s token -- social-worker)" \\
     -d '{"query":"{ cases { id status district youngPerson { givenName familyName } } }"}'

 Ctrl-C stops everything.
────────────────────────────────────────────────────────────────────────────`);
} catch (error) {
  console.error(`[start] failed: ${(error as Error).message}`);
  if (system) console.error(system.output());
  await shutdown(1);
}

/** Subgraph and gateway logs are JSON (pino); show them as one readable line. */
function formatLogLine(line: string): string {
  try {
    const entry = JSON.parse(line) as { level: number; msg: string; time: number; [k: string]: unknown };
    const { level, msg, time, pid: _pid, hostname: _host, service: _service, name: _name, ...rest } = entry;
    const levelName = ({ 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' } as Record<number, string>)[level] ?? level;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    return `${new Date(time).toISOString().slice(11, 19)} ${levelName} ${msg}${extra}`;
  } catch {
    return line;
  }
}
