import type { SearchRequest } from '../../src/search/engine.js';
import { facetCounts, filterExpressions, queryText, quote, searchPlan, sortParam } from '../../src/search/meili-query.js';
import { SearchFacetField, SearchSortKey } from '../../src/search/types.js';

const request = (over: Partial<SearchRequest> = {}): SearchRequest => ({
  storeId: 'store-1',
  locale: 'zh-CN',
  text: 'selma bag',
  words: ['selma', 'bag'],
  prefixLast: true,
  filter: {},
  sortKey: SearchSortKey.RELEVANCE,
  reverse: false,
  facets: [],
  offset: 0,
  limit: 20,
  withTotal: true,
  ...over,
});

describe('filter values are quoted and escaped', () => {
  test.each([
    ['plain', '"plain"'],
    ['a"b', '"a\\"b"'],
    ['back\\slash', '"back\\\\slash"'],
    ['x" OR storeId != "y', '"x\\" OR storeId != \\"y"'],
    ["it's (a) & b | !c : *", `"it's (a) & b | !c : *"`],
    ['\\"', '"\\\\\\""'],
  ])('%s', (value, expected) => {
    expect(quote(value)).toBe(expected);
  });
});

describe('filterExpressions', () => {
  test('the store is always the first condition', () => {
    expect(filterExpressions('s"1', {})).toEqual(['storeId = "s\\"1"']);
  });

  test('every field of ProductFilter', () => {
    expect(
      filterExpressions('s1', {
        brands: ['loewe', 'michael-kors'],
        category: 'bags',
        tags: ['a b'],
        collection: 'selma',
        options: { colour: ['black', 'red'], size: ['m'] },
        minPrice: 100_000,
        maxPrice: 500_000,
        available: false,
      }),
    ).toEqual([
      'storeId = "s1"',
      'brand IN ["loewe", "michael-kors"]',
      'categories = "bags"',
      'tags IN ["a b"]',
      'collections = "selma"',
      'options IN ["colour:black", "colour:red"]',
      'options IN ["size:m"]',
      'maxPrice >= 100000',
      'minPrice < 500000',
      'available = false',
    ]);
  });

  test('an injection attempt stays inside its string', () => {
    const [, brand] = filterExpressions('s1', { brands: ['x"] OR storeId != "s1" OR brand IN ["y'] });
    expect(brand).toBe('brand IN ["x\\"] OR storeId != \\"s1\\" OR brand IN [\\"y"]');
  });

  test('prices must be integers (minor units)', () => {
    expect(() => filterExpressions('s1', { minPrice: 1.5 })).toThrow();
    expect(() => filterExpressions('s1', { maxPrice: Number.NaN })).toThrow();
  });
});

test('sorts, and reverse', () => {
  expect(sortParam(SearchSortKey.RELEVANCE, false)).toBeUndefined();
  expect(sortParam(SearchSortKey.PRICE, false)).toEqual(['minPrice:asc']);
  expect(sortParam(SearchSortKey.PRICE, true)).toEqual(['minPrice:desc']);
  expect(sortParam(SearchSortKey.CREATED_AT, false)).toEqual(['createdAt:asc']);
  expect(sortParam(SearchSortKey.TITLE, true)).toEqual(['sortTitle:desc']);
  expect(sortParam(SearchSortKey.BEST_SELLING, false)).toEqual(['unitsSold:desc']);
});

test('query operators of Meilisearch ("phrase", -negation) are plain text', () => {
  expect(queryText('"selma" -bag a-b  --x')).toBe(' selma  bag a-b  x');
});

describe('searchPlan', () => {
  test('one query when no facet field is filtered; the text is searched in the request locale', () => {
    const plan = searchPlan('products', request({ facets: [{ field: SearchFacetField.BRAND }, { field: SearchFacetField.OPTION, option: 'colour' }] }), 'all');
    expect(plan.queries).toHaveLength(1);
    expect(plan.queries[0]).toMatchObject({
      indexUid: 'products',
      q: 'selma bag',
      matchingStrategy: 'all',
      locales: ['cmn'],
      filter: ['storeId = "store-1"'],
      facets: ['brand', 'options'],
      page: 1,
      hitsPerPage: 20,
      attributesToSearchOn: ['title.zh-CN', 'brandNames', 'categoryNames.zh-CN', 'keywords', 'optionNames.zh-CN', 'description.zh-CN'],
    });
    expect(plan.facetSources).toEqual([0, 0]);
  });

  test('a filtered facet gets its own count query without its own filter (disjunctive)', () => {
    const plan = searchPlan(
      'products',
      request({
        filter: { brands: ['loewe'], options: { colour: ['black'] }, category: 'bags' },
        facets: [{ field: SearchFacetField.BRAND }, { field: SearchFacetField.OPTION, option: 'colour' }, { field: SearchFacetField.TAG }],
      }),
      'frequency',
    );
    expect(plan.facetSources).toEqual([1, 2, 0]);
    expect(plan.queries[0].filter).toEqual(['storeId = "store-1"', 'brand IN ["loewe"]', 'categories = "bags"', 'options IN ["colour:black"]']);
    expect(plan.queries[0].facets).toEqual(['tags']);
    expect(plan.queries[1]).toMatchObject({ filter: ['storeId = "store-1"', 'categories = "bags"', 'options IN ["colour:black"]'], facets: ['brand'], limit: 0, matchingStrategy: 'frequency' });
    expect(plan.queries[2]).toMatchObject({ filter: ['storeId = "store-1"', 'brand IN ["loewe"]', 'categories = "bags"'], facets: ['options'], limit: 0 });
  });

  test('browse mode is a placeholder search without text options', () => {
    const plan = searchPlan('products', request({ words: [], text: '  ' }), 'all');
    expect(plan.queries[0].q).toBe('');
    expect(plan.queries[0]).not.toHaveProperty('attributesToSearchOn');
    expect(plan.queries[0]).not.toHaveProperty('matchingStrategy');
  });

  test('pages: aligned offsets use page/hitsPerPage (exact totals), others read from the start and skip', () => {
    expect(searchPlan('p', request({ offset: 40, limit: 20 }), 'all')).toMatchObject({ queries: [{ page: 3, hitsPerPage: 20 }], skip: 0 });
    expect(searchPlan('p', request({ offset: 30, limit: 20 }), 'all')).toMatchObject({ queries: [{ page: 1, hitsPerPage: 50 }], skip: 30 });
  });
});

test('facetCounts: option values are split by option; zero counts dropped; most products first', () => {
  const distribution = { options: { 'colour:black': 3, 'colour:red': 5, 'size:m': 2, 'colour:tan': 0 } };
  expect(facetCounts({ field: SearchFacetField.OPTION, option: 'colour' }, distribution).counts).toEqual([
    { value: 'red', count: 5 },
    { value: 'black', count: 3 },
  ]);
  expect(facetCounts({ field: SearchFacetField.PRICE }, { priceBuckets: { '1000-2500': 1, '250-500': 4, '100000-': 2 } }).counts.map((c) => c.value)).toEqual([
    '250-500',
    '1000-2500',
    '100000-',
  ]);
  expect(facetCounts({ field: SearchFacetField.BRAND }, undefined).counts).toEqual([]);
});
