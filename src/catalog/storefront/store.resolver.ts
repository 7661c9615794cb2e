import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { ConnectionArgs, connectionType, pageRequest, toConnection } from '../../shared/pagination.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import { Store } from '../entities/store.entity.js';
import { pick } from '../i18n.js';
import { chainFor, currentStore, storeBrands } from './current-store.js';

const BrandConnection = connectionType(Brand, 'Brand');

@Resolver(() => Store)
export class StoreResolver {
  @Query(() => Store, { description: 'The store named by the x-store header.' })
  store(@Ctx() ctx: Context) {
    return currentStore(ctx);
  }

  @Query(() => BrandConnection, { description: 'Brands sold in the current store, by handle.' })
  async brands(@Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    const page = pageRequest(args);
    const all = await storeBrands(await currentStore(ctx));
    // A store carries a handful of brands: page them in memory on the handle.
    const cursor = page.cursor?.[0] as string | undefined;
    const ordered = page.backward ? [...all].reverse() : all;
    const after = cursor === undefined ? ordered : ordered.filter((b) => (page.backward ? b.handle < cursor : b.handle > cursor));
    return toConnection(after.slice(0, page.limit + 1), page, (b) => [b.handle], async () => all.length);
  }

  @Query(() => Brand, { nullable: true, description: 'A brand sold in the current store; null otherwise.' })
  async brand(@Arg('handle') handle: string, @Ctx() ctx: Context) {
    return (await storeBrands(await currentStore(ctx))).find((b) => b.handle === handle) ?? null;
  }

  @FieldResolver(() => [Brand], { name: 'brands', description: 'One brand for a flagship; several for a Design Mall.' })
  brandsCarried(@Root() store: Store) {
    return storeBrands(store);
  }
}

@Resolver(() => Brand)
export class BrandResolver {
  @FieldResolver(() => String)
  async name(@Root() brand: Brand, @Ctx() ctx: Context) {
    return pick(brand.translations, 'name', await chainFor(ctx, brand.defaultLocale)).value ?? brand.handle;
  }

  @FieldResolver(() => String, { nullable: true })
  async story(@Root() brand: Brand, @Ctx() ctx: Context) {
    return pick(brand.translations, 'story', await chainFor(ctx, brand.defaultLocale)).value ?? null;
  }

  @FieldResolver(() => BrandGroup, { nullable: true })
  async group(@Root() brand: Brand, @Ctx() ctx: Context) {
    return brand.group ? ctx.em.findOne(BrandGroup, { id: brand.group.id }) : null;
  }
}
