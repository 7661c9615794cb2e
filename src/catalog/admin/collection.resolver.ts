import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { CatalogWrite } from './auth.js';
import { categoryService } from './category.service.js';
import { collectionService } from './collection.service.js';
import { translationService } from './translation.service.js';
import * as K from './types/category.types.js';
import * as C from './types/collection.types.js';
import * as T from './types/translation.types.js';

@Resolver()
export class CollectionAdminResolver {
  @Mutation(() => C.CollectionCreatePayload, { description: 'Without brandId: a platform-curated collection (platform admins).' })
  @CatalogWrite()
  collectionCreate(@Arg('input') input: C.CollectionCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => collectionService.create(ctx, input));
  }

  @Mutation(() => C.CollectionUpdatePayload)
  @CatalogWrite()
  collectionUpdate(@Arg('input') input: C.CollectionUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => collectionService.update(ctx, input));
  }

  @Mutation(() => C.CollectionArchivePayload)
  @CatalogWrite()
  collectionArchive(@Arg('input') input: C.CollectionArchiveInput, @Ctx() ctx: Context) {
    return payload(input, () => collectionService.archive(ctx, input));
  }

  @Mutation(() => C.CollectionProductsSetPayload)
  @CatalogWrite()
  collectionProductsSet(@Arg('input') input: C.CollectionProductsSetInput, @Ctx() ctx: Context) {
    return payload(input, () => collectionService.productsSet(ctx, input));
  }

  @Mutation(() => K.CategoryCreatePayload, { description: 'The category tree is platform-wide: platform admins only.' })
  @CatalogWrite()
  categoryCreate(@Arg('input') input: K.CategoryCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => categoryService.create(ctx, input));
  }

  @Mutation(() => K.CategoryUpdatePayload, { description: 'Moving a category moves its subtree.' })
  @CatalogWrite()
  categoryUpdate(@Arg('input') input: K.CategoryUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => categoryService.update(ctx, input));
  }

  @Mutation(() => K.CategoryDeletePayload, { description: 'Refused while it has subcategories or products.' })
  @CatalogWrite()
  categoryDelete(@Arg('input') input: K.CategoryDeleteInput, @Ctx() ctx: Context) {
    return payload(input, () => categoryService.delete(ctx, input));
  }

  @Mutation(() => T.TranslationsRegisterPayload, { description: 'Adds or replaces translated fields of a Product, Collection, Category or Brand.' })
  @CatalogWrite()
  translationsRegister(@Arg('input') input: T.TranslationsRegisterInput, @Ctx() ctx: Context) {
    return payload(input, () => translationService.register(ctx, input));
  }

  @Mutation(() => T.TranslationsRemovePayload)
  @CatalogWrite()
  translationsRemove(@Arg('input') input: T.TranslationsRemoveInput, @Ctx() ctx: Context) {
    return payload(input, () => translationService.remove(ctx, input));
  }
}
