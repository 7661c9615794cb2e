import { ProductGridDocument } from '../generated/storefront.js';
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
