import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Money } from '../../shared/money.js';
import { ConnectionArgs, pageRequest, toConnection } from '../../shared/pagination.js';
import { validateFilter } from './filter.js';
import { Collection } from '../entities/collection.entity.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { catalogLoaders } from '../loaders.js';
import { currentStore } from './current-store.js';
import { listProducts } from './product-list.js';
import { storefrontCatalog, withProductInStore } from './storefront-catalog.js';
import { PriceRange, ProductConnection, ProductFilter, ProductSortKey } from './types.js';

/** A page of the current store's products (Query.products and Collection.products). */
export async function storeProducts(ctx: Context, page: ConnectionArgs, filter: ProductFilter | undefined, sortKey: ProductSortKey, reverse: boolean) {
  const request = pageRequest(page);
  await validateFilter(filter);
  const list = listProducts(ctx.em, await currentStore(ctx), { filter: filter ?? {}, sortKey, reverse, page: request });
  const rows = await list.rows();
  const products = await storefrontCatalog.fromListingRows(ctx, rows.map((r) => r.row));
  const cursors = new Map(products.map((p, i) => [p, rows[i].cursor]));
  return toConnection(products, request, (p) => cursors.get(p)!, () => list.count());
}

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true, description: 'A product of the current store; null when unknown or not published there.' })
  product(@Arg('handle') handle: string, @Ctx() ctx: Context) {
    return storefrontCatalog.productByHandle(ctx, handle);
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
  variants(@Root() product: Product, @Ctx() ctx: Context) {
    return withProductInStore(ctx, product, (_, read) => storefrontCatalog.variantsOf(ctx, read));
  }

  @FieldResolver(() => PriceRange)
  priceRange(@Root() product: Product, @Ctx() ctx: Context): PriceRange | Promise<PriceRange> {
    return withProductInStore(ctx, product, ({ store, minPrice, maxPrice }) => ({
      minVariantPrice: Money.of(minPrice, store.currency),
      maxVariantPrice: Money.of(maxPrice, store.currency),
    }));
  }

  @FieldResolver(() => Boolean, { description: 'Whether any variant has stock in this store.' })
  availableForSale(@Root() product: Product, @Ctx() ctx: Context) {
    return withProductInStore(ctx, product, (inStore) => inStore.available);
  }

  @FieldResolver(() => [Collection])
  collections(@Root() product: Product, @Ctx() ctx: Context) {
    return catalogLoaders.collectionsOfProduct(ctx).load(product.id);
  }
}
