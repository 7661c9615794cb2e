import { decodeGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { holdService } from '../../src/vip/concierge/hold.service.js';
import {
  AdminAppointmentCreateDocument, AdminClientCartCreateDocument, AdminClientNoteAddDocument, AdminHoldCreateDocument, AdminHoldReleaseDocument,
} from '../generated/admin.js';
import { dataOf } from '../support/payload.js';
import { buildWorld, databaseSnapshot, type World } from '../tenancy/world.js';

/** Concierge writes over HTTP on real PostgreSQL: appointments never double-booked, holds reserving and returning stock exactly once, carts for clients. */
let world: World;
let clientA: string;
let variantA: string;
let boutiqueA: string;
beforeAll(async () => {
  world = await buildWorld();
  [clientA] = world.a.ids.Client;
  [variantA] = world.a.ids.ProductVariant;
  [boutiqueA] = world.a.ids.StockLocation;
}, 120_000);
afterAll(() => world?.server.close());

const headersOf = (who: keyof World['viewers']) => world.viewers[who];
async function level() {
  const [row] = await world.server.db.orm.em.fork().execute<{ on_hand: number; reserved: number }[]>(
    'select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?',
    [decodeGlobalId(variantA, 'ProductVariant').id, decodeGlobalId(boutiqueA, 'StockLocation').id],
  );
  return row;
}
/** An ISO timestamp h hours from now (DateTime inputs are strings). */
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const plusMinutes = (iso: string, m: number) => new Date(Date.parse(iso) + m * 60_000).toISOString();

test('10 parallel bookings of one concierge for overlapping slots: exactly one succeeds, the others STAFF_UNAVAILABLE', async () => {
  const base = inHours(72);
  const results = await Promise.all(
    Array.from({ length: 10 }, (_, i) => {
      const startsAt = plusMinutes(base, i * 5);
      return world.server.gql('admin', AdminAppointmentCreateDocument, {
        input: { clientId: clientA, locationId: boutiqueA, startsAt, endsAt: plusMinutes(startsAt, 60) },
      }, headersOf('conciergeA'));
    }),
  );
  const payloads = results.map((r) => dataOf(r).appointmentCreate);
  expect(payloads.filter((p) => p.appointment).length).toBe(1);
  expect(payloads.flatMap((p) => p.userErrors.map((e) => e.code)).sort()).toEqual(Array(9).fill('STAFF_UNAVAILABLE'));
  const [{ n }] = await world.server.db.orm.em.fork().execute<{ n: number }[]>(
    `select count(*)::int as n from client_appointment where starts_at >= ? and starts_at < ?`, [base, inHours(74)]);
  expect(n).toBe(1);
});

test('holdCreate reserves the units, holdRelease gives them back', async () => {
  const before = await level();
  const created = dataOf(await world.server.gql('admin', AdminHoldCreateDocument, {
    input: { clientId: clientA, variantId: variantA, locationId: boutiqueA, quantity: 2, expiresAt: inHours(24) },
  }, headersOf('conciergeA'))).holdCreate;
  expect(created.userErrors).toEqual([]);
  expect(created.hold).toMatchObject({ quantity: 2, status: 'ACTIVE' });
  expect(await level()).toEqual({ on_hand: before.on_hand, reserved: before.reserved + 2 });

  const released = dataOf(await world.server.gql('admin', AdminHoldReleaseDocument, { input: { id: created.hold!.id } }, headersOf('conciergeA'))).holdRelease;
  expect(released.hold?.status).toBe('RELEASED');
  expect(await level()).toEqual(before);

  const snapshot = await databaseSnapshot(world.server);
  const again = dataOf(await world.server.gql('admin', AdminHoldReleaseDocument, { input: { id: created.hold!.id } }, headersOf('conciergeA'))).holdRelease;
  expect(again.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
  expect(await databaseSnapshot(world.server)).toBe(snapshot);
});

test('a release racing the expiry job returns the units exactly once', async () => {
  for (let round = 0; round < 3; round++) {
    const before = await level();
    const created = dataOf(await world.server.gql('admin', AdminHoldCreateDocument, {
      input: { clientId: clientA, variantId: variantA, locationId: boutiqueA, quantity: 1, expiresAt: new Date(Date.now() + 1_000).toISOString() },
    }, headersOf('conciergeA'))).holdCreate;
    expect(created.userErrors).toEqual([]);
    await new Promise((r) => setTimeout(r, 1_100));
    const id = decodeGlobalId(created.hold!.id, 'ClientHold').id;
    const [release, expiry] = await Promise.all([
      world.server.gql('admin', AdminHoldReleaseDocument, { input: { id: created.hold!.id } }, headersOf('conciergeA')),
      holdService.expire(world.server.app, id),
    ]);
    const released = dataOf(release).holdRelease.hold !== null;
    expect(Number(released) + Number(expiry === 'expired')).toBe(1);
    expect(await level()).toEqual(before);
  }
});

test('clientCartCreate returns a checkout link and a cart the client reads on the storefront once signed in', async () => {
  const res = dataOf(await world.server.gql('admin', AdminClientCartCreateDocument, {
    input: { clientId: clientA, storeId: world.a.ids.Store[0], lines: [{ merchandiseId: variantA, quantity: 1 }] },
  }, headersOf('conciergeA'))).clientCartCreate;
  expect(res.userErrors).toEqual([]);
  expect(res.cart!.checkoutUrl).toBe(`${world.server.app.config.STOREFRONT_URL.replace(/\/+$/, '')}/cart/${encodeURIComponent(res.cart!.cartId)}`);
  expect(res.cart!.totalQuantity).toBe(1);

  const query = 'query($id: ID!) { cart(id: $id) { id totalQuantity lines { quantity } } }';
  const asClient = await world.server.gql('storefront', query, { id: res.cart!.cartId }, { ...world.viewers.customer, 'x-store': 'a-cn' });
  expect(asClient.errors).toBeUndefined();
  expect((asClient.data as any).cart).toMatchObject({ id: res.cart!.cartId, totalQuantity: 1 });
  const anonymous = await world.server.gql('storefront', query, { id: res.cart!.cartId }, { 'x-store': 'a-cn' });
  expect((anonymous.data as any)?.cart ?? null).toBeNull();
});

test('every refusal is a userError and writes nothing', async () => {
  const mallLocation = (await world.server.db.orm.em.fork().execute<{ id: string }[]>(`select id from stock_location where handle = 'design-mall-wh'`))[0].id;
  const slot = inHours(200);
  const cases: [string, () => Promise<{ code: string; field: string[] | null }[]>, string][] = [
    ['blank note', async () => dataOf(await world.server.gql('admin', AdminClientNoteAddDocument, { input: { clientId: clientA, body: '   ' } }, headersOf('conciergeA'))).clientNoteAdd.userErrors, 'INVALID'],
    ["brand B's client", async () => dataOf(await world.server.gql('admin', AdminClientNoteAddDocument, { input: { clientId: world.b.ids.Client[0], body: 'hi' } }, headersOf('conciergeA'))).clientNoteAdd.userErrors, 'NOT_FOUND'],
    ['appointment ending before it starts', async () => dataOf(await world.server.gql('admin', AdminAppointmentCreateDocument, { input: { clientId: clientA, locationId: boutiqueA, startsAt: slot, endsAt: plusMinutes(slot, -1) } }, headersOf('conciergeA'))).appointmentCreate.userErrors, 'INVALID'],
    ['appointment in the past', async () => dataOf(await world.server.gql('admin', AdminAppointmentCreateDocument, { input: { clientId: clientA, locationId: boutiqueA, startsAt: inHours(-2), endsAt: inHours(-1) } }, headersOf('conciergeA'))).appointmentCreate.userErrors, 'INVALID'],
    ['appointment at a warehouse', async () => dataOf(await world.server.gql('admin', AdminAppointmentCreateDocument, { input: { clientId: clientA, locationId: toGlobalId('StockLocation', mallLocation), startsAt: slot, endsAt: plusMinutes(slot, 60) } }, headersOf('conciergeA'))).appointmentCreate.userErrors, 'NOT_A_BOUTIQUE'],
    ['hold of more than is available', async () => dataOf(await world.server.gql('admin', AdminHoldCreateDocument, { input: { clientId: clientA, variantId: variantA, locationId: boutiqueA, quantity: 20, expiresAt: inHours(24) } }, headersOf('conciergeA'))).holdCreate.userErrors, 'OUT_OF_STOCK'],
    ['hold of 21 units', async () => dataOf(await world.server.gql('admin', AdminHoldCreateDocument, { input: { clientId: clientA, variantId: variantA, locationId: boutiqueA, quantity: 21, expiresAt: inHours(24) } }, headersOf('conciergeA'))).holdCreate.userErrors, 'INVALID'],
    ['hold expiring in 31 days', async () => dataOf(await world.server.gql('admin', AdminHoldCreateDocument, { input: { clientId: clientA, variantId: variantA, locationId: boutiqueA, quantity: 1, expiresAt: inHours(31 * 24) } }, headersOf('conciergeA'))).holdCreate.userErrors, 'INVALID'],
    ["hold of brand B's variant", async () => dataOf(await world.server.gql('admin', AdminHoldCreateDocument, { input: { clientId: clientA, variantId: world.b.ids.ProductVariant[0], locationId: boutiqueA, quantity: 1, expiresAt: inHours(24) } }, headersOf('platform'))).holdCreate.userErrors, 'WRONG_BRAND'],
    ['cart with nothing in it', async () => dataOf(await world.server.gql('admin', AdminClientCartCreateDocument, { input: { clientId: clientA, storeId: world.a.ids.Store[0], lines: [] } }, headersOf('conciergeA'))).clientCartCreate.userErrors, 'INVALID'],
    ["cart in brand B's store", async () => dataOf(await world.server.gql('admin', AdminClientCartCreateDocument, { input: { clientId: clientA, storeId: world.b.ids.Store[0], lines: [{ merchandiseId: variantA, quantity: 1 }] } }, headersOf('conciergeA'))).clientCartCreate.userErrors, 'NOT_FOUND'],
    ["cart with brand B's variant", async () => dataOf(await world.server.gql('admin', AdminClientCartCreateDocument, { input: { clientId: clientA, storeId: world.a.ids.Store[0], lines: [{ merchandiseId: world.b.ids.ProductVariant[0], quantity: 1 }] } }, headersOf('conciergeA'))).clientCartCreate.userErrors, 'WRONG_BRAND'],
  ];
  for (const [what, run, code] of cases) {
    const before = await databaseSnapshot(world.server);
    const errors = await run();
    expect({ what, codes: errors.map((e) => e.code) }).toEqual({ what, codes: [code] });
    expect({ what, unchanged: (await databaseSnapshot(world.server)) === before }).toEqual({ what, unchanged: true });
  }
});
