import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';
import { seesBrand } from '../../shared/scope.js';
import { pick } from '../i18n.js';
import { adminLoaders } from './loaders.js';
import { BrandTranslation } from './types/brand.types.js';

/** Admin-only fields of Brand: content in every locale, group, archive state. */
@Resolver(() => Brand)
export class AdminBrandFieldsResolver {
  @FieldResolver(() => String, { description: 'In the default locale.' })
  name(@Root() brand: Brand) {
    return pick(brand.translations, 'name', [brand.defaultLocale]).value ?? brand.handle;
  }

  @FieldResolver(() => String)
  defaultLocale(@Root() brand: Brand) {
    return brand.defaultLocale;
  }

  @FieldResolver(() => [BrandTranslation])
  translations(@Root() brand: Brand): BrandTranslation[] {
    return Object.entries(brand.translations).map(([locale, t]) => ({ locale, name: t.name ?? null, story: t.story ?? null }));
  }

  @FieldResolver(() => BrandGroup, { nullable: true })
  group(@Root() brand: Brand, @Ctx() ctx: Context) {
    return brand.group ? adminLoaders.brandGroup(ctx).load(brand.group.id) : null;
  }

  @FieldResolver(() => Date, { nullable: true })
  archivedAt(@Root() brand: Brand) {
    return brand.archivedAt ?? null;
  }
}

/** Admin-only fields of Store and StockLocation. */
@Resolver(() => Store)
export class AdminStoreFieldsResolver {
  @FieldResolver(() => [Brand], { description: 'One brand for a flagship; several for a Design Mall (only those you work for).' })
  async brands(@Root() store: Store, @Ctx() ctx: Context) {
    const rows = (await adminLoaders.brandIdsOfStore(ctx).load(store.id)).filter((r) => seesBrand(ctx.viewer, r.brand_id as string));
    const brands = (await adminLoaders.brand(ctx).loadMany(rows.map((r) => r.brand_id as string))) as Brand[];
    return brands.sort((a, b) => a.handle.localeCompare(b.handle));
  }

  @FieldResolver(() => [StockLocation], { description: 'Archived ones included (see archivedAt).' })
  stockLocations(@Root() store: Store, @Ctx() ctx: Context) {
    return adminLoaders.locationsOfStore(ctx).load(store.id);
  }

  @FieldResolver(() => Date, { nullable: true })
  archivedAt(@Root() store: Store) {
    return store.archivedAt ?? null;
  }
}

@Resolver(() => StockLocation)
export class AdminStockLocationFieldsResolver {
  @FieldResolver(() => Store)
  store(@Root() location: StockLocation, @Ctx() ctx: Context) {
    return adminLoaders.store(ctx).load(location.store.id);
  }

  @FieldResolver(() => Date, { nullable: true })
  archivedAt(@Root() location: StockLocation) {
    return location.archivedAt ?? null;
  }
}
