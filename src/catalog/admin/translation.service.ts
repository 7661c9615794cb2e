import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeGlobalId } from '../../shared/ids.js';
import { Brand } from '../entities/brand.entity.js';
import { Category } from '../entities/category.entity.js';
import { Collection } from '../entities/collection.entity.js';
import { Product } from '../entities/product.entity.js';
import { catalogEvents } from '../events.js';
import { refreshListings } from '../listing.service.js';
import { refreshBrandProducts } from './brand.service.js';
import { invalid, notFound } from './errors.js';
import { canonicalLocales } from './locales.js';
import { assertBrandAccess, assertPlatformScope } from './scope.js';
import { type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { canonicalLocale } from './validation.js';
import type { TranslationsRegisterInput, TranslationsRemoveInput } from './types/translation.types.js';

type Resource = Product | Collection | Category | Brand;
type Texts = Record<string, Record<string, string | undefined>>;
const FIELDS: Record<string, string[]> = { Product: ['title', 'descriptionHtml'], Collection: ['title', 'descriptionHtml'], Category: ['name'], Brand: ['name', 'story'] };
const ENTITY = { Product, Collection, Category, Brand } as const;

/** The locale maps a key lives in: the resource's translations, or a product option/value name or media alt text. */
function slot(type: string, resource: Resource, key: string): { map: Record<string, unknown>; field: string } | null {
  if (FIELDS[type].includes(key)) return { map: resource.translations as Texts, field: key };
  if (!(resource instanceof Product)) return null;
  const [kind, code, sub, extra] = key.split('.');
  if (kind === 'option' && code && extra === undefined) {
    const option = resource.options.find((o) => o.code === code);
    const target = sub === undefined ? option : option?.values.find((v) => v.code === sub);
    return target ? { map: { names: target.names }, field: 'names' } : null;
  }
  if (kind === 'media' && sub === 'alt' && extra === undefined) {
    const media = resource.media.find((m) => m.id === code);
    return media ? { map: { alt: media.alt }, field: 'alt' } : null;
  }
  return null;
}

function read(s: { map: Record<string, unknown>; field: string }, locale: string): string | undefined {
  if (s.field === 'names' || s.field === 'alt') return (s.map[s.field] as Record<string, string>)[locale];
  return (s.map as Texts)[locale]?.[s.field];
}

function write(s: { map: Record<string, unknown>; field: string }, locale: string, value: string | undefined) {
  if (s.field === 'names' || s.field === 'alt') {
    const names = s.map[s.field] as Record<string, string>;
    if (value === undefined) delete names[locale];
    else names[locale] = value;
    return;
  }
  const texts = s.map as Texts;
  const entry = { ...(texts[locale] ?? {}) };
  if (value === undefined) delete entry[s.field];
  else entry[s.field] = value;
  if (Object.keys(entry).length) texts[locale] = entry;
  else delete texts[locale];
}

/** Every translated key of the resource in one locale. */
function keysOf(type: string, resource: Resource): string[] {
  const keys = [...FIELDS[type]];
  if (resource instanceof Product) {
    for (const o of resource.options) keys.push(`option.${o.code}`, ...o.values.map((v) => `option.${o.code}.${v.code}`));
    for (const m of resource.media) keys.push(`media.${m.id}.alt`);
  }
  return keys;
}

function listIn(type: string, resource: Resource, locales: string[]) {
  return locales.flatMap((locale) =>
    keysOf(type, resource).flatMap((key) => {
      const value = read(slot(type, resource, key)!, locale);
      return value === undefined ? [] : [{ key, locale, value }];
    }),
  );
}

async function load(em: EntityManager, ctx: ServiceCtx, resourceId: string) {
  const { type, id } = decodeGlobalId(resourceId, Object.keys(ENTITY), ['input', 'resourceId']);
  const resource = (await em.findOne(ENTITY[type as keyof typeof ENTITY] as typeof Product, { id })) as Resource | null;
  if (!resource) throw notFound(type.toLowerCase(), ['input', 'resourceId']);
  if (resource instanceof Product) assertBrandAccess(ctx.viewer, resource.brand.id);
  else if (resource instanceof Brand) assertBrandAccess(ctx.viewer, resource.id);
  else if (resource instanceof Collection) resource.brand ? assertBrandAccess(ctx.viewer, resource.brand.id) : assertPlatformScope(ctx.viewer);
  else assertPlatformScope(ctx.viewer);
  return { type, resource };
}

/** The default-locale name or title is the end of every fallback chain: it cannot be removed. */
async function assertDefaultText(em: EntityManager, type: string, resource: Resource) {
  if (resource instanceof Product || resource instanceof Brand) {
    const brand = resource instanceof Brand ? resource : await em.findOneOrFail(Brand, { id: resource.brand.id });
    const field = resource instanceof Brand ? 'name' : 'title';
    if (!(resource.translations as Texts)[brand.defaultLocale]?.[field]) {
      throw invalid(`The ${field} in the default locale (${brand.defaultLocale}) cannot be removed`, ['input']);
    }
  } else if (!Object.values(resource.translations as Texts).some((t) => t[FIELDS[type][0]])) {
    throw invalid(`A ${FIELDS[type][0]} in at least one locale is required`, ['input']);
  }
}

/** Storefronts and search follow the change in the same transaction. */
async function propagate(tx: EntityManager, type: string, resource: Resource) {
  if (resource instanceof Brand) catalogEvents.record(tx, 'brand.changed', { brandId: resource.id });
  if (resource instanceof Category) catalogEvents.record(tx, 'category.changed', { categoryId: resource.id });
  if (resource instanceof Collection) catalogEvents.record(tx, 'collection.changed', { collectionId: resource.id });
  await tx.flush();
  if (resource instanceof Product) await refreshListings(tx, [resource.id]);
  if (resource instanceof Brand) await refreshBrandProducts(tx, resource.id);
  if (resource instanceof Category) await refreshListings(tx, (await tx.find(Product, { category: resource.id }, { fields: ['id'] })).map((p) => p.id));
  if (resource instanceof Collection) {
    const rows = await tx.execute<{ product_id: string }[]>('select product_id from collection_product where collection_id = ?', [resource.id]);
    await refreshListings(tx, rows.map((r) => r.product_id));
  }
}

/** Reassigns the jsonb properties so the unit of work sees the change. */
function touch(resource: Resource) {
  resource.translations = structuredClone(resource.translations) as never;
  if (resource instanceof Product) {
    resource.options = structuredClone(resource.options);
    resource.media = structuredClone(resource.media);
  }
}

export const translationService = {
  async register(ctx: ServiceCtx, input: TranslationsRegisterInput) {
    const locale = canonicalLocale(input.locale)!;
    return transaction(ctx, async (tx) => {
      const { type, resource } = await load(tx, ctx, input.resourceId);
      touch(resource);
      const seen = new Set<string>();
      input.translations.forEach(({ key, value }, i) => {
        const s = slot(type, resource, key);
        if (!s) throw invalid(`"${key}" is not a translatable key of this ${type}`, ['input', 'translations', String(i), 'key']);
        if (seen.has(key)) throw invalid(`"${key}" is given twice`, ['input', 'translations', String(i), 'key']);
        seen.add(key);
        write(s, locale, value === '' ? undefined : value);
      });
      await assertDefaultText(tx, type, resource);
      await propagate(tx, type, resource);
      return { translations: listIn(type, resource, [locale]) };
    });
  },

  async remove(ctx: ServiceCtx, input: TranslationsRemoveInput) {
    const locales = canonicalLocales(input.locales, ['input', 'locales']);
    return transaction(ctx, async (tx) => {
      const { type, resource } = await load(tx, ctx, input.resourceId);
      touch(resource);
      const keys = input.keys ?? keysOf(type, resource);
      keys.forEach((key, i) => {
        const s = slot(type, resource, key);
        if (!s) throw invalid(`"${key}" is not a translatable key of this ${type}`, ['input', 'keys', String(i)]);
        for (const locale of locales) write(s, locale, undefined);
      });
      await assertDefaultText(tx, type, resource);
      await propagate(tx, type, resource);
      return { translations: listIn(type, resource, locales) };
    });
  },
};
