import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Money } from '../../shared/money.js';
import { ConnectionArgs, pageRequest, toConnection } from '../../shared/pagination.js';
import { validateFilter } from './filter.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { catalogLoaders } from '../loaders.js';
import { currentStore } from './current-store.js';
import { prepareProducts, withChain } from './localize.js';
import { setVariantView } from './variant.resolver.js';
import { findVisibleProduct, listingFacts, listProducts, parentsOf } from './product-list.js';
import { PriceRange, ProductConnection, ProductFilter, ProductSortKey } from './types.js';

/** A page of the current store's products (Query.products and Collection.products). */
export async function storeProducts(ctx: Context, page: ConnectionArgs, filter: ProductFilter | undefined, sortKey: ProductSortKey, reverse: boolean) {
  const request = pageRequest(page);
  await validateFilter(filter);
  const list = listProducts(ctx.em, await currentStore(ctx), { filter: filter ?? {}, sortKey, reverse, page: request });
  const rows = await list.rows();
  await prepareProducts(ctx, rows.map((r) => r.product));
  const cursors = new Map(rows.map((r) => [r.product, r.cursor]));
  return toConnection([...cursors.keys()], request, (p) => cursors.get(p)!, () => list.count());
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'A product of the current store; null when unknown or not published there.' })
  async product(@Arg('handle') handle: string, @Ctx() ctx: Context) {
    const product = await findVisibleProduct(ctx.em, await currentStore(ctx), { handle });
    if (!product) return null;
    const read = parentsOf(product);
    if (read) {
      catalogLoaders.brand(ctx).prime(read.brand.id, read.brand);
      if (read.category) catalogLoaders.category(ctx).prime(read.category.id, read.category);
    }
    await prepareProducts(ctx, [product]);
    return product;
  }

  @Query(() => ProductConnection, { description: 'Products of the current store.' })
  async products(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('sortKey', () => ProductSortKey, { defaultValue: ProductSortKey.RELEVANCE }) sortKey: ProductSortKey = ProductSortKey.RELEVANCE,
    @Arg('reverse', { defaultValue: false }) reverse: boolean = false,
  ) {
    return storeProducts(ctx, page, filter, sortKey, reverse);
  }

  @FieldResolver(() => [ProductVariant])
  async variants(@Root() product: Product, @Ctx() ctx: Context) {
    const store = await currentStore(ctx);
    const [variants, chain] = await Promise.all([
      catalogLoaders.variantsInStore(ctx, store.id).load(product.id),
      withChain(ctx, product, (c) => c),
    ]);
    for (const variant of variants) setVariantView(variant, { product, store, chain });
    return variants;
  }

  @FieldResolver(() => PriceRange)
  async priceRange(@Root() product: Product, @Ctx() ctx: Context): Promise<PriceRange> {
    const { currency } = await currentStore(ctx);
    const facts = listingFacts(product)!;
    return { minVariantPrice: Money.of(facts.minPrice, currency), maxVariantPrice: Money.of(facts.maxPrice, currency) };
  }

  @FieldResolver(() => Boolean, { description: 'Whether any variant has stock in this store.' })
  availableForSale(@Root() product: Product) {
    return listingFacts(product)?.available ?? false;
  }

  @FieldResolver(() => [Collection])
  collections(@Root() product: Product, @Ctx() ctx: Context) {
    return catalogLoaders.collectionsOfProduct(ctx).load(product.id);
  }
}
