import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Money } from '../../shared/money.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { pickText } from '../i18n.js';
import { catalogLoaders, offerOf } from '../loaders.js';
import { chainFor, currentStore } from './current-store.js';
import { SelectedOption } from './types.js';

/** Variants are always resolved under their product, which Product.variants puts on each of them. */
function productOf(variant: ProductVariant): Product {
  return variant.product;
}

@Resolver(() => ProductVariant)
export class VariantResolver {
  @FieldResolver(() => Money, { nullable: true, description: "Price in the store's currency; null when not priced there." })
  async price(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    const offer = offerOf(variant);
    return offer?.amount == null ? null : Money.of(offer.amount, (await currentStore(ctx)).currency);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The "was" price, when the variant is on sale.' })
  async compareAtPrice(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    const offer = offerOf(variant);
    return offer?.compareAtAmount == null ? null : Money.of(offer.compareAtAmount, (await currentStore(ctx)).currency);
  }

  @FieldResolver(() => Boolean)
  availableForSale(@Root() variant: ProductVariant) {
    const offer = offerOf(variant);
    return !!offer && offer.amount != null && offer.available > 0;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Units available in this store; null unless the store shows stock counts.' })
  async quantityAvailable(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    const store = await currentStore(ctx);
    return store.showStockQuantity ? Math.max(0, offerOf(variant)?.available ?? 0) : null;
  }

  @FieldResolver(() => [SelectedOption])
  async selectedOptions(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<SelectedOption[]> {
    const product = productOf(variant);
    const brand = await catalogLoaders.brand(ctx).load(product.brand.id);
    const chain = await chainFor(ctx, brand?.defaultLocale);
    return product.options.flatMap((option) => {
      const valueCode = variant.optionValues[option.code];
      const value = option.values.find((v) => v.code === valueCode);
      if (!value) return [];
      return [{ code: option.code, name: pickText(option.names, chain) ?? option.code, valueCode, value: pickText(value.names, chain) ?? valueCode }];
    });
  }

  @FieldResolver(() => String, { description: 'Option values joined, e.g. "Black / M".' })
  async title(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    const options = await this.selectedOptions(variant, ctx);
    return options.length ? options.map((o) => o.value).join(' / ') : variant.sku;
  }
}
