import type { Names, SearchSourceListing } from '../catalog/search-source.js';
import { localeChain, pickText } from '../catalog/i18n.js';
import { currencyOf, formatMinor, type CurrencyCode } from '../shared/money.js';
import { negotiateLocale } from '../shared/locale.js';

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
  /** Values of the price buckets the product's price range is in (see priceInRange): what PRICE facets count. */
  priceBuckets: string[];
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
 * The one store locale a request's text is matched in: the store locale that best matches the request
 * (BCP 47 with likely subtags, shared/locale.ts: Traditional Chinese never lands on Simplified), else the
 * store default.
 */
export function searchLocale(requested: string[], store: { defaultLocale: string; supportedLocales: string[] }): string {
  return negotiateLocale(requested, storeLocales({ defaultLocale: store.defaultLocale, locales: store.supportedLocales }), store.defaultLocale);
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
    priceBuckets: priceBuckets(src.minPrice, src.maxPrice, src.store.currency),
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

export interface PriceBucket {
  /** "1000-2500", or "100000-" for the open-ended last one. */
  value: string;
  /** Major units; `min` is included, `max` excluded (null: no upper bound). */
  min: number;
  max: number | null;
}

export const PRICE_BUCKET_RANGES: PriceBucket[] = PRICE_BUCKETS.map((min, i) => {
  const max = PRICE_BUCKETS[i + 1] ?? null;
  return { value: `${min}-${max ?? ''}`, min, max };
});

/**
 * "Price in range", the one definition behind filter.price and PRICE facet counts on both engines:
 * a product is in [min, max) when its price range (lowest to highest live variant price) overlaps
 * it, i.e. highest >= min and lowest < max. A product priced exactly at a bucket boundary is in the
 * bucket that starts there, never in the one that ends there. Amounts in minor units.
 */
export function priceInRange(lowest: number, highest: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || highest >= min) && (max === undefined || lowest < max);
}

/** The buckets a price range is in; a product spanning a boundary is in every bucket it reaches. */
export function priceBuckets(lowest: number, highest: number, currency: CurrencyCode): string[] {
  const unit = 10 ** Number(currencyOf(currency).exponent);
  return PRICE_BUCKET_RANGES.filter((b) => priceInRange(lowest, highest, b.min * unit, b.max === null ? undefined : b.max * unit)).map((b) => b.value);
}

/** The bucket's bounds as decimals in the store's currency, ready for filter.price ("1000.00", null for no upper bound). */
export function priceBucketBounds(value: string, currency: CurrencyCode): { min: string; max: string | null } | null {
  const bucket = PRICE_BUCKET_RANGES.find((b) => b.value === value);
  if (!bucket) return null;
  const unit = 10 ** Number(currencyOf(currency).exponent);
  return { min: formatMinor(bucket.min * unit, currency), max: bucket.max === null ? null : formatMinor(bucket.max * unit, currency) };
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
