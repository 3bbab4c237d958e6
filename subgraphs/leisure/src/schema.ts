import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph-schema';
import { Case } from './model';
import { permissions } from './permissions';
import { CaseResolver, LeisureCaseDataResolver, LeisureMutations, referenceResolvers } from './resolvers';

export const leisureSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, LeisureCaseDataResolver, LeisureMutations],
  orphanedTypes: [Case],
  referenceResolvers,
  permissions,
};
