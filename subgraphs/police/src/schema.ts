import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
import { Case } from './model';
import { permissions } from './permissions';
import { PoliceStatisticsResolver } from './statistics';
import { CaseResolver, PoliceCaseDataResolver, PoliceMutations, referenceResolvers } from './resolvers';

export const policeSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, PoliceCaseDataResolver, PoliceMutations, PoliceStatisticsResolver],
  orphanedTypes: [Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
