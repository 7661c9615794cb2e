import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../shared/context.js';
import { byKey, groupByKey, LoaderRegistry } from '../../shared/loaders.js';
import { pgArray } from '../../shared/sql.js';
import type { Product, ProductVariant } from '../entities/product.entity.js';
import type { Store } from '../entities/store.entity.js';
import { localeChain } from '../i18n.js';
import { catalogLoaders } from '../loaders.js';
import { chainFor, currentStore } from './current-store.js';
import { LISTED_IN_STORE } from './product-list.js';
import {
  brandFromJson,
  categoryFromJson,
  isStorefrontProduct,
  isStorefrontVariant,
  storefrontProductFromRow,
  storefrontVariantFromRow,
  type ProductInStore,
  type StorefrontProduct,
  type StorefrontVariant,
  type VariantInStore,
} from './read-model.js';

type Row = Record<string, unknown>;

/**
 * Who reads and for which store: a Storefront API request (its x-store store and accept-language
 * locales), or any domain naming them (a cart, an order confirmation, a drop). Pass `loaders` to
 * share batching and caching with other reads; without it the scope object gets its own.
 */
export interface StorefrontScope {
  em: EntityManager;
  store: Store;
  locales: string[];
  loaders?: LoaderRegistry;
}

interface Reader {
  em: EntityManager;
  store: Store;
  loaders: LoaderRegistry;
  /** Loader names: one cache per store and locale list. */
  key: string;
  chain(brandDefaultLocale: string | undefined): Promise<string[]>;
}

const readers = new WeakMap<object, Promise<Reader>>();

function readerOf(scope: Context | StorefrontScope): Promise<Reader> {
  let reader = readers.get(scope);
  if (!reader) {
    reader = 'memo' in scope ? requestReader(scope) : Promise.resolve(scopeReader(scope));
    readers.set(scope, reader);
  }
  return reader;
}

function memoChain(compute: (brandDefaultLocale: string | undefined) => Promise<string[]> | string[]) {
  const chains = new Map<string | undefined, Promise<string[]>>();
  return (brandDefaultLocale: string | undefined) => {
    let chain = chains.get(brandDefaultLocale);
    if (!chain) chains.set(brandDefaultLocale, (chain = Promise.resolve(compute(brandDefaultLocale))));
    return chain;
  };
}

async function requestReader(ctx: Context): Promise<Reader> {
  const store = await currentStore(ctx);
  return { em: ctx.em, store, loaders: ctx.loaders, key: `request:${store.id}`, chain: memoChain((brand) => chainFor(ctx, brand)) };
}

function scopeReader(scope: StorefrontScope): Reader {
  const { em, store, locales } = scope;
  return {
    em,
    store,
    loaders: scope.loaders ?? new LoaderRegistry(),
    key: `${store.id}:${locales.join(',')}`,
    chain: memoChain((brand) => localeChain(locales, store.defaultLocale, brand)),
  };
}

/** Products visible in the store with their brand and category (primed into the catalog loaders) in one statement. */
async function selectVisibleProducts(reader: Reader, where: string, value: unknown): Promise<StorefrontProduct[]> {
  const rows = await reader.em.execute<Row[]>(
    `select p.*, l.min_price as listing_min_price, l.max_price as listing_max_price, l.available as listing_available,
            to_jsonb(b) as brand_json, to_jsonb(c) as category_json
       from product p join product_listing l on l.product_id = p.id and l.store_id = ?
       join brand b on b.id = p.brand_id
       left join category c on c.id = p.category_id
      where ${LISTED_IN_STORE} and ${where}`,
    [reader.store.id, value],
  );
  const brands = catalogLoaders.brand(reader);
  const categories = catalogLoaders.category(reader);
  return Promise.all(
    rows.map(async (row) => {
      const brand = brandFromJson(row.brand_json as Row);
      brands.prime(brand.id, brand);
      if (row.category_json) {
        const category = categoryFromJson(row.category_json as Row);
        categories.prime(category.id, category);
      }
      const product = storefrontProductFromRow(row, reader.store, await reader.chain(brand.defaultLocale));
      productLoader(reader).prime(product.id, product);
      return product;
    }),
  );
}

const productLoader = (reader: Reader) =>
  reader.loaders.get<string, StorefrontProduct | null>(`storefront.products:${reader.key}`, async (ids) =>
    byKey(ids, await selectVisibleProducts(reader, 'p.id = any(?::uuid[])', pgArray(ids)), (p) => p.id),
  );

/** Live variants with their price and stock in one store; the grid's variant statement. */
function selectVariants(em: EntityManager, storeId: string, where: string, value: unknown): Promise<Row[]> {
  return em.execute<Row[]>(
    `select v.*, vp.amount as offer_amount, vp.compare_at_amount as offer_compare_at_amount,
            coalesce((select sum(il.on_hand - il.reserved) from inventory_level il
                        join stock_location sl on sl.id = il.location_id
                       where il.variant_id = v.id and sl.store_id = ? and sl.archived_at is null), 0) as offer_available
       from product_variant v
       left join variant_price vp on vp.variant_id = v.id and vp.store_id = ?
      where ${where} and v.archived_at is null
      order by v.product_id, v.position, v.id`,
    [storeId, storeId, value],
  );
}

