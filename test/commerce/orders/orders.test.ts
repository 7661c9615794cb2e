import { createStaffUser } from '../../../src/access/access.service.js';
import { toGlobalId } from '../../../src/shared/ids.js';
import { StaffRole } from '../../../src/shared/roles.js';
import { AdminOrderDocument, AdminOrdersDocument, OrderFulfilDocument, OrderPickupCompleteDocument } from '../../generated/admin.js';
import { CustomerOrdersDocument, StorefrontOrderDocument } from '../../generated/storefront.js';
import { CatalogFixtures } from '../../support/catalog-fixtures.js';
import { dataOf, expectOk, expectUserError } from '../../support/payload.js';
import { startTestServer, type TestServer } from '../../support/server.js';
import { createOrder, orderInput, pickupAt } from './support.js';

const PASSWORD = 'a-long-test-password';
let server: TestServer;
let ids: { brandA: string; brandB: string; storeA: string; mall: string; locationA: string };
const h: Record<string, Record<string, string>> = {};

async function customer(email: string) {
  const headers = { 'x-store': 'mk-cn' };
  const input = { email, password: PASSWORD };
  const created = await server.gql('storefront', 'mutation($i: CustomerCreateInput!) { customerCreate(input: $i) { customer { id } } }', { i: input }, headers);
  const res = await server.gql('storefront', 'mutation($i: CustomerAccessTokenCreateInput!) { customerAccessTokenCreate(input: $i) { customerAccessToken { accessToken } } }', { i: input }, headers);
  const gid = (created.data as any).customerCreate.customer.id as string;
  return { id: Buffer.from(gid, 'base64').toString().split(':')[1], headers: { ...headers, authorization: `Bearer ${(res.data as any).customerAccessTokenCreate.customerAccessToken.accessToken}` } };
}

async function staff(email: string, role: StaffRole, brandIds: string[]) {
  await createStaffUser(server.db.orm.em.fork(), { email, password: PASSWORD, role, brandIds });
  const res = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email, password: PASSWORD } });
  return { authorization: `Bearer ${(res.data as any).staffLogin.accessToken}` };
}

/** What a refused request must leave untouched. */
async function written() {
  const em = server.db.orm.em.fork();
  const [row] = await em.execute(
    `select (select json_agg(json_build_object('id', id, 'status', status, 'tracking', tracking_number) order by id) from sales_order) as orders,
            (select count(*) from state_transition) as transitions, (select count(*) from outbox_event) as events`,
  );
  return row;
}

beforeAll(async () => {
  server = await startTestServer();
  const f = new CatalogFixtures(server.db.orm.em.fork());
  const brandA = f.brand('michael-kors', { en: 'Michael Kors' });
  const brandB = f.brand('loewe', { en: 'LOEWE' });
  const storeA = f.store('mk-cn', [brandA]);
  const mall = f.store('design-mall', [brandA, brandB]);
  await f.commit();
  ids = { brandA: brandA.id, brandB: brandB.id, storeA: storeA.store.id, mall: mall.store.id, locationA: storeA.location.id };
  h.adminA = await staff('admin-a@example.com', StaffRole.BRAND_ADMIN, [brandA.id]);
  h.adminB = await staff('admin-b@example.com', StaffRole.BRAND_ADMIN, [brandB.id]);
  h.conciergeA = await staff('concierge-a@example.com', StaffRole.CONCIERGE, [brandA.id]);
  h.adminAB = await staff('mall-ops@example.com', StaffRole.BRAND_ADMIN, [brandA.id, brandB.id]);
}, 120_000);
afterAll(() => server?.close());

