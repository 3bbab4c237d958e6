import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
import { leisureCase } from './model';
import { permissions } from './permissions';
import { LeisureStatisticsResolver } from './statistics';
import { LeisureCaseDataResolver, LeisureMutations, referenceResolvers } from './resolvers';

export const leisureSchema: SubgraphSchemaDefinition = {
  resolvers: [...leisureCase.resolvers, LeisureCaseDataResolver, LeisureMutations, LeisureStatisticsResolver],
  orphanedTypes: [leisureCase.Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
