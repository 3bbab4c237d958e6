import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
import { Case } from './model';
import { permissions } from './permissions';
import { LeisureStatisticsResolver } from './statistics';
import { CaseResolver, LeisureCaseDataResolver, LeisureMutations, referenceResolvers } from './resolvers';

export const leisureSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, LeisureCaseDataResolver, LeisureMutations, LeisureStatisticsResolver],
  orphanedTypes: [Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
