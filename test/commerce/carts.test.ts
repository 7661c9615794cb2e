import { StockLocationKind } from '../../src/catalog/entities/enums.js';
import { StockLocation, type Store } from '../../src/catalog/entities/store.entity.js';
import type { ProductVariant } from '../../src/catalog/entities/product.entity.js';
import { stockService } from '../../src/catalog/stock.service.js';
import { cartCost } from '../../src/commerce/carts/cart-cost.js';
import { StoreCommerceSettings } from '../../src/commerce/carts/cart.entity.js';
import { toGlobalId } from '../../src/shared/ids.js';
import { CurrencyCode } from '../../src/shared/money.js';
import {
  CartBuyerIdentityUpdateDocument,
  CartCreateDocument,
  CartDeliveryUpdateDocument,
  CartDocument,
  CartLinesAddDocument,
  CartLinesRemoveDocument,
  CartLinesUpdateDocument,
  CartPickupLocationsDocument,
  CustomerAccessTokenCreateDocument,
  CustomerCreateDocument,
  type DeliveryMethod,
} from '../generated/storefront.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
const CN = { 'x-store': 'carts-cn' };
const EU = { 'x-store': 'carts-eu' };
const OTHER = { 'x-store': 'carts-other' };
let bags: ProductVariant[] = [];
let euBag: ProductVariant;
let otherOnly: ProductVariant;
let boutique: StockLocation;
let warehouse: StockLocation;
const vid = (v: ProductVariant) => toGlobalId('ProductVariant', v.id);

beforeAll(async () => {
  server = await startTestServer();
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brand = f.brand('carts-brand', { en: 'Carts Brand' });
  const cn = f.store('carts-cn', [brand]);
  const eu = f.store('carts-eu', [brand], { currency: CurrencyCode.EUR, defaultLocale: 'en', supportedLocales: ['en'] });
  const other = f.store('carts-other', [brand]);
  warehouse = cn.location;
  boutique = em.create(StockLocation, { store: cn.store, handle: 'carts-cn-shanghai', name: 'Shanghai boutique', kind: StockLocationKind.BOUTIQUE });
  // Single-variant products priced 100.00 (the fixture adds 100 minor units to the first variant).
  const products = Array.from({ length: 10 }, (_, i) => f.product(brand, `cart-bag-${i}`, { en: `Bag ${i}` }, { stores: [{ store: cn.store, location: cn.location, price: 9_900, stock: 5 }] }));
  const euProduct = f.product(brand, 'cart-eu-bag', { en: 'EU bag' }, { stores: [{ store: eu.store, location: eu.location, price: 9_900, stock: 5 }] });
  const otherProduct = f.product(brand, 'cart-other-bag', { en: 'Other bag' }, { stores: [{ store: other.store, location: other.location, price: 9_900 }] });
  const settings = (store: Store, s: Partial<StoreCommerceSettings>) => em.create(StoreCommerceSettings, { store, ...s });
  settings(cn.store, { pricesIncludeTax: true, taxRateBasisPoints: 1300, shippingFlatAmount: 2_000, freeShippingThreshold: 50_000 });
  settings(eu.store, { pricesIncludeTax: false, taxRateBasisPoints: 2000, shippingFlatAmount: 1_000 });
  await f.commit();
  bags = products.map((p) => p.variants.getItems()[0]);
  euBag = euProduct.variants.getItems()[0];
  otherOnly = otherProduct.variants.getItems()[0];
  await em.transactional((tx) => stockService.adjust(tx, { variantId: bags[0].id, locationId: boutique.id, delta: 1, reason: 'test', actor: 'system' }));
});
afterAll(() => server.close());

async function lineCount(): Promise<number> {
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from cart_line');
  return Number(row.n);
}

async function cartCount(): Promise<number> {
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from cart');
  return Number(row.n);
}

async function newCart(lines: { merchandiseId: string; quantity: number }[] = [], headers = CN) {
  const res = await server.gql('storefront', CartCreateDocument, { input: { lines } }, headers);
  expect(res.errors).toBeUndefined();
  expect(res.data!.cartCreate.userErrors).toEqual([]);
  return res.data!.cartCreate.cart!;
}

