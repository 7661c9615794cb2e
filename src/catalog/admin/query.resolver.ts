import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { ConnectionArgs, connectionType } from '../../shared/pagination.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { ProductStatus } from '../entities/enums.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { Store } from '../entities/store.entity.js';
import { CollectionConnection, ProductConnection } from '../storefront/types.js';
import { CatalogRead } from './auth.js';
import { inventoryService } from './inventory.service.js';
import { adminQueryService } from './query.service.js';
import { InventoryLevelView } from './types/inventory.types.js';

const BrandConnection = connectionType(Brand, 'Brand');
const StoreConnection = connectionType(Store, 'Store');

/** Catalog reads of the Admin API: any status, scoped to the viewer's brands. */
@Resolver()
export class CatalogAdminQueryResolver {
  @Query(() => [BrandGroup])
  @CatalogRead()
  brandGroups(@Ctx() ctx: Context) {
    return adminQueryService.brandGroups(ctx);
  }

  @Query(() => BrandConnection, { description: 'Brands you work for (all for platform admins), oldest first.' })
  @CatalogRead()
  brands(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return adminQueryService.brands(ctx, args);
  }

  @Query(() => StoreConnection, { description: 'Stores carrying one of your brands, oldest first.' })
  @CatalogRead()
  stores(@Args() args: ConnectionArgs, @Ctx() ctx: Context, @Arg('brandId', () => ID, { nullable: true }) brandId?: string) {
    return adminQueryService.stores(ctx, args, brandId);
  }

  @Query(() => ProductConnection, { description: 'Products of your brands in every status, oldest first.' })
  @CatalogRead()
  products(
    @Args() args: ConnectionArgs,
    @Ctx() ctx: Context,
    @Arg('brandId', () => ID, { nullable: true }) brandId?: string,
    @Arg('status', () => ProductStatus, { nullable: true }) status?: ProductStatus,
  ) {
    return adminQueryService.products(ctx, args, { brandId, status });
  }

  @Query(() => Product, {
    nullable: true,
    description:
      'A product by `id` or by `handle` (give exactly one; `brandId` only with `handle`, to check the brand), in any status. ' +
      'null when unknown or of a brand you do not work for; BAD_USER_INPUT with reason INVALID_LOOKUP when neither or both are given.',
  })
  @CatalogRead()
  product(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { nullable: true }) id?: string,
    @Arg('handle', () => String, { nullable: true }) handle?: string,
    @Arg('brandId', () => ID, { nullable: true }) brandId?: string,
  ) {
    return adminQueryService.product(ctx, { id, handle, brandId });
  }

  @Query(() => ProductVariant, {
    nullable: true,
    description:
      'A variant by `id` or by `sku` (give exactly one), archived ones included. null when unknown or of a brand you do not work for; ' +
      'BAD_USER_INPUT with reason INVALID_LOOKUP when neither or both are given.',
  })
  @CatalogRead()
  productVariant(@Ctx() ctx: Context, @Arg('id', () => ID, { nullable: true }) id?: string, @Arg('sku', () => String, { nullable: true }) sku?: string) {
    return adminQueryService.productVariant(ctx, { id, sku });
  }

  @Query(() => CollectionConnection, { description: "Your brands' collections and platform-curated ones, oldest first." })
  @CatalogRead()
  collections(@Args() args: ConnectionArgs, @Ctx() ctx: Context, @Arg('brandId', () => ID, { nullable: true }) brandId?: string) {
    return adminQueryService.collections(ctx, args, brandId);
  }

  @Query(() => [Category], { description: 'The whole category tree, depth first (ordered by path).' })
  @CatalogRead()
  categories(@Ctx() ctx: Context) {
    return adminQueryService.categories(ctx);
  }

  @Query(() => [InventoryLevelView], { description: 'Stock of a variant at every location; empty when not visible to you.' })
  @CatalogRead()
  inventoryLevels(@Arg('variantId', () => ID) variantId: string, @Ctx() ctx: Context) {
    return inventoryService.levels(ctx, variantId);
  }
}
