import { createStaffUser } from '../../src/access/access.service.js';
import { reservationService } from '../../src/drops/reservation.service.js';
import { decodeGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { relayOutbox } from '../../src/shared/outbox.js';
import { StaffRole } from '../../src/shared/roles.js';
import { Client } from '../../src/vip/concierge/entities.js';
import { holdService } from '../../src/vip/concierge/hold.service.js';
import {
  AdminClientCartCreateDocument, AdminClientHoldsDocument, AdminDropDashboardDocument, AdminEditionHoldCreateDocument, AdminHoldReleaseDocument, DropCancelDocument,
} from '../generated/admin.js';
import { CustomerReservationsDocument, DropReserveDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { dataOf } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { databaseSnapshot } from '../tenancy/world.js';
import { createDrop, customers, dropWorld, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Concierge holds of a drop's edition variant, over HTTP: edition units (not stock levels), counted with
 * dropReserve against the per-customer limit, given back exactly once, bought through reservationCheckout.
 */
let server: TestServer;
let w: DropWorld;
let concierge: { authorization: string };
let cnLocation: string;
let mallLocation: string;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
  await createStaffUser(server.db.orm.em.fork(), { email: 'concierge-a@example.com', password: 'a-long-test-password', role: StaffRole.CONCIERGE, brandIds: [w.brandA] });
  const login = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email: 'concierge-a@example.com', password: 'a-long-test-password' } });
  concierge = { authorization: `Bearer ${(login.data as any).staffLogin.accessToken}` };
  const locations = await server.db.orm.em.fork().execute<{ id: string; handle: string }[]>(`select id, handle from stock_location where handle in ('a-cn-wh', 'design-mall-wh')`);
  cnLocation = toGlobalId('StockLocation', locations.find((l) => l.handle === 'a-cn-wh')!.id);
  mallLocation = toGlobalId('StockLocation', locations.find((l) => l.handle === 'design-mall-wh')!.id);
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const inHours = (h: number) => new Date(Date.now() + h * hour).toISOString();

/** A signed-in customer who is a client of brand A. */
async function client() {
  const [customer] = await customers(server, 1, 'client');
  const em = server.db.orm.em.fork();
  const row = em.create(Client, { brandId: w.brandA, customerId: customer.id });
  await em.flush();
  return { ...customer, clientId: toGlobalId('Client', row.id) };
}

const holdCreate = async (clientId: string, quantity: number, over: Record<string, unknown> = {}) =>
  dataOf(await server.gql('admin', AdminEditionHoldCreateDocument, { input: { clientId, variantId: w.variants[0], locationId: cnLocation, quantity, expiresAt: inHours(24), ...over } }, concierge)).holdCreate;
const holdRelease = async (id: string) => dataOf(await server.gql('admin', AdminHoldReleaseDocument, { input: { id } }, concierge)).holdRelease;
const reserve = async (token: string, dropId: string, quantity: number) =>
  dataOf(await server.gql('storefront', DropReserveDocument, { input: { dropId, variantId: w.variants[0], quantity } }, storefront(token))).dropReserve;
const holdsOf = async (clientId: string) => dataOf(await server.gql('admin', AdminClientHoldsDocument, { id: clientId }, concierge)).client!.holds;
const allocation = async (dropId: string, customerId: string) => {
  const [row] = await server.db.orm.em.fork().execute<{ count: number }[]>(
    'select count from drop_customer_allocation where drop_id = ? and customer_id = ?', [decodeGlobalId(dropId).id, customerId]);
  return row?.count ?? 0;
};
const stockLevels = () => server.db.orm.em.fork().execute<{ on_hand: number; reserved: number }[]>(
  'select on_hand, reserved from inventory_level where variant_id = ? order by location_id', [w.variantIds[0]]);

