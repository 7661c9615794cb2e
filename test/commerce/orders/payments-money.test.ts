import { createStaffUser } from '../../../src/access/access.service.js';
import { StockLocationKind } from '../../../src/catalog/entities/enums.js';
import { StockLocation } from '../../../src/catalog/entities/store.entity.js';
import { stockService } from '../../../src/catalog/stock.service.js';
import { orderService } from '../../../src/commerce/orders/order.service.js';
import { PaymentPurpose } from '../../../src/commerce/payments/payment.entity.js';
import { attachOrder, authorize, capture, createPending } from '../../../src/commerce/payments/payment.service.js';
import { PaymentUnavailableError, type PaymentProvider } from '../../../src/commerce/payments/provider.js';
import { toGlobalId } from '../../../src/shared/ids.js';
import { CurrencyCode } from '../../../src/shared/money.js';
import { StaffRole } from '../../../src/shared/roles.js';
import { OrderCancelDocument, OrderCaptureDocument, OrderFulfilDocument, OrderMoneyDocument, OrderRefundDocument } from '../../generated/admin.js';
import { CatalogFixtures } from '../../support/catalog-fixtures.js';
import { dataOf, expectOk, expectUserError } from '../../support/payload.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { SHIPPING } from './support.js';

const PASSWORD = 'a-long-test-password';
let server: TestServer;
let ids: { brandA: string; storeA: string; locationA: string; variant: { id: string; productId: string; sku: string } };
const h: Record<string, Record<string, string>> = {};

async function staff(email: string, role: StaffRole, brandIds: string[]) {
  await createStaffUser(server.db.orm.em.fork(), { email, password: PASSWORD, role, brandIds });
  const res = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email, password: PASSWORD } });
  return { authorization: `Bearer ${(res.data as any).staffLogin.accessToken}` };
}

/**
 * An order of 2 x 1,000.00 CNY + 20.00 shipping as checkout makes it: a payment authorized with the
 * test payment provider standing in for a payment network, the order created and the payment attached;
 * `captured` also captures it all and marks the order PAID.
 */
async function order(token = 'tok_approve', captured = false, locationId = ids.locationA) {
  const total = 2020_00;
  const em = () => server.db.orm.em.fork();
  const paymentId = await em().transactional((tx) => createPending(tx, { storeId: ids.storeA, amount: total, currency: CurrencyCode.CNY, purpose: PaymentPurpose.ORDER, provider: 'test' }));
  expect((await authorize(server.app, paymentId, token)).status).toBe('SUCCEEDED');
  const created = await em().transactional(async (tx) => {
    const o = await orderService.createOrder(tx, {
      storeId: ids.storeA, customerId: null, email: 'guest@example.com', currency: CurrencyCode.CNY, delivery: SHIPPING, status: 'PENDING_PAYMENT',
      lines: [{ variantId: ids.variant.id, productId: ids.variant.productId, brandId: ids.brandA, title: 'Bag', sku: ids.variant.sku, options: [], unitPrice: 1000_00, quantity: 2 }],
      totals: { subtotal: 2000_00, shipping: 20_00, tax: 0, total },
    });
    await tx.flush();
    await attachOrder(tx, paymentId, o.id);
    // The stock the order takes, as checkout takes it: held, then committed under the order's ref.
    const at = { variantId: ids.variant.id, locationId };
    expect((await stockService.reserve(tx, { ...at, quantity: 2, reason: 'checkout hold', actor: 'system', ref: `checkout:${o.id}` })).ok).toBe(true);
    await stockService.commitMany(tx, [{ ...at, quantity: 2 }], { reason: 'checkout order', actor: 'system', ref: `order:${o.id}` });
    return o;
  });
  if (captured) {
    await capture(server.app, paymentId, { idempotencyKey: 'checkout' });
    await em().transactional((tx) => orderService.markPaid(tx, created.id, 'system'));
  }
  const lines = await em().execute<{ id: string }[]>('select id from sales_order_line where order_id = ?', [created.id]);
  return { id: toGlobalId('Order', created.id), uuid: created.id, paymentId, lineId: toGlobalId('OrderLine', lines[0].id) };
}

const onHand = async () => (await server.db.orm.em.fork().execute<{ on_hand: number }[]>('select on_hand from inventory_level where variant_id = ? and location_id = ?', [ids.variant.id, ids.locationA]))[0].on_hand;
const money = async (id: string) => dataOf(await server.gql('admin', OrderMoneyDocument, { id }, h.adminA)).order!;