const variantLoader = (reader: Reader) =>
  reader.loaders.get<string, StorefrontVariant | null>(`storefront.variants:${reader.key}`, async (ids) => {
    const rows = await selectVariants(reader.em, reader.store.id, 'v.id = any(?::uuid[])', pgArray(ids));
    const productIds = [...new Set(rows.map((row) => row.product_id as string))];
    const products = await productLoader(reader).loadMany(productIds);
    const productById = new Map(productIds.map((id, i) => [id, products[i]]));
    const variants = rows.flatMap((row) => {
      const product = productById.get(row.product_id as string);
      if (product instanceof Error) throw product;
      return product ? [storefrontVariantFromRow(row, product)] : [];
    });
    return byKey(ids, variants, (v) => v.id);
  });

/**
 * Variants of products, keyed by the product objects so that each variant carries its own product
 * (and its locale chain: the same product read for two locale lists keeps two sets).
 */
const variantsOfLoader = (scope: { em: EntityManager; loaders: LoaderRegistry }, store: Store) =>
  scope.loaders.get<StorefrontProduct, StorefrontVariant[], string>(
    `storefront.variantsOf:${store.id}`,
    async (products) => {
      const ids = products.map((p) => p.id);
      const rows = await selectVariants(scope.em, store.id, 'v.product_id = any(?::uuid[])', pgArray(ids));
      return groupByKey(ids, rows, (row) => row.product_id as string).map((list, i) => list.map((row) => storefrontVariantFromRow(row, products[i])));
    },
    { cacheKeyFn: (p) => `${p.id}:${p.inStore.chain.join(',')}` },
  );

function notVisible(kind: string, id: string, ctx: Context): never {
  throw new Error(`${kind} ${id} is not visible in store "${ctx.storeHandle}"`);
}

/**
 * The catalog's one read for storefront objects, for every domain (the grid, product(handle),
 * node(id:), collection pages, search results, carts, orders, drops). It applies the storefront
 * visibility rule (ACTIVE, published to the store, priced there: anything else is null), batches
 * every call of a request into one `= any($1)` statement per kind through per-request DataLoaders,
 * and returns read models that carry their store facts, so the Storefront API resolves every field
 * of them without further setup.
 */
export const storefrontCatalog = {
  /** Visible products in the order of `ids`, null where not visible (one statement, brand and category included). */
  async productsByIds(scope: Context | StorefrontScope, ids: readonly string[]): Promise<(StorefrontProduct | null)[]> {
    const loaded = await productLoader(await readerOf(scope)).loadMany(ids);
    return loaded.map((p) => {
      if (p instanceof Error) throw p;
      return p;
    });
  },

  /** Live variants of visible products in the order of `ids`, null otherwise (their statement, then productsByIds'). */
  async variantsByIds(scope: Context | StorefrontScope, ids: readonly string[]): Promise<(StorefrontVariant | null)[]> {
    const loaded = await variantLoader(await readerOf(scope)).loadMany(ids);
    return loaded.map((v) => {
      if (v instanceof Error) throw v;
      return v;
    });
  },

  async productByHandle(scope: Context | StorefrontScope, handle: string): Promise<StorefrontProduct | null> {
    const [product] = await selectVisibleProducts(await readerOf(scope), 'p.handle = ?', handle);
    return product ?? null;
  },

  /** A product's live variants in position order, priced and stocked in the store the product was read for. */
  async variantsOf(scope: Context | StorefrontScope, product: StorefrontProduct): Promise<StorefrontVariant[]> {
    const { em, loaders } = 'memo' in scope ? scope : await readerOf(scope);
    return variantsOfLoader({ em, loaders }, product.inStore.store).load(product);
  },

  /**
   * Read models for rows of product_listing pages (grid, collection pages), whose statement already
   * applied the visibility rule and selected the listing columns; one batched brand load for the
   * locale chains, and the products are primed for productsByIds.
   */
  async fromListingRows(scope: Context | StorefrontScope, rows: Row[]): Promise<StorefrontProduct[]> {
    const reader = await readerOf(scope);
    const brands = await catalogLoaders.brand(reader).loadMany([...new Set(rows.map((row) => row.brand_id as string))]);
    const localeOf = new Map(brands.flatMap((b) => (b && !(b instanceof Error) ? [[b.id, b.defaultLocale] as const] : [])));
    const products = productLoader(reader);
    return Promise.all(
      rows.map(async (row) => {
        const product = storefrontProductFromRow(row, reader.store, await reader.chain(localeOf.get(row.brand_id as string)));
        products.prime(product.id, product);
        return product;
      }),
    );
  },
};

/** Store facts of a product for field resolvers: synchronous for read models, read through storefrontCatalog otherwise. */
export function withProductInStore<T>(ctx: Context, product: Product, use: (inStore: ProductInStore, product: StorefrontProduct) => T): T | Promise<T> {
  if (isStorefrontProduct(product)) return use(product.inStore, product);
  return storefrontCatalog.productsByIds(ctx, [product.id]).then(([read]) => (read ? use(read.inStore, read) : notVisible('Product', product.id, ctx)));
}

/** Store facts of a variant for field resolvers: synchronous for read models, read through storefrontCatalog otherwise. */
export function withVariantInStore<T>(ctx: Context, variant: ProductVariant, use: (inStore: VariantInStore) => T): T | Promise<T> {
  if (isStorefrontVariant(variant)) return use(variant.inStore);
  return storefrontCatalog.variantsByIds(ctx, [variant.id]).then(([read]) => (read ? use(read.inStore) : notVisible('ProductVariant', variant.id, ctx)));
}
