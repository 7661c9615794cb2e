import type { Context } from '../../shared/context.js';
import type { NodeFetcher } from '../../shared/nodes.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';
import { storeBrandIds } from './scope.js';
import { visibleBrandIds } from '../../shared/scope.js';


const sees = (ctx: Context, brandId: string | undefined | null) => {
  const visible = visibleBrandIds(ctx.viewer);
  return !visible || (brandId != null && visible.includes(brandId));
};

async function storeVisible(ctx: Context, storeId: string) {
  const visible = visibleBrandIds(ctx.viewer);
  return !visible || (await storeBrandIds(ctx.em, storeId)).some((b) => visible.includes(b));
}

/**
 * node(id:) on the Admin API: any status, limited to the viewer's brands (null otherwise).
 */
export const adminNodeFetchers: Record<string, NodeFetcher> = {
  Product: async (ctx, id) => {
    const product = await ctx.em.findOne(Product, { id });
    return product && sees(ctx, product.brand.id) ? product : null;
  },
  ProductVariant: async (ctx, id) => {
    const variant = await ctx.em.findOne(ProductVariant, { id }, { populate: ['product'] });
    return variant && sees(ctx, variant.product.brand.id) ? variant : null;
  },
  Brand: async (ctx, id) => {
    const brand = await ctx.em.findOne(Brand, { id });
    return brand && sees(ctx, brand.id) ? brand : null;
  },
  BrandGroup: (ctx, id) => (ctx.viewer.kind === 'anonymous' ? Promise.resolve(null) : ctx.em.findOne(BrandGroup, { id })),
  Store: async (ctx, id) => {
    const store = await ctx.em.findOne(Store, { id });
    return store && (await storeVisible(ctx, store.id)) ? store : null;
  },
  StockLocation: async (ctx, id) => {
    const location = await ctx.em.findOne(StockLocation, { id });
    return location && (await storeVisible(ctx, location.store.id)) ? location : null;
  },
  Category: (ctx, id) => (ctx.viewer.kind === 'anonymous' ? Promise.resolve(null) : ctx.em.findOne(Category, { id })),
  Collection: async (ctx, id) => {
    const collection = await ctx.em.findOne(Collection, { id });
    return collection && (!collection.brand || sees(ctx, collection.brand.id)) ? collection : null;
  },
};
