import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Money, type CurrencyCode } from '../../shared/money.js';
import { seesBrand } from '../../shared/scope.js';
import { Collection } from '../entities/collection.entity.js';
import { ProductStatus } from '../entities/enums.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { Store } from '../entities/store.entity.js';
import type { MediaData } from '../entities/translations.js';
import { Image } from '../storefront/types.js';
import { adminLoaders } from './loaders.js';
import { LocalizedText, toLocalized } from './types/common.js';
import { ProductOptionDefinition, ProductTranslation } from './types/product.types.js';
import { ProductPublication } from './types/views.js';

/** Admin-only fields of Product: status, every locale, all variants, where it is published. */
@Resolver(() => Product)
export class AdminProductFieldsResolver {
  @FieldResolver(() => ProductStatus)
  status(@Root() product: Product) {
    return product.status;
  }

  @FieldResolver(() => Date)
  createdAt(@Root() product: Product) {
    return product.createdAt;
  }

  @FieldResolver(() => Date)
  updatedAt(@Root() product: Product) {
    return product.updatedAt;
  }

  @FieldResolver(() => [ProductTranslation], { description: 'Title and description in every locale.' })
  translations(@Root() product: Product): ProductTranslation[] {
    return Object.entries(product.translations).map(([locale, t]) => ({
      locale,
      title: t.title ?? null,
      descriptionHtml: t.descriptionHtml ?? null,
    }));
  }

  @FieldResolver(() => [ProductOptionDefinition], { description: 'Options and values with their names in every locale.' })
  optionDefinitions(@Root() product: Product): ProductOptionDefinition[] {
    return product.options.map((o) => ({
      code: o.code,
      names: toLocalized(o.names),
      values: o.values.map((v) => ({ code: v.code, names: toLocalized(v.names) })),
    }));
  }

  @FieldResolver(() => [ProductVariant], { description: 'In position order; archived ones only when asked.' })
  async variants(@Root() product: Product, @Ctx() ctx: Context, @Arg('includeArchived', { defaultValue: false }) includeArchived: boolean) {
    const all = await adminLoaders.variantsOfProduct(ctx).load(product.id);
    return includeArchived ? all : all.filter((v) => !v.archivedAt);
  }

  @FieldResolver(() => [ProductPublication], { description: 'The stores it is published to.' })
  async publications(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductPublication[]> {
    const rows = await adminLoaders.listingsOfProduct(ctx).load(product.id);
    const stores = (await adminLoaders.store(ctx).loadMany(rows.map((r) => r.store_id as string))) as Store[];
    return rows.map((row, i) => {
      const store = stores[i];
      const money = (v: unknown) => (v == null ? null : Money.of(Number(v), store.currency as CurrencyCode));
      return { store, publishedAt: new Date(row.published_at as string), minPrice: money(row.min_price), maxPrice: money(row.max_price), available: Boolean(row.available) };
    });
  }

  @FieldResolver(() => [Collection], { description: "Every collection it belongs to, archived ones included: its brand's and platform-curated ones." })
  async collections(@Root() product: Product, @Ctx() ctx: Context) {
    const collections = await adminLoaders.collectionsOfProduct(ctx).load(product.id);
    return collections.filter((c) => !c.brand || seesBrand(ctx.viewer, c.brand.id));
  }
}

/** Alt text of product images in every locale (the Admin API edits them). */
@Resolver(() => Image)
export class AdminImageFieldsResolver {
  @FieldResolver(() => [LocalizedText])
  altTranslations(@Root() image: Image & Partial<MediaData>): LocalizedText[] {
    return toLocalized(image.alt);
  }
}
