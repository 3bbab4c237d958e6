import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseFacts } from '../access/decisions';
import type { AccessLogRecorder } from '../access-log/recorder';
import type { ChangeFeedCache } from '../runtime/change-feed';
import type { GatewayContext } from '../tokens/gateway-token';
import type { RequestLoaders } from './loaders';
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
