import { PRODUCTS, STORES } from '../../seeds/demo-data.js';
import { seedOnFirstRun } from '../../seeds/run.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
const logger = { info: () => {} };
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('demo seed', () => {
  test('loads once: the second call is a no-op', async () => {
    expect(await seedOnFirstRun(db.orm, logger)).toBe(true);
    const counts = async () =>
      (await sql<{ products: number; variants: number; listings: number }>(
        `select (select count(*) from product)::int as products, (select count(*) from product_variant)::int as variants,
                (select count(*) from product_listing)::int as listings`,
      ))[0];
    const first = await counts();
    expect(first.products).toBe(PRODUCTS.length);
    expect(first.products).toBeGreaterThanOrEqual(30);
    expect(await seedOnFirstRun(db.orm, logger)).toBe(false);
    expect(await counts()).toEqual(first);
    expect(await sql(`select name from seed_history`)).toEqual([{ name: 'demo' }]);
  });

  test('every store exists with stock locations, in its currency', async () => {
    const rows = await sql<{ handle: string; currency: string; locations: number }>(
      `select s.handle, s.currency, (select count(*) from stock_location l where l.store_id = s.id)::int as locations from store s`,
    );
    expect(rows).toHaveLength(STORES.length);
    for (const row of rows) expect(row.locations).toBeGreaterThan(0);
    const byHandle = Object.fromEntries(rows.map((r) => [r.handle, r.currency]));
    expect(byHandle).toMatchObject({ 'michael-kors-cn': 'CNY', 'michael-kors-eu': 'EUR', 'michael-kors-us': 'USD', 'design-mall-bjdw': 'CNY' });
    expect(new Set(STORES.map((s) => s.kind))).toEqual(new Set(['ONLINE_FLAGSHIP', 'BOUTIQUE', 'POPUP', 'DESIGN_MALL']));
    const terms = await sql<{ handle: string; prices_include_tax: boolean; tax_rate_basis_points: number }>(
      `select s.handle, t.prices_include_tax, t.tax_rate_basis_points from store s join store_commerce_settings t on t.store_id = s.id`,
    );
    expect(terms).toHaveLength(STORES.length);
    expect(terms.find((t) => t.handle === 'michael-kors-cn')).toMatchObject({ prices_include_tax: true, tax_rate_basis_points: 1300 });
  });

  test('listings carry a price range in the store currency, from prices in that currency', async () => {
    const listings = await sql<{ handle: string; min_price: string | null; max_price: string | null }>(
      `select p.handle, l.min_price, l.max_price from product_listing l join product p on p.id = l.product_id`,
    );
    expect(listings.length).toBeGreaterThan(PRODUCTS.length);
    for (const l of listings) {
      expect(l.min_price).not.toBeNull();
      expect(Number(l.max_price)).toBeGreaterThanOrEqual(Number(l.min_price));
    }
    const wrongCurrency = await sql(`select 1 from variant_price vp join store s on s.id = vp.store_id where vp.currency <> s.currency`);
    expect(wrongCurrency).toEqual([]);
    // every variant of a listed product has a price in the listing's store
    const unpriced = await sql(
      `select 1 from product_listing l join product_variant v on v.product_id = l.product_id
        left join variant_price vp on vp.variant_id = v.id and vp.store_id = l.store_id where vp.variant_id is null`,
    );
    expect(unpriced).toEqual([]);
    const [selma] = await sql<{ min_price: string; currency: string }>(
      `select l.min_price, s.currency from product_listing l join product p on p.id = l.product_id join store s on s.id = l.store_id
        where p.handle = 'selma-city-series-limited-edition-satchel' and s.handle = 'michael-kors-cn'`,
    );
    expect(selma).toEqual({ min_price: expect.anything(), currency: 'CNY' });
    expect(Number(selma.min_price)).toBe(1_299_900); // CNY 12,999.00
    const [gucci] = await sql<{ min_price: string }>(
      `select l.min_price from product_listing l join product p on p.id = l.product_id join store s on s.id = l.store_id
        where p.handle = 'ophidia-gg-medium-tote' and s.handle = 'gucci-us'`,
    );
    expect(Number(gucci.min_price)).toBe(125_000); // USD 1,250.00
  });

  test('stock: most listings are available, some variants are sold out everywhere', async () => {
    const rows = await sql<{ available: boolean }>(`select available from product_listing`);
    expect(rows.filter((r) => r.available).length).toBeGreaterThan(rows.length * 0.8);
    const soldOutVariants = await sql(
      `select v.sku from product_variant v where not exists (select 1 from inventory_level il where il.variant_id = v.id and il.on_hand > 0)
         and exists (select 1 from inventory_level il where il.variant_id = v.id)`,
    );
    expect(soldOutVariants.length).toBeGreaterThan(0);
  });

  test('every product has English and Chinese titles and descriptions; options and media are translated', async () => {
    const products = await sql<{ handle: string; translations: Record<string, { title?: string; descriptionHtml?: string }>; options: any[]; media: any[] }>(
      `select handle, translations, options, media from product`,
    );
    for (const p of products) {
      for (const locale of ['en', 'zh-CN']) {
        expect([p.handle, locale, typeof p.translations[locale]?.title]).toEqual([p.handle, locale, 'string']);
        expect(p.translations[locale]?.descriptionHtml).toMatch(/^<p>/);
      }
      expect(p.options.length).toBeGreaterThan(0);
      for (const o of p.options) {
        expect(o.names).toMatchObject({ en: expect.any(String), 'zh-CN': expect.any(String) });
        for (const v of o.values) expect(v.names).toMatchObject({ en: expect.any(String), 'zh-CN': expect.any(String) });
      }
      expect(p.media[0].alt).toMatchObject({ en: expect.any(String), 'zh-CN': expect.any(String) });
    }
    // products sold in Europe also speak French and Italian
    const european = await sql<{ handle: string; fr: string | null; it: string | null }>(
      `select distinct p.handle, p.translations -> 'fr' ->> 'title' as fr, p.translations -> 'it' ->> 'title' as it
         from product p join product_listing l on l.product_id = p.id join store s on s.id = l.store_id where s.currency = 'EUR'`,
    );
    expect(european.length).toBeGreaterThan(10);
    for (const p of european) expect(p.it).toEqual(expect.any(String));
  });

  test('the LOEWE Barcelona bag is published only to the China flagship', async () => {
    const rows = await sql<{ handle: string }>(
      `select s.handle from product_listing l join product p on p.id = l.product_id join store s on s.id = l.store_id
        where p.handle = 'loewe-barcelona-bag'`,
    );
    expect(rows).toEqual([{ handle: 'loewe-cn' }]);
    const other = await sql(
      `select s.handle from product_listing l join product p on p.id = l.product_id join store s on s.id = l.store_id
        join brand b on b.id = p.brand_id where b.handle = 'loewe' and s.handle <> 'loewe-cn'`,
    );
    expect(other.length).toBeGreaterThan(0); // other LOEWE pieces do travel (Design Mall)
  });

  test('the Design Mall carries several brands; collections and the category tree are in place', async () => {
    const [mall] = await sql<{ brands: number }>(
      `select count(*)::int as brands from store_brand sb join store s on s.id = sb.store_id where s.handle = 'design-mall-bjdw'`,
    );
    expect(mall.brands).toBeGreaterThan(3);
    const collections = await sql<{ handle: string; products: number }>(
      `select c.handle, count(cp.product_id)::int as products from collection c join collection_product cp on cp.collection_id = c.id group by c.handle`,
    );
    expect(collections.map((c) => c.handle)).toEqual(expect.arrayContaining(['selma', '11-11-global-shopping-festival', 'beijing-design-week-design-mall']));
    const [handbags] = await sql<{ path: string }>(`select path from category where handle = 'handbags'`);
    expect(handbags.path).toBe('bags/handbags');
  });

  test('the seed publishes change events for the search index', async () => {
    const [events] = await sql<{ n: number }>(`select count(distinct aggregate_id)::int as n from outbox_event where topic = 'product.changed'`);
    expect(events.n).toBe(PRODUCTS.length);
  });
});
