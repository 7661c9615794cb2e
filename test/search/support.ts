import { Brand } from '../../src/catalog/entities/brand.entity.js';
import { Category } from '../../src/catalog/entities/category.entity.js';
import { ProductStatus } from '../../src/catalog/entities/enums.js';
import type { Product } from '../../src/catalog/entities/product.entity.js';
import { CurrencyCode } from '../../src/shared/money.js';
import { refreshListings } from '../../src/catalog/listing.service.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import type { TestServer } from '../support/server.js';

export const SEARCH = /* GraphQL */ `
  query Search($query: String!, $first: Int, $after: String, $last: Int, $before: String, $filter: ProductFilter,
               $sortKey: SearchSortKey, $reverse: Boolean, $facets: [SearchFacet!]) {
    search(query: $query, first: $first, after: $after, last: $last, before: $before, filter: $filter,
           sortKey: $sortKey, reverse: $reverse, facets: $facets) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { handle title priceRange { minVariantPrice { amount } } availableForSale } }
      facets { field option values { value label count min max } }
    }
  }`;

export const SUGGEST = /* GraphQL */ `
  query Suggest($prefix: String!, $first: Int) { searchSuggestions(prefix: $prefix, first: $first) { kind text handle } }`;

export const cn = { 'x-store': 'mk-tmall', 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
export const en = { 'x-store': 'mk-tmall', 'accept-language': 'en' };
export const it = { 'x-store': 'mk-milano', 'accept-language': 'it' };

/** The shared search catalog: two stores, three brands, a small category tree, products in four locales. */
export async function seedSearchCatalog(server: TestServer): Promise<Record<string, Product>> {
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const mk = f.brand('michael-kors', { en: 'Michael Kors', 'zh-CN': '迈克高仕' });
  const loewe = f.brand('loewe', { en: 'LOEWE' });
  const estee = f.brand('estee-lauder', { en: 'Estée Lauder', 'zh-CN': '雅诗兰黛' });
  const tmall = f.store('mk-tmall', [mk, loewe, estee]);
  const milano = f.store('mk-milano', [mk], { currency: CurrencyCode.EUR, defaultLocale: 'it', supportedLocales: ['it', 'en'] });
  const bags = f.category('bags', 'Bags');
  const handbags = f.category('handbags', 'Handbags', bags);
  const totes = f.category('totes', 'Totes', bags);
  const beauty = f.category('beauty', 'Beauty');
  const p: Record<string, Product> = {};
  p.selma = f.product(mk, 'selma-satchel', { en: 'SELMA Saffiano Leather Handbag', 'zh-CN': '迈克高仕 SELMA 手袋', it: 'Borsa SELMA in pelle' }, {
    stores: [{ ...tmall, price: 1_299_900 }, { ...milano, price: 39_500 }],
    colours: ['black', 'red'],
    sizes: ['m'],
    category: handbags,
    tags: ['selma', 'bestseller'],
  });
  p.jet = f.product(mk, 'jet-set-tote', { en: 'Jet Set Leather Tote', 'zh-CN': '迈克高仕 Jet Set 托特包' }, {
    stores: [{ ...tmall, price: 459_900, stock: 0 }],
    colours: ['tan'],
    category: totes,
    tags: ['tote'],
  });
  p.barcelona = f.product(loewe, 'barcelona-bag', { en: 'Barcelona Leather Handbag' }, { stores: [{ ...tmall, price: 2_350_000 }], category: handbags });
  p.anr = f.product(estee, 'advanced-night-repair', { en: 'Advanced Night Repair Serum', 'zh-CN': '特润修护肌活精华露' }, {
    stores: [{ ...tmall, price: 90_000 }],
    category: beauty,
    tags: ['serum'],
  });
  p.bag = f.product(loewe, 'puzzle-bag', { en: 'Puzzle Bag' }, { stores: [{ ...tmall, price: 3_000_000 }], category: bags });
  p.baguette = f.product(mk, 'baguette-clutch', { en: 'Baguette Clutch' }, { stores: [{ ...tmall, price: 300_000 }], category: bags });
  // Only its description says "canvas": the product titled Canvas must come first.
  p.canvasTitle = f.product(mk, 'canvas-tote', { en: 'Canvas Weekender' }, { stores: [{ ...tmall, price: 200_000 }], category: totes });
  p.canvasText = f.product(mk, 'weekender-duffle', { en: 'Weekender Duffle' }, { stores: [{ ...tmall, price: 210_000 }], category: totes });
  p.canvasText.translations = { en: { title: 'Weekender Duffle', descriptionHtml: '<p>Coated canvas with leather trims.</p>' } };
  p.special = f.product(mk, 'special-chars', { en: `It's the "Quoted" Bag & (Special) Pouch!` }, { stores: [{ ...tmall, price: 100_000 }], category: bags });
  f.product(mk, 'selma-draft', { en: 'SELMA Draft Handbag' }, { stores: [{ ...tmall, price: 100 }], status: ProductStatus.DRAFT });
  f.product(mk, 'selma-unpublished', { en: 'SELMA Unpublished Handbag' });
  f.collection('selma-capsule', 'SELMA capsule', [p.selma, p.jet], mk);
  await f.commit();
  return p;
}

export const VISIBLE_IN_TMALL = 9;

export const outlet = { 'x-store': 'mk-outlet', 'accept-language': 'en' };

/**
 * A third store (after seedSearchCatalog) for ranking and price boundaries, so the shared catalog's
 * counts stay as they are. Prices in CNY; the fixture adds 1.00 per variant position, hence the odd
 * inputs: the satchel is 2,500.00 exactly, the crossbody 250.00, the wallet 1,000.00, and the City
 * satchel spans 2,450.00 to 2,600.00 (its second variant is repriced below).
 */
export async function seedOutletCatalog(server: TestServer) {
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const mk = await em.findOneOrFail(Brand, { handle: 'michael-kors' });
  const handbags = await em.findOneOrFail(Category, { handle: 'handbags' });
  const bags = await em.findOneOrFail(Category, { handle: 'bags' });
  const crossbody = f.category('crossbody-bags', 'Crossbody bags', bags);
  const store = f.store('mk-outlet', [mk], { defaultLocale: 'en', supportedLocales: ['en'] });
  const at = (price: number) => ({ stores: [{ ...store, price }] });
  f.product(mk, 'selma-outlet-satchel', { en: 'SELMA Saffiano Leather Satchel' }, { ...at(249_900), category: handbags });
  const city = f.product(mk, 'selma-city-satchel', { en: 'SELMA City Series Satchel' }, { ...at(244_900), colours: ['black', 'red'], category: handbags });
  f.product(mk, 'selma-mini-crossbody', { en: 'SELMA Mini Saffiano Leather Crossbody Bag' }, { ...at(24_900), category: crossbody });
  f.product(mk, 'jet-set-wallet', { en: 'Jet Set Wallet' }, { ...at(99_900), category: bags });
  // "satchel" as a completion and with one typo, to rank against the exact word.
  f.product(mk, 'satchelette-charm', { en: 'Satchelette Charm' }, { ...at(59_900), category: bags });
  f.product(mk, 'satchet-pouch', { en: 'Leather Satchet Pouch' }, { ...at(59_900), category: bags });
  await f.commit();
  await em.execute(
    `update variant_price vp set amount = 260000 from product_variant v where v.id = vp.variant_id and v.sku = 'selma-city-satchel-red-one'`,
  );
  await refreshListings(em, [city.id]);
}

export const handles = (res: { data?: any }) => (res.data?.search?.edges ?? []).map((e: any) => e.node.handle);
export const facet = (res: { data?: any }, field: string, option?: string) =>
  Object.fromEntries(
    (res.data?.search?.facets ?? [])
      .find((f: any) => f.field === field && (option === undefined || f.option === option))
      ?.values.map((v: any) => [v.value, v.count]) ?? [],
  );
