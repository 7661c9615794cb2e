import type { Scenario } from './scenarios.js';

/**
 * Search scenarios for `npm run bench` (bench/run.ts imports `searchScenarios`). Queries use model and
 * material words of the synthetic catalog: they are in every product's tags, so they match in every
 * store locale (the bench sends no accept-language; the store default locale is searched).
 */
const MODELS = ['selma', 'paloma', 'vera', 'nola', 'isolde', 'maren', 'celeste', 'ottilie', 'sienna', 'romy', 'juno', 'iris', 'greta', 'leona', 'margaux', 'flora'];
const MATERIALS = ['leather', 'suede', 'silk', 'cashmere', 'canvas', 'wool', 'calfskin', 'satin'];
const PREFIXES = ['sel', 'pal', 'leat', 'cash', 'hand', 'sie', 'mar', 'sil', 'tot', 'cle', 'bou', 'gre', 'sued', 'wal', 'jun', 'flo'];

/** A storefront search page: 24 products with image and price, total, three facets. */
export const SEARCH = /* GraphQL */ `
  query Search($query: String!, $facets: [SearchFacet!]) {
    search(query: $query, first: 24, facets: $facets) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id title handle
        featuredImage { url altText }
        priceRange { minVariantPrice { amount currencyCode } }
        availableForSale
      }
      facets { field option values { value label count } }
    }
  }`;

export const SUGGEST = /* GraphQL */ `
  query Suggest($prefix: String!) {
    searchSuggestions(prefix: $prefix, first: 8) { kind text handle }
  }`;

/** Vendure's peer search in our API: "leather handbag" in the Handbags category, 50 products, category facet counts. */
export const SEARCH_VENDURE = /* GraphQL */ `
  query SearchLikeVendure {
    search(query: "leather handbag", first: 50, filter: { category: "handbags" }, facets: [{ field: CATEGORY }]) {
      totalCount
      nodes {
        id title handle
        featuredImage { url }
        priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
      }
      facets { field values { value label count } }
    }
  }`;

const twoWords = (i: number) => `${MODELS[i % MODELS.length]} ${MATERIALS[Math.floor(i / MODELS.length) % MATERIALS.length]}`;

export const searchScenarios: Scenario[] = [
  {
    name: 'search',
    query: SEARCH,
    variables: (i) => ({
      query: twoWords(i),
      facets: [{ field: 'BRAND' }, { field: 'CATEGORY' }, { field: 'OPTION', option: 'colour' }],
    }),
    distinct: MODELS.length * MATERIALS.length,
  },
  {
    name: 'suggest',
    query: SUGGEST,
    variables: (i) => ({ prefix: PREFIXES[i % PREFIXES.length] }),
    distinct: PREFIXES.length,
  },
  { name: 'search-vendure', query: SEARCH_VENDURE },
];
