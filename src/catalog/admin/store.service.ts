import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogEvents } from '../events.js';
import { pgArray } from '../../shared/sql.js';
import { Brand } from '../entities/brand.entity.js';
import { VariantPrice } from '../entities/pricing.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';
import { refreshListings } from '../listing.service.js';
import { CatalogErrorCode, catalogError, notFound, taken, assertHandleFree } from './errors.js';
import { canonicalLocales } from './locales.js';
import { assertBrandAccess, assertStoreAccess } from './scope.js';
import { idOf, loadForWrite, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { canonicalLocale } from './validation.js';
import type {
  StockLocationCreateInput,
  StockLocationUpdateInput,
  StoreCreateInput,
  StoreUpdateInput,
} from './types/store.types.js';

function locales(defaultTag: string, supported: string[]) {
  const defaultLocale = canonicalLocale(defaultTag)!;
  const list = canonicalLocales(supported, ['input', 'supportedLocales']);
  return { defaultLocale, supportedLocales: list.includes(defaultLocale) ? list : [defaultLocale, ...list] };
}

async function loadBrands(em: EntityManager, ids: string[]) {
  const brands = await em.find(Brand, { id: { $in: ids } });
  ids.forEach((id, i) => {
    const brand = brands.find((b) => b.id === id);
    if (!brand) throw notFound('brand', ['input', 'brandIds', i]);
    if (brand.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, `Brand ${brand.handle} is archived`, ['input', 'brandIds', i]);
  });
  return brands;
}

async function productsListedIn(em: EntityManager, storeId: string, brandIds?: string[]): Promise<string[]> {
  const rows = await em.execute<{ product_id: string }[]>(
    `select l.product_id from product_listing l join product p on p.id = l.product_id
      where l.store_id = ? ${brandIds ? 'and p.brand_id = any(?::uuid[])' : ''}`,
    brandIds ? [storeId, pgArray(brandIds)] : [storeId],
  );
  return rows.map((r) => r.product_id);
}

async function findStore(em: EntityManager, ctx: ServiceCtx, id: string, field: string[]) {
  let brandIds: string[] = [];
  const store = await loadForWrite(em, Store, { id }, { what: 'store', field, authorize: async (s) => (brandIds = await assertStoreAccess(em, ctx.viewer, s.id)) });
  return { store, brandIds };
}

export const storeService = {
  async create(ctx: ServiceCtx, input: StoreCreateInput) {
    const brandIds = [...new Set(input.brandIds.map((id, i) => idOf(id, 'Brand', 'brandIds', i)))];
    assertBrandAccess(ctx.viewer, brandIds);
    const { defaultLocale, supportedLocales } = locales(input.defaultLocale, input.supportedLocales);
    return transaction(ctx, async (tx) => {
      const brands = await loadBrands(tx, brandIds);
      await assertHandleFree(tx, Store, 'Store', input.handle);
      const store = tx.create(Store, {
        handle: input.handle,
        name: input.name.trim(),
        kind: input.kind,
        marketCountry: input.marketCountry,
        currency: input.currency,
        defaultLocale,
        supportedLocales,
        timeZone: input.timeZone,
        showStockQuantity: input.showStockQuantity ?? false,
      });
      store.brands.set(brands);
      catalogEvents.record(tx, 'store.changed', { storeId: store.id });
      return { store };
    });
  },

  async update(ctx: ServiceCtx, input: StoreUpdateInput) {
    const id = idOf(input.id, 'Store', 'id');
    const newBrandIds = input.brandIds && [...new Set(input.brandIds.map((b, i) => idOf(b, 'Brand', 'brandIds', i)))];
    return transaction(ctx, async (tx) => {
      const { store, brandIds } = await findStore(tx, ctx, id, ['input', 'id']);
      if (input.handle && input.handle !== store.handle) {
        await assertHandleFree(tx, Store, 'Store', input.handle);
        store.handle = input.handle;
      }
      if (newBrandIds) {
        assertBrandAccess(ctx.viewer, newBrandIds);
        const brands = await loadBrands(tx, newBrandIds);
        const removed = brandIds.filter((b) => !newBrandIds.includes(b));
        if (removed.length && (await productsListedIn(tx, store.id, removed)).length) {
          throw catalogError(CatalogErrorCode.IN_USE, 'Products of a brand you remove are still published in this store: unpublish them first', ['input', 'brandIds']);
        }
        await store.brands.init();
        store.brands.set(brands);
      }
      if (input.currency && input.currency !== store.currency) {
        if (await tx.count(VariantPrice, { store: store.id })) {
          throw catalogError(CatalogErrorCode.IN_USE, `The store has prices in ${store.currency}: its currency cannot change`, ['input', 'currency']);
        }
        store.currency = input.currency;
      }
      const localeChanged = input.defaultLocale !== undefined || input.supportedLocales !== undefined;
      if (localeChanged) {
        Object.assign(store, locales(input.defaultLocale ?? store.defaultLocale, input.supportedLocales ?? store.supportedLocales));
      }
      if (input.name) store.name = input.name.trim();
      if (input.kind) store.kind = input.kind;
      if (input.marketCountry) store.marketCountry = input.marketCountry;
      if (input.timeZone) store.timeZone = input.timeZone;
      if (input.showStockQuantity != null) store.showStockQuantity = input.showStockQuantity;
      catalogEvents.record(tx, 'store.changed', { storeId: store.id });
      await tx.flush();
      if (localeChanged) await refreshListings(tx, await productsListedIn(tx, store.id));
      return { store };
    });
  },

  async archive(ctx: ServiceCtx, input: { id: string }) {
    const id = idOf(input.id, 'Store', 'id');
    return transaction(ctx, async (tx) => {
      const { store } = await findStore(tx, ctx, id, ['input', 'id']);
      store.archivedAt ??= new Date();
      catalogEvents.record(tx, 'store.changed', { storeId: store.id });
      return { store };
    });
  },

  async locationCreate(ctx: ServiceCtx, input: StockLocationCreateInput) {
    const storeId = idOf(input.storeId, 'Store', 'storeId');
    return transaction(ctx, async (tx) => {
      const { store } = await findStore(tx, ctx, storeId, ['input', 'storeId']);
      if (store.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, `Store ${store.handle} is archived`, ['input', 'storeId']);
      if (await tx.count(StockLocation, { store, handle: input.handle })) {
        throw taken(`Store ${store.handle} already has a location "${input.handle}"`, ['input', 'handle']);
      }
      const stockLocation = tx.create(StockLocation, { store, handle: input.handle, name: input.name.trim(), kind: input.kind });
      catalogEvents.record(tx, 'stock_location.changed', { stockLocationId: stockLocation.id, storeId: stockLocation.store.id });
      return { stockLocation };
    });
  },

  async locationUpdate(ctx: ServiceCtx, input: StockLocationUpdateInput) {
    const id = idOf(input.id, 'StockLocation', 'id');
    return transaction(ctx, async (tx) => {
      const stockLocation = await findLocation(tx, ctx, id);
      if (input.handle && input.handle !== stockLocation.handle) {
        if (await tx.count(StockLocation, { store: stockLocation.store, handle: input.handle })) {
          throw taken(`The store already has a location "${input.handle}"`, ['input', 'handle']);
        }
        stockLocation.handle = input.handle;
      }
      if (input.name) stockLocation.name = input.name.trim();
      if (input.kind) stockLocation.kind = input.kind;
      catalogEvents.record(tx, 'stock_location.changed', { stockLocationId: stockLocation.id, storeId: stockLocation.store.id });
      return { stockLocation };
    });
  },

  /** Stock at an archived location no longer counts: availability of the products stocked there is recomputed. */
  async locationArchive(ctx: ServiceCtx, input: { id: string }) {
    const id = idOf(input.id, 'StockLocation', 'id');
    return transaction(ctx, async (tx) => {
      const stockLocation = await findLocation(tx, ctx, id);
      stockLocation.archivedAt ??= new Date();
      catalogEvents.record(tx, 'stock_location.changed', { stockLocationId: stockLocation.id, storeId: stockLocation.store.id });
      await tx.flush();
      const rows = await tx.execute<{ product_id: string }[]>(
        `select distinct v.product_id from inventory_level il join product_variant v on v.id = il.variant_id where il.location_id = ?`,
        [stockLocation.id],
      );
      await refreshListings(tx, rows.map((r) => r.product_id));
      return { stockLocation };
    });
  },
};

async function findLocation(em: EntityManager, ctx: ServiceCtx, id: string) {
  const location = await em.findOne(StockLocation, { id });
  if (!location) throw notFound('stock location', ['input', 'id']);
  await assertStoreAccess(em, ctx.viewer, location.store.id);
  return location;
}