describe('Storefront', () => {
  test('order(id) answers its owner only; customer.orders lists the owner\'s, newest first, page by page', async () => {
    const alice = await customer('alice@example.com');
    const bob = await customer('bob@example.com');
    const first = await createOrder(server, orderInput(ids.storeA, [ids.brandA], { customerId: alice.id, email: 'alice@example.com' }));
    const second = await createOrder(server, orderInput(ids.storeA, [ids.brandA], { customerId: alice.id, email: 'alice@example.com' }));
    const id = toGlobalId('Order', first.id);

    const own = dataOf(await server.gql('storefront', StorefrontOrderDocument, { id }, alice.headers)).order;
    expect(own).toMatchObject({
      number: first.number, status: 'PAID', store: { handle: 'mk-cn' },
      lines: [{ title: 'Bag 0', sku: 'BAG-0', options: [{ name: 'Colour', value: 'Black' }], quantity: 2, unitPrice: { amount: '1000.00', currencyCode: 'CNY' }, lineTotal: { amount: '2000.00' } }],
      cost: { subtotal: { amount: '2000.00' }, shipping: { amount: '20.00' }, tax: { amount: '0.00' }, total: { amount: '2020.00', currencyCode: 'CNY' } },
      delivery: { method: 'SHIPPING', address: { city: 'Shanghai', countryCode: 'CN' }, pickupLocationId: null },
    });
    for (const headers of [bob.headers, { 'x-store': 'mk-cn' }]) {
      expect(dataOf(await server.gql('storefront', StorefrontOrderDocument, { id }, headers)).order).toBeNull();
    }
    expect(dataOf(await server.gql('storefront', StorefrontOrderDocument, { id: 'not-an-id' }, alice.headers)).order).toBeNull();

    const page1 = dataOf(await server.gql('storefront', CustomerOrdersDocument, { first: 1 }, alice.headers)).customer!.orders;
    expect(page1.nodes.map((o) => o.number)).toEqual([second.number]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = dataOf(await server.gql('storefront', CustomerOrdersDocument, { first: 1, after: page1.pageInfo.endCursor }, alice.headers)).customer!.orders;
    expect(page2.nodes.map((o) => o.number)).toEqual([first.number]);
    expect(dataOf(await server.gql('storefront', CustomerOrdersDocument, { first: 10 }, bob.headers)).customer!.orders.nodes).toEqual([]);
  });
});

describe('Admin', () => {
  test("brand scope: staff of brand B neither see nor act on brand A's orders; a mall order shows each brand only its lines", async () => {
    const orderA = await createOrder(server, orderInput(ids.storeA, [ids.brandA]));
    const mixed = await createOrder(server, orderInput(ids.mall, [ids.brandA, ids.brandB]));
    const idA = toGlobalId('Order', orderA.id);
    const idMixed = toGlobalId('Order', mixed.id);

    expect(dataOf(await server.gql('admin', AdminOrderDocument, { id: idA }, h.adminA)).order?.number).toBe(orderA.number);
    expect(dataOf(await server.gql('admin', AdminOrderDocument, { id: idA }, h.adminB)).order).toBeNull();
    expect(dataOf(await server.gql('admin', 'query($id: ID!) { node(id: $id) { id } }', { id: idA }, h.adminB)).node).toBeNull();
    const listedByB = dataOf(await server.gql('admin', AdminOrdersDocument, { first: 100 }, h.adminB)).orders.nodes.map((o) => o.id);
    expect(listedByB).toContain(idMixed);
    expect(listedByB).not.toContain(idA);

    const skus = async (headers: Record<string, string>) => dataOf(await server.gql('admin', AdminOrderDocument, { id: idMixed }, headers)).order!.lines.map((l) => l.sku);
    expect(await skus(h.adminA)).toEqual(['BAG-0']);
    expect(await skus(h.adminB)).toEqual(['BAG-1']);
    expect(await skus(h.adminAB)).toEqual(['BAG-0', 'BAG-1']);

    const before = await written();
    const input = { id: idA, trackingNumber: 'SF123', carrier: 'SF Express' };
    expectUserError(dataOf(await server.gql('admin', OrderFulfilDocument, { input }, h.adminB)).orderFulfil, 'NOT_FOUND', ['input', 'id']);
    expectUserError(dataOf(await server.gql('admin', OrderFulfilDocument, { input: { ...input, id: idMixed } }, h.adminA)).orderFulfil, 'FORBIDDEN', ['input', 'id']);
    const concierge = await server.gql('admin', OrderFulfilDocument, { input }, h.conciergeA);
    expect(concierge.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await written()).toEqual(before);

    const filtered = dataOf(await server.gql('admin', AdminOrdersDocument, { first: 100, filter: { storeId: toGlobalId('Store', ids.mall) } }, h.adminAB)).orders;
    expect(filtered.nodes.map((o) => o.id)).toEqual([idMixed]);
    expect(filtered.totalCount).toBe(1);
  });

  test('orderFulfil ships a PAID shipping order with its tracking, audited; refusals write nothing', async () => {
    const order = await createOrder(server, orderInput(ids.storeA, [ids.brandA]));
    const id = toGlobalId('Order', order.id);
    const before = await written();
    const invalid = dataOf(await server.gql('admin', OrderFulfilDocument, { input: { id, trackingNumber: '', carrier: 'SF' } }, h.adminA)).orderFulfil;
    expectUserError(invalid, 'INVALID', ['input', 'trackingNumber']);
    const wrong = dataOf(await server.gql('admin', OrderPickupCompleteDocument, { input: { id } }, h.adminA)).orderPickupComplete;
    expectUserError(wrong, 'WRONG_DELIVERY_METHOD', ['input', 'id']);
    expect(await written()).toEqual(before);

    const done = expectOk(dataOf(await server.gql('admin', OrderFulfilDocument, { input: { id, trackingNumber: 'SF123', carrier: 'SF Express' } }, h.adminA)).orderFulfil);
    expect(done.order).toMatchObject({ status: 'FULFILLED', delivery: { trackingNumber: 'SF123', carrier: 'SF Express' } });
    const again = dataOf(await server.gql('admin', OrderFulfilDocument, { input: { id, trackingNumber: 'SF9', carrier: 'SF' } }, h.adminA)).orderFulfil;
    expect(expectUserError(again, 'INVALID_TRANSITION', ['input', 'id']).message).toMatch(/FULFILLED cannot fulfil/);

    const read = dataOf(await server.gql('admin', AdminOrderDocument, { id }, h.adminA)).order!;
    expect(read.statusHistory.map(({ event, from, to, actor }) => ({ event, from, to, actor }))).toEqual([
      { event: 'pay', from: 'PENDING_PAYMENT', to: 'PAID', actor: 'system' },
      { event: 'fulfil', from: 'PAID', to: 'FULFILLED', actor: expect.stringMatching(/^staff:/) },
    ]);
    const topics = await server.db.orm.em.fork().execute<{ topic: string }[]>(`select topic from outbox_event where aggregate_id = ? order by id`, [order.id]);
    expect(topics.map((t) => t.topic)).toEqual(['order.created', 'order.pay', 'order.paid', 'order.fulfil', 'order.fulfilled']);
  });

  test('orderPickupComplete hands over a PAID pickup order; a pickup order is not shipped', async () => {
    const order = await createOrder(server, orderInput(ids.storeA, [ids.brandA], { delivery: pickupAt(ids.locationA) }));
    const id = toGlobalId('Order', order.id);
    expectUserError(dataOf(await server.gql('admin', OrderFulfilDocument, { input: { id, trackingNumber: 'X', carrier: 'Y' } }, h.adminA)).orderFulfil, 'WRONG_DELIVERY_METHOD');
    const done = expectOk(dataOf(await server.gql('admin', OrderPickupCompleteDocument, { input: { id } }, h.adminA)).orderPickupComplete);
    expect(done.order.status).toBe('PICKED_UP');
    expectUserError(dataOf(await server.gql('admin', OrderPickupCompleteDocument, { input: { id } }, h.adminA)).orderPickupComplete, 'INVALID_TRANSITION');
    const pending = await createOrder(server, orderInput(ids.storeA, [ids.brandA], { delivery: pickupAt(ids.locationA), status: 'PENDING_PAYMENT' }));
    const refused = dataOf(await server.gql('admin', OrderPickupCompleteDocument, { input: { id: toGlobalId('Order', pending.id) } }, h.adminA)).orderPickupComplete;
    expect(expectUserError(refused, 'INVALID_TRANSITION').message).toMatch(/PENDING_PAYMENT cannot pick_up \(allowed: pay_deposit, pay, cancel\)/);
  });
});
