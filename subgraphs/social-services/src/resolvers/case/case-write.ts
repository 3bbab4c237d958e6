import { badInput, notFound } from '@sig/platform/access';
import type { SubgraphContext } from '@sig/platform/request';
import { GraphQLError } from 'graphql';
import { canTransition } from '../../domain/rules';
import type { CaseStatus } from '../../enums';
import { Case } from '../../model';

/** Loads a case for a write, checking the optimistic-lock version when the caller gives one. */
export async function caseForWrite(ctx: SubgraphContext, caseId: string, expectedVersion?: number | null): Promise<Case> {
  const c = await ctx.em.findOne(Case, { id: caseId });
  if (!c) throw notFound('Case');
  if (expectedVersion != null && expectedVersion !== c.version) {
    throw new GraphQLError(`Case was changed by someone else (version ${c.version}, you sent ${expectedVersion}); reload and try again`, {
      extensions: { code: 'CONFLICT', currentVersion: c.version },
    });
  }
  return c;
}

/** Moves a case one step along its lifecycle; a step the lifecycle does not allow is refused. */
export function transition(c: Case, to: CaseStatus) {
  if (!canTransition(c.status, to)) throw badInput('caseId', `a ${c.status} case cannot become ${to}`);
  c.status = to;
}
