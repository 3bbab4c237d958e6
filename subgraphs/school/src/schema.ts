import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph-schema';
import { AgencyStatisticsReport } from '@sig/platform/statistics/types';
import { Case } from './model';
import { permissions } from './permissions';
import { SchoolStatisticsResolver } from './statistics';
import { CaseResolver, referenceResolvers, SchoolCaseDataResolver, SchoolMutations } from './resolvers';

export const schoolSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, SchoolCaseDataResolver, SchoolMutations, SchoolStatisticsResolver],
  orphanedTypes: [Case, AgencyStatisticsReport],
  referenceResolvers,
  permissions,
};
