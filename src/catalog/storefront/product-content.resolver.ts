import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../app/context.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Product } from '../entities/product.entity.js';
import { htmlToText, pick, pickText } from '../i18n.js';
import { catalogLoaders } from '../loaders.js';
import { chainFor } from './current-store.js';
import { Image, ProductOption } from './types.js';

async function chainOf(ctx: Context, product: Product) {
  const brand = await catalogLoaders.brand(ctx).load(product.brand.id);
  return chainFor(ctx, brand?.defaultLocale);
}

/** Localized product content, served by both APIs (the Admin API has no store, so it skips that step of the chain). */
@Resolver(() => Product)
export class ProductContentResolver {
  @FieldResolver(() => String, { description: 'In the request locale, with the fallback chain (see translationLocale).' })
  async title(@Root() product: Product, @Ctx() ctx: Context) {
    return pick(product.translations, 'title', await chainOf(ctx, product)).value ?? product.handle;
  }

  @FieldResolver(() => String)
  async descriptionHtml(@Root() product: Product, @Ctx() ctx: Context) {
    return pick(product.translations, 'descriptionHtml', await chainOf(ctx, product)).value ?? '';
  }

  @FieldResolver(() => String, { description: 'The description as plain text.' })
  async description(@Root() product: Product, @Ctx() ctx: Context) {
    return htmlToText(await this.descriptionHtml(product, ctx));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The locale the title was served in.' })
  async translationLocale(@Root() product: Product, @Ctx() ctx: Context) {
    return pick(product.translations, 'title', await chainOf(ctx, product)).locale ?? null;
  }

  @FieldResolver(() => Brand)
  async brand(@Root() product: Product, @Ctx() ctx: Context) {
    return catalogLoaders.brand(ctx).load(product.brand.id);
  }

  @FieldResolver(() => Category, { nullable: true })
  async category(@Root() product: Product, @Ctx() ctx: Context) {
    return product.category ? catalogLoaders.category(ctx).load(product.category.id) : null;
  }

  @FieldResolver(() => [Image])
  async media(@Root() product: Product, @Ctx() ctx: Context): Promise<Image[]> {
    const chain = await chainOf(ctx, product);
    return product.media.map((m) => ({ ...m, altText: pickText(m.alt, chain) ?? null }));
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The first image.' })
  async featuredImage(@Root() product: Product, @Ctx() ctx: Context): Promise<Image | null> {
    return (await this.media(product, ctx))[0] ?? null;
  }

  @FieldResolver(() => [ProductOption])
  async options(@Root() product: Product, @Ctx() ctx: Context): Promise<ProductOption[]> {
    const chain = await chainOf(ctx, product);
    return product.options.map((o) => ({
      code: o.code,
      name: pickText(o.names, chain) ?? o.code,
      values: o.values.map((v) => ({ code: v.code, name: pickText(v.names, chain) ?? v.code })),
    }));
  }
}