/** What a refused request must leave untouched: the order, its payments' amounts, stock, audit and events. */
async function written(orderUuid: string) {
  const [row] = await server.db.orm.em.fork().execute(
    `select (select status from sales_order where id = ?) as status,
            (select json_agg(json_build_object('s', status, 'c', captured_amount, 'r', refunded_amount)) from payment where order_id = ?) as payments,
            (select json_agg(on_hand) from inventory_level) as stock, (select count(*) from state_transition) as transitions, (select count(*) from outbox_event) as events`,
    [orderUuid, orderUuid],
  );
  return row;
}

const capt = (input: object, headers = h.adminA) => server.gql('admin', OrderCaptureDocument, { input: input as any }, headers);
const cancel = (input: object, headers = h.adminA) => server.gql('admin', OrderCancelDocument, { input: input as any }, headers);
const refund = (input: object, headers = h.adminA) => server.gql('admin', OrderRefundDocument, { input: input as any }, headers);

beforeAll(async () => {
  server = await startTestServer();
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const brandA = f.brand('michael-kors', { en: 'Michael Kors' });
  const brandB = f.brand('loewe', { en: 'LOEWE' });
  const storeA = f.store('mk-cn', [brandA]);
  const product = f.product(brandA, 'selma', { en: 'SELMA' }, { stores: [{ store: storeA.store, location: storeA.location, price: 1000_00, stock: 1000 }] });
  await f.commit();
  const [variant] = await server.db.orm.em.fork().execute<{ id: string; sku: string }[]>('select id, sku from product_variant where product_id = ?', [product.id]);
  ids = { brandA: brandA.id, storeA: storeA.store.id, locationA: storeA.location.id, variant: { ...variant, productId: product.id } };
  h.adminA = await staff('admin-a@example.com', StaffRole.BRAND_ADMIN, [brandA.id]);
  h.adminB = await staff('admin-b@example.com', StaffRole.BRAND_ADMIN, [brandB.id]);
  h.conciergeA = await staff('concierge-a@example.com', StaffRole.CONCIERGE, [brandA.id]);
}, 120_000);
afterAll(() => server?.close());

