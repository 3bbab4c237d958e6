import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph';
import { AgencyStatisticsReport } from '@sig/platform/statistics';
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
