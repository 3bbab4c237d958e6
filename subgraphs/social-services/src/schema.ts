import type { SubgraphSchemaDefinition } from '@sig/platform/subgraph-schema';
import { ActionPlanResolver, CaseResolver, ConsentResolver, PlanActionResolver, PlanGoalResolver, referenceResolvers } from './case-resolvers';
import { DuplicateProposalResolver } from './duplicate-proposals';
import { CaseMutations } from './mutations';
import { permissions } from './permissions';
import { statisticsReferenceResolvers, StatisticsResolver } from './statistics/resolver';

export const socialServicesSchema: SubgraphSchemaDefinition = {
  resolvers: [CaseResolver, ConsentResolver, ActionPlanResolver, PlanGoalResolver, PlanActionResolver, DuplicateProposalResolver, CaseMutations, StatisticsResolver],
  referenceResolvers: { ...referenceResolvers, ...statisticsReferenceResolvers },
  permissions,
};
