import { SUBGRAPH_AGENCIES, SUBGRAPH_NAME, type SubgraphAgency } from '@sig/platform/access';
import { Router } from 'express';
import type { GrantsSource } from './grants';

/** `/healthz` and `/readyz`: 200 only when every subgraph and the grants database answer (503 with the failing parts otherwise). */
export function healthRouter(subgraphUrls: Record<SubgraphAgency, string>, grants: GrantsSource): Router {
  const router = Router();
  // Readiness and health are the same check: this process, its database and (gateway) every subgraph.
  router.get(['/healthz', '/readyz'], async (_req, res) => {
    const checks = await Promise.all(
      SUBGRAPH_AGENCIES.map(async (agency) => {
        const url = subgraphUrls[agency].replace(/\/graphql$/, '/healthz');
        try {
          const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
          return [SUBGRAPH_NAME[agency], response.ok ? 'ok' : `http ${response.status}`] as const;
        } catch {
          // No error text: this endpoint is public, and the message would name internal addresses.
          return [SUBGRAPH_NAME[agency], 'unreachable'] as const;
        }
      }),
    );
    const grantsOk = await grants.healthy();
    const all = Object.fromEntries([...checks, ['grants-database', grantsOk ? 'ok' : 'unreachable']]);
    const ok = Object.values(all).every((v) => v === 'ok');
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'unavailable', checks: all });
  });
  return router;
}
