import type { EntityManager } from '@mikro-orm/postgresql';
import { Brand, BrandGroup } from '../src/catalog/entities/brand.entity.js';
import { Category } from '../src/catalog/entities/category.entity.js';
import { Collection, CollectionProduct } from '../src/catalog/entities/collection.entity.js';
import { ProductStatus } from '../src/catalog/entities/enums.js';
import { InventoryLevel, ProductListing, VariantPrice } from '../src/catalog/entities/pricing.entity.js';
import { Product, ProductVariant } from '../src/catalog/entities/product.entity.js';
import { StockLocation, Store } from '../src/catalog/entities/store.entity.js';
import type { MediaData, ProductOptionData } from '../src/catalog/entities/translations.js';
import { StoreCommerceSettings } from '../src/commerce/carts/cart.entity.js';
import { CurrencyCode, parseDecimal } from '../src/shared/money.js';
import * as data from './demo-data.js';

/**
 * Writes the demo catalog (demo-data.ts) through the entities and flushes; returns the product ids, for
 * refreshListings. Checks the data as it goes: a product is only published to stores that carry its
 * brand, priced in each store's currency and translated into each store's locales.
 */
export async function writeDemoCatalog(em: EntityManager): Promise<string[]> {
  // Brand groups, brands and categories are shared with the synthetic catalog: reuse rows that exist.
  const groups = await reuseOrCreate(em, BrandGroup, data.BRAND_GROUPS, (g) => em.create(BrandGroup, g));
  const brands = await reuseOrCreate(em, Brand, data.BRANDS, (b) =>
    em.create(Brand, {
      handle: b.handle,
      group: b.group ? need(groups, b.group, 'brand group') : undefined,
      defaultLocale: b.defaultLocale,
      translations: zipTexts({ name: b.name, story: b.story }),
      logoUrl: `${data.MEDIA_BASE_URL}/brands/${b.handle}/logo.svg`,
    }),
  );

  const stores = new Map<string, { store: Store; locations: StockLocation[]; locales: string[] }>();
  for (const s of data.STORES) {
    const { brands: brandHandles, locations, ...fields } = s;
    const store = em.create(Store, { ...fields, currency: CurrencyCode[s.currency], showStockQuantity: s.showStockQuantity ?? false });
    store.brands.set(brandHandles.map((h) => need(brands, h, 'brand')));
    const locs = locations.map((l) => em.create(StockLocation, { ...l, store }));
    em.create(StoreCommerceSettings, { store, ...data.MARKET_TERMS[s.marketCountry] });
    stores.set(s.handle, { store, locations: locs, locales: s.supportedLocales });
  }

  const categories = await existingByHandle(em, Category, data.CATEGORIES.map((c) => c.handle));
  for (const c of data.CATEGORIES) {
    if (categories.has(c.handle)) continue;
    const parent = c.parent ? need(categories, c.parent, 'category') : undefined;
    const position = data.CATEGORIES.filter((o) => o.parent === c.parent).indexOf(c);
    const path = parent ? `${parent.path}/${c.handle}` : c.handle;
    categories.set(c.handle, em.create(Category, { handle: c.handle, parent, path, position, translations: zipTexts({ name: c.name }) }));
  }

  const products = new Map<string, Product>();
  let barcodeSeq = 0;
  for (const p of data.PRODUCTS) {
    const brand = need(brands, p.brand, 'brand');
    const published = p.stores.map((h) => ({ handle: h, ...need(stores, h, 'store') }));
    for (const s of published) {
      if (!s.store.brands.contains(brand)) fail(p.handle, `store ${s.handle} does not carry brand ${p.brand}`);
      const missing = s.locales.filter((l) => !p.title[l as data.Locale] || !p.description[l as data.Locale]);
      if (missing.length) fail(p.handle, `store ${s.handle} needs a title and description in ${missing.join(', ')}`);
    }
    const product = em.create(Product, {
      handle: p.handle,
      brand,
      status: p.status ?? ProductStatus.ACTIVE,
      category: need(categories, p.category, 'category'),
      tags: p.tags,
      translations: zipTexts({ title: p.title, descriptionHtml: mapText(p.description, toHtml) }),
      options: productOptions(p),
      media: productMedia(p),
    });
    products.set(p.handle, product);

    const combos = (p.colours ?? [undefined]).flatMap((colour) => (p.sizes ?? [undefined]).map((size) => ({ colour, size })));
    combos.forEach(({ colour, size }, position) => {
      const variant = em.create(ProductVariant, {
        product,
        sku: [p.style, colour, size].filter(Boolean).join('-').toUpperCase(),
        optionValues: { ...(colour && { colour }), ...(size && { size }) },
        barcode: ean13(`200${String(++barcodeSeq).padStart(9, '0')}`),
        weightGrams: p.weightGrams,
        position,
      });
      for (const { handle, store, locations } of published) {
        const prices = (size && p.sizePrices?.[size]) || p.price;
        const amount = prices[store.currency as data.Currency] ?? p.price[store.currency as data.Currency];
        if (!amount) fail(p.handle, `no ${store.currency} price for store ${handle}`);
        const compareAt = p.compareAt?.[store.currency as data.Currency];
        em.create(VariantPrice, {
          variant,
          store,
          currency: store.currency,
          amount: parseDecimal(amount, store.currency, ['price']),
          compareAtAmount: compareAt ? parseDecimal(compareAt, store.currency, ['compareAt']) : undefined,
        });
        const onHand = colour && p.soldOut?.includes(colour) ? 0 : (p.stock ?? 8);
        for (const location of locations) em.create(InventoryLevel, { variant, location, onHand });
      }
    });
    for (const { store } of published) em.create(ProductListing, { store, product });
  }

  for (const c of data.COLLECTIONS) {
    const collection = em.create(Collection, {
      handle: c.handle,
      brand: c.brand ? need(brands, c.brand, 'brand') : undefined,
      translations: zipTexts({ title: c.title, descriptionHtml: mapText(c.description, toHtml) }),
    });
    c.products.forEach((handle, position) => em.create(CollectionProduct, { collection, product: need(products, handle, 'product'), position }));
  }

  await em.flush();
  return [...products.values()].map((p) => p.id);
}

