import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import type { Store } from '../entities/store.entity.js';

/**
 * Storefront reads build entity-shaped objects straight from rows: they are never changed or
 * flushed, so they skip the identity map and change-tracking snapshots that a MikroORM hydration
 * costs (a sixth of a 50-product grid's CPU). The prototypes keep the GraphQL type (and Node's
 * resolveType) and the computed fields such as the global id.
 */
type Row = Record<string, unknown>;

/** Relations are own data properties: plain assignment would run MikroORM's reference setters on the prototype. */
function make<T extends object>(cls: { prototype: T }, fields: Record<string, unknown>, relations: Record<string, unknown>): T {
  const entity = Object.assign(Object.create(cls.prototype) as T, fields);
  for (const key in relations) Object.defineProperty(entity, key, { value: relations[key], writable: true, enumerable: true, configurable: true });
  return entity;
}

const ref = (id: unknown) => (id == null ? undefined : { id: id as string });

export function productFromRow(row: Row): Product {
  return make(Product, {
    id: row.id,
    handle: row.handle,
    status: row.status,
    tags: row.tags ?? [],
    translations: row.translations ?? {},
    options: row.options ?? [],
    media: row.media ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, { brand: ref(row.brand_id), category: ref(row.category_id) });
}

export function variantFromRow(row: Row): ProductVariant {
  return make(ProductVariant, {
    id: row.id,
    sku: row.sku,
    optionValues: row.option_values ?? {},
    barcode: row.barcode ?? undefined,
    weightGrams: row.weight_grams ?? undefined,
    position: row.position,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, { product: ref(row.product_id) });
}

/** What a product read for one store knows there: its locale chain and its listing (price range, availability). */
export interface ProductInStore {
  store: Store;
  chain: string[];
  minPrice: number;
  maxPrice: number;
  available: boolean;
}

/** A variant's price and stock in the store, and the product it belongs to (for its option names). */
export interface VariantInStore {
  store: Store;
  product: StorefrontProduct;
  amount: number | null;
  compareAtAmount: number | null;
  available: number;
}

/**
 * Storefront-ready objects: each carries its store facts, so the Storefront API's fields resolve
 * synchronously from the object alone, whoever loaded it (grid, search, a cart line, an order line).
 */
export type StorefrontProduct = Product & { readonly inStore: ProductInStore };
export type StorefrontVariant = ProductVariant & { readonly inStore: VariantInStore };

/** A product row carrying its listing columns (listing_min_price, listing_max_price, listing_available). */
export function storefrontProductFromRow(row: Row, store: Store, chain: string[]): StorefrontProduct {
  const product = productFromRow(row) as Product & { inStore: ProductInStore };
  product.inStore = {
    store,
    chain,
    minPrice: Number(row.listing_min_price),
    maxPrice: Number(row.listing_max_price),
    available: Boolean(row.listing_available),
  };
  return product;
}

/** A variant row carrying its offer columns (offer_amount, offer_compare_at_amount, offer_available). */
export function storefrontVariantFromRow(row: Row, product: StorefrontProduct): StorefrontVariant {
  const variant = variantFromRow(row) as ProductVariant & { inStore: VariantInStore };
  variant.inStore = {
    store: product.inStore.store,
    product,
    amount: row.offer_amount == null ? null : Number(row.offer_amount),
    compareAtAmount: row.offer_compare_at_amount == null ? null : Number(row.offer_compare_at_amount),
    available: Number(row.offer_available),
  };
  return variant;
}

export const isStorefrontProduct = (product: Product): product is StorefrontProduct => 'inStore' in product;
export const isStorefrontVariant = (variant: ProductVariant): variant is StorefrontVariant => 'inStore' in variant;

export function collectionFromRow(row: Row): Collection {
  return make(Collection, {
    id: row.id,
    handle: row.handle,
    translations: row.translations ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, { brand: ref(row.brand_id) });
}

/** A brand row as PostgreSQL's to_jsonb writes it (snake_case keys). */
export function brandFromJson(row: Row): Brand {
  return make(Brand, {
    id: row.id,
    handle: row.handle,
    defaultLocale: row.default_locale,
    translations: row.translations ?? {},
    logoUrl: row.logo_url ?? undefined,
    archivedAt: row.archived_at ?? undefined,
  }, { group: ref(row.group_id) });
}

export function categoryFromJson(row: Row): Category {
  return make(Category, {
    id: row.id,
    handle: row.handle,
    path: row.path,
    position: row.position,
    translations: row.translations ?? {},
  }, { parent: ref(row.parent_id) });
}