describe('cost', () => {
  test('half-even rounding of tax in minor units, inclusive and exclusive', () => {
    const exclusive = { pricesIncludeTax: false, taxRateBasisPoints: 1000, shippingFlatAmount: 0, freeShippingThreshold: null };
    expect(cartCost(CurrencyCode.CNY, [25], false, exclusive)).toEqual({ subtotal: 25, shipping: 0, tax: 2, total: 27 });
    expect(cartCost(CurrencyCode.CNY, [35], false, exclusive)).toEqual({ subtotal: 35, shipping: 0, tax: 4, total: 39 });
    // 1150 inclusive of 15%: net 1000, tax 150; 23 inclusive of 15%: tax 3 (2.9999..)
    const inclusive = { ...exclusive, pricesIncludeTax: true, taxRateBasisPoints: 1500 };
    expect(cartCost(CurrencyCode.CNY, [1150], false, inclusive).tax).toBe(150);
    expect(cartCost(CurrencyCode.CNY, [23], false, inclusive)).toEqual({ subtotal: 23, shipping: 0, tax: 3, total: 23 });
  });

  test('inclusive tax with flat shipping below the threshold, free shipping at it', async () => {
    const cart = await newCart([{ merchandiseId: vid(bags[1]), quantity: 2 }]);
    // 2 x 100.00 + 20.00 shipping = 220.00 gross; tax = 22000 x 1300 / 11300 = 2530.97 -> 25.31
    expect(cart.cost).toEqual({
      subtotal: { amount: '200.00', currencyCode: 'CNY' },
      shipping: { amount: '20.00' },
      tax: { amount: '25.31' },
      total: { amount: '220.00' },
      pricesIncludeTax: true,
    });
    const more = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines: [{ merchandiseId: vid(bags[1]), quantity: 3 }] } }, CN);
    // 500.00 reaches the threshold: shipping free; tax = 50000 x 1300 / 11300 = 5752.2 -> 57.52
    expect(more.data!.cartLinesAdd.cart!.lines).toHaveLength(1);
    expect(more.data!.cartLinesAdd.cart!.cost).toMatchObject({ subtotal: { amount: '500.00' }, shipping: { amount: '0.00' }, tax: { amount: '57.52' }, total: { amount: '500.00' } });
  });

  test('exclusive tax is added on goods and shipping', async () => {
    const cart = await newCart([{ merchandiseId: vid(euBag), quantity: 1 }], EU);
    expect(cart.cost).toEqual({
      subtotal: { amount: '100.00', currencyCode: 'EUR' },
      shipping: { amount: '10.00' },
      tax: { amount: '22.00' },
      total: { amount: '132.00' },
      pricesIncludeTax: false,
    });
  });
});

describe('capability and store', () => {
  test('a guessed or altered id, or the cart from another store, reads null', async () => {
    const cart = await newCart([{ merchandiseId: vid(bags[2]), quantity: 1 }]);
    expect((await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart?.id).toBe(cart.id);
    const [uuid] = Buffer.from(cart.id, 'base64').toString().slice('Cart:'.length).split('?key=');
    const guesses = [toGlobalId('Cart', uuid), toGlobalId('Cart', `${uuid}?key=${'A'.repeat(22)}`), 'not-an-id'];
    for (const id of guesses) expect((await server.gql('storefront', CartDocument, { id }, CN)).data!.cart).toBeNull();
    expect((await server.gql('storefront', CartDocument, { id: cart.id }, OTHER)).data!.cart).toBeNull();
  });

  test('a change from another store is STORE_MISMATCH and a guessed id CART_NOT_FOUND; nothing written', async () => {
    const cart = await newCart();
    const before = await lineCount();
    const mismatch = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines: [{ merchandiseId: vid(otherOnly), quantity: 1 }] } }, OTHER);
    expect(mismatch.data!.cartLinesAdd.userErrors).toEqual([expect.objectContaining({ code: 'STORE_MISMATCH', field: ['input', 'cartId'] })]);
    const forged = toGlobalId('Cart', `${Buffer.from(cart.id, 'base64').toString().split(':')[1].split('?')[0]}?key=${'B'.repeat(22)}`);
    const guessed = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: forged, lines: [{ merchandiseId: vid(bags[0]), quantity: 1 }] } }, CN);
    expect(guessed.data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['CART_NOT_FOUND']);
    expect(await lineCount()).toBe(before);
  });
});

