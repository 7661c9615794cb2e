import { PRODUCTS } from '../../seeds/demo-data.js';
import { seedOnFirstRun } from '../../seeds/run.js';
import { CatalogNotEmptyError, generateProduct, seedSynthetic, SYNTHETIC_STORES } from '../../seeds/synthetic-catalog.js';
import { COLLECTIONS } from '../../seeds/synthetic-vocabulary.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
const sql = <T = Record<string, unknown>>(query: string) => db.orm.em.fork().execute<T[]>(query);
const count = async (table: string, where = 'true') => (await sql<{ n: number }>(`select count(*)::int as n from ${table} where ${where}`))[0].n;

/** What a run wrote, independent of generated ids. */
const snapshot = () =>
  sql<{ handle: string; sku: string; store: string; amount: string; on_hand: number }>(
    `select p.handle, v.sku, s.handle as store, vp.amount, il.on_hand
       from product p join product_variant v on v.product_id = p.id
       join variant_price vp on vp.variant_id = v.id join store s on s.id = vp.store_id
       join stock_location sl on sl.store_id = s.id join inventory_level il on il.variant_id = v.id and il.location_id = sl.id
      order by v.sku, s.handle`,
  );

let first: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('synthetic catalog', () => {
  test('writes 200 products with variants, prices, stock, listings and collections', async () => {
    const progress: string[] = [];
    const result = await seedSynthetic(db.orm, { products: 200, batchSize: 64, onProgress: (phase, done) => progress.push(`${phase}:${done}`) });
    expect(result).toMatchObject({ firstIndex: 1, products: 200, listings: 600 });
    expect(progress).toEqual(expect.arrayContaining(['products:200', 'listings:200']));

    expect(await count('product')).toBe(200);
    const variants = await count('product_variant');
    expect(variants).toBe(result.variants);
    expect(variants).toBeGreaterThanOrEqual(600); // 3-5 per product
    expect(variants).toBeLessThanOrEqual(1000);
    expect(await count('variant_price')).toBe(variants * 3);
    expect(await count('inventory_level')).toBe(variants * 3);
    expect(await count('product_listing')).toBe(600);
    expect(await count('store', `handle like 'synthetic-%'`)).toBe(SYNTHETIC_STORES.length);
    expect(await count('collection')).toBe(COLLECTIONS.length);
    expect(await count('collection_product')).toBeGreaterThan(100);

    const zeroShare = (await count('inventory_level', 'on_hand = 0')) / (variants * 3);
    expect(zeroShare).toBeGreaterThan(0.04);
    expect(zeroShare).toBeLessThan(0.2);

    // listings are refreshed: a price range in the store's currency and availability
    expect(await count('product_listing', 'min_price is null or max_price < min_price')).toBe(0);
    expect(await count('variant_price vp join store s on s.id = vp.store_id', 'vp.currency <> s.currency')).toBe(0);
    expect(await count('product_listing', 'available')).toBeGreaterThan(500);
    expect(await count('product', `translations -> 'en' ->> 'title' is null or translations -> 'zh-CN' ->> 'title' is null`)).toBe(0);
    first = await snapshot();
  });

  test('product n is a pure function of (seed, n): titles in English and Chinese, 3-5 variants, 3-4 sentences', () => {
    expect(generateProduct(17)).toEqual(generateProduct(17));
    expect(generateProduct(17, 1)).not.toEqual(generateProduct(17));
    for (let n = 1; n <= 300; n++) {
      const p = generateProduct(n);
      expect(p.handle).toMatch(new RegExp(`^[a-z0-9-]+-${String(n).padStart(7, '0')}$`));
      expect(p.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(p.variants.length).toBeGreaterThanOrEqual(3);
      expect(p.variants.length).toBeLessThanOrEqual(5);
      expect(p.description.en.split('. ').length).toBeGreaterThanOrEqual(3);
      expect(p.description.en.split('. ').length).toBeLessThanOrEqual(4);
    }
    expect(generateProduct(1).title.en).toMatch(/^[A-Z]+ .+ .+/); // e.g. "SIENNA Gabardine Biker Jacket"
  });

  test('refuses a catalog that already has products', async () => {
    await expect(seedSynthetic(db.orm, { products: 10 })).rejects.toThrow(CatalogNotEmptyError);
    await expect(seedSynthetic(db.orm, { products: 10 })).rejects.toThrow('The catalog already has 200 products: pass --append to add to them or --reset to empty the catalog first.');
    expect(await count('product')).toBe(200);
  });

  test('is deterministic: a reset run with other batch sizes writes the same catalog', async () => {
    await seedSynthetic(db.orm, { products: 200, mode: 'reset', batchSize: 50 });
    expect(await count('product')).toBe(200);
    const second = await snapshot();
    expect(second.length).toBe(first.length);
    expect(second).toEqual(first);
  });

  test('appends after the last product', async () => {
    const result = await seedSynthetic(db.orm, { products: 20, mode: 'append' });
    expect(result.firstIndex).toBe(201);
    expect(await count('product')).toBe(220);
    expect(await count('product', `handle like '%-0000220'`)).toBe(1);
    expect(await count('collection')).toBe(COLLECTIONS.length);
    // positions stay unique within each collection
    const [dupes] = await sql<{ n: number }>(`select count(*)::int as n from (select collection_id, position from collection_product group by 1, 2 having count(*) > 1) d`);
    expect(dupes.n).toBe(0);
  });

  test('the demo seed loads on top of it, sharing brands and categories', async () => {
    expect(await seedOnFirstRun(db.orm, { info: () => {} })).toBe(true);
    expect(await count('product')).toBe(220 + PRODUCTS.length);
    expect(await count('brand', `handle = 'gucci'`)).toBe(1);
    expect(await count('category', `handle = 'handbags'`)).toBe(1);
  });

  test('reset empties the catalog, demo included, so the demo loads again on the next start', async () => {
    await seedSynthetic(db.orm, { products: 30, mode: 'reset' });
    expect(await count('product')).toBe(30);
    expect(await count('seed_history', `name = 'demo'`)).toBe(0);
    expect(await count('outbox_event', `topic = 'product.changed'`)).toBeGreaterThan(220);
  });
});
