import type { Request } from 'express';
import { unauthenticated } from '@sig/platform/access';
import type { Logger } from '@sig/platform/runtime';
import type { ActorTokenVerifier, GatewayContext } from '@sig/platform/tokens';
import { GraphQLError } from 'graphql';
import type { GrantsSource } from './grants';

/**
 * Who is asking, from the verified bearer token alone, and the actor's grants: the context of every
 * operation. Without a valid token, 401; without grants (their database unreachable), 503.
 */
export function authenticate(verifyActor: ActorTokenVerifier, grants: GrantsSource, log: Logger) {
  return async ({ req }: { req: Request }): Promise<GatewayContext> => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('Send a token: Authorization: Bearer <token> (npm run token -- <persona> prints one)');
    let actor;
    try {
      actor = await verifyActor(match[1]);
    } catch (error) {
      log.info({ reason: (error as Error).message }, 'refused a request with an invalid token');
      throw unauthenticated('Invalid or expired token');
    }
    try {
      return { actor, grants: await grants.grantsFor(actor) };
    } catch (error) {
      // Without grants nothing may be served: refuse the request, and say it is temporary.
      log.error({ err: error }, 'could not read grants');
      throw new GraphQLError('Access rights cannot be checked right now; try again shortly', {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
  };
}