describe('orderCapture with the test payment provider standing in for a payment network', () => {
  test('captures everything authorized: PENDING_PAYMENT -> PAID, a CAPTURE transaction recorded', async () => {
    const o = await order();
    const res = expectOk(dataOf(await capt({ id: o.id })).orderCapture);
    expect(res.order).toMatchObject({ status: 'PAID', capturedTotal: { amount: '2020.00', currencyCode: 'CNY' }, refundedTotal: { amount: '0.00' } });
    expect(res.order.payments[0]).toMatchObject({ status: 'CAPTURED', capturedAmount: { amount: '2020.00' } });
    expect(res.order.payments[0].transactions.map((t) => [t.kind, t.amount.amount, t.status])).toEqual([['AUTHORIZE', '2020.00', 'SUCCEEDED'], ['CAPTURE', '2020.00', 'SUCCEEDED']]);
  });

  test('a partial capture leaves the order PENDING_PAYMENT; the rest makes it PAID; the same key replays, a different request with it is refused', async () => {
    const o = await order();
    const first = expectOk(dataOf(await capt({ id: o.id, amount: '500.00', idempotencyKey: 'k1' })).orderCapture);
    expect(first.order).toMatchObject({ status: 'PENDING_PAYMENT', capturedTotal: { amount: '500.00' } });
    const replay = expectOk(dataOf(await capt({ id: o.id, amount: '500.00', idempotencyKey: 'k1' })).orderCapture);
    expect(replay.order.capturedTotal.amount).toBe('500.00');
    expectUserError(dataOf(await capt({ id: o.id, amount: '600.00', idempotencyKey: 'k1' })).orderCapture, 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    expectUserError(dataOf(await capt({ id: o.id, amount: '1520.01' })).orderCapture, 'CAPTURE_EXCEEDS_AUTHORIZED', ['input', 'amount']);
    expectUserError(dataOf(await capt({ id: o.id, amount: '0' })).orderCapture, 'INVALID', ['input', 'amount']);
    const rest = expectOk(dataOf(await capt({ id: o.id })).orderCapture);
    expect(rest.order).toMatchObject({ status: 'PAID', capturedTotal: { amount: '2020.00' } });
    expectUserError(dataOf(await capt({ id: o.id })).orderCapture, 'INVALID_TRANSITION', ['input', 'id']);
  });

  test('tok_capture_fails: CAPTURE_DECLINED and the order, payments, stock and events stay as they were', async () => {
    const o = await order('tok_capture_fails');
    const before = await written(o.uuid);
    expectUserError(dataOf(await capt({ id: o.id, idempotencyKey: 'd1' })).orderCapture, 'CAPTURE_DECLINED', ['input', 'id']);
    expect(await written(o.uuid)).toEqual(before);
    expectUserError(dataOf(await capt({ id: o.id, idempotencyKey: 'd1' })).orderCapture, 'CAPTURE_DECLINED');
    expect((await money(o.id)).status).toBe('PENDING_PAYMENT');
  });

  test('an unreachable provider: PAYMENT_UNAVAILABLE, nothing captured; a retry with the same key captures once', async () => {
    const o = await order();
    const real = server.app.ports.payments!;
    server.app.ports.payments = Object.assign(Object.create(real) as PaymentProvider, { capture: async () => { throw new PaymentUnavailableError('network down'); } });
    try {
      expectUserError(dataOf(await capt({ id: o.id, idempotencyKey: 'u1' })).orderCapture, 'PAYMENT_UNAVAILABLE', ['input', 'id']);
    } finally {
      server.app.ports.payments = real;
    }
    expect(await money(o.id)).toMatchObject({ status: 'PENDING_PAYMENT', capturedTotal: { amount: '0.00' } });
    expect(expectOk(dataOf(await capt({ id: o.id, idempotencyKey: 'u1' })).orderCapture).order.status).toBe('PAID');
  });
});

describe('orderCancel', () => {
  test('an authorized order: the authorization is voided, the order CANCELLED and its units back on hand', async () => {
    const o = await order();
    const stock = await onHand();
    const res = expectOk(dataOf(await cancel({ id: o.id, reason: 'customer asked' })).orderCancel);
    expect(res.order).toMatchObject({ status: 'CANCELLED', payments: [{ status: 'VOIDED' }] });
    expect(await onHand()).toBe(stock + 2);
    const [adj] = await server.db.orm.em.fork().execute('select reason, delta, ref from inventory_adjustment order by id desc limit 1');
    expect(adj).toMatchObject({ reason: 'order-cancelled', delta: 2, ref: `order:${o.uuid}` });
  });

  test('units go back where the order took them: a second warehouse gets its 2 back, the first location nothing', async () => {
    const em = server.db.orm.em.fork();
    const second = em.create(StockLocation, { store: ids.storeA, handle: `mk-cn-north-${Date.now()}`, name: 'North warehouse', kind: StockLocationKind.WAREHOUSE });
    await em.flush();
    const at = { variantId: ids.variant.id, locationId: second.id };
    await em.transactional((tx) => stockService.adjust(tx, { ...at, delta: 5, reason: 'test', actor: 'system' }));
    const o = await order('tok_approve', false, second.id);
    const onHandAt = async (locationId: string) =>
      (await server.db.orm.em.fork().execute<{ on_hand: number }[]>('select on_hand from inventory_level where variant_id = ? and location_id = ?', [ids.variant.id, locationId]))[0].on_hand;
    const [first, north] = [await onHand(), await onHandAt(second.id)];
    expect(north).toBe(3);
    expectOk(dataOf(await cancel({ id: o.id, reason: 'customer asked' })).orderCancel);
    expect(await onHandAt(second.id)).toBe(north + 2);
    expect(await onHand()).toBe(first);
  });

  test('a PAID order is refunded in full; restock: false leaves stock alone; a fulfilled order cannot be cancelled', async () => {
    const o = await order('tok_approve', true);
    const stock = await onHand();
    const res = expectOk(dataOf(await cancel({ id: o.id, reason: 'out of stock', restock: false })).orderCancel);
    expect(res.order).toMatchObject({ status: 'CANCELLED', refundedTotal: { amount: '2020.00' }, payments: [{ status: 'REFUNDED' }] });
    expect(await onHand()).toBe(stock);
    const [event] = await server.db.orm.em.fork().execute(`select payload from outbox_event where topic = 'order.refunded' order by id desc limit 1`);
    expect(event.payload).toMatchObject({ orderId: o.uuid, amount: 2020_00 });

    const shipped = await order('tok_approve', true);
    expectOk(dataOf(await server.gql('admin', OrderFulfilDocument, { input: { id: shipped.id, trackingNumber: 'SF1', carrier: 'SF' } }, h.adminA)).orderFulfil);
    const before = await written(shipped.uuid);
    expectUserError(dataOf(await cancel({ id: shipped.id, reason: 'late' })).orderCancel, 'INVALID_TRANSITION', ['input', 'id']);
    expectUserError(dataOf(await cancel({ id: shipped.id, reason: '' })).orderCancel, 'INVALID', ['input', 'reason']);
    expect(await written(shipped.uuid)).toEqual(before);
  });
});

describe('orderRefund', () => {
  test('by lines (with restock) then by amount: PARTIALLY_REFUNDED, then REFUNDED; order.refunded carries each amount', async () => {
    const o = await order('tok_approve', true);
    const stock = await onHand();
    const byLine = expectOk(dataOf(await refund({ id: o.id, lines: [{ lineId: o.lineId, quantity: 1 }], restock: true, reason: 'damaged', idempotencyKey: 'r1' })).orderRefund);
    expect(byLine.order).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedTotal: { amount: '1000.00' } });
    expect(await onHand()).toBe(stock + 1);
    expectUserError(dataOf(await refund({ id: o.id, lines: [{ lineId: o.lineId, quantity: 2 }], reason: 'x', idempotencyKey: 'r2' })).orderRefund, 'QUANTITY_EXCEEDS_REFUNDABLE', ['input', 'lines', '0', 'quantity']);
    const rest = expectOk(dataOf(await refund({ id: o.id, amount: '1020.00', reason: 'goodwill', idempotencyKey: 'r3' })).orderRefund);
    expect(rest.order).toMatchObject({ status: 'REFUNDED', refundedTotal: { amount: '2020.00' } });
    const events = await server.db.orm.em.fork().execute<{ payload: { amount: number } }[]>(`select payload from outbox_event where topic = 'order.refunded' and payload->>'orderId' = ? order by id`, [o.uuid]);
    expect(events.map((e) => e.payload.amount)).toEqual([1000_00, 1020_00]);
  });

  test('every refusal writes nothing: over the capture, both or neither of lines and amount, a foreign line, a reused key, an unpaid order', async () => {
    const o = await order('tok_approve', true);
    expectOk(dataOf(await refund({ id: o.id, amount: '20.00', reason: 'shipping', idempotencyKey: 'k' })).orderRefund);
    const other = await order('tok_approve', true);
    const before = await written(o.uuid);
    expectUserError(dataOf(await refund({ id: o.id, amount: '2000.01', reason: 'x', idempotencyKey: 'over' })).orderRefund, 'REFUND_EXCEEDS_CAPTURED', ['input', 'amount']);
    expectUserError(dataOf(await refund({ id: o.id, reason: 'x', idempotencyKey: 'none' })).orderRefund, 'INVALID', ['input', 'lines']);
    expectUserError(dataOf(await refund({ id: o.id, amount: '1.00', lines: [{ lineId: o.lineId, quantity: 1 }], reason: 'x', idempotencyKey: 'both' })).orderRefund, 'INVALID', ['input', 'lines']);
    expectUserError(dataOf(await refund({ id: o.id, lines: [{ lineId: other.lineId, quantity: 1 }], reason: 'x', idempotencyKey: 'foreign' })).orderRefund, 'LINE_NOT_FOUND', ['input', 'lines', '0', 'lineId']);
    expectUserError(dataOf(await refund({ id: o.id, amount: '30.00', reason: 'shipping', idempotencyKey: 'k' })).orderRefund, 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    expect(await written(o.uuid)).toEqual(before);
    const replay = expectOk(dataOf(await refund({ id: o.id, amount: '20.00', reason: 'shipping', idempotencyKey: 'k' })).orderRefund);
    expect(replay.order.refundedTotal.amount).toBe('20.00');
    const unpaid = await order();
    expectUserError(dataOf(await refund({ id: unpaid.id, amount: '1.00', reason: 'x', idempotencyKey: 'u' })).orderRefund, 'INVALID_TRANSITION', ['input', 'id']);
  });

  test('two concurrent refunds that together exceed the capture, as parallel HTTP requests: exactly one succeeds', async () => {
    const o = await order('tok_approve', true);
    const results = await Promise.all(['c1', 'c2'].map((key) => refund({ id: o.id, amount: '1500.00', reason: 'dispute', idempotencyKey: key })));
    const payloads = results.map((r) => dataOf(r).orderRefund);
    expect(payloads.filter((p) => p.userErrors.length === 0)).toHaveLength(1);
    expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code))).toEqual(['REFUND_EXCEEDS_CAPTURED']);
    expect(await money(o.id)).toMatchObject({ status: 'PARTIALLY_REFUNDED', refundedTotal: { amount: '1500.00' } });
  });
});

describe('scope', () => {
  test('brand B staff get NOT_FOUND for brand A\'s order; concierges may not move money (FORBIDDEN); nothing is written', async () => {
    const o = await order('tok_approve', true);
    const before = await written(o.uuid);
    expectUserError(dataOf(await capt({ id: o.id }, h.adminB)).orderCapture, 'NOT_FOUND', ['input', 'id']);
    expectUserError(dataOf(await cancel({ id: o.id, reason: 'x' }, h.adminB)).orderCancel, 'NOT_FOUND', ['input', 'id']);
    expectUserError(dataOf(await refund({ id: o.id, amount: '1.00', reason: 'x', idempotencyKey: 'b' }, h.adminB)).orderRefund, 'NOT_FOUND', ['input', 'id']);
    const res = await refund({ id: o.id, amount: '1.00', reason: 'x', idempotencyKey: 'c' }, h.conciergeA);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await written(o.uuid)).toEqual(before);
  });
});
