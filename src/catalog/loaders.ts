import type { Context } from '../shared/context.js';
import { byKey, groupByKey } from '../shared/loaders.js';
import { pgArray } from '../shared/sql.js';
import { Brand } from './entities/brand.entity.js';
import { Category } from './entities/category.entity.js';
import { Collection } from './entities/collection.entity.js';
import { collectionFromRow } from './storefront/read-model.js';

/** What a loader needs: a request context, or any reader with an entity manager and a loader registry. */
type Scope = Pick<Context, 'em' | 'loaders'>;

/**
 * Per-request DataLoaders for the hot catalog paths: each turns N field resolutions into one
 * `= any($1)` statement, whatever the page size. Storefront products and variants are read through
 * storefront/storefront-catalog.ts.
 */
export const catalogLoaders = {
  brand: (ctx: Scope) =>
    ctx.loaders.get<string, Brand | null>('catalog.brand', async (ids) =>
      byKey(ids, await ctx.em.find(Brand, { id: { $in: [...ids] } }), (b) => b.id),
    ),

  category: (ctx: Scope) =>
    ctx.loaders.get<string, Category | null>('catalog.category', async (ids) =>
      byKey(ids, await ctx.em.find(Category, { id: { $in: [...ids] } }), (c) => c.id),
    ),

  /** Live collections each product belongs to. */
  collectionsOfProduct: (ctx: Scope) =>
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
