import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../shared/ids.js';
import { catalogEvents } from '../events.js';
import { Category } from '../entities/category.entity.js';
import { Product } from '../entities/product.entity.js';
import type { NameText, Translations } from '../entities/translations.js';
import { refreshListings } from '../listing.service.js';
import { CatalogErrorCode, catalogError, invalid, notFound, assertHandleFree } from './errors.js';
import { localeEntries, mergeTranslations } from './locales.js';
import { assertPlatformScope } from './scope.js';
import { idOf, idOrNull, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { CategoryCreateInput, CategoryTranslationInput, CategoryUpdateInput } from './types/category.types.js';

const names = (items: CategoryTranslationInput[]) => localeEntries(items, ['input', 'translations']) as Translations<NameText>;

async function findCategory(em: EntityManager, id: string, field: string[], what = 'category') {
  const category = await em.findOne(Category, { id });
  if (!category) throw notFound(what, field);
  return category;
}

/** Ids of a category and its descendants, and the products filed anywhere in that subtree. */
async function subtree(em: EntityManager, path: string) {
  const categories = await em.execute<{ id: string }[]>(`select id from category where path = ? or path like ?`, [path, `${path}/%`]);
  const products = await em.execute<{ id: string }[]>(
    `select p.id from product p join category c on c.id = p.category_id where c.path = ? or c.path like ?`,
    [path, `${path}/%`],
  );
  return { categoryIds: categories.map((r) => r.id), productIds: products.map((r) => r.id) };
}

export const categoryService = {
  async create(ctx: ServiceCtx, input: CategoryCreateInput) {
    assertPlatformScope(ctx.viewer);
    const parentId = idOrNull(input.parentId, 'Category', 'parentId');
    const translations = names(input.translations);
    return transaction(ctx, async (tx) => {
      await assertHandleFree(tx, Category, 'Category', input.handle);
      const parent = parentId ? await findCategory(tx, parentId, ['input', 'parentId'], 'parent category') : undefined;
      const path = parent ? `${parent.path}/${input.handle}` : input.handle;
      const category = tx.create(Category, { handle: input.handle, parent, path, position: input.position ?? 0, translations });
      catalogEvents.record(tx, 'category.changed', { categoryId: category.id });
      return { category };
    });
  },

  async update(ctx: ServiceCtx, input: CategoryUpdateInput) {
    assertPlatformScope(ctx.viewer);
    const id = idOf(input.id, 'Category', 'id');
    const parentId = idOrNull(input.parentId, 'Category', 'parentId');
    return transaction(ctx, async (tx) => {
      const category = await findCategory(tx, id, ['input', 'id']);
      const oldPath = category.path;
      if (input.handle && input.handle !== category.handle) {
        await assertHandleFree(tx, Category, 'Category', input.handle);
        category.handle = input.handle;
      }
      if (parentId !== undefined) {
        const parent = parentId ? await findCategory(tx, parentId, ['input', 'parentId'], 'parent category') : undefined;
        if (parent && (parent.path === oldPath || parent.path.startsWith(`${oldPath}/`))) {
          throw invalid('A category cannot move under itself or one of its descendants', ['input', 'parentId']);
        }
        category.parent = parent;
      }
      if (input.position != null) category.position = input.position;
      if (input.translations) category.translations = mergeTranslations(category.translations, names(input.translations));

      const parentPath = category.parent ? (await findCategory(tx, category.parent.id, ['input', 'parentId'])).path : null;
      const newPath = parentPath ? `${parentPath}/${category.handle}` : category.handle;
      const affected = newPath !== oldPath ? await subtree(tx, oldPath) : { categoryIds: [category.id], productIds: [] as string[] };
      if (newPath !== oldPath) {
        // Materialized paths of the whole subtree follow the move in one statement.
        await tx.execute(`update category set path = ?::text || substr(path, ?::int) where path like ?`, [newPath, oldPath.length + 1, `${oldPath}/%`]);
        category.path = newPath;
      }
      for (const categoryId of affected.categoryIds) catalogEvents.record(tx, 'category.changed', { categoryId });
      await tx.flush();
      const productIds = new Set(affected.productIds);
      if (input.translations) {
        for (const p of await tx.find(Product, { category: category.id }, { fields: ['id'] })) productIds.add(p.id);
      }
      await refreshListings(tx, [...productIds]);
      return { category };
    });
  },

  async delete(ctx: ServiceCtx, input: { id: string }) {
    assertPlatformScope(ctx.viewer);
    const id = idOf(input.id, 'Category', 'id');
    return transaction(ctx, async (tx) => {
      const category = await findCategory(tx, id, ['input', 'id']);
      if (await tx.count(Category, { parent: category.id })) {
        throw catalogError(CatalogErrorCode.IN_USE, 'The category has subcategories: move or delete them first', ['input', 'id']);
      }
      if (await tx.count(Product, { category: category.id })) {
        throw catalogError(CatalogErrorCode.IN_USE, 'Products are filed in this category: move them first', ['input', 'id']);
      }
      tx.remove(category);
      catalogEvents.record(tx, 'category.deleted', { categoryId: category.id });
      return { deletedCategoryId: toGlobalId('Category', category.id) };
    });
  },
};
