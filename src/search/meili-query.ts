import type { MultiSearchQuery } from 'meilisearch';
import { filterTouches, filterWithout, sortFacetCounts, type FacetCounts, type FacetRequest, type SearchFilter, type SearchRequest } from './engine.js';
import { meiliLocale } from './settings.js';
import { SearchFacetField, SearchSortKey } from './types.js';

/**
 * Translation of a search request into Meilisearch requests: filter expressions, sort, facets (one
 * extra query per facet whose own field is filtered: disjunctive counts), pages. Pure functions, unit
 * tested; every user value is a quoted, escaped string or a checked integer.
 */

/** A filter string literal: double quotes, with `\` and `"` escaped. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const list = (values: string[]) => `[${values.map(quote).join(', ')}]`;

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`not an integer: ${value}`);
  return String(value);
}

export const FACET_ATTRIBUTE: Record<SearchFacetField, string> = {
  [SearchFacetField.BRAND]: 'brand',
  [SearchFacetField.CATEGORY]: 'categories',
  [SearchFacetField.TAG]: 'tags',
  [SearchFacetField.OPTION]: 'options',
  [SearchFacetField.PRICE]: 'priceBuckets',
  [SearchFacetField.AVAILABILITY]: 'available',
};

/** The store and filter as a list of expressions Meilisearch ANDs together. */
export function filterExpressions(storeId: string, filter: SearchFilter): string[] {
  const out = [`storeId = ${quote(storeId)}`];
  if (filter.brands?.length) out.push(`brand IN ${list(filter.brands)}`);
  if (filter.category != null) out.push(`categories = ${quote(filter.category)}`);
  if (filter.tags?.length) out.push(`tags IN ${list(filter.tags)}`);
  if (filter.collection != null) out.push(`collections = ${quote(filter.collection)}`);
  for (const [option, values] of Object.entries(filter.options ?? {})) {
    if (values.length) out.push(`options IN ${list(values.map((v) => `${option}:${v}`))}`);
  }
  // The product's [lowest, highest] price overlaps [min, max): the priceInRange rule of the PRICE buckets.
  if (filter.minPrice != null) out.push(`maxPrice >= ${integer(filter.minPrice)}`);
  if (filter.maxPrice != null) out.push(`minPrice < ${integer(filter.maxPrice)}`);
  if (filter.available != null) out.push(`available = ${filter.available ? 'true' : 'false'}`);
  return out;
}

export function sortParam(sortKey: SearchSortKey, reverse: boolean): string[] | undefined {
  const dir = (natural: 'asc' | 'desc') => (reverse ? (natural === 'asc' ? 'desc' : 'asc') : natural);
  switch (sortKey) {
    case SearchSortKey.RELEVANCE:
      return undefined;
    case SearchSortKey.PRICE:
      return [`minPrice:${dir('asc')}`];
    case SearchSortKey.CREATED_AT:
      return [`createdAt:${dir('asc')}`];
    case SearchSortKey.TITLE:
      return [`sortTitle:${dir('asc')}`];
    case SearchSortKey.BEST_SELLING:
      return [`unitsSold:${dir('desc')}`];
  }
}

/** Meilisearch reads `"phrase"` and `-word` as operators: a shopper's quotes and dashes are plain text here. */
export function queryText(text: string): string {
  return text.replace(/"/g, ' ').replace(/(^|\s)-+/g, '$1');
}

export const attributesToSearchOn = (locale: string) => [
  `title.${locale}`,
  'brandNames',
  `categoryNames.${locale}`,
  'keywords',
  `optionNames.${locale}`,
  `description.${locale}`,
];

export type MatchingStrategy = 'all' | 'frequency';

export interface SearchPlan {
  queries: MultiSearchQuery[];
  /** For each requested facet: which query's distribution holds its counts. */
  facetSources: number[];
  /** Where the page starts within the main query's hits (when the offset is not a page boundary). */
  skip: number;
}

/** The main query (page + facets whose field is not filtered) and one count-only query per filtered facet. */
export function searchPlan(indexUid: string, request: SearchRequest, strategy: MatchingStrategy): SearchPlan {
  const words = request.words.length > 0;
  const base = {
    indexUid,
    q: words ? queryText(request.text) : '',
    ...(words ? { attributesToSearchOn: attributesToSearchOn(request.locale), matchingStrategy: strategy } : {}),
    ...(words && meiliLocale(request.locale) ? { locales: [meiliLocale(request.locale)!] as MultiSearchQuery['locales'] } : {}),
  };
  const { offset, limit } = request;
  // page/hitsPerPage gives an exact total; an offset that is not a page boundary reads from page 1.
  const aligned = limit > 0 && offset % limit === 0;
  const main: MultiSearchQuery = {
    ...base,
    filter: filterExpressions(request.storeId, request.filter),
    sort: sortParam(request.sortKey, request.reverse),
    attributesToRetrieve: ['productId'],
    ...(aligned ? { page: offset / limit + 1, hitsPerPage: limit } : { page: 1, hitsPerPage: offset + limit }),
  };
  const queries = [main];
  const mainFacets = new Set<string>();
  const facetSources = request.facets.map((facet) => {
    if (!filterTouches(request.filter, facet)) {
      mainFacets.add(FACET_ATTRIBUTE[facet.field]);
      return 0;
    }
    queries.push({ ...base, filter: filterExpressions(request.storeId, filterWithout(request.filter, facet)), facets: [FACET_ATTRIBUTE[facet.field]], limit: 0 });
    return queries.length - 1;
  });
  if (mainFacets.size) main.facets = [...mainFacets];
  return { queries, facetSources, skip: aligned ? 0 : offset };
}

/** Counts of one facet from a query's facetDistribution (option values are stored as "<option>:<value>"). */
export function facetCounts(facet: FacetRequest, distribution: Record<string, Record<string, number>> | undefined): FacetCounts {
  const raw = distribution?.[FACET_ATTRIBUTE[facet.field]] ?? {};
  let counts = Object.entries(raw).map(([value, count]) => ({ value, count }));
  if (facet.field === SearchFacetField.OPTION) {
    const prefix = `${facet.option}:`;
    counts = counts.filter((c) => c.value.startsWith(prefix)).map((c) => ({ value: c.value.slice(prefix.length), count: c.count }));
  }
  return { field: facet.field, option: facet.option, counts: sortFacetCounts(facet.field, counts) };
}
