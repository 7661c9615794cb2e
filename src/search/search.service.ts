import type { Context } from '../shared/context.js';
import { UserInputError } from '../shared/errors.js';
import type { Product } from '../catalog/entities/product.entity.js';
import type { Store } from '../catalog/entities/store.entity.js';
import { localeChain, pickText } from '../catalog/i18n.js';
import { loadLabelSource, loadSuggestionSource, type Names } from '../catalog/search-source.js';
import { currentStore } from '../catalog/storefront/current-store.js';
import { storefrontCatalog } from '../catalog/storefront/storefront-catalog.js';
import type { ProductFilter } from '../catalog/storefront/types.js';
import { encodeCursor, type ConnectionArgs } from '../shared/pagination.js';
import { priceBucketBounds, priceBucketLabel, searchLocale } from './document.js';
import { SearchUnavailableError, type FacetCounts, type SearchEngine } from './engine.js';
import { checkFacets, checkFilter, checkQuery, checkSort, searchCursor, searchPage } from './input.js';
import { parseQuery, words as splitWords } from './text.js';
import { SearchFacetField, SearchSuggestionKind, type ProductSearchConnection, type SearchFacet, type SearchFacetResult, type SearchSortKey, type SearchSuggestion } from './types.js';

export interface SearchArgs {
  query: string;
  page: ConnectionArgs;
  filter?: ProductFilter | null;
  sortKey: SearchSortKey;
  reverse: boolean;
  facets?: SearchFacet[] | null;
  withTotal: boolean;
}

export function searchEngine(ctx: Context): SearchEngine {
  const engine = ctx.app.ports.search;
  if (!engine) throw new SearchUnavailableError('no search engine is configured');
  return engine;
}

