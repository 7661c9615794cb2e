import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../shared/context.js';
import { ForbiddenError, UnauthenticatedError } from '../shared/errors.js';

/** What the Admin API answers without staff or API key credentials. */
const PUBLIC_ROOT_FIELDS = new Set(['staffLogin', '__typename']);

/** Root field names of an operation, through fragments and inline fragments. */
export function rootFieldNames(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [])),
  );
  const names: string[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) names.push(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) walk(fragment);
      }
    }
  };
  walk(operation.selectionSet);
  return names;
}

/**
 * The Admin API serves staff and API keys. Anyone else (anonymous, a customer token) gets only
 * `staffLogin` and `__typename`: refused before any resolver runs, so no field can forget its check.
 */
export function adminGatePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          const { viewer } = contextValue;
          if (viewer.kind === 'staff' || viewer.kind === 'apiKey') return;
          const refused = (operation ? rootFieldNames(operation, document) : []).filter((name) => !PUBLIC_ROOT_FIELDS.has(name));
          if (refused.length === 0) return;
          if (viewer.kind === 'customer') throw new ForbiddenError('The Admin API is for staff and API keys; customer tokens are for the Storefront API');
          throw new UnauthenticatedError();
        },
      };
    },
  };
}
