import { UserInputError } from '../shared/errors.js';
import type { Store } from '../catalog/entities/store.entity.js';
import { validateFilter } from '../catalog/storefront/filter.js';
import type { ProductFilter } from '../catalog/storefront/types.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, pageRequest, type ConnectionArgs } from '../shared/pagination.js';
import { parseDecimal } from '../shared/money.js';
import type { DomainError } from '../shared/user-errors.js';
import type { FacetRequest, SearchFilter } from './engine.js';
import { MAX_QUERY_LENGTH } from './text.js';
import { SearchFacetField, SearchSortKey, type SearchFacet } from './types.js';

/**
 * Checks and normalizes search arguments before any engine sees them: every refusal is a
 * BAD_USER_INPUT error with a reason code and the field at fault.
 */
export function checkQuery(query: string, field = 'query'): string {
  if (query.length > MAX_QUERY_LENGTH) {
    throw new UserInputError(`${field} is ${query.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed`, 'QUERY_TOO_LONG', [field]);
  }
  return query;
}

export const MAX_FACETS = 20;
const OPTION_CODE = /^[\p{L}\p{N}_.-]{1,64}$/u;

export function checkFacets(facets: SearchFacet[] | null | undefined): FacetRequest[] {
  const list = facets ?? [];
  if (list.length > MAX_FACETS) throw new UserInputError(`At most ${MAX_FACETS} facets may be requested`, 'TOO_MANY_FACETS', ['facets']);
  const out: FacetRequest[] = [];
  list.forEach((facet, i) => {
    const option = facet.option ?? undefined;
    if (facet.field === SearchFacetField.OPTION) {
      if (!option) throw new UserInputError('An OPTION facet needs the option code, e.g. { field: OPTION, option: "colour" }', 'INVALID_FACET', ['facets', String(i), 'option']);
      if (!OPTION_CODE.test(option)) throw new UserInputError(`"${option}" is not an option code`, 'UNKNOWN_FACET', ['facets', String(i), 'option']);
    } else if (option != null) {
      throw new UserInputError(`option is only for OPTION facets, not ${facet.field}`, 'INVALID_FACET', ['facets', String(i), 'option']);
    }
    if (!out.some((f) => f.field === facet.field && f.option === option)) out.push({ field: facet.field, option });
  });
  return out;
}

function priceBound(value: string | undefined, store: Store, name: 'min' | 'max'): number | undefined {
  if (value == null) return undefined;
  const field = ['filter', 'price', name];
  let minor: number;
  try {
    minor = parseDecimal(value, store.currency, field);
  } catch (err) {
    throw new UserInputError((err as DomainError).message, 'INVALID_PRICE', field);
  }
  if (minor < 0) throw new UserInputError(`filter.price.${name} must not be negative`, 'NEGATIVE_PRICE', field);
  return minor;
}

/** ProductFilter (the storefront's filter input, same meaning as in products) to the engines' terms. */
export async function checkFilter(filter: ProductFilter | null | undefined, store: Store): Promise<SearchFilter> {
  if (!filter) return {};
  await validateFilter(filter);
  const minPrice = priceBound(filter.price?.min, store, 'min');
  const maxPrice = priceBound(filter.price?.max, store, 'max');
  if (minPrice !== undefined && maxPrice !== undefined && minPrice >= maxPrice) {
    throw new UserInputError('filter.price.max must be greater than filter.price.min: the range includes min and excludes max', 'INVALID_PRICE_RANGE', ['filter', 'price']);
  }
  const options: Record<string, string[]> = {};
  for (const { option, value } of filter.optionValues ?? []) options[option] = [...new Set([...(options[option] ?? []), value])];
  const list = (values?: string[] | null) => (values?.length ? [...new Set(values)] : undefined);
  return {
    brands: list(filter.brands),
    category: filter.category ?? undefined,
    tags: list(filter.tags),
    collection: filter.collection ?? undefined,
    options: Object.keys(options).length ? options : undefined,
    minPrice,
    maxPrice,
    available: filter.availableForSale ?? undefined,
  };
}

export function checkSort(sortKey: SearchSortKey, reverse: boolean) {
  if (sortKey === SearchSortKey.RELEVANCE && reverse) {
    throw new UserInputError('reverse cannot be used with RELEVANCE: choose another sortKey', 'INVALID_SORT', ['reverse']);
  }
}

/** Search pages are positions in a ranked list: cursors carry the position ("after" the 20th -> offset 20). */
export function searchPage(args: ConnectionArgs): { offset: number; limit: number } {
  const page = pageRequest({ ...args, after: undefined, before: undefined });
  const position = (cursor: string | undefined, field: string) => {
    if (cursor == null) return null;
    const values = decodeCursor(cursor, field);
    if (values.length !== 2 || values[0] !== 's' || !Number.isSafeInteger(values[1]) || (values[1] as number) < 0) {
      throw new UserInputError(`"${cursor}" is not a search cursor`, 'INVALID_CURSOR', [field]);
    }
    return values[1] as number;
  };
  if (args.after != null && args.before != null) throw new UserInputError('Pass either after or before, not both', 'INVALID_PAGINATION', ['after']);
  const after = position(args.after, 'after');
  const before = position(args.before, 'before');
  if (args.last == null && before === null) return { offset: after === null ? 0 : after + 1, limit: page.limit };
  if (before === null) throw new UserInputError('Search pages backwards only from a cursor: pass before with last', 'INVALID_PAGINATION', ['last']);
  const limit = args.last ?? DEFAULT_PAGE_SIZE;
  return { offset: Math.max(0, before - limit), limit: Math.min(limit, before) };
}

export const searchCursor = (position: number) => ['s', position] as const;
