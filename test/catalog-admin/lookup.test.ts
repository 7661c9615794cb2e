import { expectOk } from '../support/payload.js';
import { ProductCreateDocument } from '../generated/admin.js';
import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

/** Staff tools find a product by handle and a variant by SKU, within the brands they work for. */
let h: AdminHarness;
let b: Basics;
let mkBag: { id: string; variants: { id: string; sku: string }[] };
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  const create = async (brandId: string, handle: string, sku: string, status: 'ACTIVE' | 'DRAFT') =>
    expectOk((await h.data(ProductCreateDocument, { input: { ...selmaInput(brandId, handle, sku), status } })).productCreate).product;
  mkBag = await create(b.mk, 'selma-mini', 'MK-SELMA', 'ACTIVE');
  await create(b.mk, 'selma-draft', 'MK-DRAFT', 'DRAFT');
  await create(b.loewe, 'puzzle-bag', 'LW-PUZZLE', 'ACTIVE');
});
afterAll(() => h.close());

const PRODUCT = 'query($id: ID, $handle: String, $brandId: ID) { product(id: $id, handle: $handle, brandId: $brandId) { id handle status } }';
const VARIANT = 'query($id: ID, $sku: String) { productVariant(id: $id, sku: $sku) { id sku weightGrams product { handle } } }';

test('product(handle:) finds a product in any status, the same one product(id:) finds; brandId checks the brand', async () => {
  const byHandle = (await h.query(PRODUCT, { handle: 'selma-mini' })).product;
  expect(byHandle).toEqual({ id: mkBag.id, handle: 'selma-mini', status: 'ACTIVE' });
  expect((await h.query(PRODUCT, { id: mkBag.id })).product).toEqual(byHandle);
  expect((await h.query(PRODUCT, { handle: 'selma-draft' })).product).toMatchObject({ handle: 'selma-draft', status: 'DRAFT' });
  expect((await h.query(PRODUCT, { handle: 'selma-mini', brandId: b.mk })).product).toEqual(byHandle);
  expect((await h.query(PRODUCT, { handle: 'selma-mini', brandId: b.loewe })).product).toBeNull();
  expect((await h.query(PRODUCT, { handle: 'no-such-bag' })).product).toBeNull();
});

test('productVariant(sku:) finds a variant, the same one productVariant(id:) finds; weightGrams is an Int', async () => {
  const [black] = mkBag.variants;
  const bySku = (await h.query(VARIANT, { sku: black.sku })).productVariant;
  expect(bySku).toEqual({ id: black.id, sku: 'MK-SELMA-BLK', weightGrams: 800, product: { handle: 'selma-mini' } });
  expect((await h.query(VARIANT, { id: black.id })).productVariant).toEqual(bySku);
  expect((await h.query(VARIANT, { sku: 'NO-SUCH-SKU' })).productVariant).toBeNull();
});

test("another brand's handle or SKU answers null, as product(id:) does", async () => {
  const loeweAdmin = await h.brandAdmin(uuidOf(b.loewe));
  expect((await h.query(PRODUCT, { handle: 'selma-mini' }, loeweAdmin)).product).toBeNull();
  expect((await h.query(VARIANT, { sku: 'MK-SELMA-BLK' }, loeweAdmin)).productVariant).toBeNull();
  expect((await h.query(PRODUCT, { handle: 'puzzle-bag' }, loeweAdmin)).product).toMatchObject({ handle: 'puzzle-bag' });
  expect((await h.query(VARIANT, { sku: 'LW-PUZZLE-BLK' }, loeweAdmin)).productVariant).toMatchObject({ sku: 'LW-PUZZLE-BLK' });
});

test.each([
  ['product with neither id nor handle', PRODUCT, {}, ['id']],
  ['product with both id and handle', PRODUCT, { id: 'x', handle: 'selma-mini' }, ['handle']],
  ['product with brandId beside id', PRODUCT, { id: 'x', brandId: 'y' }, ['brandId']],
  ['productVariant with neither id nor sku', VARIANT, {}, ['id']],
  ['productVariant with both id and sku', VARIANT, { id: 'x', sku: 'MK-SELMA-BLK' }, ['sku']],
])('%s: BAD_USER_INPUT with reason INVALID_LOOKUP, HTTP 200', async (_case, query, variables, field) => {
  const res = await h.server.gql('admin', query, variables, await h.platform());
  expect(res.status).toBe(200);
  expect(res.data).toEqual({ [query === PRODUCT ? 'product' : 'productVariant']: null });
  expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', reason: 'INVALID_LOOKUP', field }]);
});

test('a brandId that is not a Brand ID is INVALID_ID', async () => {
  const res = await h.server.gql('admin', PRODUCT, { handle: 'selma-mini', brandId: mkBag.id }, await h.platform());
  expect(res.errors?.map((e) => e.extensions)).toEqual([{ code: 'BAD_USER_INPUT', reason: 'INVALID_ID', field: ['brandId'] }]);
});
