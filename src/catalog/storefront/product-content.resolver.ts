import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Product } from '../entities/product.entity.js';
import { htmlToText, pick, pickText } from '../i18n.js';
import { catalogLoaders } from '../loaders.js';
import { withChain } from './localize.js';
import { Image, ProductOption } from './types.js';

/** Localized product content, served by both APIs (the Admin API has no store, so it skips that step of the chain). */
@Resolver(() => Product)
export class ProductContentResolver {
  @FieldResolver(() => String, { description: 'In the request locale, with the fallback chain (see translationLocale).' })
  title(@Root() product: Product, @Ctx() ctx: Context) {
    return withChain(ctx, product, (chain) => pick(product.translations, 'title', chain).value ?? product.handle);
  }

  @FieldResolver(() => String)
  descriptionHtml(@Root() product: Product, @Ctx() ctx: Context) {
    return withChain(ctx, product, (chain) => pick(product.translations, 'descriptionHtml', chain).value ?? '');
  }

  @FieldResolver(() => String, { description: 'The description as plain text.' })
  description(@Root() product: Product, @Ctx() ctx: Context) {
    return withChain(ctx, product, (chain) => htmlToText(pick(product.translations, 'descriptionHtml', chain).value ?? ''));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The locale the title was served in.' })
  translationLocale(@Root() product: Product, @Ctx() ctx: Context) {
    return withChain(ctx, product, (chain) => pick(product.translations, 'title', chain).locale ?? null);
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
  media(@Root() product: Product, @Ctx() ctx: Context): Image[] | Promise<Image[]> {
    return withChain(ctx, product, (chain) => product.media.map((m) => ({ ...m, altText: pickText(m.alt, chain) ?? null })));
  }

  @FieldResolver(() => Image, { nullable: true, description: 'The first image.' })
  featuredImage(@Root() product: Product, @Ctx() ctx: Context): Image | null | Promise<Image | null> {
    const [first] = product.media;
    return first ? withChain(ctx, product, (chain) => ({ ...first, altText: pickText(first.alt, chain) ?? null })) : null;
  }

  @FieldResolver(() => [ProductOption])
  options(@Root() product: Product, @Ctx() ctx: Context): ProductOption[] | Promise<ProductOption[]> {
    return withChain(ctx, product, (chain) =>
      product.options.map((o) => ({
        code: o.code,
        name: pickText(o.names, chain) ?? o.code,
        values: o.values.map((v) => ({ code: v.code, name: pickText(v.names, chain) ?? v.code })),
      })),
    );
  }
}
