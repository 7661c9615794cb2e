import type { Context } from '../shared/context.js';
import { byKey, groupByKey } from '../shared/loaders.js';
import { pgArray } from '../shared/sql.js';
import { Brand } from './entities/brand.entity.js';
import { Category } from './entities/category.entity.js';
import { Collection } from './entities/collection.entity.js';
import type { ProductVariant } from './entities/product.entity.js';
import { collectionFromRow, variantFromRow } from './storefront/read-model.js';

/** A variant's price and stock in one store, loaded with the variant in the same statement. */
export interface VariantOffer {
  amount: number | null;
  compareAtAmount: number | null;
  available: number;
}

const offers = new WeakMap<ProductVariant, VariantOffer>();
export const offerOf = (variant: ProductVariant) => offers.get(variant);

/**
 * Per-request DataLoaders for the hot catalog paths: each turns N field resolutions into one
 * `= any($1)` statement, whatever the page size.
 */
export const catalogLoaders = {
  brand: (ctx: Context) =>
    ctx.loaders.get<string, Brand | null>('catalog.brand', async (ids) =>
      byKey(ids, await ctx.em.find(Brand, { id: { $in: [...ids] } }), (b) => b.id),
    ),

  category: (ctx: Context) =>
    ctx.loaders.get<string, Category | null>('catalog.category', async (ids) =>
      byKey(ids, await ctx.em.find(Category, { id: { $in: [...ids] } }), (c) => c.id),
    ),

  /** Live variants of products, in position order, with their price and stock in the store. */
  variantsInStore: (ctx: Context, storeId: string | null) =>
    ctx.loaders.get<string, ProductVariant[]>(`catalog.variants:${storeId}`, async (productIds) => {
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select v.*, vp.amount as offer_amount, vp.compare_at_amount as offer_compare_at_amount,
                coalesce((select sum(il.on_hand - il.reserved) from inventory_level il
                            join stock_location sl on sl.id = il.location_id
                           where il.variant_id = v.id and sl.store_id = ? and sl.archived_at is null), 0) as offer_available
           from product_variant v
           left join variant_price vp on vp.variant_id = v.id and vp.store_id = ?
          where v.product_id = any(?::uuid[]) and v.archived_at is null
          order by v.product_id, v.position, v.id`,
        [storeId, storeId, pgArray(productIds)],
      );
      const variants = rows.map((row) => {
        const variant = variantFromRow(row);
        offers.set(variant, {
          amount: row.offer_amount == null ? null : Number(row.offer_amount),
          compareAtAmount: row.offer_compare_at_amount == null ? null : Number(row.offer_compare_at_amount),
          available: Number(row.offer_available),
        });
        return { variant, productId: row.product_id as string };
      });
      return groupByKey(productIds, variants, (v) => v.productId).map((list) => list.map((v) => v.variant));
    }),

  /** Live collections each product belongs to. */
  collectionsOfProduct: (ctx: Context) =>
    ctx.loaders.get<string, Collection[]>('catalog.collectionsOfProduct', async (productIds) => {
      const rows = await ctx.em.execute<Record<string, unknown>[]>(
        `select c.*, cp.product_id as member_product_id from collection_product cp
           join collection c on c.id = cp.collection_id
          where cp.product_id = any(?::uuid[]) and c.archived_at is null
          order by c.handle`,
        [pgArray(productIds)],
      );
      const members = rows.map((row) => ({ collection: collectionFromRow(row), productId: row.member_product_id as string }));
      return groupByKey(productIds, members, (m) => m.productId).map((list) => list.map((m) => m.collection));
    }),
};
