import type { SubgraphContext } from '@sig/platform/request';
import { load } from '../../loaders';

/** How the gateway resolves a `Case` reference from another subgraph. */
export const referenceResolvers = {
  Case: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext) => load.case(ctx, ref.id),
  },
};
