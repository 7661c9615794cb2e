import type { EntityManager } from '@mikro-orm/postgresql';
import { UserInputError } from '../../shared/errors.js';
import { parseDecimal, type CurrencyCode } from '../../shared/money.js';
import type { CursorValues, PageRequest } from '../../shared/pagination.js';
import { pgArray } from '../../shared/sql.js';
import { DomainError } from '../../shared/user-errors.js';
import type { Store } from '../entities/store.entity.js';
import { ProductSortKey, type ProductFilter } from './types.js';

/**
 * The storefront visibility rule on product_listing `l`: the product is ACTIVE and published to the
 * store (`active`, kept by listing.service) and priced there (a minimum price exists).
 */
export const LISTED_IN_STORE = `l.active and l.min_price is not null`;

interface Sort {
  /** The listing column ordered on before the product id; null orders by id alone (UUIDv7: creation order). */
  expr: string | null;
  /** Natural direction of the key before `reverse`. */
  descending: boolean;
  /** Postgres type of the sort value, for the keyset comparison. */
  cast: string;
}

/** Every order reads one partial index of product_listing (see the entity), or the collection's positions. */
function sortFor(key: ProductSortKey, inCollection: boolean): Sort {
  switch (key) {
    case ProductSortKey.PRICE:
      return { expr: 'l.min_price', descending: false, cast: 'bigint' };
    case ProductSortKey.TITLE:
      return { expr: 'l.sort_title', descending: false, cast: 'text' };
    case ProductSortKey.CREATED_AT:
      return { expr: null, descending: false, cast: 'uuid' };
    case ProductSortKey.BEST_SELLING:
      return { expr: 'l.units_sold', descending: true, cast: 'integer' };
    case ProductSortKey.RELEVANCE:
      return inCollection ? { expr: 'cp.position', descending: false, cast: 'integer' } : { expr: null, descending: true, cast: 'uuid' };
  }
}

function priceBound(value: string | undefined, currency: CurrencyCode, name: 'min' | 'max'): number | undefined {
  if (value == null) return undefined;
  let minor: number;
  try {
    minor = parseDecimal(value, currency, ['filter', 'price', name]);
  } catch (err) {
    throw new UserInputError((err as DomainError).message, 'INVALID_PRICE', ['filter', 'price', name]);
  }
  if (minor < 0) throw new UserInputError(`filter.price.${name} must not be negative`, 'NEGATIVE_PRICE', ['filter', 'price', name]);
  return minor;
}

/** Builds the WHERE clause shared by the page and its count; every value is a bound parameter. */
function whereClause(store: Store, filter: ProductFilter, params: unknown[]): string {
  const where = [`l.store_id = ?`, LISTED_IN_STORE];
  params.push(store.id);
  if (filter.brands?.length) {
    where.push(`p.brand_id in (select id from brand where handle = any(?::text[]))`);
    params.push(pgArray(filter.brands));
  }
  if (filter.category) {
    where.push(`p.category_id in (select d.id from category c join category d on d.path = c.path or d.path like c.path || '/%' where c.handle = ?)`);
    params.push(filter.category);
  }
  if (filter.tags?.length) {
    where.push(`p.tags && ?::text[]`);
    params.push(pgArray(filter.tags));
  }
  const byOption = new Map<string, string[]>();
  for (const { option, value } of filter.optionValues ?? []) byOption.set(option, [...(byOption.get(option) ?? []), value]);
  for (const [option, values] of byOption) {
    const any = values.map(() => `v.option_values @> ?::jsonb`).join(' or ');
    where.push(`exists (select 1 from product_variant v where v.product_id = l.product_id and v.archived_at is null and (${any}))`);
    params.push(...values.map((value) => JSON.stringify({ [option]: value })));
  }
  const min = priceBound(filter.price?.min, store.currency, 'min');
  const max = priceBound(filter.price?.max, store.currency, 'max');
  if (min !== undefined && max !== undefined && min > max) {
    throw new UserInputError('filter.price.min is greater than filter.price.max', 'INVALID_PRICE_RANGE', ['filter', 'price']);
  }
  // A product matches when its [lowest, highest] price overlaps [min, max) (as search's PRICE buckets).
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (min !== undefined) add(`l.max_price >= ?`, min);
  if (max !== undefined) add(`l.min_price < ?`, max);
  if (filter.availableForSale != null) add(`l.available = ?`, filter.availableForSale);
  return where.join(' and ');
}

export interface ListArgs {
  filter: ProductFilter;
  sortKey: ProductSortKey;
  reverse: boolean;
  page: PageRequest;
}

/**
 * One statement for a page of products visible in the store (ACTIVE, published, priced there),
 * keyset-paginated on (sort value, id); the count is a second statement run only when asked.
 */
export function listProducts(em: EntityManager, store: Store, args: ListArgs) {
  const params: unknown[] = [];
  const collectionJoin = args.filter.collection
    ? `join collection_product cp on cp.product_id = l.product_id and cp.collection_id = (select id from collection where handle = ? and archived_at is null)`
    : '';
  if (collectionJoin) params.push(args.filter.collection);
  const where = whereClause(store, args.filter, params);
  const from = `from product_listing l join product p on p.id = l.product_id ${collectionJoin} where ${where}`;
  // The count reads the product table only when a filter needs it (brand, category, tags).
  const countFrom = /\bp\./.test(where) ? from : `from product_listing l ${collectionJoin} where ${where}`;
  const countParams = [...params];

  const sort = sortFor(args.sortKey, !!collectionJoin);
  const descending = sort.descending !== args.reverse !== args.page.backward;
  const dir = descending ? 'desc' : 'asc';
  const keys = sort.expr ? [sort.expr, 'l.product_id'] : ['l.product_id'];
  let keyset = '';
  if (args.page.cursor) {
    const casts = sort.expr ? [sort.cast, 'uuid'] : ['uuid'];
    keyset = ` and (${keys.join(', ')}) ${descending ? '<' : '>'} (${casts.map((c) => `?::${c}`).join(', ')})`;
    params.push(...args.page.cursor.slice(-keys.length));
  }
  params.push(args.page.limit + 1);
  const sql = `select p.*, l.min_price as listing_min_price, l.max_price as listing_max_price, l.available as listing_available,
      ${sort.expr ?? 'null'} as sort_value
    ${from}${keyset} order by ${keys.map((k) => `${k} ${dir}`).join(', ')} limit ?`;

  return {
    /** Product rows with their listing columns, for storefrontCatalog to turn into read models. */
    async rows(): Promise<{ row: Record<string, unknown>; cursor: CursorValues }[]> {
      const rows = await em.execute<Record<string, unknown>[]>(sql, params);
      return rows.map((row) => ({ row, cursor: sort.expr ? [sortValue(row.sort_value), row.id as string] : [row.id as string] }));
    },
    async count(): Promise<number> {
      const [row] = await em.execute<{ n: string }[]>(`select count(*) as n ${countFrom}`, countParams);
      return Number(row.n);
    },
  };
}

/** Sort values travel in cursors as JSON: bigint columns arrive from pg as strings, integers as numbers. */
function sortValue(value: unknown): string | number | null {
  return (value as string | number | null) ?? null;
}
