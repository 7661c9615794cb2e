import type { Context } from '../../shared/context.js';
import { CodedError } from '../../shared/errors.js';
import type { Brand } from '../entities/brand.entity.js';
import type { Collection } from '../entities/collection.entity.js';
import { Store } from '../entities/store.entity.js';
import { localeChain } from '../i18n.js';

/** The store named by the x-store header, loaded once per request; a missing or unknown store is an error naming the header. */
export async function currentStore(ctx: Context): Promise<Store> {
  const cached = ctx.memo.get('store') as Promise<Store> | undefined;
  if (cached) return cached;
  const loading = (async () => {
    if (!ctx.storeHandle) {
      throw new CodedError('The Storefront API needs a store: send its handle in the "x-store" header', 'STORE_REQUIRED');
    }
    const store = await ctx.em.findOne(Store, { handle: ctx.storeHandle, archivedAt: null });
    if (!store) throw new CodedError(`No store with handle "${ctx.storeHandle}" (from the "x-store" header)`, 'STORE_NOT_FOUND');
    return store;
  })();
  ctx.memo.set('store', loading);
  return loading;
}

/** The store when the request names one (Storefront API), otherwise null (Admin API). */
export async function optionalStore(ctx: Context): Promise<Store | null> {
  return ctx.api === 'storefront' ? currentStore(ctx) : null;
}

/** Requested locales, then the store default (storefront), then the brand default. */
export async function chainFor(ctx: Context, brandDefaultLocale?: string): Promise<string[]> {
  const store = await optionalStore(ctx);
  return localeChain(ctx.locales, store?.defaultLocale, brandDefaultLocale);
}

/** The live brands the store carries, by handle. */
export async function storeBrands(store: Store): Promise<Brand[]> {
  const brands = await store.brands.load({ where: { archivedAt: null } });
  return brands.getItems().sort((a, b) => a.handle.localeCompare(b.handle));
}

/** A live collection belongs to the current store when it is platform-curated or of a brand the store carries. */
export async function collectionInStore(ctx: Context, collection: Collection | null): Promise<Collection | null> {
  if (!collection || collection.archivedAt) return null;
  if (!collection.brand) return collection;
  const store = await currentStore(ctx);
  return (await store.brands.load()).getIdentifiers().includes(collection.brand.id) ? collection : null;
}