function productOptions(p: data.DemoProduct): ProductOptionData[] {
  const option = (code: string, label: keyof typeof data.OPTION_LABELS, codes: string[], names: Record<string, data.Text>) => ({
    code,
    names: { ...data.OPTION_LABELS[label] },
    values: codes.map((value) => ({ code: value, names: { ...need(new Map(Object.entries(names)), value, `${code} value`) } })),
  });
  return [
    ...(p.colours ? [option('colour', p.colourLabel ?? 'colour', p.colours, data.COLOURS)] : []),
    ...(p.sizes ? [option('size', p.sizeLabel ?? 'size', p.sizes, data.SIZES)] : []),
  ];
}

function productMedia(p: data.DemoProduct): MediaData[] {
  return Array.from({ length: p.images ?? 2 }, (_, i) => {
    const view = data.VIEWS[i % data.VIEWS.length];
    return {
      id: `${p.handle}-${i + 1}`,
      url: `${data.MEDIA_BASE_URL}/${p.brand}/${p.handle}/${i + 1}.jpg`,
      alt: mapText(p.title, (title, locale) => `${title} – ${view[locale] ?? view.en}`),
      width: 1600,
      height: 2000,
    };
  });
}

/** { name: {en, zh-CN}, story: {en} } -> { en: { name, story }, zh-CN: { name } } */
function zipTexts<K extends string>(fields: Record<K, Partial<Record<string, string>>>): Record<string, Partial<Record<K, string>>> {
  const out: Record<string, Partial<Record<K, string>>> = {};
  for (const [field, texts] of Object.entries(fields) as [K, Record<string, string>][]) {
    for (const [locale, text] of Object.entries(texts)) (out[locale] ??= {})[field] = text;
  }
  return out;
}

function mapText(text: data.Text, fn: (value: string, locale: data.Locale) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(text).map(([l, v]) => [l, fn(v as string, l as data.Locale)]));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const toHtml = (text: string) => text.split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p.trim())}</p>`).join('');

/** A valid EAN-13 from 12 digits (prefix 200: in-store numbering, never a real GS1 number). */
function ean13(twelve: string): string {
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 ? 3 : 1), 0);
  return twelve + ((10 - (sum % 10)) % 10);
}

async function existingByHandle<E extends { handle: string }>(em: EntityManager, entity: new () => E, handles: string[]): Promise<Map<string, E>> {
  const rows = (await em.find(entity, { handle: { $in: handles } } as never)) as E[];
  return new Map(rows.map((e) => [e.handle, e]));
}

/** The rows with these handles that exist, and new ones for the others. */
async function reuseOrCreate<E extends { handle: string }, D extends { handle: string }>(
  em: EntityManager,
  entity: new () => E,
  rows: D[],
  create: (row: D) => E,
): Promise<Map<string, E>> {
  const map = await existingByHandle(em, entity, rows.map((r) => r.handle));
  for (const row of rows) if (!map.has(row.handle)) map.set(row.handle, create(row));
  return map;
}

function need<T>(map: Map<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo data: unknown ${what} "${key}"`);
  return value;
}

function fail(product: string, why: string): never {
  throw new Error(`demo data: product ${product}: ${why}`);
}
