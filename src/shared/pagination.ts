import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { UserInputError } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `Items from the start; at most ${MAX_PAGE_SIZE}.` })
  first?: number;

  @Field({ nullable: true, description: 'Cursor of the item to start after.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `Items from the end; at most ${MAX_PAGE_SIZE}.` })
  last?: number;

  @Field({ nullable: true, description: 'Cursor of the item to end before.' })
  before?: string;
}

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export type CursorValues = (string | number | null)[];

export interface PageRequest {
  limit: number;
  /** true when paging backwards (last/before): fetch in reverse order, then flip. */
  backward: boolean;
  cursor: CursorValues | null;
}

/** Keyset cursors: the sort key values of a row, JSON in base64url, opaque to clients. */
export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, field: string): CursorValues {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.every((v) => v === null || ['string', 'number'].includes(typeof v))) {
      return values;
    }
  } catch {
    /* fall through */
  }
  throw new UserInputError(`"${cursor}" is not a valid cursor`, 'INVALID_CURSOR', [field]);
}

/** Validates first/after/last/before; a page size over the cap is a user error, never a silent cut. */
export function pageRequest(args: ConnectionArgs): PageRequest {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw new UserInputError('Pass either first or last, not both', 'INVALID_PAGINATION', ['first']);
  if (after != null && before != null) throw new UserInputError('Pass either after or before, not both', 'INVALID_PAGINATION', ['after']);
  for (const [name, value] of [['first', first], ['last', last]] as const) {
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw new UserInputError(`${name} must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, 'PAGE_SIZE_EXCEEDED', [name]);
    }
  }
  const backward = last != null || before != null;
  const cursorArg = backward ? before : after;
  return {
    limit: (backward ? last : first) ?? DEFAULT_PAGE_SIZE,
    backward,
    cursor: cursorArg ? decodeCursor(cursorArg, backward ? 'before' : 'after') : null,
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: PageInfo;
  /** A getter: the count query runs only when a client selects totalCount. */
  readonly totalCount: Promise<number>;
}

/** Shapes rows fetched with limit + 1 (to learn whether another page exists) into a connection. */
export function toConnection<T>(
  rows: T[],
  page: PageRequest,
  cursorOf: (row: T) => CursorValues,
  count: () => Promise<number>,
): Connection<T> {
  const hasMore = rows.length > page.limit;
  const slice = rows.slice(0, page.limit);
  if (page.backward) slice.reverse();
  const edges = slice.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: slice,
    pageInfo: {
      hasNextPage: page.backward ? page.cursor !== null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return (total ??= count());
    },
  };
}

/** Declares `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node]) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType;
}
