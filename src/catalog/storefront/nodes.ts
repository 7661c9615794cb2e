import type { Context } from '../../app/context.js';
import { registerNode } from '../../shared/nodes.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { collectionInStore, currentStore, storeBrands } from './current-store.js';
import { findVisibleProduct } from './product-list.js';

type Fetcher = (ctx: Context, id: string) => Promise<object | null>;

/** node(id:) on the Storefront API sees only what the current store shows. */
const storefront: Record<string, Fetcher> = {
  Product: async (ctx, id) => findVisibleProduct(ctx.em, await currentStore(ctx), { id }),
  Collection: async (ctx, id) => collectionInStore(ctx, await ctx.em.findOne(Collection, { id, archivedAt: null })),
  Brand: async (ctx, id) => (await storeBrands(await currentStore(ctx))).find((b) => b.id === id) ?? null,
  Store: async (ctx, id) => {
    const store = await currentStore(ctx);
    return store.id === id ? store : null;
  },
  Category: (ctx, id) => ctx.em.findOne(Category, { id }),
};

/** Admin fetchers are supplied by the catalog admin module. */
export function registerCatalogNodes(admin: Record<string, Fetcher> = {}) {
  for (const type of new Set([...Object.keys(storefront), ...Object.keys(admin)])) {
    registerNode(type, (ctx, id) => {
      const fetch = ctx.api === 'storefront' ? storefront[type] : admin[type];
      return fetch ? fetch(ctx, id) : Promise.resolve(null);
    });
  }
}
