import { AdminHarness, PRODUCT_FIELDS, seedBasics, selmaInput, uuidOf, type Basics } from './support.js';

let h: AdminHarness;
let b: Basics;
let productId: string;
let blk: string;
let cml: string;
beforeAll(async () => {
  h = await AdminHarness.start();
  b = await seedBasics(h);
  const { product } = await h.ok('productCreate', selmaInput(b.mk), PRODUCT_FIELDS);
  productId = product.id;
  [blk, cml] = product.variants.map((v: { id: string }) => v.id);
});
afterAll(() => h.close());

const listing = async (storeId: string) =>
  (
    await h.sql(`select min_price, max_price, available from product_listing where product_id = ? and store_id = ?`, [uuidOf(productId), uuidOf(storeId)])
  )[0];

describe('variantPricesSet', () => {
  test("sets prices in the store's currency, with a compare-at price", async () => {
    const { productVariants } = await h.ok(
      'variantPricesSet',
      { prices: [{ variantId: blk, storeId: b.mkCn, amount: '12999.00', compareAtAmount: '15999' }, { variantId: cml, storeId: b.mkCn, amount: '11999.5' }] },
      'productVariants { sku prices { store { handle } price { amount currencyCode } compareAtPrice { amount } } }',
    );
    expect(productVariants).toEqual([
      { sku: 'MK-SELMA-BLK', prices: [{ store: { handle: 'mk-cn' }, price: { amount: '12999.00', currencyCode: 'CNY' }, compareAtPrice: { amount: '15999.00' } }] },
      { sku: 'MK-SELMA-CML', prices: [{ store: { handle: 'mk-cn' }, price: { amount: '11999.50', currencyCode: 'CNY' }, compareAtPrice: null }] },
    ]);
    const rows = await h.sql(`select amount, compare_at_amount, currency from variant_price where variant_id = ?`, [uuidOf(blk)]);
    expect(rows).toEqual([{ amount: '1299900', compare_at_amount: '1599900', currency: 'CNY' }]);
  });

  test.each([
    ['more decimals than the currency has', { amount: '10.001' }, 'INVALID', 'amount'],
    ['a compare-at price not above the price', { amount: '100.00', compareAtAmount: '100' }, 'INVALID', 'compareAtAmount'],
    ['a store that does not carry the brand', { storeId: 'loeweCn' }, 'NOT_CARRIED', 'storeId'],
  ])('refuses %s and writes nothing', async (_what, override, code, field) => {
    const before = await h.snapshot();
    const price = { variantId: blk, storeId: b.mkCn, amount: '1.00', ...override };
    if (price.storeId === 'loeweCn') price.storeId = b.loeweCn;
    // The first, valid price of the same request is not written either.
    const errors = await h.refused('variantPricesSet', { prices: [{ variantId: cml, storeId: b.mkCn, amount: '1.00' }, price] });
    expect(errors[0]).toMatchObject({ code, field: ['input', 'prices', '1', field] });
    expect(await h.snapshot()).toBe(before);
  });

  test('a negative amount is not a Decimal the API accepts', async () => {
    const errors = await h.refused('variantPricesSet', { prices: [{ variantId: blk, storeId: b.mkCn, amount: '-5.00' }] });
    expect(errors[0].code).toBe('INVALID');
  });

  test("another brand's admin gets FORBIDDEN and no price changes", async () => {
    const before = await h.snapshot();
    await h.forbidden('variantPricesSet', { prices: [{ variantId: blk, storeId: b.mkCn, amount: '1.00' }] }, await h.brandAdmin(uuidOf(b.loewe)));
    expect(await h.snapshot()).toBe(before);
  });
});

describe('productPublish / productUnpublish and the listing facts', () => {
  test('publishes to stores carrying the brand; refuses one that does not (nothing written)', async () => {
    const before = await h.snapshot();
    const errors = await h.refused('productPublish', { id: productId, storeIds: [b.mkCn, b.loeweCn] });
    expect(errors[0]).toMatchObject({ code: 'NOT_CARRIED', field: ['input', 'storeIds', '1'] });
    expect(await h.snapshot()).toBe(before);

    const { product } = await h.ok('productPublish', { id: productId, storeIds: [b.mkCn, b.mall] }, 'product { publications { store { handle } minPrice { amount } available } }');
    expect(product.publications).toHaveLength(2);
    expect(product.publications).toContainEqual({ store: { handle: 'mk-cn' }, minPrice: { amount: '11999.50' }, available: false });
    await h.ok('productPublish', { id: productId, storeIds: [b.mkCn] }, 'product { id }'); // again: a no-op
    expect(await h.sql('select count(*)::int as n from product_listing where product_id = ?', [uuidOf(productId)])).toEqual([{ n: 2 }]);
  });

  test('the listing follows price and inventory changes (min/max price, available)', async () => {
    expect(await listing(b.mkCn)).toEqual({ min_price: '1199950', max_price: '1299900', available: false });
    await h.ok('inventoryAdjust', { variantId: blk, locationId: b.mkWh, delta: 3, reason: 'received' }, 'inventoryLevel { onHand }');
    expect(await listing(b.mkCn)).toMatchObject({ available: true });
    expect(await listing(b.mall)).toMatchObject({ available: false, min_price: null }); // no price or stock in the mall yet

    await h.ok('variantPricesSet', { prices: [{ variantId: cml, storeId: b.mkCn, amount: '13999.00' }] }, 'productVariants { id }');
    expect(await listing(b.mkCn)).toMatchObject({ min_price: '1299900', max_price: '1399900' });

    await h.ok('inventoryAdjust', { variantId: blk, locationId: b.mkWh, delta: -3, reason: 'sold offline' }, 'inventoryLevel { onHand }');
    expect(await listing(b.mkCn)).toMatchObject({ available: false });

    await h.ok('inventorySet', { variantId: cml, locationId: b.mkWh, onHand: 2, reason: 'count' }, 'inventoryLevel { onHand }');
    expect(await listing(b.mkCn)).toMatchObject({ available: true });

    await h.ok('productVariantArchive', { id: cml }, 'productVariant { id }');
    expect(await listing(b.mkCn)).toEqual({ min_price: '1299900', max_price: '1299900', available: false });
  });

  test('unpublish removes the listing', async () => {
    const { product } = await h.ok('productUnpublish', { id: productId, storeIds: [b.mall] }, 'product { publications { store { handle } } }');
    expect(product.publications).toEqual([{ store: { handle: 'mk-cn' } }]);
  });

  test("a brand admin cannot unpublish another brand's product", async () => {
    const before = await h.snapshot();
    await h.forbidden('productUnpublish', { id: productId, storeIds: [b.mkCn] }, await h.brandAdmin(uuidOf(b.loewe)));
    expect(await h.snapshot()).toBe(before);
  });
});
