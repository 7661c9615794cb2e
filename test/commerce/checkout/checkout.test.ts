import type { ProductVariant } from '../../../src/catalog/entities/product.entity.js';
import type { StockLocation } from '../../../src/catalog/entities/store.entity.js';
import { recoverCheckouts } from '../../../src/commerce/checkout/recovery.js';
import { toGlobalId } from '../../../src/shared/ids.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { ADDRESS, customers, seedCatalog, snapshot, sqlOf, storefront } from './support.js';

// Real PostgreSQL, real HTTP; the built-in `test` payment provider stands in for the payment network.
let server: TestServer;
let shop: ReturnType<typeof storefront>;
let sql: ReturnType<typeof sqlOf>;
let variants: ProductVariant[];
let boutique: StockLocation;
let warehouse: StockLocation;
let people: { id: string; token: string }[];

const uuidOf = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1].split('?')[0];
const level = async (variant: ProductVariant, location: StockLocation) =>
  (await sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?', [variant.id, location.id]))[0];
const cartStatus = async (cartId: string) => (await sql<{ status: string }>('select status from cart where id = ?', [uuidOf(cartId)]))[0].status;
const calls = (kind: string) => sql<{ status: string }>('select p.status from payment_transaction t join payment p on p.id = t.payment_id where t.kind = ?', [kind]);

beforeAll(async () => {
  server = await startTestServer();
  shop = storefront(server);
  sql = sqlOf(server);
  const seeded = await seedCatalog(server, 14, 50);
  ({ variants, boutique, warehouse } = seeded);
  await sql('insert into inventory_level (variant_id, location_id, on_hand, reserved, updated_at) values (?, ?, 3, 0, now())', [variants[1].id, boutique.id]);
  people = await customers(server.app, 3, 'checkout');
});
afterAll(() => server.close());

describe('with the test payment provider approving (tok_approve)', () => {
  test('a guest buys a shipped cart: order PAID at the re-priced total, stock sold, cart COMPLETED, one authorize and one capture', async () => {
    const before = await level(variants[0], warehouse);
    const cart = await shop.cart([{ variant: variants[0], quantity: 2 }]);
    const res = await shop.checkout({ cartId: cart.id });
    expect(res.userErrors).toEqual([]);
    // 2 x 100.00 + 20.00 shipping, prices include 13% tax: 22000 x 1300 / 11300 = 25.31
    expect(res.order).toMatchObject({
      status: 'PAID',
      email: 'guest@example.com',
      lines: [{ sku: variants[0].sku, quantity: 2, unitPrice: { amount: '100.00', currencyCode: 'CNY' } }],
      cost: { subtotal: { amount: '200.00' }, shipping: { amount: '20.00' }, tax: { amount: '25.31' }, total: { amount: '220.00', currencyCode: 'CNY' } },
      delivery: { method: 'SHIPPING', address: ADDRESS },
    });
    expect(await level(variants[0], warehouse)).toEqual({ on_hand: before.on_hand - 2, reserved: 0 });
    expect(await cartStatus(cart.id)).toBe('COMPLETED');
    const [payment] = await sql<{ status: string; captured_amount: number }>('select p.status, p.captured_amount from payment p join sales_order o on o.id = p.order_id');
    expect(payment).toEqual({ status: 'CAPTURED', captured_amount: 22_000 });
    expect(await sql('select status from stock_hold')).toEqual([{ status: 'COMMITTED' }]);
  });

  test('a signed-in customer collects at the boutique: the hold and the sale are at that boutique only', async () => {
    const cart = await shop.cart([{ variant: variants[1], quantity: 2 }], people[0].token, null);
    await shop.pickupAt(cart.id, boutique, people[0].token);
    const warehouseBefore = await level(variants[1], warehouse);
    const res = await shop.checkout({ cartId: cart.id, shippingAddress: undefined }, people[0].token);
    expect(res.userErrors).toEqual([]);
    expect(res.order).toMatchObject({ status: 'PAID', email: 'checkout-0@example.com', delivery: { method: 'PICKUP', pickupLocationId: toGlobalId('StockLocation', boutique.id) }, cost: { shipping: { amount: '0.00' } } });
    expect(await level(variants[1], boutique)).toEqual({ on_hand: 1, reserved: 0 });
    expect(await level(variants[1], warehouse)).toEqual(warehouseBefore);
    const [order] = await sql<{ customer_id: string }>('select customer_id from sales_order where email = ?', ['checkout-0@example.com']);
    expect(order.customer_id).toBe(people[0].id);
  });

  test('the capture fails (tok_capture_fails): the order stays PENDING_PAYMENT with the authorization held, the stock sold', async () => {
    const cart = await shop.cart([{ variant: variants[2], quantity: 1 }]);
    const res = await shop.checkout({ cartId: cart.id, payment: { provider: 'test', token: 'tok_capture_fails' } });
    expect(res.userErrors).toEqual([]);
    expect(res.order!.status).toBe('PENDING_PAYMENT');
    const [payment] = await sql<{ status: string }>('select p.status from payment p join sales_order o on o.id = p.order_id where o.number = ?', [res.order!.number]);
    expect(payment.status).toBe('AUTHORIZED');
    expect(await level(variants[2], warehouse)).toEqual({ on_hand: 49, reserved: 0 });
  });
});

describe('decline and provider error', () => {
  test.each([
    ['tok_decline', 'PAYMENT_DECLINED', 'DECLINED'],
    ['tok_error', 'PAYMENT_UNAVAILABLE', 'FAILED'],
  ])('%s: %s, no order, stock unchanged (read back), cart open, and the cart checks out with a new key', async (token, code, paymentStatus) => {
    const variant = variants[token === 'tok_decline' ? 3 : 4];
    const cart = await shop.cart([{ variant, quantity: 3 }]);
    const stock = await level(variant, warehouse);
    const orders = (await snapshot(sql)).orders;
    const res = await shop.checkout({ cartId: cart.id, idempotencyKey: `fail-${token}`, payment: { provider: 'test', token } });
    expect(res).toEqual({ order: null, userErrors: [expect.objectContaining({ code, field: ['input', 'payment'] })] });
    expect((await snapshot(sql)).orders).toBe(orders);
    expect(await level(variant, warehouse)).toEqual(stock);
    expect(await cartStatus(cart.id)).toBe('ACTIVE');
    expect(await sql('select status from checkout where cart_id = ?', [uuidOf(cart.id)])).toEqual([{ status: 'FAILED' }]);
    expect(await sql('select p.status from payment p join checkout k on k.payment_id = p.id where k.cart_id = ?', [uuidOf(cart.id)])).toEqual([{ status: paymentStatus }]);
    // The same key answers the same failure without calling the provider again; a new key buys.
    const again = await shop.checkout({ cartId: cart.id, idempotencyKey: `fail-${token}`, payment: { provider: 'test', token } });
    expect(again.userErrors.map((e) => e.code)).toEqual([code]);
    expect(await sql('select count(*)::int as n from payment p join checkout k on k.payment_id = p.id where k.cart_id = ?', [uuidOf(cart.id)])).toEqual([{ n: 1 }]);
    const retry = await shop.checkout({ cartId: cart.id, idempotencyKey: `retry-${token}` });
    expect(retry.order!.status).toBe('PAID');
    expect(await level(variant, warehouse)).toEqual({ on_hand: stock.on_hand - 3, reserved: 0 });
  });
});

test('one idempotency key fired 10 times at once: one order, one authorization, one hold; every answer is that order', async () => {
  const cart = await shop.cart([{ variant: variants[5], quantity: 1 }]);
  const before = { authorize: (await calls('AUTHORIZE')).length, ledger: (await sql('select 1 from test_payment_ledger where operation = ?', ['AUTHORIZE'])).length };
  const answers = await Promise.all(Array.from({ length: 10 }, () => shop.checkout({ cartId: cart.id, idempotencyKey: 'same-key-10-times' })));
  expect(answers.map((a) => a.userErrors)).toEqual(Array(10).fill([]));
  expect(new Set(answers.map((a) => a.order!.number)).size).toBe(1);
  expect(answers.map((a) => a.order!.status)).toEqual(Array(10).fill('PAID'));
  expect((await calls('AUTHORIZE')).length - before.authorize).toBe(1);
  expect((await sql('select 1 from test_payment_ledger where operation = ?', ['AUTHORIZE'])).length - before.ledger).toBe(1);
  expect(await sql('select count(*)::int as n from checkout where cart_id = ?', [uuidOf(cart.id)])).toEqual([{ n: 1 }]);
  expect(await level(variants[5], warehouse)).toEqual({ on_hand: 49, reserved: 0 });
});

describe('userErrors: each refused request writes nothing', () => {
  async function refused(run: () => Promise<{ order?: unknown; userErrors: { code: string; field?: string[] | null }[] }>) {
    const before = await snapshot(sql);
    const res = await run();
    expect(res.order).toBeNull();
    expect(await snapshot(sql)).toEqual(before);
    return res.userErrors;
  }

  test("another customer's cart (signed in as someone else, or anonymous), a forged or malformed id: CART_NOT_FOUND", async () => {
    const cart = await shop.cart([{ variant: variants[6], quantity: 1 }], people[1].token);
    expect(await refused(() => shop.checkout({ cartId: cart.id }, people[2].token))).toEqual([expect.objectContaining({ code: 'CART_NOT_FOUND', field: ['input', 'cartId'] })]);
    expect(await refused(() => shop.checkout({ cartId: cart.id }))).toEqual([expect.objectContaining({ code: 'CART_NOT_FOUND' })]);
    const forged = toGlobalId('Cart', `${uuidOf(cart.id)}?key=${'A'.repeat(22)}`);
    expect((await refused(() => shop.checkout({ cartId: forged }, people[1].token))).map((e) => e.code)).toEqual(['CART_NOT_FOUND']);
    expect((await refused(() => shop.checkout({ cartId: 'not-a-cart' }, people[1].token))).map((e) => e.code)).toEqual(['CART_NOT_FOUND']);
  });

  test('CART_EMPTY, EMAIL_REQUIRED for a guest, DELIVERY_REQUIRED without an address', async () => {
    const empty = await shop.cart([]);
    expect((await refused(() => shop.checkout({ cartId: empty.id }))).map((e) => e.code)).toEqual(['CART_EMPTY']);
    const anonymous = await shop.cart([{ variant: variants[6], quantity: 1 }], undefined, null);
    expect(await refused(() => shop.checkout({ cartId: anonymous.id }))).toEqual([expect.objectContaining({ code: 'EMAIL_REQUIRED', field: ['input', 'email'] })]);
    expect(await refused(() => shop.checkout({ cartId: anonymous.id, email: 'late@example.com', shippingAddress: undefined }))).toEqual([
      expect.objectContaining({ code: 'DELIVERY_REQUIRED', field: ['input', 'shippingAddress'] }),
    ]);
  });

  test('OUT_OF_STOCK names every short line (and holds none of the others)', async () => {
    await sql('update inventory_level set on_hand = 1 where variant_id = any(?::uuid[]) and location_id = ?', [`{${variants[7].id},${variants[8].id}}`, warehouse.id]);
    const cart = await shop.cart([{ variant: variants[9], quantity: 1 }]);
    await sql(`insert into cart_line (id, created_at, updated_at, cart_id, store_id, variant_id, quantity, unit_price_at_add)
               select gen_random_uuid(), now(), now(), c.id, c.store_id, v.id, 2, 10000 from cart c, unnest(?::uuid[]) as v(id) where c.id = ?`, [`{${variants[7].id},${variants[8].id}}`, uuidOf(cart.id)]);
    const lineIds = (await sql<{ id: string; variant_id: string }>('select id, variant_id from cart_line where cart_id = ? and variant_id <> ? order by variant_id', [uuidOf(cart.id), variants[9].id]));
    const errors = await refused(() => shop.checkout({ cartId: cart.id }));
    expect(errors).toEqual(
      expect.arrayContaining(lineIds.map((l) => expect.objectContaining({ code: 'OUT_OF_STOCK', field: ['input', 'cartId', 'lines', toGlobalId('CartLine', l.id)] }))),
    );
    expect(errors).toHaveLength(2);
  });

  test('CART_COMPLETED, IDEMPOTENCY_KEY_REUSED, an unknown provider INVALID, a short key INVALID', async () => {
    const cart = await shop.cart([{ variant: variants[10], quantity: 1 }]);
    expect((await shop.checkout({ cartId: cart.id, idempotencyKey: 'first-key-done' })).order!.status).toBe('PAID');
    expect((await refused(() => shop.checkout({ cartId: cart.id }))).map((e) => e.code)).toEqual(['CART_COMPLETED']);
    expect(await refused(() => shop.checkout({ cartId: cart.id, idempotencyKey: 'first-key-done', email: 'other@example.com' }))).toEqual([
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: ['input', 'idempotencyKey'] }),
    ]);
    const open = await shop.cart([{ variant: variants[10], quantity: 1 }]);
    expect(await refused(() => shop.checkout({ cartId: open.id, payment: { provider: 'stripe', token: 'tok_approve' } }))).toEqual([
      expect.objectContaining({ code: 'INVALID', field: ['input', 'payment', 'provider'] }),
    ]);
    expect((await refused(() => shop.checkout({ cartId: open.id, idempotencyKey: 'short' }))).map((e) => e.code)).toEqual(['INVALID']);
  });

  test('CHECKOUT_IN_PROGRESS while another key of the same cart is pending', async () => {
    const cart = await shop.cart([{ variant: variants[11], quantity: 1 }]);
    await sql(`insert into checkout (id, created_at, updated_at, store_id, cart_id, payment_id, status, draft) select gen_random_uuid(), now(), now(), store_id, id, gen_random_uuid(), 'PENDING', '{}' from cart where id = ?`, [uuidOf(cart.id)]);
    expect((await refused(() => shop.checkout({ cartId: cart.id }))).map((e) => e.code)).toEqual(['CHECKOUT_IN_PROGRESS']);
    await sql('delete from checkout where cart_id = ?', [uuidOf(cart.id)]);
  });
});