describe('userErrors write nothing', () => {
  test('cartLinesAdd: VARIANT_NOT_AVAILABLE, QUANTITY_EXCEEDS_AVAILABLE, INVALID quantities', async () => {
    const cart = await newCart([{ merchandiseId: vid(bags[3]), quantity: 1 }]);
    const before = await lineCount();
    const add = (lines: { merchandiseId: string; quantity: number }[]) => server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines } }, CN);
    const unpriced = await add([{ merchandiseId: vid(bags[4]), quantity: 1 }, { merchandiseId: vid(otherOnly), quantity: 1 }]);
    expect(unpriced.data!.cartLinesAdd.userErrors).toEqual([expect.objectContaining({ code: 'VARIANT_NOT_AVAILABLE', field: ['input', 'lines', '1', 'merchandiseId'] })]);
    const tooMany = await add([{ merchandiseId: vid(bags[3]), quantity: 5 }]); // 1 held + 5 > 5 in stock
    expect(tooMany.data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['QUANTITY_EXCEEDS_AVAILABLE']);
    for (const quantity of [0, -1, 100]) {
      expect((await add([{ merchandiseId: vid(bags[3]), quantity }])).data!.cartLinesAdd.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'lines', '0', 'quantity'] })]);
    }
    expect((await add([{ merchandiseId: 'bogus', quantity: 1 }])).data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['INVALID']);
    expect(await lineCount()).toBe(before);
    const carts = await cartCount();
    const created = await server.gql('storefront', CartCreateDocument, { input: { lines: [{ merchandiseId: vid(otherOnly), quantity: 1 }] } }, CN);
    expect(created.data!.cartCreate).toMatchObject({ cart: null, userErrors: [{ code: 'VARIANT_NOT_AVAILABLE' }] });
    expect(await cartCount()).toBe(carts);
  });

  test('cartLinesUpdate and cartLinesRemove: LINE_NOT_FOUND, INVALID, QUANTITY_EXCEEDS_AVAILABLE; then they work', async () => {
    const cart = await newCart([{ merchandiseId: vid(bags[5]), quantity: 2 }, { merchandiseId: vid(bags[6]), quantity: 1 }]);
    const [line, other] = cart.lines;
    const update = (lines: { id: string; quantity: number }[]) => server.gql('storefront', CartLinesUpdateDocument, { input: { cartId: cart.id, lines } }, CN);
    expect((await update([{ id: toGlobalId('CartLine', '0190a0a0-0000-7000-8000-000000000000'), quantity: 1 }])).data!.cartLinesUpdate.userErrors.map((e) => e.code)).toEqual(['LINE_NOT_FOUND']);
    expect((await update([{ id: line.id, quantity: 0 }])).data!.cartLinesUpdate.userErrors.map((e) => e.code)).toEqual(['INVALID']);
    expect((await update([{ id: line.id, quantity: 6 }])).data!.cartLinesUpdate.userErrors.map((e) => e.code)).toEqual(['QUANTITY_EXCEEDS_AVAILABLE']);
    const remove = (lineIds: string[]) => server.gql('storefront', CartLinesRemoveDocument, { input: { cartId: cart.id, lineIds } }, CN);
    expect((await remove([other.id, toGlobalId('CartLine', '0190a0a0-0000-7000-8000-000000000000')])).data!.cartLinesRemove.userErrors.map((e) => e.code)).toEqual(['LINE_NOT_FOUND']);
    expect((await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart!.lines.map((l) => l.quantity)).toEqual([2, 1]);
    expect((await update([{ id: line.id, quantity: 4 }])).data!.cartLinesUpdate.cart!.lines.map((l) => l.quantity)).toEqual([4, 1]);
    expect((await remove([other.id])).data!.cartLinesRemove.cart!.lines.map((l) => l.id)).toEqual([line.id]);
  });

  test('a completed cart refuses every change with CART_COMPLETED', async () => {
    const cart = await newCart([{ merchandiseId: vid(bags[7]), quantity: 1 }]);
    const uuid = Buffer.from(cart.id, 'base64').toString().split(':')[1].split('?')[0];
    await server.db.orm.em.fork().execute(`update cart set status = 'COMPLETED' where id = ?`, [uuid]);
    const res = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines: [{ merchandiseId: vid(bags[7]), quantity: 1 }] } }, CN);
    expect(res.data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['CART_COMPLETED']);
    const who = await server.gql('storefront', CartBuyerIdentityUpdateDocument, { input: { cartId: cart.id, buyerIdentity: { email: 'a@example.com' } } }, CN);
    expect(who.data!.cartBuyerIdentityUpdate.userErrors.map((e) => e.code)).toEqual(['CART_COMPLETED']);
    expect((await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart).toMatchObject({ status: 'COMPLETED', totalQuantity: 1, buyerIdentity: { email: null } });
  });

  test('cartBuyerIdentityUpdate: a bad email is INVALID; a good one is kept', async () => {
    const cart = await newCart();
    const bad = await server.gql('storefront', CartBuyerIdentityUpdateDocument, { input: { cartId: cart.id, buyerIdentity: { email: 'nope' } } }, CN);
    expect(bad.data!.cartBuyerIdentityUpdate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID', field: ['input', 'buyerIdentity', 'email'] })]);
    const good = await server.gql('storefront', CartBuyerIdentityUpdateDocument, { input: { cartId: cart.id, buyerIdentity: { email: 'Buyer@Example.com', phone: '+86 138 0000 0000' } } }, CN);
    expect(good.data!.cartBuyerIdentityUpdate.cart!.buyerIdentity).toEqual({ email: 'buyer@example.com', phone: '+86 138 0000 0000', customer: null });
  });
});

