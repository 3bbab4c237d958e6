import { SUBGRAPH_NAME } from './agency';
import { portFromEnv } from './config';
import { databaseUrlFromEnv, openOrm } from './database';
import { createLogger } from './logger';
import type { SubgraphModule } from './subgraph-module';
import { startSubgraphServer } from './subgraph-server';

/** The entry point of a subgraph process: connect, serve, and stop cleanly on SIGINT/SIGTERM. */
export async function runSubgraph(module: SubgraphModule): Promise<void> {
  const log = createLogger(`subgraph-${SUBGRAPH_NAME[module.agency]}`);
  const orm = await openOrm({ clientUrl: databaseUrlFromEnv(module.agency), entities: module.entities, migrations: module.migrations });
  const pending = await orm.migrator.getPending();
  if (pending.length > 0) {
    log.error({ pending: pending.map((m) => m.name) }, 'database has pending migrations: run them first (npm start does)');
    await orm.close();
    process.exit(1);
  }
  const server = await startSubgraphServer({
    ...module.schema,
    agency: module.agency,
    orm,
    port: portFromEnv(module.agency),
    host: process.env.HOST ?? '127.0.0.1',
    loadCaseFacts: module.loadCaseFacts,
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    // In-flight requests get ten seconds to finish; a stop never hangs longer than that.
    setTimeout(() => {
      log.error('did not stop within 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
    await server.stop();
    await orm.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
