import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { CatalogWrite } from './auth.js';
import { productService } from './product.service.js';
import * as P from './types/product.types.js';
import { variantService } from './variant.service.js';

@Resolver()
export class ProductAdminResolver {
  @Mutation(() => P.ProductCreatePayload)
  @CatalogWrite()
  productCreate(@Arg('input') input: P.ProductCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => productService.create(ctx, input));
  }

  @Mutation(() => P.ProductUpdatePayload)
  @CatalogWrite()
  productUpdate(@Arg('input') input: P.ProductUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => productService.update(ctx, input));
  }

  @Mutation(() => P.ProductArchivePayload, { description: 'Sets the status to ARCHIVED; publications are kept.' })
  @CatalogWrite()
  productArchive(@Arg('input') input: P.ProductArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => productService.archive(ctx, input));
  }

  @Mutation(() => P.ProductPublishPayload, { description: "Publishes to stores that carry the product's brand." })
  @CatalogWrite()
  productPublish(@Arg('input') input: P.ProductPublishInput, @Ctx() ctx: Context) {
    return payload(input, () => productService.publish(ctx, input));
  }

  @Mutation(() => P.ProductUnpublishPayload)
  @CatalogWrite()
  productUnpublish(@Arg('input') input: P.ProductUnpublishInput, @Ctx() ctx: Context) {
    return payload(input, () => productService.unpublish(ctx, input));
  }

  @Mutation(() => P.ProductVariantsCreatePayload)
  @CatalogWrite()
  productVariantsCreate(@Arg('input') input: P.ProductVariantsCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => variantService.create(ctx, input));
  }

  @Mutation(() => P.ProductVariantsUpdatePayload)
  @CatalogWrite()
  productVariantsUpdate(@Arg('input') input: P.ProductVariantsUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => variantService.update(ctx, input));
  }

  @Mutation(() => P.ProductVariantArchivePayload)
  @CatalogWrite()
  productVariantArchive(@Arg('input') input: P.ProductVariantArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => variantService.archive(ctx, input));
  }

  @Mutation(() => P.VariantPricesSetPayload, { description: "Prices in each store's currency; compare-at must exceed the price." })
  @CatalogWrite()
  variantPricesSet(@Arg('input') input: P.VariantPricesSetInput, @Ctx() ctx: Context) {
    return payload(input, () => variantService.pricesSet(ctx, input));
  }
}
