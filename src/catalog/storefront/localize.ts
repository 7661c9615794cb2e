import type { Context } from '../../shared/context.js';
import type { Product } from '../entities/product.entity.js';
import { catalogLoaders } from '../loaders.js';
import { chainFor } from './current-store.js';
import { isStorefrontProduct } from './read-model.js';

/**
 * Products read through storefrontCatalog carry their locale chain, so the many content fields of a
 * wide list resolve synchronously. Other products (the Admin API's entities) compute it once per
 * product and request from the brand's default locale.
 */
const computed = new WeakMap<Product, Promise<string[]>>();

function computeChain(ctx: Context, product: Product): Promise<string[]> {
  let chain = computed.get(product);
  if (!chain) {
    chain = catalogLoaders.brand(ctx).load(product.brand.id).then((brand) => chainFor(ctx, brand?.defaultLocale));
    computed.set(product, chain);
  }
  return chain;
}

/** Applies `use` to the product's chain: synchronously for storefront read models, after computing it otherwise. */
export function withChain<T>(ctx: Context, product: Product, use: (chain: string[]) => T): T | Promise<T> {
  return isStorefrontProduct(product) ? use(product.inStore.chain) : computeChain(ctx, product).then(use);
}
