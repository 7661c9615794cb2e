import type { Collection } from '../entities/collection.entity.js';
import { Collection as CollectionClass } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';

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

export function collectionFromRow(row: Row): Collection {
  return make(CollectionClass, {
    id: row.id,
    handle: row.handle,
    translations: row.translations ?? {},
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }, { brand: ref(row.brand_id) });
}
