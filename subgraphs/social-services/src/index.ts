import { Agency } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { load } from './loaders';
import type { SubgraphModule } from '@sig/platform/subgraph';
import { migrations } from './migrations';
import { entities } from './model';
import { PersonalNumberLookupSchema } from './lookup-log';
import { socialServicesSchema } from './schema';

export const socialServicesSubgraph: SubgraphModule = {
  agency: Agency.SOCIAL_SERVICES,
  schema: socialServicesSchema,
  entities: [...entities, PersonalNumberLookupSchema],
  migrations,
  migrationsPath: new URL('./migrations', import.meta.url).pathname,
  // Social services stores the case, so it knows each case's district (for district supervisors).
  // Through the request's case loader: cases the request has already read need no query.
  async loadCaseFacts(ctx, caseIds) {
    const rows = await Promise.all(caseIds.map((id) => load.case(ctx as SubgraphContext, id)));
    return rows.map((row, i) => (row ? { caseId: row.id, district: row.district } : { caseId: caseIds[i] }));
  },
};
export default socialServicesSubgraph;
