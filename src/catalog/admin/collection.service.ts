import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogEvents } from '../events.js';
import { pgArray } from '../../shared/sql.js';
import { Brand } from '../entities/brand.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product } from '../entities/product.entity.js';
import type { CollectionText, Translations } from '../entities/translations.js';
import { refreshListings } from '../listing.service.js';
import { CatalogErrorCode, catalogError, invalid, notFound, assertHandleFree } from './errors.js';
import { localeEntries, mergeTranslations } from './locales.js';
import { assertBrandAccess, assertPlatformScope } from './scope.js';
import { idOf, idOrNull, loadForWrite, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { CollectionCreateInput, CollectionProductsSetInput, CollectionTranslationInput, CollectionUpdateInput } from './types/collection.types.js';

const texts = (items: CollectionTranslationInput[]) => localeEntries(items, ['input', 'translations']) as Translations<CollectionText>;

function requireSomeTitle(translations: Translations<CollectionText>) {
  if (!Object.values(translations).some((t) => t.title)) throw invalid('A title in at least one locale is required', ['input', 'translations']);
}

/** A brand's collection is its brand's to change; a platform-curated one (no brand) is the platform's. */
function assertCollectionAccess(ctx: ServiceCtx, collection: Collection) {
  if (collection.brand) assertBrandAccess(ctx.viewer, collection.brand.id);
  else assertPlatformScope(ctx.viewer);
}

async function collectionForWrite(em: EntityManager, ctx: ServiceCtx, id: string) {
  return loadForWrite(em, Collection, { id }, { what: 'collection', field: ['input', 'id'], authorize: (c) => assertCollectionAccess(ctx, c) });
}

async function memberIds(em: EntityManager, collectionId: string): Promise<string[]> {
  const rows = await em.execute<{ product_id: string }[]>('select product_id from collection_product where collection_id = ?', [collectionId]);
  return rows.map((r) => r.product_id);
}

export const collectionService = {
  async create(ctx: ServiceCtx, input: CollectionCreateInput) {
    const brandId = idOrNull(input.brandId, 'Brand', 'brandId');
    if (brandId) assertBrandAccess(ctx.viewer, brandId);
    else assertPlatformScope(ctx.viewer);
    const translations = texts(input.translations);
    requireSomeTitle(translations);
    return transaction(ctx, async (tx) => {
      const brand = brandId ? await tx.findOne(Brand, { id: brandId }) : undefined;
      if (brand === null) throw notFound('brand', ['input', 'brandId']);
      await assertHandleFree(tx, Collection, 'Collection', input.handle);
      const collection = tx.create(Collection, { handle: input.handle, brand, translations });
      catalogEvents.record(tx, 'collection.changed', { collectionId: collection.id });
      return { collection };
    });
  },

  async update(ctx: ServiceCtx, input: CollectionUpdateInput) {
    const id = idOf(input.id, 'Collection', 'id');
    return transaction(ctx, async (tx) => {
      const collection = await collectionForWrite(tx, ctx, id);
      if (input.handle && input.handle !== collection.handle) {
        await assertHandleFree(tx, Collection, 'Collection', input.handle);
        collection.handle = input.handle;
      }
      if (input.translations) {
        collection.translations = mergeTranslations(collection.translations, texts(input.translations));
        requireSomeTitle(collection.translations);
      }
      catalogEvents.record(tx, 'collection.changed', { collectionId: collection.id });
      await tx.flush();
      await refreshListings(tx, await memberIds(tx, collection.id));
      return { collection };
    });
  },

  async archive(ctx: ServiceCtx, input: { id: string }) {
    const id = idOf(input.id, 'Collection', 'id');
    return transaction(ctx, async (tx) => {
      const collection = await collectionForWrite(tx, ctx, id);
      collection.archivedAt ??= new Date();
      catalogEvents.record(tx, 'collection.changed', { collectionId: collection.id });
      await tx.flush();
      await refreshListings(tx, await memberIds(tx, collection.id));
      return { collection };
    });
  },

  /** Replaces the membership with the given products in that order (positions 0..n-1). */
  async productsSet(ctx: ServiceCtx, input: CollectionProductsSetInput) {
    const id = idOf(input.id, 'Collection', 'id');
    const productIds = input.productIds.map((p, i) => idOf(p, 'Product', 'productIds', i));
    const dup = productIds.findIndex((p, i) => productIds.indexOf(p) !== i);
    if (dup >= 0) throw invalid('A product is listed twice', ['input', 'productIds', String(dup)]);
    return transaction(ctx, async (tx) => {
      const collection = await collectionForWrite(tx, ctx, id);
      if (collection.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, 'The collection is archived', ['input', 'id']);
      const products = await tx.find(Product, { id: { $in: productIds } }, { fields: ['id', 'brand'] });
      productIds.forEach((productId, i) => {
        const product = products.find((p) => p.id === productId);
        const field = ['input', 'productIds', String(i)];
        if (!product) throw notFound('product', field);
        if (collection.brand && product.brand.id !== collection.brand.id) {
          throw invalid("A brand's collection holds only that brand's products", field);
        }
        assertBrandAccess(ctx.viewer, product.brand.id);
      });
      const before = await memberIds(tx, collection.id);
      await tx.execute('delete from collection_product where collection_id = ?', [collection.id]);
      await tx.execute(
        `insert into collection_product (collection_id, product_id, position)
         select ?, p.id, p.ord - 1 from unnest(?::uuid[]) with ordinality as p(id, ord)`,
        [collection.id, pgArray(productIds)],
      );
      catalogEvents.record(tx, 'collection.changed', { collectionId: collection.id });
      await tx.flush();
      await refreshListings(tx, [...new Set([...before, ...productIds])]);
      return { collection };
    });
  },
};
