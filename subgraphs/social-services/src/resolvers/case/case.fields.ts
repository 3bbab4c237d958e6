import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { AgeException, Case, YoungPerson } from '../../model';

/** The case's own parts: the young person and the age exception. */
@Resolver(() => Case)
export class CaseFields {
  @FieldResolver(() => YoungPerson, { nullable: true, description: 'The young person (den unge). Category SOCIAL_SERVICES/IDENTITY.' })
  async youngPerson(@Root() c: Case, @Ctx() ctx: SubgraphContext): Promise<YoungPerson> {
    return (await load.youngPerson(ctx, c.youngPersonId))!;
  }

  @FieldResolver(() => AgeException, { nullable: true, description: 'The documented age exception, if the age is outside the target group. Category SOCIAL_SERVICES/CASE.' })
  ageException(@Root() c: Case): AgeException | null {
    if (!c.ageExceptionJustification) return null;
    return Object.assign(new AgeException(), { justification: c.ageExceptionJustification, approvedBy: c.ageExceptionApprovedBy ?? '' });
  }
}
