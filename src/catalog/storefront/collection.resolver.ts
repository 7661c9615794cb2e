import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { ConnectionArgs } from '../../shared/pagination.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { htmlToText, pick } from '../i18n.js';
import { chainFor, collectionInStore } from './current-store.js';
import { storeProducts } from './product.resolver.js';
import { ProductConnection, ProductFilter, ProductSortKey } from './types.js';

/** All categories, once per request: the tree is small and every level is served from memory. */
function allCategories(ctx: Context): Promise<Category[]> {
  let all = ctx.memo.get('catalog.categories') as Promise<Category[]> | undefined;
  if (!all) {
    all = ctx.em.find(Category, {}, { orderBy: { position: 'asc', handle: 'asc' } });
    ctx.memo.set('catalog.categories', all);
  }
  return all;
}

@Resolver(() => Collection)
export class CollectionResolver {
  @Query(() => Collection, { nullable: true, description: 'A collection of the current store; null when unknown.' })
  async collection(@Arg('handle') handle: string, @Ctx() ctx: Context) {
    return collectionInStore(ctx, await ctx.em.findOne(Collection, { handle, archivedAt: null }));
  }

  @FieldResolver(() => String)
  async title(@Root() collection: Collection, @Ctx() ctx: Context) {
    return pick(collection.translations, 'title', await chainFor(ctx)).value ?? collection.handle;
  }

  @FieldResolver(() => String)
  async descriptionHtml(@Root() collection: Collection, @Ctx() ctx: Context) {
    return pick(collection.translations, 'descriptionHtml', await chainFor(ctx)).value ?? '';
  }

  @FieldResolver(() => String)
  async description(@Root() collection: Collection, @Ctx() ctx: Context) {
    return htmlToText(await this.descriptionHtml(collection, ctx));
  }

  @FieldResolver(() => ProductConnection, { description: 'Its products visible in the current store, in collection order by default.' })
  products(
    @Root() collection: Collection,
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
    @Arg('sortKey', () => ProductSortKey, { defaultValue: ProductSortKey.RELEVANCE }) sortKey: ProductSortKey = ProductSortKey.RELEVANCE,
    @Arg('reverse', { defaultValue: false }) reverse: boolean = false,
  ) {
    return storeProducts(ctx, page, { ...filter, collection: collection.handle }, sortKey, reverse);
  }
}

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category], { description: 'The top of the category tree; walk down with children.' })
  async categories(@Ctx() ctx: Context) {
    return (await allCategories(ctx)).filter((c) => !c.parent);
  }

  @FieldResolver(() => String)
  async name(@Root() category: Category, @Ctx() ctx: Context) {
    return pick(category.translations, 'name', await chainFor(ctx)).value ?? category.handle;
  }

  @FieldResolver(() => Category, { nullable: true })
  async parent(@Root() category: Category, @Ctx() ctx: Context) {
    return category.parent ? ((await allCategories(ctx)).find((c) => c.id === category.parent!.id) ?? null) : null;
  }

  @FieldResolver(() => [Category])
  async children(@Root() category: Category, @Ctx() ctx: Context) {
    return (await allCategories(ctx)).filter((c) => c.parent?.id === category.id);
  }
}
