import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product } from '../entities/product.entity.js';
import { seesBrand } from '../../shared/scope.js';
import { pick } from '../i18n.js';
import { catalogLoaders } from '../loaders.js';
import { adminLoaders } from './loaders.js';
import { CategoryTranslation } from './types/category.types.js';
import { CollectionTranslation } from './types/collection.types.js';

/** Admin-only fields of Collection: every locale, owner, members in order. */
@Resolver(() => Collection)
export class AdminCollectionFieldsResolver {
  @FieldResolver(() => String, { description: 'In the first locale that has one (requested locales first).' })
  title(@Root() collection: Collection, @Ctx() ctx: Context) {
    return pick(collection.translations, 'title', ctx.locales).value ?? collection.handle;
  }

  @FieldResolver(() => [CollectionTranslation])
  translations(@Root() collection: Collection): CollectionTranslation[] {
    return Object.entries(collection.translations).map(([locale, t]) => ({ locale, title: t.title ?? null, descriptionHtml: t.descriptionHtml ?? null }));
  }

  @FieldResolver(() => Brand, { nullable: true, description: 'The owning brand; null for a platform-curated collection.' })
  brand(@Root() collection: Collection, @Ctx() ctx: Context) {
    return collection.brand ? adminLoaders.brand(ctx).load(collection.brand.id) : null;
  }

  @FieldResolver(() => [Product], { description: 'Members in collection order, any status; only products of brands you work for.' })
  async products(@Root() collection: Collection, @Ctx() ctx: Context) {
    const members = await adminLoaders.productsOfCollection(ctx).load(collection.id);
    return members.filter((p) => seesBrand(ctx.viewer, p.brand.id));
  }

  @FieldResolver(() => Date, { nullable: true })
  archivedAt(@Root() collection: Collection) {
    return collection.archivedAt ?? null;
  }
}

/** Admin-only fields of Category: the tree position and every locale. */
@Resolver(() => Category)
export class AdminCategoryFieldsResolver {
  @FieldResolver(() => String, { description: 'In the first locale that has one (requested locales first).' })
  name(@Root() category: Category, @Ctx() ctx: Context) {
    return pick(category.translations, 'name', ctx.locales).value ?? category.handle;
  }

  @FieldResolver(() => String, { description: 'Handles from the root, e.g. "bags/handbags".' })
  path(@Root() category: Category) {
    return category.path;
  }

  @FieldResolver(() => Category, { nullable: true })
  parent(@Root() category: Category, @Ctx() ctx: Context) {
    return category.parent ? catalogLoaders.category(ctx).load(category.parent.id) : null;
  }

  @FieldResolver(() => [CategoryTranslation])
  translations(@Root() category: Category): CategoryTranslation[] {
    return Object.entries(category.translations).map(([locale, t]) => ({ locale, name: t.name ?? null }));
  }
}
