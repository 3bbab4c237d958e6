import { Agency, byKeys } from '@sig/platform';
import type { SubgraphModule } from '@sig/platform/subgraph-module';
import { migrations } from './migrations';
import { Case, entities } from './model';
import { socialServicesSchema } from './schema';
import { seedDemoData } from './seed';

export const socialServicesSubgraph: SubgraphModule = {
  agency: Agency.SOCIAL_SERVICES,
  schema: socialServicesSchema,
  entities,
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  seedDemoData,
  // Social services stores the case, so it knows each case's district (for district supervisors).
  async loadCaseFacts(ctx, caseIds) {
    const rows = await ctx.em.find(Case, { id: { $in: [...caseIds] } }, { fields: ['id', 'district'] });
    return byKeys(caseIds, rows, (r) => r.id).map((row, i) => (row ? { caseId: row.id, district: row.district } : { caseId: caseIds[i] }));
  },
};
export default socialServicesSubgraph;
