import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { load } from '../../loaders';
import { Case, GroupMember } from '../../model';

/** The group of a case. */
@Resolver(() => Case)
export class CaseMembersFields {
  @FieldResolver(() => [GroupMember], { nullable: true, description: 'Group members, current and former. Category SOCIAL_SERVICES/GROUP.' })
  members(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return load.members(ctx, c.id);
  }
}
