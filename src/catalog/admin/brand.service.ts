import type { EntityManager } from '@mikro-orm/postgresql';
import { catalogEvents } from '../events.js';
import { Brand, BrandGroup } from '../entities/brand.entity.js';
import type { BrandText, Translations } from '../entities/translations.js';
import { refreshListings } from '../listing.service.js';
import { invalid, notFound, assertHandleFree } from './errors.js';
import { canonicalLocale } from './validation.js';
import { localeEntries, mergeTranslations } from './locales.js';
import { assertBrandAccess, assertPlatformScope } from './scope.js';
import { idOf, idOrNull, loadForWrite, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { BrandCreateInput, BrandGroupCreateInput, BrandTranslationInput, BrandUpdateInput } from './types/brand.types.js';

function brandTranslations(items: BrandTranslationInput[]): Translations<BrandText> {
  return localeEntries(items, ['input', 'translations']) as Translations<BrandText>;
}

function requireDefaultName(translations: Translations<BrandText>, defaultLocale: string) {
  if (!translations[defaultLocale]?.name) {
    throw invalid(`A name in the default locale (${defaultLocale}) is required`, ['input', 'translations']);
  }
}

async function findGroup(em: EntityManager, groupId: string) {
  const group = await em.findOne(BrandGroup, { id: groupId });
  if (!group) throw notFound('brand group', ['input', 'groupId']);
  return group;
}

/** Products showing the brand: their listings (sort title falls back to the brand locale) and search documents follow it. */
export async function refreshBrandProducts(em: EntityManager, brandId: string) {
  const rows = await em.execute<{ id: string }[]>('select id from product where brand_id = ?', [brandId]);
  await refreshListings(em, rows.map((r) => r.id));
}

export const brandService = {
  async groupCreate(ctx: ServiceCtx, input: BrandGroupCreateInput) {
    assertPlatformScope(ctx.viewer);
    return transaction(ctx, async (tx) => {
      await assertHandleFree(tx, BrandGroup, 'Brand group', input.handle);
      const brandGroup = tx.create(BrandGroup, { handle: input.handle, name: input.name.trim() });
      catalogEvents.record(tx, 'brand_group.changed', { brandGroupId: brandGroup.id });
      return { brandGroup };
    });
  },

  async create(ctx: ServiceCtx, input: BrandCreateInput) {
    assertPlatformScope(ctx.viewer);
    const defaultLocale = canonicalLocale(input.defaultLocale)!;
    const translations = brandTranslations(input.translations);
    requireDefaultName(translations, defaultLocale);
    const groupId = idOrNull(input.groupId, 'BrandGroup', 'groupId');
    return transaction(ctx, async (tx) => {
      await assertHandleFree(tx, Brand, 'Brand', input.handle);
      const group = groupId ? await findGroup(tx, groupId) : undefined;
      const brand = tx.create(Brand, { handle: input.handle, defaultLocale, translations, logoUrl: input.logoUrl, group });
      catalogEvents.record(tx, 'brand.changed', { brandId: brand.id });
      return { brand };
    });
  },

  async update(ctx: ServiceCtx, input: BrandUpdateInput) {
    const id = idOf(input.id, 'Brand', 'id');
    const groupId = idOrNull(input.groupId, 'BrandGroup', 'groupId');
    return transaction(ctx, async (tx) => {
      const brand = await loadForWrite(tx, Brand, { id }, { what: 'brand', field: ['input', 'id'], authorize: (b) => assertBrandAccess(ctx.viewer, b.id) });
      if (input.handle && input.handle !== brand.handle) {
        await assertHandleFree(tx, Brand, 'Brand', input.handle);
        brand.handle = input.handle;
      }
      if (groupId !== undefined) brand.group = groupId ? await findGroup(tx, groupId) : undefined;
      if (input.defaultLocale) brand.defaultLocale = canonicalLocale(input.defaultLocale)!;
      if (input.translations) brand.translations = mergeTranslations(brand.translations, brandTranslations(input.translations));
      requireDefaultName(brand.translations, brand.defaultLocale);
      if (input.logoUrl !== undefined) brand.logoUrl = input.logoUrl ?? undefined;
      catalogEvents.record(tx, 'brand.changed', { brandId: brand.id });
      await tx.flush();
      await refreshBrandProducts(tx, brand.id);
      return { brand };
    });
  },

  /** Archiving a brand is a platform decision: its storefronts and products go with it. */
  async archive(ctx: ServiceCtx, input: { id: string }) {
    assertPlatformScope(ctx.viewer);
    const id = idOf(input.id, 'Brand', 'id');
    return transaction(ctx, async (tx) => {
      const brand = await tx.findOne(Brand, { id });
      if (!brand) throw notFound('brand', ['input', 'id']);
      brand.archivedAt ??= new Date();
      catalogEvents.record(tx, 'brand.changed', { brandId: brand.id });
      await tx.flush();
      await refreshBrandProducts(tx, brand.id);
      return { brand };
    });
  },
};
