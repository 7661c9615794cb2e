import type { Context } from '../../shared/context.js';
import { byKey, groupByKey } from '../../shared/loaders.js';
import { pgArray } from '../../shared/sql.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';

type Row = Record<string, unknown>;

function rowsOf(ctx: Context, name: string, sql: string, key: string) {
  return ctx.loaders.get<string, Row[]>(`admin.${name}`, async (ids) =>
    groupByKey(ids, await ctx.em.execute<Row[]>(sql, [pgArray(ids)]), (r) => r[key] as string),
  );
}

function byId<T extends { id: string }>(ctx: Context, name: string, entity: new () => T) {
  return ctx.loaders.get<string, T | null>(`admin.${name}`, async (ids) =>
    byKey(ids, (await ctx.em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[], (e) => e.id),
  );
}

/** Per-request batching for the Admin API's own fields (statuses, every locale, all stores). */
export const adminLoaders = {
  product: (ctx: Context) => byId(ctx, 'product', Product),
  store: (ctx: Context) => byId(ctx, 'store', Store),
  brand: (ctx: Context) => byId(ctx, 'brand', Brand),
  brandGroup: (ctx: Context) => byId(ctx, 'brandGroup', BrandGroup),
  location: (ctx: Context) => byId(ctx, 'location', StockLocation),

  variantsOfProduct: (ctx: Context) =>
    ctx.loaders.get<string, ProductVariant[]>('admin.variantsOfProduct', async (ids) => {
      const variants = await ctx.em.find(ProductVariant, { product: { $in: [...ids] } }, { orderBy: { position: 'asc', id: 'asc' } });
      return groupByKey(ids, variants, (v) => v.product.id);
    }),

  pricesOfVariant: (ctx: Context) =>
    rowsOf(ctx, 'prices', 'select * from variant_price where variant_id = any(?::uuid[]) order by store_id', 'variant_id'),

  levelsOfVariant: (ctx: Context) =>
    rowsOf(ctx, 'levels', 'select * from inventory_level where variant_id = any(?::uuid[]) order by location_id', 'variant_id'),

  listingsOfProduct: (ctx: Context) =>
    rowsOf(ctx, 'listings', 'select * from product_listing where product_id = any(?::uuid[]) order by store_id', 'product_id'),

  brandIdsOfStore: (ctx: Context) =>
    rowsOf(ctx, 'storeBrands', 'select store_id, brand_id from store_brand where store_id = any(?::uuid[])', 'store_id'),

  collectionsOfProduct: (ctx: Context) =>
    ctx.loaders.get<string, Collection[]>('admin.collectionsOfProduct', async (ids) => {
      const rows = await ctx.em.execute<Row[]>(
        `select c.*, cp.product_id as member_of from collection_product cp join collection c on c.id = cp.collection_id
          where cp.product_id = any(?::uuid[]) order by c.handle`,
        [pgArray(ids)],
      );
      const members = rows.map((row) => ({ collection: ctx.em.map(Collection, row), productId: row.member_of as string }));
      return groupByKey(ids, members, (m) => m.productId).map((list) => list.map((m) => m.collection));
    }),

  productsOfCollection: (ctx: Context) =>
    ctx.loaders.get<string, Product[]>('admin.productsOfCollection', async (ids) => {
      const rows = await ctx.em.execute<Row[]>(
        `select p.*, cp.collection_id as member_of from collection_product cp join product p on p.id = cp.product_id
          where cp.collection_id = any(?::uuid[]) order by cp.position, p.id`,
        [pgArray(ids)],
      );
      const members = rows.map((row) => ({ product: ctx.em.map(Product, row), collectionId: row.member_of as string }));
      return groupByKey(ids, members, (m) => m.collectionId).map((list) => list.map((m) => m.product));
    }),

  locationsOfStore: (ctx: Context) =>
    ctx.loaders.get<string, StockLocation[]>('admin.locationsOfStore', async (ids) => {
      const locations = await ctx.em.find(StockLocation, { store: { $in: [...ids] } }, { orderBy: { handle: 'asc' } });
      return groupByKey(ids, locations, (l) => l.store.id);
    }),
};
