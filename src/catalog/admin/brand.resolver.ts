import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { CatalogWrite, PlatformOnly } from './auth.js';
import { brandService } from './brand.service.js';
import { storeService } from './store.service.js';
import * as B from './types/brand.types.js';
import * as S from './types/store.types.js';

@Resolver()
export class BrandAdminResolver {
  @Mutation(() => B.BrandGroupCreatePayload, { description: 'Platform admins only.' })
  @PlatformOnly()
  brandGroupCreate(@Arg('input') input: B.BrandGroupCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => brandService.groupCreate(ctx, input));
  }

  @Mutation(() => B.BrandCreatePayload, { description: 'Platform admins only.' })
  @PlatformOnly()
  brandCreate(@Arg('input') input: B.BrandCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => brandService.create(ctx, input));
  }

  @Mutation(() => B.BrandUpdatePayload)
  @CatalogWrite()
  brandUpdate(@Arg('input') input: B.BrandUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => brandService.update(ctx, input));
  }

  @Mutation(() => B.BrandArchivePayload, { description: 'Platform admins only: the brand leaves every storefront.' })
  @PlatformOnly()
  brandArchive(@Arg('input') input: B.BrandArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => brandService.archive(ctx, input));
  }

  @Mutation(() => S.StoreCreatePayload, { description: 'You need access to every brand the store carries.' })
  @CatalogWrite()
  storeCreate(@Arg('input') input: S.StoreCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.create(ctx, input));
  }

  @Mutation(() => S.StoreUpdatePayload)
  @CatalogWrite()
  storeUpdate(@Arg('input') input: S.StoreUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.update(ctx, input));
  }

  @Mutation(() => S.StoreArchivePayload)
  @CatalogWrite()
  storeArchive(@Arg('input') input: S.StoreArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.archive(ctx, input));
  }

  @Mutation(() => S.StockLocationCreatePayload)
  @CatalogWrite()
  stockLocationCreate(@Arg('input') input: S.StockLocationCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.locationCreate(ctx, input));
  }

  @Mutation(() => S.StockLocationUpdatePayload)
  @CatalogWrite()
  stockLocationUpdate(@Arg('input') input: S.StockLocationUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.locationUpdate(ctx, input));
  }

  @Mutation(() => S.StockLocationArchivePayload)
  @CatalogWrite()
  stockLocationArchive(@Arg('input') input: S.StockLocationArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => storeService.locationArchive(ctx, input));
  }
}
