import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrencyCode } from '../shared/money.js';
import { pgArray } from '../shared/sql.js';
import type { ProductOptionData } from './entities/translations.js';
import { htmlToText } from './i18n.js';
import { LISTED_IN_STORE } from './storefront/product-list.js';

/**
 * The catalog's read service for search: everything a search index needs about products, as plain
 * data, one document per product visible in a store (ACTIVE, published there, priced there: the same
 * rule as the storefront's products). Search calls this; the catalog never imports search.
 */

/** { locale: text } */
export type Names = Record<string, string>;

export interface SearchSourceListing {
  storeId: string;
  productId: string;
  handle: string;
  store: { defaultLocale: string; locales: string[]; currency: CurrencyCode };
  brand: { handle: string; defaultLocale: string; names: Names };
  titles: Names;
  /** Plain text. */
  descriptions: Names;
  /** The product's category and its ancestors, root first. */
  categories: { handle: string; names: Names }[];
  tags: string[];
  /** Handles of the live collections it belongs to. */
  collections: string[];
  /** Options with only the values some live variant has. */
  options: ProductOptionData[];
  minPrice: number;
  maxPrice: number;
  available: boolean;
  /** Lower-case title in the store's default locale (the TITLE sort of product lists). */
  sortTitle: string;
  unitsSold: number;
  createdAt: Date;
  publishedAt: Date;
}

type Row = Record<string, any>;

function namesOf(translations: Record<string, Record<string, string>> | null, field: string): Names {
  const out: Names = {};
  for (const [locale, t] of Object.entries(translations ?? {})) if (t?.[field]) out[locale] = t[field];
  return out;
}

function liveOptions(options: ProductOptionData[], variantValues: Record<string, string>[]): ProductOptionData[] {
  return options.map((o) => {
    const used = new Set(variantValues.map((v) => v[o.code]).filter(Boolean));
    return { ...o, values: o.values.filter((v) => used.has(v.code)) };
  });
}

/** The visible listings of these products, every store; products not visible anywhere are absent. */
export async function loadSearchSource(em: EntityManager, productIds: string[]): Promise<SearchSourceListing[]> {
  if (productIds.length === 0) return [];
  const rows = await em.execute<Row[]>(
    `select l.store_id, l.product_id, l.min_price, l.max_price, l.available, l.sort_title, l.units_sold, l.published_at,
            p.handle, p.created_at, p.translations, p.tags, p.options,
            s.default_locale as store_locale, s.supported_locales, s.currency,
            b.handle as brand_handle, b.default_locale as brand_locale, b.translations as brand_translations,
            coalesce((select json_agg(json_build_object('handle', a.handle, 'names', a.translations) order by length(a.path))
                        from category c join category a on c.path = a.path or starts_with(c.path, a.path || '/')
                       where c.id = p.category_id), '[]') as categories,
            coalesce((select array_agg(c.handle order by c.handle) from collection_product cp
                        join collection c on c.id = cp.collection_id
                       where cp.product_id = p.id and c.archived_at is null), '{}') as collections,
            coalesce((select jsonb_agg(distinct v.option_values) from product_variant v
                       where v.product_id = p.id and v.archived_at is null), '[]') as variant_values
       from product_listing l
       join product p on p.id = l.product_id
       join store s on s.id = l.store_id
       join brand b on b.id = p.brand_id
      where l.product_id = any(?::uuid[]) and ${LISTED_IN_STORE}
      order by l.product_id, l.store_id`,
    [pgArray([...new Set(productIds)])],
  );
  return rows.map((r) => ({
    storeId: r.store_id,
    productId: r.product_id,
    handle: r.handle,
    store: { defaultLocale: r.store_locale, locales: r.supported_locales ?? [], currency: r.currency },
    brand: { handle: r.brand_handle, defaultLocale: r.brand_locale, names: namesOf(r.brand_translations, 'name') },
    titles: namesOf(r.translations, 'title'),
    descriptions: Object.fromEntries(Object.entries(namesOf(r.translations, 'descriptionHtml')).map(([l, h]) => [l, htmlToText(h)])),
    categories: (r.categories as { handle: string; names: Row }[]).map((c) => ({ handle: c.handle, names: namesOf(c.names, 'name') })),
    tags: r.tags ?? [],
    collections: r.collections ?? [],
    options: liveOptions(r.options ?? [], r.variant_values ?? []),
    minPrice: Number(r.min_price),
    maxPrice: Number(r.max_price),
    available: Boolean(r.available),
    sortTitle: r.sort_title ?? '',
    unitsSold: Number(r.units_sold ?? 0),
    createdAt: new Date(r.created_at),
    publishedAt: new Date(r.published_at),
  }));
}

