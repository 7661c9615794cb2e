import { FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { Money } from '../../shared/money.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { pickText } from '../i18n.js';
import { offerOf } from '../loaders.js';
import type { Store } from '../entities/store.entity.js';
import { SelectedOption } from './types.js';

/**
 * What a variant's fields need from the request, set by Product.variants for the whole list so
 * that every variant field resolves synchronously.
 */
export interface VariantView {
  product: Product;
  store: Store;
  chain: string[];
}

const views = new WeakMap<ProductVariant, VariantView>();

export function setVariantView(variant: ProductVariant, view: VariantView) {
  views.set(variant, view);
}

function view(variant: ProductVariant): VariantView {
  const found = views.get(variant);
  if (!found) throw new Error(`variant ${variant.id} resolved outside Product.variants`);
  return found;
}

@Resolver(() => ProductVariant)
export class VariantResolver {
  @FieldResolver(() => Money, { nullable: true, description: "Price in the store's currency; null when not priced there." })
  price(@Root() variant: ProductVariant) {
    const offer = offerOf(variant);
    return offer?.amount == null ? null : Money.of(offer.amount, view(variant).store.currency);
  }

  @FieldResolver(() => Money, { nullable: true, description: 'The "was" price, when the variant is on sale.' })
  compareAtPrice(@Root() variant: ProductVariant) {
    const offer = offerOf(variant);
    return offer?.compareAtAmount == null ? null : Money.of(offer.compareAtAmount, view(variant).store.currency);
  }

  @FieldResolver(() => Boolean)
  availableForSale(@Root() variant: ProductVariant) {
    const offer = offerOf(variant);
    return !!offer && offer.amount != null && offer.available > 0;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Units available in this store; null unless the store shows stock counts.' })
  quantityAvailable(@Root() variant: ProductVariant) {
    return view(variant).store.showStockQuantity ? Math.max(0, offerOf(variant)?.available ?? 0) : null;
  }

  @FieldResolver(() => [SelectedOption])
  selectedOptions(@Root() variant: ProductVariant): SelectedOption[] {
    const { product, chain } = view(variant);
    return product.options.flatMap((option) => {
      const valueCode = variant.optionValues[option.code];
      const value = option.values.find((v) => v.code === valueCode);
      if (!value) return [];
      return [{ code: option.code, name: pickText(option.names, chain) ?? option.code, valueCode, value: pickText(value.names, chain) ?? valueCode }];
    });
  }

  @FieldResolver(() => String, { description: 'Option values joined, e.g. "Black / M".' })
  title(@Root() variant: ProductVariant) {
    const options = this.selectedOptions(variant);
    return options.length ? options.map((o) => o.value).join(' / ') : variant.sku;
  }
}
