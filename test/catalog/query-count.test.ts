import { ProductDetailDocument, ProductGridDocument } from '../generated/storefront.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';


let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brands = [f.brand('michael-kors', { en: 'Michael Kors', 'zh-CN': '迈克高仕' }), f.brand('loewe', { en: 'LOEWE' })];
  const { store, location } = f.store('tmall-flagship', brands);
  const products = Array.from({ length: 120 }, (_, i) =>
    f.product(brands[i % 2], `bag-${i}`, { en: `Bag ${i}`, 'zh-CN': `手袋 ${i}` }, {
      stores: [{ store, location, price: 100_000 + i }],
      colours: ['black', 'tan'],
      sizes: ['s', 'm'],
    }),
  );
  f.collection('selma', 'SELMA', products.slice(0, 30), brands[0]);
  f.collection('new-in', 'New in', products.slice(20, 60));
  await f.commit();
});
afterAll(() => server.close());

test.each([5, 50, 100])('products(first: %i) grid takes at most 6 SQL statements', async (first) => {
  const { result, queries, statements } = await server.db.queries.measure(() =>
    server.gql('storefront', ProductGridDocument, { first }, { 'x-store': 'tmall-flagship', 'accept-language': 'zh-CN' }),
  );
  expect(result.errors).toBeUndefined();
  const nodes = result.data!.products.nodes;
  expect(nodes).toHaveLength(first);
  expect(nodes[0].variants).toHaveLength(4);
  expect(nodes[0].variants[0].price?.amount).toMatch(/^\d+\.\d{2}$/);
  expect(result.data!.products.totalCount).toBe(120);
  if (process.env.SHOW_SQL) console.log(first, queries, statements.map((s) => s.slice(0, 90)));
  expect(queries).toBeLessThanOrEqual(6);
});

test('product(handle) detail with brand, category, variants and collections takes 4 SQL statements', async () => {
  const { result, queries } = await server.db.queries.measure(() =>
    server.gql('storefront', ProductDetailDocument, { handle: 'bag-8' }, { 'x-store': 'tmall-flagship', 'accept-language': 'zh-CN' }),
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.product).toMatchObject({ title: '手袋 8', brand: { name: '迈克高仕' }, variants: expect.any(Array) });
  expect(result.data?.product?.variants).toHaveLength(4);
  // store, product with its brand and category, variants with prices and stock, collections
  expect(queries).toBe(4);
});