/** Every product id, in pages (keyset on id), for full rebuilds of an index. */
export async function productIdsAfter(em: EntityManager, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await em.execute<{ id: string }[]>(
    `select id from product ${afterId ? 'where id > ?' : ''} order by id limit ?`,
    afterId ? [afterId, limit] : [limit],
  );
  return rows.map((r) => r.id);
}

export async function countProducts(em: EntityManager): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>('select count(*) as n from product');
  return Number(row.n);
}

export interface LabelSource {
  brands: Map<string, { names: Names; defaultLocale: string }>;
  categories: Map<string, Names>;
  /** key "<option>:<value>" */
  optionValues: Map<string, Names>;
}

/** Localizable names of facet values (brands, categories, option values), in one statement. */
export async function loadLabelSource(
  em: EntityManager,
  want: { brands: string[]; categories: string[]; options: { option: string; value: string }[] },
): Promise<LabelSource> {
  const out: LabelSource = { brands: new Map(), categories: new Map(), optionValues: new Map() };
  if (!want.brands.length && !want.categories.length && !want.options.length) return out;
  const rows = await em.execute<Row[]>(
    `select 'b' as kind, handle as key, translations as names, default_locale from brand where handle = any(?::text[])
     union all
     select 'c', handle, translations, null from category where handle = any(?::text[])
     union all
     select 'o', k.option || ':' || k.value,
            (select v -> 'names' from product_variant pv join product p on p.id = pv.product_id,
                    jsonb_array_elements(p.options) o, jsonb_array_elements(o -> 'values') v
              where pv.option_values @> jsonb_build_object(k.option, k.value)
                and o ->> 'code' = k.option and v ->> 'code' = k.value limit 1), null
       from unnest(?::text[], ?::text[]) as k(option, value)`,
    [pgArray(want.brands), pgArray(want.categories), pgArray(want.options.map((o) => o.option)), pgArray(want.options.map((o) => o.value))],
  );
  for (const r of rows) {
    if (r.kind === 'b') out.brands.set(r.key, { names: namesOf(r.names, 'name'), defaultLocale: r.default_locale });
    else if (r.kind === 'c') out.categories.set(r.key, namesOf(r.names, 'name'));
    else if (r.names) out.optionValues.set(r.key, r.names);
  }
  return out;
}

/** The store's brands and the whole category tree, with their names: what search suggestions complete. */
export async function loadSuggestionSource(em: EntityManager, storeId: string) {
  const rows = await em.execute<Row[]>(
    `select 'b' as kind, b.handle, b.translations, b.default_locale from store_brand sb join brand b on b.id = sb.brand_id
      where sb.store_id = ? and b.archived_at is null
     union all
     select 'c', c.handle, c.translations, null from category c`,
    [storeId],
  );
  return {
    brands: rows.filter((r) => r.kind === 'b').map((r) => ({ handle: r.handle as string, names: namesOf(r.translations, 'name'), defaultLocale: r.default_locale as string })),
    categories: rows.filter((r) => r.kind === 'c').map((r) => ({ handle: r.handle as string, names: namesOf(r.translations, 'name') })),
  };
}
