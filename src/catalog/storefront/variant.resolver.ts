import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Money } from '../../shared/money.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { pickText } from '../i18n.js';
import type { VariantInStore } from './read-model.js';
import { withVariantInStore } from './storefront-catalog.js';
import { Image, SelectedOption } from './types.js';

function selectedOptions(variant: ProductVariant, { product }: VariantInStore): SelectedOption[] {
  const { chain } = product.inStore;
  return product.options.flatMap((option) => {
    const valueCode = variant.optionValues[option.code];
    const value = option.values.find((v) => v.code === valueCode);
    if (!value) return [];
    return [{ code: option.code, name: pickText(option.names, chain) ?? option.code, valueCode, value: pickText(value.names, chain) ?? valueCode }];
  });
}

/** Every field reads the store facts the variant carries (see storefrontCatalog), whoever loaded it. */
@Resolver(() => ProductVariant)
export class VariantResolver {
  @FieldResolver(() => Money, { nullable: true, description: "Price in the store's currency; null when not priced there." })
  price(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (offer) => (offer.amount == null ? null : Money.of(offer.amount, offer.store.currency)));
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The "was" price, when the variant is on sale.' })
  compareAtPrice(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (offer) => (offer.compareAtAmount == null ? null : Money.of(offer.compareAtAmount, offer.store.currency)));
  }

  @FieldResolver(() => Boolean)
  availableForSale(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (offer) => offer.amount != null && offer.available > 0);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Units available in this store; null unless the store shows stock counts.' })
  quantityAvailable(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (offer) => (offer.store.showStockQuantity ? Math.max(0, offer.available) : null));
  }

  @FieldResolver(() => [SelectedOption])
  selectedOptions(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (inStore) => selectedOptions(variant, inStore));
  }

  @FieldResolver(() => String, { description: 'Option values joined, e.g. "Black / M".' })
  title(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (inStore) => {
      const options = selectedOptions(variant, inStore);
      return options.length ? options.map((o) => o.value).join(' / ') : variant.sku;
    });
  }

  @FieldResolver(() => Product, { description: 'The product this variant belongs to.' })
  product(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, (inStore) => inStore.product);
  }

  @FieldResolver(() => Image, { nullable: true, description: "The variant's image: its product's featured image (variants have no media of their own yet)." })
  image(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return withVariantInStore(ctx, variant, ({ product }) => {
      const [first] = product.media;
      return first ? { ...first, altText: pickText(first.alt, product.inStore.chain) ?? null } : null;
    });
  }
}