test('recovery releases expired holds and voids the authorization, exactly once (task function called directly)', async () => {
  // A real step 1 and authorization, then the answer is slow (tok_slow) and the hold expires meanwhile.
  const held = await shop.cart([{ variant: variants[13], quantity: 2 }]);
  const key = 'recovery-window';
  const slow = shop.checkout({ cartId: held.id, idempotencyKey: key, payment: { provider: 'test', token: 'tok_slow' } });
  for (let i = 0; i < 200 && (await sql(`select 1 from checkout where cart_id = ? and status = 'PENDING'`, [uuidOf(held.id)])).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(await level(variants[13], warehouse)).toEqual({ on_hand: 50, reserved: 2 });
  await sql(`update stock_hold set expires_at = now() - interval '1 second' where status = 'HELD'`);
  const first = await recoverCheckouts(server.app);
  expect(first.expired).toBe(1);
  expect(await level(variants[13], warehouse)).toEqual({ on_hand: 50, reserved: 0 });
  // The slow authorization answers after recovery released the checkout: no order, and the charge is voided.
  const late = await slow;
  expect(late).toEqual({ order: null, userErrors: [expect.objectContaining({ code: 'CHECKOUT_EXPIRED' })] });
  await recoverCheckouts(server.app);
  const [payment] = await sql<{ status: string; order_id: string | null }>('select p.status, p.order_id from payment p join checkout k on k.payment_id = p.id where k.cart_id = ?', [uuidOf(held.id)]);
  expect(payment).toEqual({ status: 'VOIDED', order_id: null });
  expect(await sql<{ voided: boolean }>('select a.voided from test_payment_authorization a join payment p on p.provider_reference = a.reference join checkout k on k.payment_id = p.id where k.cart_id = ?', [uuidOf(held.id)])).toEqual([{ voided: true }]);
  const adjustments = (await snapshot(sql)).adjustments;
  expect(await recoverCheckouts(server.app)).toEqual({ expired: 0, settled: 0 });
  expect((await snapshot(sql)).adjustments).toBe(adjustments);
  expect(await cartStatus(held.id)).toBe('ACTIVE');
}, 30_000);
