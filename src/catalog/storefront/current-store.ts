import type { Context } from '../../app/context.js';
import { CodedError } from '../../app/errors.js';
import { Store } from '../entities/store.entity.js';
import { localeChain } from '../i18n.js';

/** The store named by the x-store header, loaded once per request; a missing or unknown store is an error naming the header. */
export async function currentStore(ctx: Context): Promise<Store> {
  const cached = ctx.memo.get('store') as Promise<Store> | undefined;
  if (cached) return cached;
  const loading = (async () => {
    if (!ctx.storeHandle) {
      throw new CodedError('The Storefront API needs a store: send its handle in the "x-store" header', 'STORE_REQUIRED', 400);
    }
    const store = await ctx.em.findOne(Store, { handle: ctx.storeHandle, archivedAt: null });
    if (!store) throw new CodedError(`No store with handle "${ctx.storeHandle}" (from the "x-store" header)`, 'STORE_NOT_FOUND', 404);
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
