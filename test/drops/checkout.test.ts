import { AdminDropDocument, AdminDropsDocument, DropCancelDocument, DropCreateDocument, DropPublishDocument, DropUpdateDocument } from '../generated/admin.js';
import { CustomerReservationsDocument, DropReserveDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { reservationService } from '../../src/drops/reservation.service.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { dataOf } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, storefront, unitCounts, type DropWorld } from './support.js';

/** reservationCheckout (order, numbered units, certificates), dropCancel, and the drops Admin API with its refusals. */
let server: TestServer;
let w: DropWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const address = { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' };
const reserve = async (token: string, dropId: string, quantity = 1) =>
  dataOf(await server.gql('storefront', DropReserveDocument, { input: { dropId, variantId: w.variants[0], quantity } }, storefront(token))).dropReserve;
const checkout = async (token: string, reservationId: string, key: string, paymentToken = 'tok_approve') =>
  dataOf(await server.gql('storefront', ReservationCheckoutDocument, { input: { reservationId, idempotencyKey: key, payment: { provider: 'test', token: paymentToken }, shippingAddress: address } }, storefront(token))).reservationCheckout;
const adminDrop = async (id: string, who = w.adminA) => dataOf(await server.gql('admin', AdminDropDocument, { id }, who)).drop;

test('reservationCheckout: a PAID order, the units SOLD with their numbers, one certificate each; a retry with the key returns the same order', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 10 });
  const [buyer] = await customers(server, 1, 'payer');
  const reservation = (await reserve(buyer.token, drop.id, 2)).reservation!;
  const paid = await checkout(buyer.token, reservation.id, 'pay-once-1'); // 1,001.00 each (the fixture's first variant price)
  expect(paid.userErrors).toEqual([]);
  expect(paid.order).toMatchObject({ status: 'PAID', cost: { total: { amount: '2002.00', currencyCode: 'CNY' } }, lines: [{ quantity: 2 }] });
  const again = await checkout(buyer.token, reservation.id, 'pay-once-1');
  expect(again.order!.id).toBe(paid.order!.id);
  const mine = dataOf(await server.gql('storefront', CustomerReservationsDocument, {}, storefront(buyer.token))).customer!.reservations;
  expect(mine).toEqual([{ id: reservation.id, status: 'CONVERTED', quantity: 2, orderId: paid.order!.id, numbers: [expect.any(Number), expect.any(Number)] }]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 8, reserved: 0, sold: 2, total: 10 });
  const certificates = await server.db.orm.em.fork().execute<{ unit_number: number }[]>(
    `select unit_number from authenticity_certificate where edition_id = (select edition_id from drop_release where id = ?) order by unit_number`, [decodeGlobalId(drop.id).id]);
  expect(certificates.map((c) => c.unit_number)).toEqual(mine[0].numbers);
  expect((await adminDrop(drop.id))!.stats).toEqual({ available: 8, reserved: 0, sold: 2 });
  // The units bought count against the limit (2): nothing more for this buyer.
  expect((await reserve(buyer.token, drop.id)).userErrors.map((e) => e.code)).toEqual(['LIMIT_EXCEEDED']);
}, 60_000);

test('a declined payment keeps the reservation; an expired one is refused and charges nothing', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 5 });
  const [buyer, late] = await customers(server, 2, 'decline');
  const reservation = (await reserve(buyer.token, drop.id)).reservation!;
  const declined = await checkout(buyer.token, reservation.id, 'declined-1', 'tok_decline');
  expect(declined.userErrors.map((e) => [e.code, e.field])).toEqual([['PAYMENT_DECLINED', ['input', 'payment']]]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 4, reserved: 1, sold: 0, total: 5 });
  const other = (await reserve(late.token, drop.id)).reservation!;
  const id = decodeGlobalId(other.id).id;
  await server.db.orm.em.fork().execute(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [id]);
  expect(await reservationService.expire(server.app, id)).toBe('expired');
  expect((await checkout(late.token, other.id, 'too-late-1')).userErrors.map((e) => e.code)).toEqual(['RESERVATION_EXPIRED']);
  // Someone else's reservation reads as missing.
  expect((await checkout(late.token, reservation.id, 'not-mine-1')).userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 4, reserved: 1, sold: 0, total: 5 });
}, 60_000);

test('dropCancel releases every active reservation; the drop then refuses reservations as ENDED', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 10 });
  const buyers = await customers(server, 3, 'cancelled');
  for (const b of buyers) expect((await reserve(b.token, drop.id, 2)).reservation).not.toBeNull();
  const cancelled = dataOf(await server.gql('admin', DropCancelDocument, { input: { id: drop.id } }, w.adminA)).dropCancel;
  expect(cancelled).toMatchObject({ releasedReservations: 3, drop: { status: 'ENDED', stats: { available: 10, reserved: 0, sold: 0 } }, userErrors: [] });
  expect((await reserve(buyers[0].token, drop.id)).userErrors.map((e) => e.code)).toEqual(['ENDED']);
  const twice = dataOf(await server.gql('admin', DropCancelDocument, { input: { id: drop.id } }, w.adminA)).dropCancel;
  expect(twice.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);
}, 60_000);

