import { GATEWAY_TOKEN_TEXT_MAX } from '@sig/platform/tokens';
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/** The longest operation name the gateway accepts (the access log's column holds 200; the gateway token refuses more). */
export const OPERATION_NAME_MAX = 100;

/**
 * The purpose of an operation as the gateway resolved it, never as the client described it: its type
 * and root fields (fragments followed, aliases ignored, each once), e.g. `mutation updateActionStatus`
 * or `query cases,case`; at most GATEWAY_TOKEN_TEXT_MAX characters.
 */
export function purposeOf(operation: OperationDefinitionNode, document: DocumentNode): string {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const names = new Set<string>();
  const followed = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!followed.has(selection.name.value)) {
        followed.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  const purpose = `${operation.operation} ${[...names].join(',')}`;
  return purpose.length <= GATEWAY_TOKEN_TEXT_MAX ? purpose : `${purpose.slice(0, GATEWAY_TOKEN_TEXT_MAX - 1)}…`;
}
