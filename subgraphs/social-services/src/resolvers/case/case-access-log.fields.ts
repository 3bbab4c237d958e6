import { accessLogEntries, AccessLogEntry } from '@sig/platform/access-log';
import type { SubgraphContext } from '@sig/platform/request';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Case } from '../../model';

/** The case's access log (åtkomstlogg) of social services' data, for the log extract. */
@Resolver(() => Case)
export class CaseAccessLogFields {
  @FieldResolver(() => [AccessLogEntry], { nullable: true, description: "Who was allowed or denied which of social services' data on this case, when (åtkomstlogg), newest first. Read by the case coordinator for the log extract." })
  accessLog(@Root() c: Case, @Ctx() ctx: SubgraphContext) {
    return accessLogEntries(ctx, c.id);
  }
}
