import { toGlobalId } from '../../src/shared/ids.js';
import { StaffRole } from '../../src/shared/roles.js';
import { staff } from '../access/support.js';
import { StoreCommerceSettingsDocument, StoreCommerceSettingsUpdateDocument } from '../generated/admin.js';
import { CartCreateDocument } from '../generated/storefront.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { dataOf } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** storeCommerceSettingsUpdate over HTTP: who may set a store's terms, what is refused, and that carts charge them. */
let server: TestServer;
let ids: { flagship: string; mall: string; storeB: string; bag: string };
let adminA: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brandA = f.brand('terms-a', { en: 'Terms A' });
  const brandB = f.brand('terms-b', { en: 'Terms B' });
  const flagship = f.store('terms-a-cn', [brandA]);
  const mall = f.store('terms-mall', [brandA, brandB]);
  const storeB = f.store('terms-b-cn', [brandB]);
  const bag = f.product(brandA, 'terms-bag', { en: 'Bag' }, { stores: [{ ...flagship, price: 99_900, stock: 5 }] });
  await f.commit();
  ids = {
    flagship: toGlobalId('Store', flagship.store.id), mall: toGlobalId('Store', mall.store.id), storeB: toGlobalId('Store', storeB.store.id),
    bag: toGlobalId('ProductVariant', bag.variants.getItems()[0].id),
  };
  adminA = (await staff(server, StaffRole.BRAND_ADMIN, [brandA.id])).headers;
}, 120_000);
afterAll(() => server?.close());

const update = (input: Record<string, unknown>, headers = adminA) => server.gql('admin', StoreCommerceSettingsUpdateDocument, { input: input as never }, headers);
const rows = async () => (await server.db.orm.em.fork().execute<{ n: number }[]>('select count(*)::int as n from store_commerce_settings'))[0].n;

test("a brand admin sets their flagship's terms, reads them on Store.commerceSettings, and carts charge them", async () => {
  const before = dataOf(await server.gql('admin', StoreCommerceSettingsDocument, { id: ids.flagship }, adminA)).node as any;
  expect(before.commerceSettings).toEqual({ pricesIncludeTax: false, taxRateBasisPoints: 0, shippingFlat: { amount: '0.00' }, freeShippingThreshold: null });
  const set = dataOf(await update({ storeId: ids.flagship, pricesIncludeTax: false, taxRateBasisPoints: 1300, shippingFlat: '20.00', freeShippingThreshold: '5000.00' })).storeCommerceSettingsUpdate;
  expect(set).toEqual({
    settings: { pricesIncludeTax: false, taxRateBasisPoints: 1300, shippingFlat: { amount: '20.00', currencyCode: 'CNY' }, freeShippingThreshold: { amount: '5000.00', currencyCode: 'CNY' } },
    userErrors: [],
  });
  const cart = dataOf(await server.gql('storefront', CartCreateDocument, { input: { lines: [{ merchandiseId: ids.bag, quantity: 1 }] } }, { 'x-store': 'terms-a-cn' })).cartCreate.cart!;
  // 1000.00 + 20.00 shipping, tax 13% added on both: 132.60.
  expect(cart.cost).toMatchObject({ subtotal: { amount: '1000.00' }, shipping: { amount: '20.00' }, tax: { amount: '132.60' }, total: { amount: '1152.60' }, pricesIncludeTax: false });
  // Omitted fields keep their values; null removes the free-shipping threshold.
  const again = dataOf(await update({ storeId: ids.flagship, freeShippingThreshold: null })).storeCommerceSettingsUpdate.settings!;
  expect(again).toMatchObject({ taxRateBasisPoints: 1300, shippingFlat: { amount: '20.00' }, freeShippingThreshold: null });
});

test("bad values are userErrors and write nothing; a store carrying another brand is FORBIDDEN for a brand admin (the catalog's store-write rule)", async () => {
  const count = await rows();
  const refused = async (input: Record<string, unknown>) => dataOf(await update(input)).storeCommerceSettingsUpdate.userErrors.map((e) => [e.code, e.field]);
  expect(await refused({ storeId: ids.flagship, shippingFlat: '-1.00' })).toEqual([['INVALID', ['input', 'shippingFlat']]]);
  expect(await refused({ storeId: ids.flagship, shippingFlat: '1.001' })).toEqual([['INVALID', ['input', 'shippingFlat']]]);
  expect(await refused({ storeId: ids.flagship, freeShippingThreshold: '0' })).toEqual([['INVALID', ['input', 'freeShippingThreshold']]]);
  expect(await refused({ storeId: ids.flagship, taxRateBasisPoints: 10_001 })).toEqual([['INVALID', ['input', 'taxRateBasisPoints']]]);
  for (const storeId of [ids.mall, ids.storeB]) {
    const res = await update({ storeId, taxRateBasisPoints: 5000 });
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  }
  expect(await rows()).toBe(count);
});