test('pickup at a boutique counts that boutique stock only; a warehouse or unknown place is refused', async () => {
  const cart = await newCart([{ merchandiseId: vid(bags[0]), quantity: 2 }]);
  const places = await server.gql('storefront', CartPickupLocationsDocument, { id: cart.id }, CN);
  expect(places.data!.cart!.pickupLocations).toEqual([{ id: toGlobalId('StockLocation', boutique.id), handle: 'carts-cn-shanghai', name: 'Shanghai boutique' }]);
  const deliver = (method: DeliveryMethod, pickupLocationId?: string) =>
    server.gql('storefront', CartDeliveryUpdateDocument, { input: { cartId: cart.id, method, pickupLocationId } }, CN);
  expect((await deliver('PICKUP')).data!.cartDeliveryUpdate.userErrors.map((e) => e.code)).toEqual(['INVALID']);
  expect((await deliver('PICKUP', toGlobalId('StockLocation', warehouse.id))).data!.cartDeliveryUpdate.userErrors.map((e) => e.code)).toEqual(['PICKUP_LOCATION_NOT_FOUND']);
  // 2 wanted, 1 at the boutique (5 in the warehouse)
  const short = await deliver('PICKUP', toGlobalId('StockLocation', boutique.id));
  expect(short.data!.cartDeliveryUpdate.userErrors.map((e) => e.code)).toEqual(['QUANTITY_EXCEEDS_AVAILABLE']);
  expect((await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart!.delivery).toEqual({ method: 'SHIPPING', pickupLocation: null });
  await server.gql('storefront', CartLinesUpdateDocument, { input: { cartId: cart.id, lines: [{ id: cart.lines[0].id, quantity: 1 }] } }, CN);
  const picked = (await deliver('PICKUP', toGlobalId('StockLocation', boutique.id))).data!.cartDeliveryUpdate.cart!;
  expect(picked.delivery.pickupLocation?.handle).toBe('carts-cn-shanghai');
  expect(picked.cost).toMatchObject({ subtotal: { amount: '100.00' }, shipping: { amount: '0.00' }, total: { amount: '100.00' } });
  const more = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines: [{ merchandiseId: vid(bags[0]), quantity: 1 }] } }, CN);
  expect(more.data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['QUANTITY_EXCEEDS_AVAILABLE']);
  const back = (await deliver('SHIPPING')).data!.cartDeliveryUpdate.cart!;
  expect(back.delivery).toEqual({ method: 'SHIPPING', pickupLocation: null });
});

