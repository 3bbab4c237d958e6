import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '@sig/platform/tokens';
import type { GrantsSource } from '../grants';

/**
 * Read your own writes: after a mutation, the caller's next request reads the caller's grants
 * afresh. Everyone else's grants, at this instance and every other, are cleared by the database's
 * announcement of the change (grants.ts), which is sent at commit.
 */
export function readYourWritesPlugin(grants: GrantsSource): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, contextValue }) {
          if (operation?.operation === 'mutation' && contextValue?.actor) grants.invalidateActor(contextValue.actor);
        },
      };
    },
  };
}
