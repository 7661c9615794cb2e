import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrencyCode } from '../../shared/money.js';

export interface CachedBrand {
  id: string;
  defaultLocale: string;
  archived: boolean;
}
export interface CachedStore {
  id: string;
  handle: string;
  currency: CurrencyCode;
  brandIds: Set<string>;
  archived: boolean;
}

/** The reference data lines name by handle (brands, stores, locations, categories, collections), read once per import. */
export interface CatalogCache {
  brands: Map<string, CachedBrand>;
  stores: Map<string, CachedStore>;
  locations: Map<string, { id: string; storeId: string; archived: boolean }>;
  categories: Map<string, string>;
  collections: Map<string, { id: string; brandId: string | null; archived: boolean }>;
}

type Row = Record<string, unknown>;

export async function loadCatalogCache(em: EntityManager): Promise<CatalogCache> {
  const [brands, stores, storeBrands, locations, categories, collections] = await Promise.all([
    em.execute<Row[]>('select id, handle, default_locale, archived_at from brand'),
    em.execute<Row[]>('select id, handle, currency, archived_at from store'),
    em.execute<Row[]>('select store_id, brand_id from store_brand'),
    em.execute<Row[]>('select l.id, l.handle, l.store_id, l.archived_at, s.handle as store_handle from stock_location l join store s on s.id = l.store_id'),
    em.execute<Row[]>('select id, handle from category'),
    em.execute<Row[]>('select id, handle, brand_id, archived_at from collection'),
  ]);
  const cache: CatalogCache = {
    brands: new Map(brands.map((b) => [b.handle as string, { id: b.id as string, defaultLocale: b.default_locale as string, archived: !!b.archived_at }])),
    stores: new Map(
      stores.map((s) => [
        s.handle as string,
        { id: s.id as string, handle: s.handle as string, currency: s.currency as CurrencyCode, brandIds: new Set<string>(), archived: !!s.archived_at },
      ]),
    ),
    locations: new Map(
      locations.map((l) => [`${l.store_handle}/${l.handle}`, { id: l.id as string, storeId: l.store_id as string, archived: !!l.archived_at }]),
    ),
    categories: new Map(categories.map((c) => [c.handle as string, c.id as string])),
    collections: new Map(
      collections.map((c) => [c.handle as string, { id: c.id as string, brandId: (c.brand_id as string) ?? null, archived: !!c.archived_at }]),
    ),
  };
  const storesById = new Map([...cache.stores.values()].map((s) => [s.id, s]));
  for (const row of storeBrands) storesById.get(row.store_id as string)?.brandIds.add(row.brand_id as string);
  return cache;
}
