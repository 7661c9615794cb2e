import { AdminCollectionListDocument, AdminProductListDocument, AdminStoreListDocument } from '../generated/admin.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { dataOf } from '../support/payload.js';
import { AdminHarness, type Headers } from './support.js';

/**
 * The Admin API's hot lists batch their nested fields (dataloaders): the number of SQL statements a page takes
 * is fixed, whatever the page size. The counts are pinned so a new N+1 shows up here first.
 */
let h: AdminHarness;
let platform: Headers;
let brandAdmin: Headers;
beforeAll(async () => {
  h = await AdminHarness.start();
  const f = new CatalogFixtures(h.server.db.orm.em.fork());
  const brands = [f.brand('michael-kors', { en: 'Michael Kors' }), f.brand('loewe', { en: 'LOEWE' })];
  const flagship = f.store('flagship', [brands[0]]);
  const mall = f.store('design-mall', brands);
  // 110 products (55 a brand), four variants each, priced and stocked in one or two stores.
  const products = Array.from({ length: 110 }, (_, i) =>
    f.product(brands[i % 2], `bag-${i}`, { en: `Bag ${i}` }, {
      stores: i % 2 === 0 ? [{ ...flagship, price: 1000 + i }, { ...mall, price: 1100 + i }] : [{ ...mall, price: 1200 + i }],
      colours: ['black', 'tan'],
      sizes: ['s', 'm'],
    }),
  );
  // 75 collections of 5 products each: a third of each brand, a third platform-curated (a brand admin sees 50).
  for (let i = 0; i < 75; i++) f.collection(`edit-${i}`, `Edit ${i}`, products.slice(i, i + 5), i % 3 === 2 ? undefined : brands[i % 3]);
  // 58 more stores (60 in all), each with its own warehouse, the odd ones carrying both brands.
  for (let i = 0; i < 58; i++) f.store(`popup-${i}`, i % 2 ? brands : [brands[0]]);
  await f.commit();
  platform = await h.platform();
  const [mk] = await h.sql<{ id: string }>(`select id from brand where handle = 'michael-kors'`);
  brandAdmin = await h.brandAdmin(mk.id);
});
afterAll(() => h.close());

const measure = <T>(run: () => Promise<T>) => h.server.db.queries.measure(run);

/**
 * Statements per page, measured. Each count includes the one that reads the staff user's current role and brands;
 * a brand admin's store list also reads which stores carry its brands. Products: page, count, variants,
 * collections, prices, their stores, inventory levels, their locations.
 */
describe.each([
  ['a platform admin', () => platform, { products: 9, collections: 4, stores: 6 }],
  ['a brand admin', () => brandAdmin, { products: 9, collections: 4, stores: 7 }],
])('as %s', (_who, headers, expected) => {
  test('products(first: 5 | 50) with status, variants, prices, inventory levels and collections: the same fixed number of statements', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const { result, queries, statements } = await measure(() => h.server.gql('admin', AdminProductListDocument, { first }, headers()));
      const { products } = dataOf(result);
      expect(products.nodes).toHaveLength(first);
      expect(products.nodes[0].variants).toHaveLength(4);
      expect(products.nodes[0].variants[0].prices.length).toBeGreaterThan(0);
      expect(products.nodes[0].variants[0].inventoryLevels.length).toBeGreaterThan(0);
      expect(products.nodes.some((p) => p.collections.length > 0)).toBe(true);
      if (process.env.SHOW_SQL) console.log(_who, 'products', first, queries, statements.map((s) => s.slice(0, 120)));
      counts.push(queries);
    }
    expect(counts).toEqual([expected.products, expected.products]);
  });

  test('collections(first: 5 | 50) with their products: the same fixed number of statements', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const { result, queries, statements } = await measure(() => h.server.gql('admin', AdminCollectionListDocument, { first }, headers()));
      const { collections } = dataOf(result);
      expect(collections.nodes).toHaveLength(first);
      expect(collections.nodes[0].products.length).toBeGreaterThan(0);
      if (process.env.SHOW_SQL) console.log(_who, 'collections', first, queries, statements.map((s) => s.slice(0, 120)));
      counts.push(queries);
    }
    expect(counts).toEqual([expected.collections, expected.collections]);
  });

  test('stores(first: 5 | 50) with brands and stock locations: the same fixed number of statements', async () => {
    const counts: number[] = [];
    for (const first of [5, 50]) {
      const { result, queries, statements } = await measure(() => h.server.gql('admin', AdminStoreListDocument, { first }, headers()));
      const { stores } = dataOf(result);
      expect(stores.nodes).toHaveLength(first);
      expect(stores.nodes.every((s) => s.brands.length > 0 && s.stockLocations.length === 1)).toBe(true);
      if (process.env.SHOW_SQL) console.log(_who, 'stores', first, queries, statements.map((s) => s.slice(0, 120)));
      counts.push(queries);
    }
    expect(counts).toEqual([expected.stores, expected.stores]);
  });
});
