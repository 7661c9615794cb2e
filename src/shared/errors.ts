import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** Infrastructure and access errors: raised as GraphQL errors. Business failures are userErrors instead. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message = 'Authentication required: send a valid "Authorization: Bearer <token>" header') {
    super(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = 'You do not have permission to perform this action') {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/** Invalid arguments that a client must fix (page size, malformed ID, bad filter). */
export class UserInputError extends GraphQLError {
  constructor(message: string, reason: string, field?: string[]) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', reason, ...(field ? { field } : {}) } });
  }
}

/** A GraphQL error with a code a client can branch on (STORE_REQUIRED, SEARCH_UNAVAILABLE, ...). */
export class CodedError extends GraphQLError {
  constructor(message: string, code: string, httpStatus?: number) {
    super(message, { extensions: { code, ...(httpStatus ? { http: { status: httpStatus } } : {}) } });
  }
}

/** Production masks unexpected errors; a stack trace is never sent. */
export function formatError(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const known = original instanceof GraphQLError || formatted.extensions?.code !== 'INTERNAL_SERVER_ERROR';
    if (production && !known) {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' }, path: formatted.path };
    }
    const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  };
}
