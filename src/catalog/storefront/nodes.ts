import type { NodeFetcher } from '../../shared/nodes.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { collectionInStore, currentStore, storeBrands } from './current-store.js';
import { storefrontCatalog } from './storefront-catalog.js';

/** node(id:) on the Storefront API sees only what the current store shows. */
export const storefrontNodeFetchers: Record<string, NodeFetcher> = {
  Product: async (ctx, id) => (await storefrontCatalog.productsByIds(ctx, [id]))[0],
  ProductVariant: async (ctx, id) => (await storefrontCatalog.variantsByIds(ctx, [id]))[0],
  Collection: async (ctx, id) => collectionInStore(ctx, await ctx.em.findOne(Collection, { id, archivedAt: null })),
  Brand: async (ctx, id) => (await storeBrands(await currentStore(ctx))).find((b) => b.id === id) ?? null,
  Store: async (ctx, id) => {
    const store = await currentStore(ctx);
    return store.id === id ? store : null;
  },
  Category: (ctx, id) => ctx.em.findOne(Category, { id }),
};