test('warnings: PRICE_CHANGED against the price at add time, QUANTITY_LOWERED to what is left', async () => {
  const cart = await newCart([{ merchandiseId: vid(bags[8]), quantity: 4 }]);
  const em = server.db.orm.em.fork();
  await em.execute('update variant_price set amount = 12_000 where variant_id = ?', [bags[8].id]);
  await em.transactional((tx) => stockService.set(tx, { variantId: bags[8].id, locationId: warehouse.id, onHand: 3, reason: 'recount', actor: 'system' }));
  const read = (await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart!;
  const lineId = cart.lines[0].id;
  expect(read.warnings.map((w) => [w.code, w.lineId])).toEqual([['QUANTITY_LOWERED', lineId], ['PRICE_CHANGED', lineId]]);
  expect(read.lines[0]).toMatchObject({ quantity: 3, cost: { unitPrice: { amount: '120.00' }, unitPriceAtAdd: { amount: '100.00' }, subtotal: { amount: '360.00' } } });
  expect(read.cost.subtotal.amount).toBe('360.00');
  const acknowledged = await server.gql('storefront', CartLinesUpdateDocument, { input: { cartId: cart.id, lines: [{ id: lineId, quantity: 3 }] } }, CN);
  expect(acknowledged.data!.cartLinesUpdate.cart!.warnings).toEqual([]);
});

test('an anonymous cart becomes the customer\'s at their first use of it signed in; then others read null', async () => {
  const cart = await newCart([{ merchandiseId: vid(bags[9]), quantity: 1 }]);
  await server.gql('storefront', CustomerCreateDocument, { input: { email: 'shopper@example.com', password: 'a long password' } });
  const signIn = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email: 'shopper@example.com', password: 'a long password' } });
  const auth = { ...CN, authorization: `Bearer ${signIn.data!.customerAccessTokenCreate.customerAccessToken!.accessToken}` };
  const mine = (await server.gql('storefront', CartDocument, { id: cart.id }, auth)).data!.cart!;
  expect(mine.buyerIdentity).toEqual({ email: 'shopper@example.com', phone: null, customer: { email: 'shopper@example.com' } });
  expect((await server.gql('storefront', CartDocument, { id: cart.id }, CN)).data!.cart).toBeNull();
  const anonymous = await server.gql('storefront', CartLinesAddDocument, { input: { cartId: cart.id, lines: [{ merchandiseId: vid(bags[9]), quantity: 1 }] } }, CN);
  expect(anonymous.data!.cartLinesAdd.userErrors.map((e) => e.code)).toEqual(['CART_NOT_FOUND']);
  const created = (await server.gql('storefront', CartCreateDocument, {}, auth)).data!.cartCreate.cart!;
  expect(created.buyerIdentity.customer).toEqual({ email: 'shopper@example.com' });
});

test('cart(id) sends the same number of SQL statements with 10 lines as with 1', async () => {
  const one = await newCart([{ merchandiseId: vid(bags[1]), quantity: 1 }]);
  const ten = await newCart(bags.map((v) => ({ merchandiseId: vid(v), quantity: 1 })));
  const measure = (id: string) => server.db.queries.measure(() => server.gql('storefront', CartDocument, { id }, CN));
  const a = await measure(one.id);
  const b = await measure(ten.id);
  expect(a.result.data!.cart!.lines).toHaveLength(1);
  expect(b.result.data!.cart!.lines).toHaveLength(10);
  // store, cart with lines and terms, variants with price and stock, their products with brands
  expect(a.queries).toBe(4);
  expect(b.queries).toBe(4);
});
