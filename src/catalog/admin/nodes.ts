import type { Context } from '../../shared/context.js';
import type { NodeFetcher } from '../../shared/nodes.js';
import { seesBrand, visibleBrandIds } from '../../shared/scope.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';
import { mayReadCatalog } from './auth.js';
import { storeBrandIds } from './scope.js';

async function storeVisible(ctx: Context, storeId: string) {
  const visible = visibleBrandIds(ctx.viewer);
  return !visible || (await storeBrandIds(ctx.em, storeId)).some((b) => visible.includes(b));
}

const fetchers: Record<string, NodeFetcher> = {
  Product: async (ctx, id) => {
    const product = await ctx.em.findOne(Product, { id });
    return product && seesBrand(ctx.viewer, product.brand.id) ? product : null;
  },
  ProductVariant: async (ctx, id) => {
    const variant = await ctx.em.findOne(ProductVariant, { id }, { populate: ['product'] });
    return variant && seesBrand(ctx.viewer, variant.product.brand.id) ? variant : null;
  },
  Brand: async (ctx, id) => {
    const brand = await ctx.em.findOne(Brand, { id });
    return brand && seesBrand(ctx.viewer, brand.id) ? brand : null;
  },
  BrandGroup: (ctx, id) => ctx.em.findOne(BrandGroup, { id }),
  Store: async (ctx, id) => {
    const store = await ctx.em.findOne(Store, { id });
    return store && (await storeVisible(ctx, store.id)) ? store : null;
  },
  StockLocation: async (ctx, id) => {
    const location = await ctx.em.findOne(StockLocation, { id });
    return location && (await storeVisible(ctx, location.store.id)) ? location : null;
  },
  Category: (ctx, id) => ctx.em.findOne(Category, { id }),
  // Platform-curated collections (no brand) are shared; their members are scoped by Collection.products.
  Collection: async (ctx, id) => {
    const collection = await ctx.em.findOne(Collection, { id });
    return collection && (!collection.brand || seesBrand(ctx.viewer, collection.brand.id)) ? collection : null;
  },
};

/**
 * node(id:) on the Admin API: any status, for viewers who may read the catalog (the same rule as the
 * catalog queries), limited to their brands; null otherwise.
 */
export const adminNodeFetchers: Record<string, NodeFetcher> = Object.fromEntries(
  Object.entries(fetchers).map(([type, fetch]) => [type, (ctx, id) => (mayReadCatalog(ctx.viewer) ? fetch(ctx, id) : Promise.resolve(null))]),
);
