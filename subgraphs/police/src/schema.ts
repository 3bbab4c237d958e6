import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph-schema';
import { Case } from './model';
import { permissions } from './permissions';
import { CaseResolver, PoliceCaseDataResolver, PoliceMutations, referenceResolvers } from './resolvers';

export const policeSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, PoliceCaseDataResolver, PoliceMutations],
  orphanedTypes: [Case],
  referenceResolvers,
  permissions,
};
