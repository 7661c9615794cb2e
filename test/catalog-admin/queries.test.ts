import {
  AdminNodeStatusDocument,
  CollectionCreateDocument,
  ProductArchiveDocument,
  ProductCreateDocument,
  ProductHandleDocument,
  ProductPageDocument,
  ScopedListsDocument,
} from '../generated/admin.js';
import { expectForbidden, expectOk } from '../support/payload.js';
import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
const ids: string[] = [];
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  for (let i = 0; i < 5; i++) {
    const brandId = i < 3 ? b.mk : b.loewe;
    const input = { ...selmaInput(brandId, `bag-${i}`, `BAG-${i}`), status: i === 1 ? ('DRAFT' as const) : ('ACTIVE' as const) };
    ids.push(expectOk((await h.data(ProductCreateDocument, { input })).productCreate).product.id);
  }
  const collection = async (handle: string, title: string, brandId?: string) =>
    expectOk((await h.data(CollectionCreateDocument, { input: { handle, brandId, translations: [{ locale: 'en', title }] } })).collectionCreate);
  await collection('mk-edit', 'MK', b.mk);
  await collection('loewe-edit', 'LOEWE', b.loewe);
  await collection('design-week', 'Design Week');
});
afterAll(() => h.close());

const handles = (nodes: { handle: string }[]) => nodes.map((n) => n.handle);

test('products: every status, keyset pages forwards and backwards', async () => {
  const page1 = (await h.data(ProductPageDocument, { first: 2 })).products;
  expect(page1).toMatchObject({ totalCount: 5, nodes: [{ handle: 'bag-0' }, { handle: 'bag-1', status: 'DRAFT' }], pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  const page2 = (await h.data(ProductPageDocument, { first: 2, after: page1.pageInfo.endCursor })).products;
  expect(handles(page2.nodes)).toEqual(['bag-2', 'bag-3']);
  const page3 = (await h.data(ProductPageDocument, { first: 2, after: page2.pageInfo.endCursor })).products;
  expect(page3).toMatchObject({ nodes: [{ handle: 'bag-4' }], pageInfo: { hasNextPage: false, hasPreviousPage: true } });
  const back = (await h.data(ProductPageDocument, { last: 2, before: page3.pageInfo.startCursor })).products;
  expect(handles(back.nodes)).toEqual(['bag-2', 'bag-3']);
});

test('products: filters by brand and status; a brand admin sees only its brands', async () => {
  expect(handles((await h.data(ProductPageDocument, { brandId: b.loewe })).products.nodes)).toEqual(['bag-3', 'bag-4']);
  expect((await h.data(ProductPageDocument, { status: 'DRAFT' })).products.nodes).toEqual([{ handle: 'bag-1', status: 'DRAFT' }]);
  const admin = await h.brandAdmin(uuidOf(b.loewe));
  expect((await h.data(ProductPageDocument, {}, admin)).products.totalCount).toBe(2);
  expect((await h.data(ProductPageDocument, { brandId: b.mk }, admin)).products.totalCount).toBe(0);
  expect((await h.data(ProductHandleDocument, { id: ids[0] }, admin)).product).toBeNull();
  expect((await h.data(ProductHandleDocument, { id: ids[3] }, admin)).product).toEqual({ handle: 'bag-3' });
});

test('a page over 100 and a bad cursor are user errors', async () => {
  const big = await h.gql(ProductPageDocument, { first: 101 });
  expect(big.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PAGE_SIZE_EXCEEDED' });
  const bad = await h.gql(ProductPageDocument, { after: Buffer.from('["x"]').toString('base64url') });
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_CURSOR' });
});

test('brands, stores and collections are scoped to the viewer', async () => {
  const all = await h.data(ScopedListsDocument, {});
  expect(all.brands.nodes).toHaveLength(2);
  expect(all.stores.nodes).toHaveLength(3);
  const admin = await h.data(ScopedListsDocument, {}, await h.brandAdmin(uuidOf(b.loewe)));
  expect(admin.brands.nodes).toEqual([{ handle: 'loewe' }]);
  expect(handles(admin.stores.nodes)).toEqual(['loewe-cn', 'design-mall']);
  expect(handles(admin.collections.nodes)).toEqual(['loewe-edit', 'design-week']);
});

test('node(id:) on the Admin API sees any status, within the viewer brands', async () => {
  expect((await h.data(AdminNodeStatusDocument, { id: ids[1] })).node).toMatchObject({ __typename: 'Product', status: 'DRAFT' });
  const admin = await h.brandAdmin(uuidOf(b.loewe));
  expect((await h.data(AdminNodeStatusDocument, { id: ids[1] }, admin)).node).toBeNull();
  expect((await h.data(AdminNodeStatusDocument, { id: b.mall }, admin)).node).toMatchObject({ __typename: 'Store' });
  expect((await h.data(AdminNodeStatusDocument, { id: b.mkCn }, admin)).node).toBeNull();
  expect((await h.data(AdminNodeStatusDocument, { id: b.loeweWh }, admin)).node).toMatchObject({ __typename: 'StockLocation' });
});

test('a concierge reads its brand catalog but cannot write; anonymous requests are refused', async () => {
  const concierge = await h.token('CONCIERGE' as never, [uuidOf(b.mk)]);
  expect((await h.data(ProductPageDocument, {}, concierge)).products.totalCount).toBe(3);
  expectForbidden(await h.gql(ProductArchiveDocument, { input: { id: ids[0] } }, concierge));
  const anon = await h.server.gql('admin', ProductPageDocument, {});
  expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});