test('Admin API: dropCreate makes the numbered units, dropUpdate and dropPublish; refusals are userErrors; brand B is out of reach', async () => {
  const base = {
    handle: 'a-winter', productId: w.product, unitsPerVariant: 3, storeIds: [w.stores.cn],
    publicOpensAt: new Date(Date.now() + hour).toISOString(), endsAt: new Date(Date.now() + 5 * hour).toISOString(), perCustomerLimit: 1,
  };
  const create = async (over: Record<string, unknown>, who = w.adminA) => dataOf(await server.gql('admin', DropCreateDocument, { input: { ...base, ...over } as never }, who)).dropCreate;
  const created = await create({});
  expect(created.drop).toMatchObject({ handle: 'a-winter', editionSize: 6, published: false, status: 'UPCOMING', stats: { available: 6, reserved: 0, sold: 0 } });
  const [{ numbers }] = await server.db.orm.em.fork().execute<{ numbers: number[] }[]>(
    `select array_agg(number order by number) as numbers from edition_unit where edition_id = (select edition_id from drop_release where id = ?)`, [decodeGlobalId(created.drop!.id).id]);
  expect(numbers).toEqual([1, 2, 3, 4, 5, 6]);
  const refusals: [Record<string, unknown>, string, string[]][] = [
    [{ handle: 'a-winter' }, 'TAKEN', ['input', 'handle']],
    [{ handle: 'a-bad', endsAt: base.publicOpensAt }, 'INVALID', ['input', 'endsAt']],
    [{ handle: 'a-other', productId: w.productB }, 'NOT_FOUND', ['input', 'productId']],
    [{ handle: 'a-other', storeIds: [w.stores.b] }, 'NOT_FOUND', ['input', 'storeIds', '0']],
    [{ handle: 'a-other', variantIds: [w.variantsB[0]] }, 'NOT_FOUND', ['input', 'variantIds', '0']],
    [{ handle: 'Not A Handle' }, 'INVALID', ['input', 'handle']],
  ];
  for (const [over, code, field] of refusals) {
    const before = await server.db.orm.em.fork().execute(`select (select count(*) from drop_release) d, (select count(*) from edition_unit) u`);
    const refused = await create(over);
    expect({ over, errors: refused.userErrors.map((e) => [e.code, e.field]) }).toEqual({ over, errors: [[code, field]] });
    expect(await server.db.orm.em.fork().execute(`select (select count(*) from drop_release) d, (select count(*) from edition_unit) u`)).toEqual(before);
  }
  const updated = dataOf(await server.gql('admin', DropUpdateDocument, { input: { id: created.drop!.id, perCustomerLimit: 2, showUnitsLeft: false } }, w.adminA)).dropUpdate;
  expect(updated.drop).toMatchObject({ perCustomerLimit: 2, showUnitsLeft: false });
  const badUpdate = dataOf(await server.gql('admin', DropUpdateDocument, { input: { id: created.drop!.id, endsAt: new Date(Date.now()).toISOString() } }, w.adminA)).dropUpdate;
  expect(badUpdate.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', ['input', 'endsAt']]]);
  expect(dataOf(await server.gql('admin', DropPublishDocument, { input: { id: created.drop!.id } }, w.adminA)).dropPublish.drop!.published).toBe(true);
  expect(dataOf(await server.gql('admin', DropPublishDocument, { input: { id: created.drop!.id } }, w.adminA)).dropPublish.userErrors.map((e) => e.code)).toEqual(['INVALID_TRANSITION']);

  // A drop of brand B (made by the platform admin) is invisible to brand A's admin and cannot be changed by them.
  const ofB = (await create({ handle: 'b-winter', productId: w.productB, storeIds: [w.stores.b] }, w.platform)).drop!;
  expect(await adminDrop(ofB.id)).toBeNull();
  expect(await adminDrop(ofB.id, w.platform)).toMatchObject({ handle: 'b-winter' });
  expect(dataOf(await server.gql('admin', DropPublishDocument, { input: { id: ofB.id } }, w.adminA)).dropPublish.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  const listed = dataOf(await server.gql('admin', AdminDropsDocument, { first: 100 }, w.adminA)).drops.nodes.map((d) => d.handle);
  expect(listed).toContain('a-winter');
  expect(listed).not.toContain('b-winter');
  expect(dataOf(await server.gql('admin', AdminDropsDocument, { first: 100, brandId: ofB.brandId }, w.adminA)).drops.nodes).toEqual([]);
}, 60_000);
