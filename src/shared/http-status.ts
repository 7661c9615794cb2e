import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.js';

/**
 * The HTTP status policy of both APIs, by error code (README "API conventions" prints this table).
 * `refused`: the status when the error stops the request before any field runs (no `data` in the body).
 * `inField`: the status when a field raised it inside an executed request. Problems with the request
 * itself (credentials, store header, body, syntax) are 4xx wherever they surface; field-level business
 * and input errors answer 200 beside the other fields' data.
 */
export const HTTP_STATUS: Record<ErrorCode, { refused: number; inField: number }> = {
  BAD_REQUEST: { refused: 400, inField: 400 },
  PAYLOAD_TOO_LARGE: { refused: 413, inField: 413 },
  GRAPHQL_PARSE_FAILED: { refused: 400, inField: 400 },
  GRAPHQL_VALIDATION_FAILED: { refused: 400, inField: 400 },
  OPERATION_RESOLUTION_FAILURE: { refused: 400, inField: 400 },
  UNAUTHENTICATED: { refused: 401, inField: 401 },
  STORE_REQUIRED: { refused: 400, inField: 400 },
  STORE_NOT_FOUND: { refused: 404, inField: 404 },
  // The Admin API gate refuses a customer token for the whole operation (403); a field refused for a
  // missing role, scope or brand leaves the other fields answering (200).
  FORBIDDEN: { refused: 403, inField: 200 },
  // Before execution: a variable of the wrong type (Apollo's own rule); in a field: a reason to fix.
  BAD_USER_INPUT: { refused: 400, inField: 200 },
  SEARCH_UNAVAILABLE: { refused: 503, inField: 200 },
  // A client over a per-address limit (verifyAuthenticity): the whole response says so, whatever else it asked.
  THROTTLED: { refused: 429, inField: 429 },
  INTERNAL_SERVER_ERROR: { refused: 500, inField: 200 },
};

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && Object.hasOwn(HTTP_STATUS, code);

/** The status of a response carrying errors with these codes: the highest the table gives; undefined if it knows none. */
export function httpStatusFor(codes: unknown[], executed: boolean): number | undefined {
  const statuses = codes.filter(isErrorCode).map((code) => HTTP_STATUS[code][executed ? 'inField' : 'refused']);
  return statuses.length ? Math.max(...statuses) : undefined;
}

/** Applies the table to every response of the GraphQL request pipeline (validation, the admin gate, fields). */
export function httpStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors?.length) return;
          const status = httpStatusFor(errors.map((e) => e.extensions?.code), data !== undefined);
          if (status !== undefined) response.http.status = status;
        },
      };
    },
  };
}

/**
 * For errors raised while building the context (credentials), which Apollo answers before any plugin
 * runs: the status travels on the error as Apollo's `extensions.http`, which it strips from the body.
 */
export function withRefusedStatus(error: unknown): unknown {
  if (!(error instanceof GraphQLError)) return error;
  const status = httpStatusFor([error.extensions.code], false);
  if (status === undefined) return error;
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status } }, originalError: error.originalError ?? error });
}
