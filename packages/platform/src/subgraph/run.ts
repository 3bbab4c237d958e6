import { SUBGRAPH_NAME } from '../access/subgraphs';
import { ChangeFeed } from '../runtime/change-feed';
import { portFromEnv } from '../runtime/config';
import { STATISTICS_CHANNEL } from '../statistics/change-sql';
import { databaseUrlFromEnv, openOrm } from './database';
import { createLogger } from '../runtime/logger';
import type { SubgraphModule } from './module';
import { startSubgraphServer } from './server';
import { stopOnSignals } from '../runtime/process';

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
  const changeFeed = new ChangeFeed(databaseUrlFromEnv(module.agency), STATISTICS_CHANNEL, log);
  await changeFeed.start();
  const server = await startSubgraphServer({
    changeFeed,
    ...module.schema,
    agency: module.agency,
    orm,
    port: portFromEnv(module.agency),
    host: process.env.HOST ?? '127.0.0.1',
    loadCaseFacts: module.loadCaseFacts,
  });
  stopOnSignals(log, async () => {
    await server.stop();
    await changeFeed.close();
    await orm.close();
  });
}
