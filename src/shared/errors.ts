import { GraphQLEnumType, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/**
 * Every `extensions.code` a GraphQL error of either API can carry, with what it means. The HTTP status
 * each answers with is not here: src/shared/http-status.ts decides it from the code, in one table.
 * Business failures of a mutation are not GraphQL errors but `userErrors { code }` (each domain's enum).
 */
export const ErrorCode = {
  UNAUTHENTICATED: 'Credentials are missing where they are required, malformed, expired or revoked.',
  FORBIDDEN: 'Signed in, but without the role, API key scope or brand this needs.',
  BAD_USER_INPUT: 'An argument the client must fix; `extensions.reason` (an InputErrorReason) says what, `extensions.field` where.',
  STORE_REQUIRED: 'The Storefront API needs the store handle in the `x-store` header.',
  STORE_NOT_FOUND: 'No live store has the handle sent in the `x-store` header.',
  SEARCH_UNAVAILABLE: 'The search engine is down or too slow; the rest of the request still answers.',
  THROTTLED: 'Too many requests of this kind from this client address lately; `extensions.retryAfterSeconds` says when to try again.',
  BAD_REQUEST: 'The HTTP request is not a GraphQL request: malformed JSON, no query, wrong method or content type.',
  PAYLOAD_TOO_LARGE: 'The request body is over the limit the caller earns (see README: 64 KB without staff credentials).',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax, or has too many tokens.',
  GRAPHQL_VALIDATION_FAILED: 'The query does not match the schema, or is too deep, too costly or has too many aliases.',
  OPERATION_RESOLUTION_FAILURE: 'The document has several operations and `operationName` names none of them.',
  INTERNAL_SERVER_ERROR: 'An unexpected failure; its details are not sent in production.',
} as const;
export type ErrorCode = keyof typeof ErrorCode;

/** Every `extensions.reason` of a BAD_USER_INPUT error. A new reason must be declared here to be thrown. */
export const InputErrorReason = {
  PAGE_SIZE_EXCEEDED: '`first` or `last` is negative or over its maximum (100 on connections; otherwise the argument description says).',
  INVALID_PAGINATION: 'Paging arguments that do not go together: first with last, after with before, last without before in search.',
  INVALID_CURSOR: '`after` or `before` is not a cursor this list gave out.',
  INVALID_ID: 'An ID argument is not a global ID of the expected type.',
  INVALID_LOOKUP: 'A lookup needs exactly one way to find its object: `id`, or `handle` with `brandId` (product), or `sku` (productVariant).',
  INVALID_FILTER: 'A filter argument that does not validate; the message names the field.',
  INVALID_PRICE: 'A price is not a decimal amount of the store currency (at most its decimals).',
  NEGATIVE_PRICE: 'A price bound is below zero.',
  INVALID_PRICE_RANGE: '`filter.price.min` is not below `filter.price.max`.',
  INVALID_SORT: 'A sort that does not apply, such as `reverse` with RELEVANCE.',
  QUERY_TOO_LONG: 'A search query is longer than allowed.',
  TOO_MANY_FACETS: 'More facets were requested than allowed.',
  INVALID_FACET: 'A facet request that does not go together, such as OPTION without its option code.',
  UNKNOWN_FACET: 'A facet names an option code that cannot exist.',
} as const;
export type InputErrorReason = keyof typeof InputErrorReason;

const enumType = (name: string, description: string, values: Record<string, string>) =>
  new GraphQLEnumType({ name, description, values: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { value: k, description: d }])) });

/** Declared in both schemas although no field returns them, so typed clients can switch on `extensions`. */
export const errorEnumTypes = (): GraphQLEnumType[] => [
  enumType('ErrorCode', 'The `extensions.code` of a GraphQL error (not of a mutation\'s userErrors). README "API conventions" gives the HTTP status of each.', ErrorCode),
  enumType('InputErrorReason', 'The `extensions.reason` of a GraphQL error whose `extensions.code` is BAD_USER_INPUT.', InputErrorReason),
];

/** A GraphQL error with a declared code a client can branch on. Its HTTP status comes from http-status.ts. */
export class CodedError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
  }
}

/** Infrastructure and access errors: raised as GraphQL errors. Business failures are userErrors instead. */
export class UnauthenticatedError extends CodedError {
  constructor(message = 'Authentication required: send a valid "Authorization: Bearer <token>" header') {
    super(message, 'UNAUTHENTICATED');
  }
}

export class ForbiddenError extends CodedError {
  constructor(message = 'You do not have permission to perform this action') {
    super(message, 'FORBIDDEN');
  }
}

/** Invalid arguments that a client must fix (page size, malformed ID, bad filter). */
export class UserInputError extends CodedError {
  constructor(message: string, reason: InputErrorReason, field?: string[]) {
    super(message, 'BAD_USER_INPUT', { reason, ...(field ? { field } : {}) });
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
