import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { UserInputError } from '../../shared/errors.js';
import { decodeGlobalId } from '../../shared/ids.js';
import { pageRequest, toConnection, type ConnectionArgs } from '../../shared/pagination.js';
import { pgArray } from '../../shared/sql.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import type { ProductStatus } from '../entities/enums.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { Store } from '../entities/store.entity.js';
import { seesBrand, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';

/** A keyset page on the (time-ordered UUIDv7) id: no offsets, stable under inserts. */
async function keyset<T extends { id: string }>(em: EntityManager, entity: new () => T, where: FilterQuery<T>, args: ConnectionArgs) {
  const page = pageRequest(args);
  const cursorId = page.cursor?.[0];
  if (cursorId !== undefined && (typeof cursorId !== 'string' || !isUuid(cursorId))) {
    throw new UserInputError('The cursor is not one this list gave out', 'INVALID_CURSOR', [page.backward ? 'before' : 'after']);
  }
  const filter = (cursorId ? { $and: [where, { id: { [page.backward ? '$lt' : '$gt']: cursorId } }] } : where) as FilterQuery<T>;
  const rows = await em.find(entity, filter, { orderBy: { id: page.backward ? 'desc' : 'asc' } as never, limit: page.limit + 1 });
  return toConnection(rows, page, (r) => [r.id], () => em.count(entity, where));
}

function optionalId(id: string | undefined, type: string, field: string) {
  return id === undefined ? undefined : decodeGlobalId(id, type, [field]).id;
}

/** The one argument of a lookup that was given; none or several is an INVALID_LOOKUP error. */
function exactlyOne<K extends string>(field: string, keys: Record<K, string | null | undefined>, hint: string): { key: K; value: string } {
  const given = (Object.entries(keys) as [K, string | null | undefined][]).filter(([, value]) => value != null);
  if (given.length !== 1) {
    const names = Object.keys(keys).join(' or ');
    throw new UserInputError(`${field} needs exactly one of ${names}: ${hint}`, 'INVALID_LOOKUP', given.length ? [given[1][0]] : [Object.keys(keys)[0]]);
  }
  return { key: given[0][0], value: given[0][1]! };
}

/** Admin lists: every status, scoped to the brands the viewer works for. */
export const adminQueryService = {
  brandGroups(ctx: ServiceCtx) {
    return ctx.em.find(BrandGroup, {}, { orderBy: { handle: 'asc' } });
  },

  brands(ctx: ServiceCtx, args: ConnectionArgs) {
    const visible = visibleBrandIds(ctx.viewer);
    return keyset(ctx.em, Brand, visible ? { id: { $in: visible } } : {}, args);
  },

  async stores(ctx: ServiceCtx, args: ConnectionArgs, brandGlobalId?: string) {
    const brandId = optionalId(brandGlobalId, 'Brand', 'brandId');
    const visible = visibleBrandIds(ctx.viewer);
    const brands = brandId ? (visible && !visible.includes(brandId) ? [] : [brandId]) : visible;
    if (!brands) return keyset(ctx.em, Store, {}, args);
    const rows = await ctx.em.execute<{ store_id: string }[]>('select distinct store_id from store_brand where brand_id = any(?::uuid[])', [pgArray(brands)]);
    return keyset(ctx.em, Store, { id: { $in: rows.map((r) => r.store_id) } }, args);
  },

  products(ctx: ServiceCtx, args: ConnectionArgs, filter: { brandId?: string; status?: ProductStatus }) {
    const brandId = optionalId(filter.brandId, 'Brand', 'brandId');
    const visible = visibleBrandIds(ctx.viewer);
    const where: FilterQuery<Product> = {};
    if (visible) where.brand = { $in: brandId ? visible.filter((b) => b === brandId) : visible };
    else if (brandId) where.brand = brandId;
    if (filter.status) where.status = filter.status;
    return keyset(ctx.em, Product, where, args);
  },

  /** By id, or by handle (optionally checked against brandId); null when unknown or of a brand the viewer does not work for. */
  async product(ctx: ServiceCtx, by: { id?: string | null; handle?: string | null; brandId?: string | null }) {
    const lookup = exactlyOne('product', { id: by.id, handle: by.handle }, 'pass id, or handle (with brandId if you like)');
    if (lookup.key === 'id' && by.brandId != null) {
      throw new UserInputError('brandId goes with handle, not with id', 'INVALID_LOOKUP', ['brandId']);
    }
    const brandId = optionalId(by.brandId ?? undefined, 'Brand', 'brandId');
    const where: FilterQuery<Product> =
      lookup.key === 'id' ? { id: decodeGlobalId(lookup.value, 'Product', ['id']).id } : { handle: lookup.value, ...(brandId ? { brand: brandId } : {}) };
    const product = await ctx.em.findOne(Product, where);
    return product && seesBrand(ctx.viewer, product.brand.id) ? product : null;
  },

  /** By id or SKU, archived ones included; null when unknown or of a brand the viewer does not work for. */
  async productVariant(ctx: ServiceCtx, by: { id?: string | null; sku?: string | null }) {
    const lookup = exactlyOne('productVariant', { id: by.id, sku: by.sku }, 'pass id or sku');
    const where: FilterQuery<ProductVariant> = lookup.key === 'id' ? { id: decodeGlobalId(lookup.value, 'ProductVariant', ['id']).id } : { sku: lookup.value };
    const variant = await ctx.em.findOne(ProductVariant, where, { populate: ['product'] });
    return variant && seesBrand(ctx.viewer, variant.product.brand.id) ? variant : null;
  },

  collections(ctx: ServiceCtx, args: ConnectionArgs, brandGlobalId?: string) {
    const brandId = optionalId(brandGlobalId, 'Brand', 'brandId');
    const visible = visibleBrandIds(ctx.viewer);
    const where: FilterQuery<Collection> = brandId
      ? { brand: visible && !visible.includes(brandId) ? { $in: [] } : brandId }
      : visible
        ? { $or: [{ brand: { $in: visible } }, { brand: null }] }
        : {};
    return keyset(ctx.em, Collection, where, args);
  },

  categories(ctx: ServiceCtx) {
    return ctx.em.find(Category, {}, { orderBy: { path: 'asc' } });
  },
};
