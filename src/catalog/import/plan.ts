import type { Viewer } from '../../shared/context.js';
import { parseDecimal } from '../../shared/money.js';
import { canActOnBrand } from '../../shared/auth.js';
import { CatalogErrorCode, catalogError, invalid, notFound } from '../admin/errors.js';
import { checkOptions, checkVariants } from '../admin/product.rules.js';
import { visibleBrandIds } from '../../shared/scope.js';
import { canonicalLocale } from '../admin/validation.js';
import type { ProductOptionData, ProductText, Translations } from '../entities/translations.js';
import type { CachedBrand, CatalogCache } from './catalog-cache.js';
import type { ImportLine } from './format.js';

export interface PlannedVariant {
  sku: string;
  optionValues: Record<string, string>;
  barcode?: string | null;
  weightGrams?: number | null;
  prices: { storeId: string; amount: number; compareAt: number | null; currency: string }[];
  inventory: { locationId: string; onHand: number; field: string[] }[];
}

/** A line checked against the reference data, with handles resolved to ids; what the database must still confirm is left to the batch. */
export interface PlannedLine {
  line: number;
  handle: string;
  brand: CachedBrand;
  status?: string;
  categoryId?: string | null;
  tags?: string[];
  translations?: Translations<ProductText>;
  options?: ProductOptionData[];
  media?: { url: string; alt: Record<string, string>; width?: number; height?: number }[];
  variants: PlannedVariant[];
  publish: string[];
  collections: string[];
}

function localeKeyed<T>(map: Record<string, T>, path: (string | number)[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [tag, value] of Object.entries(map)) {
    const locale = canonicalLocale(tag);
    if (!locale) throw invalid(`"${tag}" is not a BCP 47 locale`, [...path, tag]);
    out[locale] = value;
  }
  return out;
}

export function planLine(data: ImportLine, line: number, cache: CatalogCache, viewer: Viewer): PlannedLine {
  const brand = cache.brands.get(data.brand);
  if (!brand) throw notFound(`brand "${data.brand}"`, ['brand']);
  if (!canActOnBrand(viewer, brand.id)) throw catalogError(CatalogErrorCode.FORBIDDEN, `You do not manage brand ${data.brand}`, ['brand']);
  if (brand.archived) throw catalogError(CatalogErrorCode.ARCHIVED, `Brand ${data.brand} is archived`, ['brand']);
  const storeFor = (handle: string, field: (string | number)[], forPrices = false) => {
    const store = cache.stores.get(handle);
    if (!store) throw notFound(`store "${handle}"`, field);
    if (store.archived && !forPrices) throw catalogError(CatalogErrorCode.ARCHIVED, `Store ${handle} is archived`, field);
    if (!store.brandIds.has(brand.id)) throw catalogError(CatalogErrorCode.NOT_CARRIED, `Store ${handle} does not carry brand ${data.brand}`, field);
    return store;
  };

  let categoryId: string | null | undefined;
  if (data.category !== undefined) {
    categoryId = data.category === null ? null : cache.categories.get(data.category);
    if (categoryId === undefined) throw notFound(`category "${data.category}"`, ['category']);
  }
  const translations = data.translations && (localeKeyed(data.translations, ['translations']) as Translations<ProductText>);
  const options = data.options?.map((o, i) => ({
    code: o.code,
    names: localeKeyed(o.names, ['options', i, 'names']),
    values: o.values.map((v, j) => ({ code: v.code, names: localeKeyed(v.names, ['options', i, 'values', j, 'names']) })),
  }));
  if (options) checkOptions(options, ['options']);
  const media = data.media?.map((m, i) => ({ ...m, alt: localeKeyed(m.alt, ['media', i, 'alt']) }));

  const variants: PlannedVariant[] = (data.variants ?? []).map((v, i) => ({
    sku: v.sku,
    optionValues: v.optionValues,
    barcode: v.barcode,
    weightGrams: v.weightGrams,
    prices: (v.prices ?? []).map((p, j) => {
      const path = ['variants', i, 'prices', j];
      const store = storeFor(p.store, [...path, 'store'], true);
      const amount = parseDecimal(p.amount, store.currency, [...path, 'amount'].map(String));
      const compareAt = p.compareAtAmount == null ? null : parseDecimal(p.compareAtAmount, store.currency, [...path, 'compareAtAmount'].map(String));
      if (compareAt !== null && compareAt <= amount) throw invalid('The compare-at price must be higher than the price', [...path, 'compareAtAmount']);
      return { storeId: store.id, amount, compareAt, currency: store.currency };
    }),
    inventory: (v.inventory ?? []).map((s, j) => {
      const path = ['variants', i, 'inventory', j];
      storeFor(s.store, [...path, 'store']);
      const location = cache.locations.get(`${s.store}/${s.location}`);
      if (!location) throw notFound(`location "${s.location}" of store ${s.store}`, [...path, 'location']);
      if (location.archived) throw catalogError(CatalogErrorCode.ARCHIVED, `Location ${s.location} is archived`, [...path, 'location']);
      return { locationId: location.id, onHand: s.onHand, field: [...path, 'onHand'].map(String) };
    }),
  }));
  variants.forEach((v, i) => {
    const seen = new Set<string>();
    v.prices.forEach((p, j) => {
      if (seen.has(p.storeId)) throw invalid('The variant is priced twice for one store', ['variants', i, 'prices', j, 'store']);
      seen.add(p.storeId);
    });
    const locations = new Set<string>();
    v.inventory.forEach((s, j) => {
      if (locations.has(s.locationId)) throw invalid('The variant is stocked twice at one location', ['variants', i, 'inventory', j, 'location']);
      locations.add(s.locationId);
    });
  });
  // Variants are checked against the line's options now when it gives them, and again with the stored ones in the batch.
  if (options) checkVariants(options, variants, ['variants']);

  const publish = [...new Set(data.publish ?? [])].map((h, i) => storeFor(h, ['publish', i]).id);
  const collections = [...new Set(data.collections ?? [])].map((h, i) => {
    const collection = cache.collections.get(h);
    if (!collection) throw notFound(`collection "${h}"`, ['collections', i]);
    if (collection.archived) throw catalogError(CatalogErrorCode.ARCHIVED, `Collection ${h} is archived`, ['collections', i]);
    if (collection.brandId ? collection.brandId !== brand.id : visibleBrandIds(viewer) !== null) {
      throw catalogError(CatalogErrorCode.FORBIDDEN, `Collection ${h} belongs to another brand or to the platform`, ['collections', i]);
    }
    return collection.id;
  });
  const tags = data.tags && [...new Set(data.tags.map((t) => t.trim()).filter(Boolean))];
  return { line, handle: data.handle, brand, status: data.status, categoryId, tags, translations, options, media, variants, publish, collections };
}
