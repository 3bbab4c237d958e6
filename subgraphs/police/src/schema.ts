import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
import { policeCase } from './model';
import { permissions } from './permissions';
import { PoliceStatisticsResolver } from './statistics';
import { PoliceCaseDataResolver, PoliceMutations, referenceResolvers } from './resolvers';

export const policeSchema: SubgraphSchemaDefinition = {
  resolvers: [...policeCase.resolvers, PoliceCaseDataResolver, PoliceMutations, PoliceStatisticsResolver],
  orphanedTypes: [policeCase.Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
