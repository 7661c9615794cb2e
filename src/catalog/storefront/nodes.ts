import type { Context } from '../../app/context.js';
import { registerNode } from '../../shared/nodes.js';
import { Category } from '../entities/category.entity.js';
import { currentStore } from './current-store.js';
import { findVisibleProduct } from './product-list.js';
import { CollectionResolver } from './collection.resolver.js';
import { Collection } from '../entities/collection.entity.js';
import { StoreResolver } from './store.resolver.js';
import { Brand } from '../entities/brand.entity.js';

type Fetcher = (ctx: Context, id: string) => Promise<object | null>;

/** node(id:) on the Storefront API sees only what the current store shows. */
const storefront: Record<string, Fetcher> = {
  Product: async (ctx, id) => findVisibleProduct(ctx.em, await currentStore(ctx), { id }),
  Collection: async (ctx, id) => {
    const found = await ctx.em.findOne(Collection, { id, archivedAt: null });
    return found ? new CollectionResolver().collection(found.handle, ctx) : null;
  },
  Brand: async (ctx, id) => {
    const found = await ctx.em.findOne(Brand, { id });
    return found ? new StoreResolver().brand(found.handle, ctx) : null;
  },
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
