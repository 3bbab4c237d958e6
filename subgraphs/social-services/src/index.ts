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
  // Cases this request has already loaded (a list, then its fields) are not asked for again.
  async loadCaseFacts(ctx, caseIds) {
    const unitOfWork = ctx.em.getUnitOfWork();
    const loaded = new Map<string, Case>();
    for (const id of caseIds) {
      const found = unitOfWork.getById(Case, id);
      if (found?.district !== undefined) loaded.set(id, found);
    }
    const missing = caseIds.filter((id) => !loaded.has(id));
    const rows = missing.length > 0 ? await ctx.em.find(Case, { id: { $in: missing } }, { fields: ['id', 'district'] }) : [];
    return byKeys(caseIds, [...loaded.values(), ...rows], (r) => r.id).map((row, i) => (row ? { caseId: row.id, district: row.district } : { caseId: caseIds[i] }));
  },
};
export default socialServicesSubgraph;
