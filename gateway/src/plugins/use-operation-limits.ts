import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '@sig/platform/tokens';
import { GraphQLError } from 'graphql';
import type { ListCostLimit } from '../limits';
import { OPERATION_NAME_MAX, purposeOf } from '../purpose';

/**
 * What the gateway checks once it knows the operation, before anything runs: the operation name's
 * length, and the operation's cost with its lists counted (limits.ts); and it derives the purpose
 * that the access log records (`purposeOf`), carried to the subgraphs in the signed grants token.
 */
export function operationLimitsPlugin(listCost: ListCostLimit): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, request, contextValue }) {
          if (!operation) return;
          const name = operation.name?.value;
          if (name && name.length > OPERATION_NAME_MAX) {
            throw new GraphQLError(`The operation name is longer than ${OPERATION_NAME_MAX} characters`, {
              extensions: { code: 'BAD_USER_INPUT', field: 'operationName', http: { status: 400 } },
            });
          }
          listCost.check(schema, document, operation, request.variables);
          contextValue.purpose = purposeOf(operation, document);
        },
      };
    },
  };
}
