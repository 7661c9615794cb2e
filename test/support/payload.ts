import type { ExecutionResult } from 'graphql';

/** What every mutation payload carries: `{ <result fields>, userErrors { code field message } }`. */
export interface UserErrorLike {
  code: string;
  field?: string[] | null;
  message: string;
}
export interface PayloadLike {
  userErrors: UserErrorLike[];
}

/** A payload that succeeded: its result fields are no longer nullable. */
export type Ok<P> = { [K in keyof P]: K extends 'userErrors' | '__typename' ? P[K] : NonNullable<P[K]> };

/** The data of a response that must have no GraphQL errors (the errors are in the failure message). */
export function dataOf<R>(res: ExecutionResult<R>): R {
  if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data;
}

/** Asserts a mutation payload has no userErrors and every result field is set; returns it narrowed. */
export function expectOk<P extends PayloadLike>(payload: P | null | undefined): Ok<P> {
  if (!payload) throw new Error('No payload: the mutation returned null (GraphQL errors?)');
  if (payload.userErrors.length) throw new Error(`Expected no userErrors, got ${JSON.stringify(payload.userErrors)}`);
  for (const [key, value] of Object.entries(payload)) {
    if (key !== 'userErrors' && (value === null || value === undefined)) throw new Error(`Payload field ${key} is ${value} on success`);
  }
  return payload as Ok<P>;
}

/**
 * Asserts a mutation was refused: the first userError has `code` (and `field` when given, the full path) and
 * the result fields are null. Returns that error for checks of its message.
 */
export function expectUserError<P extends PayloadLike>(payload: P | null | undefined, code: string, field?: string[]): P['userErrors'][number] {
  if (!payload) throw new Error('No payload: the mutation returned null (GraphQL errors?)');
  expect(payload.userErrors.length).toBeGreaterThan(0);
  const [error] = payload.userErrors;
  expect(error).toMatchObject(field === undefined ? { code } : { code, field });
  for (const [key, value] of Object.entries(payload)) {
    if (key !== 'userErrors' && key !== '__typename') expect([key, value]).toEqual([key, null]);
  }
  return error;
}

/** Asserts a response is exactly one FORBIDDEN GraphQL error (missing rights are errors, not userErrors). */
export function expectForbidden(res: ExecutionResult<unknown>) {
  expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
}
