import {
  InventoryAdjustDocument,
  InventorySetDocument,
  ProductCreateDocument,
  ProductPublishDocument,
  ProductUnpublishDocument,
  ProductVariantArchiveDocument,
  VariantPricesSetDocument,
  type VariantPriceInput,
} from '../generated/admin.js';
import { expectForbidden, expectOk, expectUserError } from '../support/payload.js';
import { AdminHarness, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
let productId: string;
let blk: string;
let cml: string;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  const { product } = expectOk((await h.data(ProductCreateDocument, { input: selmaInput(b.mk) })).productCreate);
  productId = product.id;
  [blk, cml] = product.variants.map((v) => v.id);
});
afterAll(() => h.close());

const listing = async (storeId: string) =>
  (
    await h.sql(`select min_price, max_price, available from product_listing where product_id = ? and store_id = ?`, [uuidOf(productId), uuidOf(storeId)])
  )[0];
const setPrices = async (prices: VariantPriceInput[]) => (await h.data(VariantPricesSetDocument, { input: { prices } })).variantPricesSet;

describe('variantPricesSet', () => {
  test("sets prices in the store's currency, with a compare-at price", async () => {
    const { productVariants } = expectOk(
      await setPrices([{ variantId: blk, storeId: b.mkCn, amount: '12999.00', compareAtAmount: '15999' }, { variantId: cml, storeId: b.mkCn, amount: '11999.5' }]),
    );
    expect(productVariants).toEqual([
      { id: blk, sku: 'MK-SELMA-BLK', prices: [{ store: { handle: 'mk-cn' }, price: { amount: '12999.00', currencyCode: 'CNY' }, compareAtPrice: { amount: '15999.00' } }] },
      { id: cml, sku: 'MK-SELMA-CML', prices: [{ store: { handle: 'mk-cn' }, price: { amount: '11999.50', currencyCode: 'CNY' }, compareAtPrice: null }] },
    ]);
    const rows = await h.sql(`select amount, compare_at_amount, currency from variant_price where variant_id = ?`, [uuidOf(blk)]);
    expect(rows).toEqual([{ amount: '1299900', compare_at_amount: '1599900', currency: 'CNY' }]);
  });

  test.each<[string, Partial<VariantPriceInput>, string, string]>([
    ['more decimals than the currency has', { amount: '10.001' }, 'INVALID', 'amount'],
    ['a compare-at price not above the price', { amount: '100.00', compareAtAmount: '100' }, 'INVALID', 'compareAtAmount'],
    ['a store that does not carry the brand', { storeId: 'loeweCn' }, 'NOT_CARRIED', 'storeId'],
  ])('refuses %s and writes nothing', async (_what, override, code, field) => {
    const before = await h.snapshot();
    const price = { variantId: blk, storeId: b.mkCn, amount: '1.00', ...override };
    if (price.storeId === 'loeweCn') price.storeId = b.loeweCn;
    // The first, valid price of the same request is not written either.
    expectUserError(await setPrices([{ variantId: cml, storeId: b.mkCn, amount: '1.00' }, price]), code, ['input', 'prices', '1', field]);
    expect(await h.snapshot()).toBe(before);
  });

  test('a negative amount is not a Decimal the API accepts', async () => {
    expectUserError(await setPrices([{ variantId: blk, storeId: b.mkCn, amount: '-5.00' }]), 'INVALID');
  });

  test("another brand's admin gets FORBIDDEN and no price changes", async () => {
    const before = await h.snapshot();
    expectForbidden(await h.gql(VariantPricesSetDocument, { input: { prices: [{ variantId: blk, storeId: b.mkCn, amount: '1.00' }] } }, await h.brandAdmin(uuidOf(b.loewe))));
    expect(await h.snapshot()).toBe(before);
  });
});

describe('productPublish / productUnpublish and the listing facts', () => {
  const publish = async (storeIds: string[]) => (await h.data(ProductPublishDocument, { input: { id: productId, storeIds } })).productPublish;
  const adjust = async (variantId: string, delta: number, reason: string) =>
    expectOk((await h.data(InventoryAdjustDocument, { input: { variantId, locationId: b.mkWh, delta, reason } })).inventoryAdjust);

  test('publishes to stores carrying the brand; refuses one that does not (nothing written)', async () => {
    const before = await h.snapshot();
    expectUserError(await publish([b.mkCn, b.loeweCn]), 'NOT_CARRIED', ['input', 'storeIds', '1']);
    expect(await h.snapshot()).toBe(before);

    const { product } = expectOk(await publish([b.mkCn, b.mall]));
    expect(product.publications).toHaveLength(2);
    expect(product.publications).toContainEqual({ store: { handle: 'mk-cn' }, minPrice: { amount: '11999.50' }, available: false });
    expectOk(await publish([b.mkCn])); // again: a no-op
    expect(await h.sql('select count(*)::int as n from product_listing where product_id = ?', [uuidOf(productId)])).toEqual([{ n: 2 }]);
  });

  test('the listing follows price and inventory changes (min/max price, available)', async () => {
    expect(await listing(b.mkCn)).toEqual({ min_price: '1199950', max_price: '1299900', available: false });
    await adjust(blk, 3, 'received');
    expect(await listing(b.mkCn)).toMatchObject({ available: true });
    expect(await listing(b.mall)).toMatchObject({ available: false, min_price: null }); // no price or stock in the mall yet

    expectOk(await setPrices([{ variantId: cml, storeId: b.mkCn, amount: '13999.00' }]));
    expect(await listing(b.mkCn)).toMatchObject({ min_price: '1299900', max_price: '1399900' });

    await adjust(blk, -3, 'sold offline');
    expect(await listing(b.mkCn)).toMatchObject({ available: false });

    expectOk((await h.data(InventorySetDocument, { input: { variantId: cml, locationId: b.mkWh, onHand: 2, reason: 'count' } })).inventorySet);
    expect(await listing(b.mkCn)).toMatchObject({ available: true });

    expectOk((await h.data(ProductVariantArchiveDocument, { input: { id: cml } })).productVariantArchive);
    expect(await listing(b.mkCn)).toEqual({ min_price: '1299900', max_price: '1299900', available: false });
  });

  test('unpublish removes the listing', async () => {
    const { product } = expectOk((await h.data(ProductUnpublishDocument, { input: { id: productId, storeIds: [b.mall] } })).productUnpublish);
    expect(product.publications.map((p) => p.store)).toEqual([{ handle: 'mk-cn' }]);
  });

  test("a brand admin cannot unpublish another brand's product", async () => {
    const before = await h.snapshot();
    expectForbidden(await h.gql(ProductUnpublishDocument, { input: { id: productId, storeIds: [b.mkCn] } }, await h.brandAdmin(uuidOf(b.loewe))));
    expect(await h.snapshot()).toBe(before);
  });
});
