import type { EntityManager } from '@mikro-orm/postgresql';
import { CodedError } from '../shared/errors.js';
import { SearchFacetField, SearchSortKey } from './types.js';

/**
 * The search port: one contract, two engines (PostgreSQL full text by default, Meilisearch when
 * MEILI_URL is set). The search service validates and normalizes the request before an engine sees
 * it; engines return product ids in order, counts and raw facet values; the service loads products
 * and labels from the catalog.
 */

/** A validated filter, in the index's own terms (handles, codes, minor units). */
export interface SearchFilter {
  brands?: string[];
  category?: string;
  tags?: string[];
  collection?: string;
  /** option code -> values (any value of one option, every option). */
  options?: Record<string, string[]>;
  /** Price range [minPrice, maxPrice) in minor units: a product matches when its price range overlaps it (see priceInRange). */
  minPrice?: number;
  maxPrice?: number;
  available?: boolean;
}

export interface FacetRequest {
  field: SearchFacetField;
  /** The option code, for OPTION facets. */
  option?: string;
}

export interface SearchRequest {
  storeId: string;
  /** The one store locale whose text is matched (see searchLocale). */
  locale: string;
  /** The query as typed (Meilisearch segments it itself). */
  text: string;
  /** Folded, segmented query words; empty means browse every product. */
  words: string[];
  prefixLast: boolean;
  filter: SearchFilter;
  sortKey: SearchSortKey;
  reverse: boolean;
  facets: FacetRequest[];
  offset: number;
  limit: number;
  /** Whether the total count is needed (a client selected totalCount or pageInfo). */
  withTotal: boolean;
}

export interface FacetCounts {
  field: SearchFacetField;
  option?: string;
  /** Raw values (handle, code, bucket, "true"/"false") and product counts. */
  counts: { value: string; count: number }[];
}

export interface SearchHits {
  /** At most `limit` ids, best first. */
  productIds: string[];
  /** Whether more results follow this page. */
  hasMore: boolean;
  /** Total products matching (exact); 0 when withTotal was false and the engine did not count. */
  total: number;
  facets: FacetCounts[];
}

export interface SuggestRequest {
  storeId: string;
  locale: string;
  words: string[];
  limit: number;
}

export interface SuggestHits {
  /** Product titles (in the request's store locale) with their handles, best first. */
  products: { handle: string; title: string }[];
}

export interface SearchEngine {
  readonly kind: 'postgres' | 'meilisearch';
  describe(): string;
  /** Index settings, first-run backfill: called once when the application starts. */
  start(): Promise<void>;
  search(em: EntityManager, request: SearchRequest): Promise<SearchHits>;
  suggest(em: EntityManager, request: SuggestRequest): Promise<SuggestHits>;
  /** Which of these category handles have at least one product in the store (for suggestions). */
  presentCategories(em: EntityManager, storeId: string, locale: string, handles: string[]): Promise<Set<string>>;
}

/**
 * Search infrastructure down or too slow: a clear error for clients, the rest of the API unaffected.
 * No HTTP status of its own: other fields of the same request (products, collections) still answer 200.
 */
export class SearchUnavailableError extends CodedError {
  constructor(detail: string) {
    super(`Search is temporarily unavailable (${detail}); products and collections still work`, 'SEARCH_UNAVAILABLE');
  }
}

export const FACET_VALUES_LIMIT = 100;

/** Facet values best first: most products first; price buckets and availability in their natural order. */
export function sortFacetCounts(field: SearchFacetField, counts: { value: string; count: number }[]) {
  const natural = field === SearchFacetField.PRICE || field === SearchFacetField.AVAILABILITY;
  return counts
    .filter((c) => c.count > 0)
    .sort((a, b) =>
      natural
        ? field === SearchFacetField.PRICE
          ? parseFloat(a.value) - parseFloat(b.value)
          : b.value.localeCompare(a.value)
        : b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    )
    .slice(0, FACET_VALUES_LIMIT);
}

/** The facet's own filter is left out of its counts (disjunctive faceting). */
export function filterWithout(filter: SearchFilter, facet: FacetRequest): SearchFilter {
  const rest = { ...filter, options: { ...filter.options } };
  switch (facet.field) {
    case SearchFacetField.BRAND:
      delete rest.brands;
      break;
    case SearchFacetField.CATEGORY:
      delete rest.category;
      break;
    case SearchFacetField.TAG:
      delete rest.tags;
      break;
    case SearchFacetField.OPTION:
      delete rest.options[facet.option!];
      break;
    case SearchFacetField.PRICE:
      delete rest.minPrice;
      delete rest.maxPrice;
      break;
    case SearchFacetField.AVAILABILITY:
      delete rest.available;
      break;
  }
  return rest;
}

/** Whether the filter constrains the facet's field (its counts then need their own pass). */
export function filterTouches(filter: SearchFilter, facet: FacetRequest): boolean {
  switch (facet.field) {
    case SearchFacetField.BRAND:
      return !!filter.brands?.length;
    case SearchFacetField.CATEGORY:
      return filter.category != null;
    case SearchFacetField.TAG:
      return !!filter.tags?.length;
    case SearchFacetField.OPTION:
      return !!filter.options?.[facet.option!]?.length;
    case SearchFacetField.PRICE:
      return filter.minPrice != null || filter.maxPrice != null;
    case SearchFacetField.AVAILABILITY:
      return filter.available != null;
  }
}

declare module '../shared/context.js' {
  interface AppPorts {
    search: SearchEngine;
  }
}