/** Storefront search: checks input, asks the engine for ids and counts, loads products and labels from the catalog. */
export async function searchProducts(ctx: Context, args: SearchArgs): Promise<ProductSearchConnection> {
  const query = checkQuery(args.query);
  checkSort(args.sortKey, args.reverse);
  const facets = checkFacets(args.facets);
  const { offset, limit } = searchPage(args.page);
  const store = await currentStore(ctx);
  const filter = await checkFilter(args.filter, store);
  const parsed = parseQuery(query);
  const hits = await searchEngine(ctx).search(ctx.em, {
    storeId: store.id,
    locale: searchLocale(ctx.locales, store),
    text: query,
    words: parsed.words,
    prefixLast: parsed.prefixLast,
    filter,
    sortKey: args.sortKey,
    reverse: args.reverse,
    facets,
    offset,
    limit,
    withTotal: args.withTotal,
  });
  const pageIds = hits.productIds;
  const [products, facetResults] = await Promise.all([
    storefrontCatalog.productsByIds(ctx, pageIds).then((found) => found.filter((p) => p !== null)),
    facetLabels(ctx, store, hits.facets),
  ]);
  const position = new Map(pageIds.map((id, i) => [id, offset + i]));
  const edges = products.map((node: Product) => ({ cursor: encodeCursor([...searchCursor(position.get(node.id)!)]), node }));
  return {
    edges,
    nodes: products,
    pageInfo: {
      hasNextPage: hits.hasMore,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: hits.total,
    facets: facetResults,
  };
}

const AVAILABILITY: Record<string, [string, string]> = { en: ['In stock', 'Out of stock'], zh: ['有货', '缺货'], fr: ['En stock', 'Épuisé'], it: ['Disponibile', 'Esaurito'] };

/** Localized labels for raw facet values, in one catalog statement. */
async function facetLabels(ctx: Context, store: Store, facets: FacetCounts[]): Promise<SearchFacetResult[]> {
  const values = (field: SearchFacetField) => facets.filter((f) => f.field === field).flatMap((f) => f.counts.map((c) => c.value));
  const source = await loadLabelSource(ctx.em, {
    brands: values(SearchFacetField.BRAND),
    categories: values(SearchFacetField.CATEGORY),
    options: facets.filter((f) => f.field === SearchFacetField.OPTION).flatMap((f) => f.counts.map((c) => ({ option: f.option!, value: c.value }))),
  });
  const chain = localeChain(ctx.locales, store.defaultLocale);
  const label = (f: FacetCounts, value: string): string => {
    const pick = (names: Names | undefined, extra?: string) => pickText(names && Object.keys(names).length ? names : undefined, extra ? [...chain, extra] : chain);
    switch (f.field) {
      case SearchFacetField.BRAND: {
        const brand = source.brands.get(value);
        return pick(brand?.names, brand?.defaultLocale) ?? value;
      }
      case SearchFacetField.CATEGORY:
        return pick(source.categories.get(value)) ?? value;
      case SearchFacetField.OPTION:
        return pick(source.optionValues.get(`${f.option}:${value}`)) ?? value;
      case SearchFacetField.PRICE:
        return priceBucketLabel(value, store.currency, chain[0] ?? 'en');
      case SearchFacetField.AVAILABILITY: {
        const words = AVAILABILITY[chain.map((l) => l.split('-')[0]).find((l) => AVAILABILITY[l]) ?? 'en'];
        return value === 'true' ? words[0] : words[1];
      }
      default:
        return value;
    }
  };
  const bounds = (f: FacetCounts, value: string) => (f.field === SearchFacetField.PRICE ? priceBucketBounds(value, store.currency) : null) ?? { min: null, max: null };
  return facets.map((f) => ({
    field: f.field,
    option: f.option ?? null,
    values: f.counts.map((c) => ({ value: c.value, label: label(f, c.value), count: c.count, ...bounds(f, c.value) })),
  }));
}

export const MAX_SUGGESTIONS = 50;

/** Completions as the shopper types: the store's brands and categories whose name matches, then product titles. */
export async function searchSuggestions(ctx: Context, prefix: string, first: number): Promise<SearchSuggestion[]> {
  const typed = checkQuery(prefix, 'prefix');
  if (first < 0 || first > MAX_SUGGESTIONS) {
    throw new UserInputError(`first must be between 0 and ${MAX_SUGGESTIONS}, got ${first}`, 'PAGE_SIZE_EXCEEDED', ['first']);
  }
  const store = await currentStore(ctx);
  const { words } = parseQuery(typed);
  if (!words.length || first === 0) return [];
  const locale = searchLocale(ctx.locales, store);
  const engine = searchEngine(ctx);
  const [hits, source] = await Promise.all([
    engine.suggest(ctx.em, { storeId: store.id, locale, words, limit: first }),
    loadSuggestionSource(ctx.em, store.id),
  ]);
  const chain = (extra?: string) => localeChain(ctx.locales, store.defaultLocale, extra);
  const brands = source.brands.filter((b) => matchesName(Object.values(b.names), words)).slice(0, 3);
  const categoryCandidates = source.categories.filter((c) => matchesName(Object.values(c.names), words));
  const present = await engine.presentCategories(ctx.em, store.id, locale, categoryCandidates.map((c) => c.handle));
  const categories = categoryCandidates.filter((c) => present.has(c.handle)).slice(0, 3);
  return [
    ...brands.map((b) => ({ kind: SearchSuggestionKind.BRAND, handle: b.handle, text: pickText(b.names, chain(b.defaultLocale)) ?? b.handle })),
    ...categories.map((c) => ({ kind: SearchSuggestionKind.CATEGORY, handle: c.handle, text: pickText(c.names, chain()) ?? c.handle })),
    ...hits.products.map((p) => ({ kind: SearchSuggestionKind.PRODUCT, handle: p.handle, text: p.title })),
  ].slice(0, first);
}

/** Every typed word is a word of the name, the last one possibly unfinished. */
function matchesName(names: string[], typed: string[]): boolean {
  return names.some((name) => {
    const own = splitWords(name);
    return typed.every((w, i) => (i === typed.length - 1 ? own.some((o) => o.startsWith(w)) : own.includes(w)));
  });
}
