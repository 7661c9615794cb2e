import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
const ids: string[] = [];
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  for (let i = 0; i < 5; i++) {
    const brandId = i < 3 ? b.mk : b.loewe;
    const input = { ...selmaInput(brandId, `bag-${i}`, `BAG-${i}`), status: i === 1 ? 'DRAFT' : 'ACTIVE' };
    ids.push((await h.ok('productCreate', input, 'product { id }')).product.id);
  }
  await h.ok('collectionCreate', { handle: 'mk-edit', brandId: b.mk, translations: [{ locale: 'en', title: 'MK' }] }, 'collection { id }');
  await h.ok('collectionCreate', { handle: 'loewe-edit', brandId: b.loewe, translations: [{ locale: 'en', title: 'LOEWE' }] }, 'collection { id }');
  await h.ok('collectionCreate', { handle: 'design-week', translations: [{ locale: 'en', title: 'Design Week' }] }, 'collection { id }');
});
afterAll(() => h.close());

const PRODUCTS = `query($first: Int, $after: String, $last: Int, $before: String, $brandId: ID, $status: ProductStatus) {
  products(first: $first, after: $after, last: $last, before: $before, brandId: $brandId, status: $status) {
    totalCount nodes { handle status } pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
  }
}`;

test('products: every status, keyset pages forwards and backwards', async () => {
  const page1 = (await h.query(PRODUCTS, { first: 2 })).products;
  expect(page1).toMatchObject({ totalCount: 5, nodes: [{ handle: 'bag-0' }, { handle: 'bag-1', status: 'DRAFT' }], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  const page2 = (await h.query(PRODUCTS, { first: 2, after: page1.pageInfo.endCursor })).products;
  expect(page2.nodes.map((n: { handle: string }) => n.handle)).toEqual(['bag-2', 'bag-3']);
  const page3 = (await h.query(PRODUCTS, { first: 2, after: page2.pageInfo.endCursor })).products;
  expect(page3).toMatchObject({ nodes: [{ handle: 'bag-4' }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  const back = (await h.query(PRODUCTS, { last: 2, before: page3.pageInfo.startCursor })).products;
  expect(back.nodes.map((n: { handle: string }) => n.handle)).toEqual(['bag-2', 'bag-3']);
});

test('products: filters by brand and status; a brand admin sees only its brands', async () => {
  expect((await h.query(PRODUCTS, { brandId: b.loewe })).products.nodes.map((n: { handle: string }) => n.handle)).toEqual(['bag-3', 'bag-4']);
  expect((await h.query(PRODUCTS, { status: 'DRAFT' })).products.nodes).toEqual([{ handle: 'bag-1', status: 'DRAFT' }]);
  const admin = await h.brandAdmin(uuidOf(b.loewe));
  expect((await h.query(PRODUCTS, {}, admin)).products.totalCount).toBe(2);
  expect((await h.query(PRODUCTS, { brandId: b.mk }, admin)).products.totalCount).toBe(0);
  const one = `query($id: ID!) { product(id: $id) { handle } }`;
  expect((await h.query(one, { id: ids[0] }, admin)).product).toBeNull();
  expect((await h.query(one, { id: ids[3] }, admin)).product).toEqual({ handle: 'bag-3' });
});

test('a page over 100 and a bad cursor are user errors', async () => {
  const big = await h.server.gql('admin', PRODUCTS, { first: 101 }, await h.platform());
  expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_EXCEEDED' });
  const bad = await h.server.gql('admin', PRODUCTS, { after: Buffer.from('["x"]').toString('base64url') }, await h.platform());
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
});

test('brands, stores and collections are scoped to the viewer', async () => {
  const q = `{ brands(first: 10) { nodes { handle } } stores(first: 10) { nodes { handle brands { handle } } } collections(first: 10) { nodes { handle } } brandGroups { handle } }`;
  const all = await h.query(q);
  expect(all.brands.nodes).toHaveLength(2);
  expect(all.stores.nodes).toHaveLength(3);
  const admin = await h.query(q, {}, await h.brandAdmin(uuidOf(b.loewe)));
  expect(admin.brands.nodes).toEqual([{ handle: 'loewe' }]);
  expect(admin.stores.nodes.map((s: { handle: string }) => s.handle)).toEqual(['loewe-cn', 'design-mall']);
  expect(admin.collections.nodes.map((c: { handle: string }) => c.handle)).toEqual(['loewe-edit', 'design-week']);
});

test('node(id:) on the Admin API sees any status, within the viewer brands', async () => {
  const q = `query($id: ID!) { node(id: $id) { __typename id ... on Product { status } } }`;
  expect((await h.query(q, { id: ids[1] })).node).toMatchObject({ __typename: 'Product', status: 'DRAFT' });
  const admin = await h.brandAdmin(uuidOf(b.loewe));
  expect((await h.query(q, { id: ids[1] }, admin)).node).toBeNull();
  expect((await h.query(q, { id: b.mall }, admin)).node).toMatchObject({ __typename: 'Store' });
  expect((await h.query(q, { id: b.mkCn }, admin)).node).toBeNull();
  expect((await h.query(q, { id: b.loeweWh }, admin)).node).toMatchObject({ __typename: 'StockLocation' });
});

test('a concierge reads its brand catalog but cannot write; anonymous requests are refused', async () => {
  const concierge = await h.token('CONCIERGE' as never, [uuidOf(b.mk)]);
  expect((await h.query(PRODUCTS, {}, concierge)).products.totalCount).toBe(3);
  await h.forbidden('productArchive', { id: ids[0] }, concierge);
  const anon = await h.server.gql('admin', PRODUCTS, {});
  expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
