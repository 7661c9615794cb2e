import type { Context } from '../../shared/context.js';
import type { Product } from '../entities/product.entity.js';
import { catalogLoaders } from '../loaders.js';
import { chainFor } from './current-store.js';

/**
 * Each product's locale fallback chain, computed once per request. List resolvers prepare it for a
 * whole page (one batched brand load), so the many content fields of a wide list resolve
 * synchronously instead of awaiting the same promises thousands of times.
 */
const chains = new WeakMap<Product, string[]>();

async function computeChain(ctx: Context, product: Product): Promise<string[]> {
  const brand = await catalogLoaders.brand(ctx).load(product.brand.id);
  const chain = await chainFor(ctx, brand?.defaultLocale);
  chains.set(product, chain);
  return chain;
}

export async function prepareProducts(ctx: Context, products: Product[]): Promise<void> {
  await Promise.all(products.filter((p) => !chains.has(p)).map((p) => computeChain(ctx, p)));
}

/** Applies `use` to the product's chain: synchronously when prepared, after loading it otherwise. */
export function withChain<T>(ctx: Context, product: Product, use: (chain: string[]) => T): T | Promise<T> {
  const chain = chains.get(product);
  return chain ? use(chain) : computeChain(ctx, product).then(use);
}
