import 'reflect-metadata';
import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageRequest, toConnection, type PageRequest } from '../../src/shared/pagination.js';

/** Runs `fn` and returns the GraphQL error it throws. */
function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    return err as GraphQLError;
  }
  throw new Error('expected an error');
}

describe('pageRequest', () => {
  test('first over the cap is a BAD_USER_INPUT error, never a silent cut', () => {
    const error = errorOf(() => pageRequest({ first: MAX_PAGE_SIZE + 1 }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_EXCEEDED', field: ['first'] });
    expect(error.message).toContain('101');
  });

  test('last over the cap and negative sizes are refused too', () => {
    expect(errorOf(() => pageRequest({ last: 500 })).extensions).toMatchObject({ reason: 'PAGE_SIZE_EXCEEDED', field: ['last'] });
    expect(errorOf(() => pageRequest({ first: -1 })).extensions).toMatchObject({ reason: 'PAGE_SIZE_EXCEEDED' });
  });

  test('first together with last, or after together with before, is refused', () => {
    expect(errorOf(() => pageRequest({ first: 5, last: 5 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_PAGINATION' });
    const cursor = encodeCursor([1]);
    expect(errorOf(() => pageRequest({ after: cursor, before: cursor })).extensions).toMatchObject({ reason: 'INVALID_PAGINATION' });
  });

  test('a cursor that is not ours is INVALID_CURSOR on the argument that carried it', () => {
    const b64 = (json: string) => Buffer.from(json).toString('base64url');
    for (const bad of ['nope', '!!!', b64('{"a":1}'), b64('[{}]'), b64('null')]) {
      expect(errorOf(() => pageRequest({ after: bad })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR', field: ['after'] });
    }
    expect(errorOf(() => pageRequest({ last: 2, before: 'nope' })).extensions).toMatchObject({ field: ['before'] });
  });

  test('defaults to 20 forward; last/before pages backward with the decoded cursor', () => {
    expect(pageRequest({})).toEqual({ limit: 20, backward: false, cursor: null });
    expect(pageRequest({ first: MAX_PAGE_SIZE })).toMatchObject({ limit: 100 });
    expect(pageRequest({ last: 3, before: encodeCursor(['b', 7]) })).toEqual({ limit: 3, backward: true, cursor: ['b', 7] });
  });
});

describe('cursors', () => {
  test('round-trip the sort key values, opaquely', () => {
    const values = ['Sac Puzzle', 42, null];
    const cursor = encodeCursor(values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'after')).toEqual(values);
  });
});

describe('toConnection', () => {
  const rows = [1, 2, 3, 4];
  const count = async () => 99;

  test('fetching limit + 1 rows tells whether a next page exists', () => {
    const page: PageRequest = { limit: 3, backward: false, cursor: null };
    const connection = toConnection(rows, page, (n) => [n], count);
    expect(connection.nodes).toEqual([1, 2, 3]);
    expect(connection.edges.map((e) => decodeCursor(e.cursor, 'after'))).toEqual([[1], [2], [3]]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: encodeCursor([3]) });
  });

  test('backward pages come back in forward order', () => {
    const page: PageRequest = { limit: 2, backward: true, cursor: [9] };
    const connection = toConnection([8, 7, 6], page, (n) => [n], count);
    expect(connection.nodes).toEqual([7, 8]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true, startCursor: encodeCursor([7]) });
  });

  test('totalCount runs its query only when read, and once', async () => {
    let calls = 0;
    const counter = () => (calls++, count());
    const connection = toConnection([], { limit: 5, backward: false, cursor: null }, (n: number) => [n], counter);
    expect(calls).toBe(0);
    expect(connection.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
    expect(await connection.totalCount).toBe(99);
    await connection.totalCount;
    expect(calls).toBe(1);
  });
});
