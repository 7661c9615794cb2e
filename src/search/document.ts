import type { Names, SearchSourceListing } from '../catalog/search-source.js';
import { localeChain, pickText } from '../catalog/i18n.js';
import { currencyOf, type CurrencyCode } from '../shared/money.js';

/**
 * The engine-neutral search document of one product in one store. Text is resolved once per store
 * locale with the catalog fallback chain ([locale, its language, store default, brand default]), so
 * a shopper matches exactly the text they are shown. Brand names (every locale: shoppers type
 * "Michael Kors" and "迈克高仕" alike) and tags are matched in every locale.
 */
export interface LocaleText {
  title: string;
  categoryNames: string;
  optionNames: string;
  description: string;
}

export interface SearchDocument {
  storeId: string;
  productId: string;
  handle: string;
  texts: Record<string, LocaleText>;
  brandNames: string;
  keywords: string;
  brand: string;
  /** Handles of the category and its ancestors. */
  categories: string[];
  tags: string[];
  collections: string[];
  /** "<option>:<value>" codes of live variants. */
  options: string[];
  priceBucket: string;
  minPrice: number;
  maxPrice: number;
  available: boolean;
  createdAt: Date;
  sortTitle: string;
  unitsSold: number;
}

/** The locales a store's documents carry text for. */
export function storeLocales(store: { defaultLocale: string; locales: string[] }): string[] {
  return [...new Set([store.defaultLocale, ...store.locales])];
}

/**
 * The one store locale a request's text is matched in: the first requested locale the store carries
 * (or one of the same language), else the store default.
 */
export function searchLocale(requested: string[], store: { defaultLocale: string; supportedLocales: string[] }): string {
  const available = storeLocales({ defaultLocale: store.defaultLocale, locales: store.supportedLocales });
  const language = (l: string) => l.split('-')[0].toLowerCase();
  for (const r of requested) {
    const match =
      available.find((a) => a.toLowerCase() === r.toLowerCase()) ??
      available.find((a) => a.toLowerCase() === language(r)) ??
      available.find((a) => language(a) === language(r));
    if (match) return match;
  }
  return store.defaultLocale;
}

const pick = (names: Names, chain: string[]) => pickText(Object.keys(names).length ? names : undefined, chain) ?? '';

export function buildDocument(src: SearchSourceListing): SearchDocument {
  const texts: Record<string, LocaleText> = {};
  for (const locale of storeLocales(src.store)) {
    const chain = localeChain([locale], src.store.defaultLocale, src.brand.defaultLocale);
    texts[locale] = {
      title: pick(src.titles, chain) || src.handle,
      categoryNames: src.categories.map((c) => pick(c.names, chain) || c.handle).join(' / '),
      optionNames: src.options
        .flatMap((o) => o.values.map((v) => pickText(v.names, chain) ?? v.code))
        .join(' · '),
      description: pick(src.descriptions, chain),
    };
  }
  return {
    storeId: src.storeId,
    productId: src.productId,
    handle: src.handle,
    texts,
    brandNames: [...new Set(Object.values(src.brand.names))].join(' · ') || src.brand.handle,
    keywords: src.tags.join(' · '),
    brand: src.brand.handle,
    categories: src.categories.map((c) => c.handle),
    tags: src.tags,
    collections: src.collections,
    options: src.options.flatMap((o) => o.values.map((v) => `${o.code}:${v.code}`)),
    priceBucket: priceBucket(src.minPrice, src.store.currency),
    minPrice: src.minPrice,
    maxPrice: src.maxPrice,
    available: src.available,
    createdAt: src.createdAt,
    sortTitle: src.sortTitle,
    unitsSold: src.unitsSold,
  };
}

/** Bucket bounds in major units (1-2.5-5 steps fit every currency we price in well enough). */
export const PRICE_BUCKETS = [0, 100, 250, 500, 1000, 2500, 5000, 10_000, 25_000, 50_000, 100_000];

/** "1000-2500" (from 1,000 to under 2,500) or "100000-" (100,000 and more), from the lowest price. */
export function priceBucket(minorAmount: number, currency: CurrencyCode): string {
  const major = minorAmount / 10 ** Number(currencyOf(currency).exponent);
  let i = PRICE_BUCKETS.length - 1;
  while (i > 0 && PRICE_BUCKETS[i] > major) i--;
  return i === PRICE_BUCKETS.length - 1 ? `${PRICE_BUCKETS[i]}-` : `${PRICE_BUCKETS[i]}-${PRICE_BUCKETS[i + 1]}`;
}

/** "¥1,000 – ¥2,500", "¥100,000+" in the shopper's locale. */
export function priceBucketLabel(bucket: string, currency: CurrencyCode, locale: string): string {
  const [from, to] = bucket.split('-');
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  } catch {
    format = new Intl.NumberFormat('en', { style: 'currency', currency, maximumFractionDigits: 0 });
  }
  return to ? `${format.format(Number(from))} – ${format.format(Number(to))}` : `${format.format(Number(from))}+`;
}
