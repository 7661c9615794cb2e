import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../../shared/sql.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { ProductStatus } from '../entities/enums.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { Store } from '../entities/store.entity.js';
import { refreshListings } from '../listing.service.js';
import { moveProduct, moveProductTo } from '../product-lifecycle.js';
import { CatalogErrorCode, catalogError, notFound, taken, assertHandleFree } from './errors.js';
import { mergeTranslations } from './locales.js';
import { mediaFrom, normalizeTags, optionsFrom, productTranslations, requireTitle } from './product.input.js';
import { checkOptions, checkVariants, optionValueMap } from './product.rules.js';
import { assertBrandAccess, storesCarrying } from './scope.js';
import { actorOf, idOf, idOrNull, loadForWrite, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { ProductCreateInput, ProductPublicationInput, ProductUpdateInput } from './types/product.types.js';

/** Loads a product the viewer may change: unknown is NOT_FOUND, another brand's is FORBIDDEN. */
export async function productForWrite(em: EntityManager, ctx: ServiceCtx, id: string, field: (string | number)[] = ['input', 'id']) {
  return loadForWrite(em, Product, { id }, { what: 'product', field, authorize: (p) => assertBrandAccess(ctx.viewer, p.brand.id) });
}

export async function assertSkusFree(em: EntityManager, skus: { sku: string; id?: string }[], path: (string | number)[]) {
  if (skus.length === 0) return;
  const rows = await em.execute<{ id: string; sku: string }[]>('select id, sku from product_variant where sku = any(?::text[])', [
    pgArray(skus.map((s) => s.sku)),
  ]);
  skus.forEach((s, i) => {
    if (rows.some((r) => r.sku === s.sku && r.id !== s.id)) throw taken(`SKU ${s.sku} is taken`, [...path, i, 'sku']);
  });
}

async function findCategory(em: EntityManager, id: string) {
  const category = await em.findOne(Category, { id });
  if (!category) throw notFound('category', ['input', 'categoryId']);
  return category;
}

export const productService = {
  async create(ctx: ServiceCtx, input: ProductCreateInput) {
    const brandId = idOf(input.brandId, 'Brand', 'brandId');
    assertBrandAccess(ctx.viewer, brandId);
    const categoryId = idOrNull(input.categoryId, 'Category', 'categoryId');
    const translations = productTranslations(input.translations);
    const options = optionsFrom(input.options ?? []);
    checkOptions(options, ['input', 'options']);
    const variants = (input.variants ?? []).map((v, i) => ({
      ...v,
      optionValues: optionValueMap(v.optionValues ?? [], ['input', 'variants', i, 'optionValues']),
    }));
    checkVariants(options, variants, ['input', 'variants']);
    return transaction(ctx, async (tx) => {
      const brand = await tx.findOne(Brand, { id: brandId });
      if (!brand) throw notFound('brand', ['input', 'brandId']);
      if (brand.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, `Brand ${brand.handle} is archived`, ['input', 'brandId']);
      requireTitle(translations, brand.defaultLocale);
      const category = categoryId ? await findCategory(tx, categoryId) : undefined;
      await assertHandleFree(tx, Product, 'Product', input.handle);
      await assertSkusFree(tx, variants, ['input', 'variants']);
      const product = tx.create(Product, {
        handle: input.handle,
        brand,
        status: input.status ?? ProductStatus.DRAFT,
        category,
        tags: normalizeTags(input.tags ?? []),
        translations,
        options,
        media: mediaFrom(input.media ?? []),
      });
      variants.forEach((v, position) =>
        tx.create(ProductVariant, { product, sku: v.sku, optionValues: v.optionValues, barcode: v.barcode, weightGrams: v.weightGrams, position }),
      );
      await tx.flush();
      await refreshListings(tx, [product.id]);
      return { product };
    });
  },

  async update(ctx: ServiceCtx, input: ProductUpdateInput) {
    const id = idOf(input.id, 'Product', 'id');
    const categoryId = idOrNull(input.categoryId, 'Category', 'categoryId');
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, id);
      if (input.handle && input.handle !== product.handle) {
        await assertHandleFree(tx, Product, 'Product', input.handle);
        product.handle = input.handle;
      }
      if (input.status) await moveProductTo(tx, product, input.status, actorOf(ctx.viewer));
      if (categoryId !== undefined) product.category = categoryId ? await findCategory(tx, categoryId) : undefined;
      if (input.tags) product.tags = normalizeTags(input.tags);
      if (input.translations) {
        product.translations = mergeTranslations(product.translations, productTranslations(input.translations));
        const brand = await tx.findOneOrFail(Brand, { id: product.brand.id });
        requireTitle(product.translations, brand.defaultLocale);
      }
      if (input.options) {
        const options = optionsFrom(input.options);
        checkOptions(options, ['input', 'options']);
        const live = await tx.find(ProductVariant, { product, archivedAt: null });
        checkVariants(options, [], ['input', 'options'], live, ['input', 'options']);
        product.options = options;
      }
      if (input.media) product.media = mediaFrom(input.media, product.media);
      await tx.flush();
      await refreshListings(tx, [product.id]);
      return { product };
    });
  },

  async archive(ctx: ServiceCtx, input: { id: string }) {
    const id = idOf(input.id, 'Product', 'id');
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, id);
      // Archiving an archived product changes nothing, like publishing again.
      if (product.status !== ProductStatus.ARCHIVED) await moveProduct(tx, product, 'archive', actorOf(ctx.viewer));
      await tx.flush();
      await refreshListings(tx, [product.id]);
      return { product };
    });
  },

  /** Publishes to stores that carry the product's brand; publishing again is a no-op. */
  async publish(ctx: ServiceCtx, input: ProductPublicationInput) {
    const id = idOf(input.id, 'Product', 'id');
    const storeIds = input.storeIds.map((s, i) => idOf(s, 'Store', 'storeIds', i));
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, id);
      if (product.status === ProductStatus.ARCHIVED) {
        throw catalogError(CatalogErrorCode.ARCHIVED, 'An archived product cannot be published', ['input', 'id']);
      }
      const stores = await tx.find(Store, { id: { $in: storeIds } });
      const carrying = await storesCarrying(tx, storeIds, product.brand.id);
      storeIds.forEach((storeId, i) => {
        const store = stores.find((s) => s.id === storeId);
        const field = ['input', 'storeIds', i];
        if (!store) throw notFound('store', field);
        if (store.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, `Store ${store.handle} is archived`, field);
        if (!carrying.has(storeId)) throw catalogError(CatalogErrorCode.NOT_CARRIED, `Store ${store.handle} does not carry this brand`, field);
      });
      await tx.execute(
        `insert into product_listing (store_id, product_id, published_at) select s, ?, now() from unnest(?::uuid[]) s
         on conflict (store_id, product_id) do nothing`,
        [product.id, pgArray(storeIds)],
      );
      await refreshListings(tx, [product.id]);
      return { product };
    });
  },

  async unpublish(ctx: ServiceCtx, input: ProductPublicationInput) {
    const id = idOf(input.id, 'Product', 'id');
    const storeIds = input.storeIds.map((s, i) => idOf(s, 'Store', 'storeIds', i));
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, id);
      const stores = await tx.find(Store, { id: { $in: storeIds } });
      storeIds.forEach((storeId, i) => {
        if (!stores.some((s) => s.id === storeId)) throw notFound('store', ['input', 'storeIds', i]);
      });
      await tx.execute('delete from product_listing where product_id = ? and store_id = any(?::uuid[])', [product.id, pgArray(storeIds)]);
      await refreshListings(tx, [product.id]);
      return { product };
    });
  },
};
