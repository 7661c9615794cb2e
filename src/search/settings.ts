import type { Settings } from 'meilisearch';
import { fold } from './text.js';

/**
 * Relevance settings, declared in code and shared by both engines: synonyms, typo thresholds, field
 * weights. Meilisearch receives them as index settings at start (before any document); the
 * PostgreSQL engine applies the same rules in its query builder.
 */

/** Two-way synonym groups (folded words). Kept short: each one widens every query that uses it. */
export const SYNONYM_GROUPS: string[][] = [
  ['handbag', 'purse'],
  ['sneaker', 'trainer'],
  ['sneakers', 'trainers'],
  ['手袋', '手提包'],
];

export const SYNONYMS: Record<string, string[]> = Object.fromEntries(
  SYNONYM_GROUPS.flatMap((group) => group.map((w) => [fold(w), group.filter((o) => o !== w).map(fold)])),
);

export const TYPO_MIN_WORD_SIZE = { oneTypo: 5, twoTypos: 9 };

/** Meilisearch's locale codes (ISO 639-3) for the languages we segment specially or stem. */
const MEILI_LOCALES: Record<string, string> = {
  zh: 'cmn', ja: 'jpn', ko: 'kor', en: 'eng', fr: 'fra', it: 'ita', es: 'spa', de: 'deu', pt: 'por', ru: 'rus', ar: 'ara',
};

export function meiliLocale(locale: string): string | undefined {
  return MEILI_LOCALES[locale.split('-')[0].toLowerCase()];
}

/** Per-locale text fields ("title.zh-CN") and their language, so Chinese is segmented as Chinese. */
const LOCALIZED_FIELDS = ['title', 'categoryNames', 'optionNames', 'description'];

export const MEILI_SEARCHABLE = ['title', 'brandNames', 'categoryNames', 'keywords', 'optionNames', 'description'];

export const MEILI_SETTINGS: Settings = {
  // Order is weight: title and brand before category, tags and options, description last.
  searchableAttributes: MEILI_SEARCHABLE,
  filterableAttributes: ['id', 'storeId', 'productId', 'brand', 'categories', 'tags', 'collections', 'options', 'priceBuckets', 'available', 'minPrice', 'maxPrice'],
  sortableAttributes: ['minPrice', 'sortTitle', 'createdAt', 'unitsSold'],
  displayedAttributes: ['id', 'productId', 'handle', 'title'],
  // An explicit sort (price, title, ...) orders first; then more words matched, fewer typos (a completion
  // is no typo), every word exact; relevance ties break on the newest product, then the product id (a
  // stable key: the same query gives the same order every time, as the PostgreSQL engine's order by).
  rankingRules: ['sort', 'words', 'typo', 'exactness', 'proximity', 'attribute', 'createdAt:desc', 'productId:asc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: TYPO_MIN_WORD_SIZE },
  synonyms: SYNONYMS,
  faceting: { maxValuesPerFacet: 1000, sortFacetValuesBy: { '*': 'count' } },
  pagination: { maxTotalHits: 1_000_000 },
  localizedAttributes: Object.entries(MEILI_LOCALES).map(([language, code]) => ({
    locales: [code],
    attributePatterns: LOCALIZED_FIELDS.flatMap((f) => [`${f}.${language}`, `${f}.${language}-*`]),
  })) as Settings['localizedAttributes'],
};
