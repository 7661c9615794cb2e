import { Order, OrderStatus } from '../../../src/commerce/orders/entities.js';
import { orderLifecycle, type OrderEvent } from '../../../src/commerce/orders/order-lifecycle.js';
import { orderService } from '../../../src/commerce/orders/order.service.js';
import { DomainError } from '../../../src/shared/user-errors.js';
import { AdminOrdersDocument } from '../../generated/admin.js';
import { createStaffUser } from '../../../src/access/access.service.js';
import { StaffRole } from '../../../src/shared/roles.js';
import { CatalogFixtures } from '../../support/catalog-fixtures.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { createOrder, orderInput } from './support.js';

let server: TestServer;
let storeId: string;
let otherStoreId: string;
let brandId: string;
beforeAll(async () => {
  server = await startTestServer();
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const brand = f.brand('michael-kors', { en: 'Michael Kors' });
  const store = f.store('mk-cn', [brand]);
  const other = f.store('mk-hk', [brand]);
  await f.commit();
  storeId = store.store.id;
  otherStoreId = other.store.id;
  brandId = brand.id;
}, 120_000);
afterAll(() => server?.close());

/** The lifecycle as the issue states it, written out independently of the machine table. */
const { DEPOSIT_PAID, PAID, FULFILLED, PICKED_UP, CANCELLED, PARTIALLY_REFUNDED, REFUNDED } = OrderStatus;
const refundable = { refund_partially: PARTIALLY_REFUNDED, refund: REFUNDED };
const EXPECTED: Record<OrderStatus, Partial<Record<OrderEvent, OrderStatus>>> = {
  PENDING_PAYMENT: { pay_deposit: DEPOSIT_PAID, pay: PAID, cancel: CANCELLED },
  DEPOSIT_PAID: { pay: PAID, cancel: CANCELLED },
  PAID: { fulfil: FULFILLED, pick_up: PICKED_UP, cancel: CANCELLED, ...refundable },
  FULFILLED: refundable,
  PICKED_UP: refundable,
  PARTIALLY_REFUNDED: refundable,
  CANCELLED: {},
  REFUNDED: {},
};
const pairs = Object.values(OrderStatus).flatMap((state) => orderLifecycle.events.map((event) => [state, event] as const));

test.each(pairs)('from %s, %s', async (state, event) => {
  const order = await createOrder(server, orderInput(storeId, [brandId], { status: 'PENDING_PAYMENT' }));
  const em = server.db.orm.em.fork();
  await em.nativeUpdate(Order, { id: order.id }, { status: state });
  const attempt = em.fork().transactional((tx) => orderService.transition(tx, order.id, event, 'system', { amount: 100 }));
  const expected = EXPECTED[state][event];
  if (expected) {
    expect((await attempt).status).toBe(expected);
  } else {
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
  }
  const [row] = await em.fork().execute<{ status: string; moves: string }[]>(
    `select status, (select count(*) from state_transition where entity_id = o.id) as moves from sales_order o where id = ?`, [order.id]);
  expect(row).toEqual({ status: expected ?? state, moves: expected ? '1' : '0' });
});

test('20 concurrent orders in one store get 20 distinct sequential numbers; another store counts on its own', async () => {
  const orders = await Promise.all(Array.from({ length: 20 }, () => createOrder(server, orderInput(storeId, [brandId]))));
  const numbers = orders.map((o) => o.number);
  expect(new Set(numbers).size).toBe(20);
  for (const n of numbers) expect(n).toMatch(/^MK-CN-\d{6}$/);
  const counters = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
  expect(counters.at(-1)! - counters[0]).toBe(19);
  expect((await createOrder(server, orderInput(otherStoreId, [brandId]))).number).toBe('MK-HK-000001');
});

test('Admin orders(first) with lines, customer and store sends the same number of statements for 5 and 50 orders', async () => {
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brand = f.brand('loewe', { en: 'LOEWE' });
  const store = f.store('loewe-cn', [brand]);
  await f.commit();
  const email = 'ops@example.com';
  await createStaffUser(server.db.orm.em.fork(), { email, password: 'a-long-test-password', role: StaffRole.BRAND_ADMIN, brandIds: [brand.id] });
  const login = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email, password: 'a-long-test-password' } });
  const headers = { authorization: `Bearer ${(login.data as any).staffLogin.accessToken}` };
  const [buyer] = await em.execute<{ id: string }[]>(`insert into customer (id, created_at, updated_at, email, password_hash) values (gen_random_uuid(), now(), now(), 'buyer@example.com', 'x') returning id`);
  for (let i = 0; i < 50; i++) await createOrder(server, orderInput(store.store.id, [brand.id, brand.id], { customerId: buyer.id }));

  const count = async (first: number) => {
    const { result, queries } = await server.db.queries.measure(() => server.gql('admin', AdminOrdersDocument, { first }, headers));
    expect(result.errors).toBeUndefined();
    expect(result.data!.orders.nodes).toHaveLength(first);
    expect(result.data!.orders.nodes[0]).toMatchObject({ customer: { email: 'buyer@example.com' }, store: { handle: 'loewe-cn' } });
    expect(result.data!.orders.nodes[0].lines).toHaveLength(2);
    return queries;
  };
  const five = await count(5);
  expect(await count(50)).toBe(five);
  // staff check, orders, count, lines, customers, stores
  expect(five).toBeLessThanOrEqual(6);
});