test('a hold of an edition variant takes edition units (stock levels untouched), shows in customer.reservations and the dashboard as CONCIERGE', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5 });
  const vip = await client();
  const levels = await stockLevels();
  const created = await holdCreate(vip.clientId, 2);
  expect(created.userErrors).toEqual([]);
  expect(created.hold).toMatchObject({ quantity: 2, status: 'ACTIVE', reservationId: expect.any(String) });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 2, sold: 0, total: 5 });
  expect(await stockLevels()).toEqual(levels);
  expect(await allocation(drop.id, vip.id)).toBe(2);

  const mine = dataOf(await server.gql('storefront', CustomerReservationsDocument, {}, storefront(vip.token))).customer!.reservations;
  expect(mine).toEqual([{ id: created.hold!.reservationId, status: 'ACTIVE', quantity: 2, orderId: null, numbers: [] }]);
  const dashboard = dataOf(await server.gql('admin', AdminDropDashboardDocument, { id: drop.id }, w.adminA)).drop!.dashboard;
  expect(dashboard.units).toEqual({ available: 3, reserved: 2, sold: 0 });
  expect(dashboard.phases).toEqual([{ phase: 'CONCIERGE', reservations: 1, unitsReserved: 2, converted: 0, unitsSold: 0, expired: 0, released: 0 }]);

  // A variant outside the edition is still held as stock at the location.
  const other = await holdCreate(vip.clientId, 1, { variantId: w.variants[1] });
  expect(other.userErrors).toEqual([]);
  expect(other.hold!.reservationId).toBeNull();
  expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 2, sold: 0, total: 5 });
}, 60_000);

test('holds and dropReserve share the per-customer limit, both ways; a refused hold writes nothing', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 10, perCustomerLimit: 2 });
  const vip = await client();
  const held = await holdCreate(vip.clientId, 2);
  expect(held.userErrors).toEqual([]);
  expect((await reserve(vip.token, drop.id, 1)).userErrors.map((e) => e.code)).toEqual(['LIMIT_EXCEEDED']);

  expect((await holdRelease(held.hold!.id)).hold?.status).toBe('RELEASED');
  expect(await allocation(drop.id, vip.id)).toBe(0);
  expect((await reserve(vip.token, drop.id, 2)).userErrors).toEqual([]);

  const before = await databaseSnapshot(server);
  const refused = await holdCreate(vip.clientId, 1);
  expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([['LIMIT_EXCEEDED', ['input', 'quantity']]]);
  expect(await databaseSnapshot(server)).toBe(before);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 8, reserved: 2, sold: 0, total: 10 });
}, 60_000);

test('a hold past the edition units left is OUT_OF_STOCK, at a store the drop is not released in MARKET_EXCLUDED; both write nothing', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 2, perCustomerLimit: 5, storeIds: [w.stores.cn] });
  const vip = await client();
  for (const [over, quantity, code, field] of [
    [{}, 3, 'OUT_OF_STOCK', ['input', 'quantity']],
    [{ locationId: mallLocation }, 1, 'MARKET_EXCLUDED', ['input', 'locationId']],
  ] as const) {
    const before = await databaseSnapshot(server);
    const refused = await holdCreate(vip.clientId, quantity, over);
    expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([[code, field]]);
    expect(await databaseSnapshot(server)).toBe(before);
  }
  expect(await unitCounts(server, drop.id)).toEqual({ available: 2, reserved: 0, sold: 0, total: 2 });
  expect(await allocation(drop.id, vip.id)).toBe(0);
}, 60_000);

