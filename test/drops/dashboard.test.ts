import { reservationService } from '../../src/drops/reservation.service.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { TierChangeReason } from '../../src/vip/programmes/entities.js';
import { vipService } from '../../src/vip/programmes/vip.service.js';
import { AdminDropDashboardDocument, AdminDropDashboardsDocument, DropUpdateDocument } from '../generated/admin.js';
import { DropReserveDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { dataOf } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createProgramme } from '../vip/support.js';
import { createDrop, customers, dropWorld, storefront, type DropWorld } from './support.js';

/** The Admin drop dashboard over HTTP: exact numbers per phase, and one statement for any number of drops. */
let server: TestServer;
let w: DropWorld;
let tiers: Awaited<ReturnType<typeof createProgramme>>;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
  tiers = await createProgramme(server.db.orm.em.fork(), { brandId: w.brandA, handle: 'a-club' }); // gold: 24 h early access
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;

async function goldCustomers(n: number) {
  const buyers = await customers(server, n, 'gold');
  await server.db.orm.em.fork().transactional(async (tx) => {
    for (const b of buyers) await vipService.changeTier(tx, { programme: tiers.programme, customerId: b.id, tier: tiers.gold, reason: TierChangeReason.MANUAL, actor: 'system' });
  });
  return buyers;
}
async function reserve(token: string, dropId: string, quantity: number) {
  const res = dataOf(await server.gql('storefront', DropReserveDocument, { input: { dropId, variantId: w.variants[0], quantity } }, storefront(token))).dropReserve;
  expect(res.userErrors).toEqual([]);
  return res.reservation!;
}
const dashboardOf = async (id: string) => dataOf(await server.gql('admin', AdminDropDashboardDocument, { id }, w.adminA)).drop!.dashboard;

test('early-access and public reservations, one converted and one expired: every number exact', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 10, perCustomerLimit: 3, publicOpensAt: new Date(Date.now() + 2 * hour).toISOString() });
  expect(await dashboardOf(drop.id)).toEqual({
    units: { available: 10, reserved: 0, sold: 0 }, entries: 0, reservations: 0, converted: 0, conversionRate: 0, phases: [],
  });

  const [early, earlyToo] = await goldCustomers(2);
  const bought = await reserve(early.token, drop.id, 2);
  await reserve(earlyToo.token, drop.id, 1);
  const paid = dataOf(await server.gql('storefront', ReservationCheckoutDocument, {
    input: { reservationId: bought.id, idempotencyKey: `dash-${bought.id}`, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
  }, storefront(early.token))).reservationCheckout;
  expect(paid.userErrors).toEqual([]);

  const opened = dataOf(await server.gql('admin', DropUpdateDocument, { input: { id: drop.id, publicOpensAt: new Date(Date.now() - 60_000).toISOString() } }, w.adminA)).dropUpdate;
  expect(opened.userErrors).toEqual([]);
  const [late, lateToo] = await customers(server, 2, 'public');
  const expiring = await reserve(late.token, drop.id, 3);
  await reserve(lateToo.token, drop.id, 1);
  const expiringId = decodeGlobalId(expiring.id).id;
  await server.db.orm.em.fork().execute(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [expiringId]);
  expect(await reservationService.expire(server.app, expiringId)).toBe('expired');

  expect(await dashboardOf(drop.id)).toEqual({
    units: { available: 6, reserved: 2, sold: 2 },
    entries: 0,
    reservations: 4,
    converted: 1,
    conversionRate: 0.25,
    phases: [
      { phase: 'EARLY_ACCESS', reservations: 2, unitsReserved: 3, converted: 1, unitsSold: 2, expired: 0, released: 0 },
      { phase: 'PUBLIC', reservations: 2, unitsReserved: 4, converted: 0, unitsSold: 0, expired: 1, released: 0 },
    ],
  });
}, 60_000);

test('entries counts the draw entries of the drop', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5, allocation: 'DRAW' });
  const opened = await server.gql('admin', 'mutation($i: DrawOpenInput!) { drawOpen(input: $i) { userErrors { code message } } }',
    { i: { dropId: drop.id, units: 5, entriesCloseAt: new Date(Date.now() + 12 * hour).toISOString() } }, w.adminA);
  expect((opened.data as any).drawOpen.userErrors).toEqual([]);
  for (const entrant of await customers(server, 3, 'entrant')) {
    const entered = await server.gql('storefront', 'mutation($i: DropEnterInput!) { dropEnter(input: $i) { userErrors { code message } } }', { i: { dropId: drop.id } }, storefront(entrant.token));
    expect((entered.data as any).dropEnter.userErrors).toEqual([]);
  }
  expect(await dashboardOf(drop.id)).toEqual({
    units: { available: 5, reserved: 0, sold: 0 }, entries: 3, reservations: 0, converted: 0, conversionRate: 0, phases: [],
  });
}, 60_000);

test('conversionRate is rounded to 4 decimals', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5, perCustomerLimit: 1 });
  const buyers = await customers(server, 3, 'third');
  const reservations = [];
  for (const b of buyers) reservations.push(await reserve(b.token, drop.id, 1));
  const paid = dataOf(await server.gql('storefront', ReservationCheckoutDocument, {
    input: { reservationId: reservations[0].id, idempotencyKey: `third-${reservations[0].id}`, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
  }, storefront(buyers[0].token))).reservationCheckout;
  expect(paid.userErrors).toEqual([]);
  expect(await dashboardOf(drop.id)).toMatchObject({ reservations: 3, converted: 1, conversionRate: 0.3333 });
}, 60_000);

test('drops { dashboard } takes as many statements for N drops as for N + 6', async () => {
  for (let i = 0; i < 2; i++) await createDrop(server, w, { unitsPerVariant: 2 });
  const measure = async () => {
    const { result, queries } = await server.db.queries.measure(() => server.gql('admin', AdminDropDashboardsDocument, { first: 50 }, w.adminA));
    expect(result.errors).toBeUndefined();
    return { drops: result.data!.drops.nodes.length, queries };
  };
  const before = await measure();
  for (let i = 0; i < 6; i++) await createDrop(server, w, { unitsPerVariant: 2 });
  const after = await measure();
  expect(after.drops).toBe(before.drops + 6);
  expect(after.queries).toBe(before.queries);
  // The dashboards of the whole page are one statement.
  const { queries: listOnly } = await server.db.queries.measure(() => server.gql('admin', 'query { drops(first: 50) { nodes { id } } }', {}, w.adminA));
  expect(after.queries - listOnly).toBe(1);
}, 60_000);
