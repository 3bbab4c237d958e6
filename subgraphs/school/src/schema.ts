import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
import { schoolCase } from './model';
import { permissions } from './permissions';
import { SchoolStatisticsResolver } from './statistics';
import { referenceResolvers, SchoolCaseDataResolver, SchoolMutations } from './resolvers';

export const schoolSchema: SubgraphSchemaDefinition = {
  resolvers: [...schoolCase.resolvers, SchoolCaseDataResolver, SchoolMutations, SchoolStatisticsResolver],
  orphanedTypes: [schoolCase.Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
