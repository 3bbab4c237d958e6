import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseFacts } from '../access/decisions';
import { AccessLogRecorder } from '../access-log/recorder';
import type { AccessLogSink } from '../access-log/row';
import type { ChangeFeedCache } from '../runtime/change-feed';
import type { GatewayContext } from '../tokens/gateway-token';
import { RequestLoaders } from './loaders';
import type { Logger } from '../runtime/logger';

/** What every subgraph resolver and rule sees: the verified actor and grants, plus per-request resources. */
export interface SubgraphContext extends GatewayContext {
  /** A fork of the ORM's EntityManager for this request only. */
  em: EntityManager;
  loaders: RequestLoaders;
  /** What this subgraph knows about a case (batched per request). */
  caseFacts(caseId: string): Promise<CaseFacts>;
  log: Logger;
  /** Computed statistics, kept until this database announces a change (see ChangeFeedCache). */
  statisticsCache: ChangeFeedCache<unknown>;
  /** The decisions of this request, appended to the access log when it ends. */
  accessLog: AccessLogRecorder;
}

/** Loads what a subgraph knows about cases, for district roles (SubgraphModule.loadCaseFacts). */
export type CaseFactsLoader = (ctx: Omit<SubgraphContext, 'caseFacts'>, caseIds: readonly string[]) => Promise<CaseFacts[]>;

export interface SubgraphContextInput {
  /** Who asks and what they hold: the verified gateway token's content. */
  gateway: GatewayContext;
  /** This request's own EntityManager (a fork). */
  em: EntityManager;
  log: Logger;
  statisticsCache: ChangeFeedCache<unknown>;
  /** Where the request's access decisions go (the subgraph's AccessLogWriter). */
  accessLogSink: AccessLogSink;
  loadCaseFacts?: CaseFactsLoader;
}

/**
 * The context of one subgraph request: fresh loaders, a recorder of its access decisions, and case
 * facts batched through the loaders. The subgraph server and the benchmark's plain subgraph both
 * make theirs here, so they differ only in what they are given.
 */
export function createSubgraphContext({ gateway, em, log, statisticsCache, accessLogSink, loadCaseFacts }: SubgraphContextInput): SubgraphContext {
  const base = { ...gateway, em, loaders: new RequestLoaders(), log, accessLog: new AccessLogRecorder(gateway, accessLogSink), statisticsCache };
  const ctx: SubgraphContext = {
    ...base,
    caseFacts: (caseId) =>
      loadCaseFacts ? ctx.loaders.get<string, CaseFacts>('caseFacts', (ids) => loadCaseFacts(base, ids)).load(caseId) : Promise.resolve({ caseId }),
  };
  return ctx;
}
