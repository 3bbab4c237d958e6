import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph-schema';
import { Case } from './model';
import { permissions } from './permissions';
import { CaseResolver, referenceResolvers, SchoolCaseDataResolver, SchoolMutations } from './resolvers';

export const schoolSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, SchoolCaseDataResolver, SchoolMutations],
  orphanedTypes: [Case],
  referenceResolvers,
  permissions,
};