test('release racing both expiry jobs gives units and allocation back exactly once; the hold ends as its reservation did', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 3 });
  const vip = await client();
  for (let round = 0; round < 3; round++) {
    const created = await holdCreate(vip.clientId, 1, { expiresAt: new Date(Date.now() + 1_000).toISOString() });
    expect(created.userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_100));
    const reservationId = decodeGlobalId(created.hold!.reservationId!).id;
    const [release, reservationExpiry, holdExpiry] = await Promise.all([
      server.gql('admin', AdminHoldReleaseDocument, { input: { id: created.hold!.id } }, concierge),
      reservationService.expire(server.app, reservationId),
      holdService.expire(server.app, decodeGlobalId(created.hold!.id).id),
    ]);
    const released = dataOf(release).holdRelease;
    const winners = Number(released.hold !== null) + Number(reservationExpiry === 'expired') + Number(holdExpiry === 'expired');
    expect({ round, winners }).toEqual({ round, winners: 1 });
    // A release that lost read the hold ended already (INVALID_TRANSITION) or saw its reservation end meanwhile (STATE_CHANGED).
    if (!released.hold) expect(['INVALID_TRANSITION', 'STATE_CHANGED']).toContain(released.userErrors[0]?.code);
    expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 0, sold: 0, total: 3 });
    expect(await allocation(drop.id, vip.id)).toBe(0);

    await relayOutbox(server.db.orm.em.fork());
    const [reservation] = await server.db.orm.em.fork().execute<{ status: string }[]>('select status from drop_reservation where id = ?', [reservationId]);
    const hold = (await holdsOf(vip.clientId)).find((h) => h.id === created.hold!.id)!;
    expect({ reservation: reservation.status, hold: hold.status }).toEqual(released.hold ? { reservation: 'RELEASED', hold: 'RELEASED' } : { reservation: 'EXPIRED', hold: 'EXPIRED' });
  }
}, 60_000);

test('the client buys the held units with reservationCheckout; the hold then reads CONVERTED and cannot go into a cart', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 4 });
  const vip = await client();
  const held = (await holdCreate(vip.clientId, 1)).hold!;
  const cart = dataOf(await server.gql('admin', AdminClientCartCreateDocument, { input: { clientId: vip.clientId, storeId: w.stores.cn, lines: [], holdIds: [held.id] } }, concierge)).clientCartCreate;
  expect(cart.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', ['input', 'holdIds', '0']]]);

  const paid = dataOf(await server.gql('storefront', ReservationCheckoutDocument, {
    input: { reservationId: held.reservationId!, idempotencyKey: `hold-checkout-${held.id}`, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
  }, storefront(vip.token))).reservationCheckout;
  expect(paid.userErrors).toEqual([]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 0, sold: 1, total: 4 });
  await relayOutbox(server.db.orm.em.fork());
  expect((await holdsOf(vip.clientId)).find((h) => h.id === held.id)).toMatchObject({ status: 'CONVERTED', reservationId: held.reservationId });
  // Bought units keep counting against the limit (2): one more hold fits, a second does not.
  expect(await allocation(drop.id, vip.id)).toBe(1);
  expect((await holdCreate(vip.clientId, 2)).userErrors.map((e) => e.code)).toEqual(['LIMIT_EXCEEDED']);
  const releaseAfter = await holdRelease(held.id);
  expect(releaseAfter.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
}, 60_000);

test('dropCancel releases the edition hold with the drop; the hold reads RELEASED', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 3 });
  const vip = await client();
  const held = (await holdCreate(vip.clientId, 2)).hold!;
  const cancelled = dataOf(await server.gql('admin', DropCancelDocument, { input: { id: drop.id } }, w.adminA)).dropCancel;
  expect(cancelled).toMatchObject({ releasedReservations: 1, userErrors: [] });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 0, sold: 0, total: 3 });
  expect(await allocation(drop.id, vip.id)).toBe(0);
  await relayOutbox(server.db.orm.em.fork());
  expect((await holdsOf(vip.clientId)).find((h) => h.id === held.id)).toMatchObject({ status: 'RELEASED' });
  // A cancelled drop takes no more holds: the next one goes to another live drop of the variant (this file's earlier ones).
  expect((await holdCreate(vip.clientId, 1)).userErrors).toEqual([]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 3, reserved: 0, sold: 0, total: 3 });
}, 60_000);
