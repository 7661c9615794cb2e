import type { NodeFetcher } from '../../shared/nodes.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { collectionInStore, currentStore, storeBrands } from './current-store.js';
import { findVisibleProduct } from './product-list.js';

/** node(id:) on the Storefront API sees only what the current store shows. */
export const storefrontNodeFetchers: Record<string, NodeFetcher> = {
  Product: async (ctx, id) => findVisibleProduct(ctx.em, await currentStore(ctx), { id }),
  Collection: async (ctx, id) => collectionInStore(ctx, await ctx.em.findOne(Collection, { id, archivedAt: null })),
  Brand: async (ctx, id) => (await storeBrands(await currentStore(ctx))).find((b) => b.id === id) ?? null,
  Store: async (ctx, id) => {
    const store = await currentStore(ctx);
    return store.id === id ? store : null;
  },
  Category: (ctx, id) => ctx.em.findOne(Category, { id }),
};
