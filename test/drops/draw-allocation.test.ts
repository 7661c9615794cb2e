import { createHmac } from 'node:crypto';
import { dropsModule } from '../../src/drops/module.js';
import { RESERVATION_EXPIRE_TASK } from '../../src/drops/reservation.service.js';
import type { App } from '../../src/shared/context.js';
import { decodeGlobalId, toGlobalId } from '../../src/shared/ids.js';
import { DrawOpenDocument, DrawRunDocument, DrawVipMembershipSetDocument, DrawVipProgrammeCreateDocument, DrawVipTierCreateDocument } from '../generated/admin.js';
import { CustomerDropEntriesDocument, DropDrawDocument, DropEnterDocument, DropReserveDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { dataOf, expectOk, expectUserError } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Draws allocate the units, over HTTP on real PostgreSQL: drawRun holds one unit per entry down the draw
 * order (recomputed here from the published seed and entries only), dropReserve stays closed, a winner
 * buys through reservationCheckout, an unclaimed win rolls over to the next entry for that variant once.
 */
let server: TestServer;
let w: DropWorld;
beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const uuid = (globalId: string) => decodeGlobalId(globalId).id;
const sql = <Row>(query: string, params: unknown[] = []) => server.db.orm.em.fork().execute<Row[]>(query, params);
const expireTask = (reservationId: string) => dropsModule.tasks![RESERVATION_EXPIRE_TASK](server.app as App, { reservationId });

const drawDrop = (over: Record<string, unknown> = {}) =>
  createDrop(server, w, { allocation: 'DRAW', variantIds: w.variants, unitsPerVariant: 2, perCustomerLimit: 1, ...over });
const openDraw = async (dropId: string, over: Record<string, unknown> = {}) =>
  dataOf(await server.gql('admin', DrawOpenDocument, { input: { dropId, units: 3, entriesCloseAt: new Date(Date.now() + 12 * hour).toISOString(), ...over } }, w.adminA)).drawOpen;
const enter = async (token: string, dropId: string, variantId?: string) =>
  dataOf(await server.gql('storefront', DropEnterDocument, { input: { dropId, variantId } }, storefront(token))).dropEnter;
const runDraw = async (dropId: string) => expectOk(dataOf(await server.gql('admin', DrawRunDocument, { input: { dropId } }, w.adminA)).drawRun);
const entriesOf = async (token: string) => dataOf(await server.gql('storefront', CustomerDropEntriesDocument, {}, storefront(token))).customer!.dropEntries;
const drawReservations = (dropId: string) =>
  sql<{ id: string; customer_id: string; variant_id: string; status: string; expires_at: Date }>(
    `select id, customer_id, variant_id, status, expires_at from drop_reservation where drop_id = ? and phase = 'DRAW' order by created_at, id`, [uuid(dropId)]);
const accounted = async (dropId: string, size: number) => {
  const c = await unitCounts(server, dropId);
  expect(c.available + c.reserved + c.sold).toBe(size);
  return c;
};

/** The draw order from the README alone (node:crypto and BigInt, no project code). */
function drawOrder(seed: string, entries: { id: string; weight: number }[]): string[] {
  const key = Buffer.from(seed, 'hex');
  const keyOf = (id: string, weight: number) =>
    Array.from({ length: weight }, (_, t) => BigInt('0x' + createHmac('sha256', key).update(`${id}:${t + 1}`).digest('hex'))).reduce((a, b) => (b < a ? b : a));
  return entries.map((e) => ({ id: e.id, key: keyOf(e.id, e.weight) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((e) => e.id);
}

/** A brand A tier whose perks give drawWeight 3, held by `customerId`. */
async function weightedTier(customerId: string) {
  const programme = expectOk(dataOf(await server.gql('admin', DrawVipProgrammeCreateDocument, {
    input: { brandId: toGlobalId('Brand', w.brandA), handle: 'a-draw-club', names: [{ locale: 'en', name: 'A Club' }], currency: 'CNY' as never, qualification: 'CALENDAR_YEAR' as never },
  }, w.adminA)).vipProgrammeCreate).programme;
  const perks = { earlyAccessHours: 0, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [], drawWeight: 3 };
  const tier = expectOk(dataOf(await server.gql('admin', DrawVipTierCreateDocument, {
    input: { programmeId: programme.id, handle: 'heavy', names: [{ locale: 'en', name: 'Heavy' }], rank: 1, threshold: '10000.00', inviteOnly: false, perks },
  }, w.adminA)).vipTierCreate).tier;
  expect(tier.perks.drawWeight).toBe(3);
  expectOk(dataOf(await server.gql('admin', DrawVipMembershipSetDocument, {
    input: { programmeId: programme.id, customerId: toGlobalId('Customer', customerId), tierId: tier.id, reason: 'draw weighting test' },
  }, w.adminA)).vipMembershipSet);
}

test('drawRun holds the units down the recomputed draw order; a winner buys; an unclaimed win rolls over exactly once', async () => {
  const drop = await drawDrop();
  expect(drop.editionSize).toBe(4); // 2 black, 2 red
  const [black, red] = w.variants;
  expect(expectOk(await openDraw(drop.id, { weightByTier: true, purchaseHours: 24 })).drop.draw!.weightByTier).toBe(true);
  const entrants = await customers(server, 6, 'alloc');
  await weightedTier(entrants[0].id);
  const wants = [black, black, black, black, red, red];
  const entries = await Promise.all(entrants.map(async (c, i) => expectOk(await enter(c.token, drop.id, wants[i])).entry));
  expect(entries.map((e) => [e.status, e.weight, e.variantId, e.reservationId])).toEqual(wants.map((v, i) => ['ENTERED', i === 0 ? 3 : 1, v, null]));
  const variantOf = new Map(entries.map((e, i) => [e.entryId, wants[i]]));
  const customerOf = new Map(entries.map((e, i) => [e.entryId, entrants[i]]));

  const ran = (await runDraw(drop.id)).drop;
  expect(ran.stats).toEqual({ available: 1, reserved: 3, sold: 0 });

  // Anyone recomputes the order from the published draw, then walks it: one unit per entry while its variant has one, until 3 are held.
  const published = dataOf(await server.gql('storefront', DropDrawDocument, { handle: drop.handle }, storefront(null))).drop!.draw!;
  expect(published.entries.filter((e) => e.weight === 3).map((e) => e.id)).toEqual([entries[0].entryId]);
  expect(new Map(published.entries.map((e) => [e.id, e.variantId]))).toEqual(variantOf);
  const publishedVariant = new Map(published.entries.map((e) => [e.id, e.variantId]));
  const order = drawOrder(published.seed!, published.entries);
  const left = new Map([[black, 2], [red, 2]]);
  const expectedWinners: string[] = [];
  for (const id of order) {
    if (expectedWinners.length === 3) break;
    const v = publishedVariant.get(id)!;
    if (left.get(v)! > 0) { left.set(v, left.get(v)! - 1); expectedWinners.push(id); }
  }
  expect(published.winners.map((x) => x.id)).toEqual(expectedWinners);
  expect(published.winners.map((x) => x.rank)).toEqual(expectedWinners.map((id) => order.indexOf(id) + 1));
  for (const x of published.winners) expect(Math.abs(new Date(x.purchaseDeadline).getTime() - (Date.now() + 24 * hour))).toBeLessThan(60_000);

  // One DRAW reservation per winner for the variant entered for; the customer's allocation counts it; a skipped entry wrote nothing.
  const held = await drawReservations(drop.id);
  expect(held.map((r) => [r.customer_id, r.variant_id]).sort()).toEqual(expectedWinners.map((id) => [customerOf.get(id)!.id, uuid(variantOf.get(id)!)]).sort());
  const allocated = await sql<{ customer_id: string; count: number }>('select customer_id, count from drop_customer_allocation where drop_id = ?', [uuid(drop.id)]);
  expect(allocated.map((a) => [a.customer_id, a.count]).sort()).toEqual(expectedWinners.map((id) => [customerOf.get(id)!.id, 1]).sort());
  expect(await accounted(drop.id, 4)).toMatchObject({ available: 1, reserved: 3, sold: 0 });

  // Each entrant's own view; nobody reserves first come, winners included.
  for (const [entryId, c] of customerOf) {
    const [mine] = await entriesOf(c.token);
    const won = expectedWinners.includes(entryId);
    expect(mine).toMatchObject({ entryId, rank: order.indexOf(entryId) + 1, status: won ? 'WON' : 'WAITING' });
    expect(mine.reservationId !== null).toBe(won);
    expect(mine.purchaseDeadline !== null).toBe(won);
    const reserve = dataOf(await server.gql('storefront', DropReserveDocument, { input: { dropId: drop.id, variantId: variantOf.get(entryId)!, quantity: 1 } }, storefront(c.token))).dropReserve;
    expectUserError(reserve, 'NOT_ELIGIBLE', ['input', 'dropId']);
  }
  expect(await accounted(drop.id, 4)).toMatchObject({ available: 1, reserved: 3, sold: 0 });

  // Black always has two units for four entrants: a black winner lets the win lapse, any other winner buys.
  const lapsing = expectedWinners.find((id) => variantOf.get(id) === black)!;
  const buying = expectedWinners.find((id) => id !== lapsing)!;
  const buyer = customerOf.get(buying)!;
  const [buyerEntry] = await entriesOf(buyer.token);
  const paid = dataOf(await server.gql('storefront', ReservationCheckoutDocument, {
    input: { reservationId: buyerEntry.reservationId!, idempotencyKey: `draw-pay-${buyer.id}`, payment: { provider: 'test', token: 'tok_approve' }, shippingAddress: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
  }, storefront(buyer.token))).reservationCheckout;
  expect(paid.userErrors).toEqual([]);
  expect(paid.order!.status).toBe('PAID');
  const certificates = await sql<{ customer_id: string }>(
    `select customer_id from authenticity_certificate where edition_id = (select edition_id from drop_release where id = ?)`, [uuid(drop.id)]);
  expect(certificates).toHaveLength(1);
  expect((await entriesOf(buyer.token))[0].status).toBe('PURCHASED');
  expect(await accounted(drop.id, 4)).toMatchObject({ available: 1, reserved: 2, sold: 1 });

  // The lapsing winner's deadline passes; five expiry runs race; the unit goes once, to the next black entry in draw order.
  const lapser = customerOf.get(lapsing)!;
  const lapsedReservation = uuid((await entriesOf(lapser.token))[0].reservationId!);
  await sql(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [lapsedReservation]);
  const before = (await drawReservations(drop.id)).length;
  await Promise.all(Array.from({ length: 5 }, () => expireTask(lapsedReservation)));
  const after = await drawReservations(drop.id);
  expect(after).toHaveLength(before + 1);
  const nextBlack = order.find((id) => variantOf.get(id) === black && !expectedWinners.includes(id))!;
  const rolled = after[after.length - 1];
  expect([rolled.customer_id, rolled.variant_id, rolled.status]).toEqual([customerOf.get(nextBlack)!.id, uuid(black), 'ACTIVE']);
  expect(Math.abs(new Date(rolled.expires_at).getTime() - (Date.now() + 24 * hour))).toBeLessThan(60_000);
  const [expiredMoves] = await sql<{ n: number }>(`select count(*)::int as n from state_transition where machine = 'drop_reservation' and event = 'expire' and entity_id = ?`, [lapsedReservation]);
  expect(expiredMoves.n).toBe(1);
  expect((await entriesOf(lapser.token))[0].status).toBe('EXPIRED');
  const [nextEntry] = await entriesOf(customerOf.get(nextBlack)!.token);
  expect(nextEntry).toMatchObject({ status: 'WON', reservationId: toGlobalId('DropReservation', rolled.id) });
  const drawnAgain = dataOf(await server.gql('storefront', DropDrawDocument, { handle: drop.handle }, storefront(null))).drop!.draw!;
  expect(drawnAgain.winners.map((x) => x.id)).toEqual([...expectedWinners, nextBlack].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
  expect(await accounted(drop.id, 4)).toMatchObject({ available: 1, reserved: 2, sold: 1 });

  // Once the drop has ended, a lapsed win no longer rolls over: the unit is AVAILABLE again and stays unsold.
  await sql(`update drop_release set ends_at = now() - interval '1 second' where id = ?`, [uuid(drop.id)]);
  await sql(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [rolled.id]);
  await Promise.all(Array.from({ length: 3 }, () => expireTask(rolled.id)));
  expect(await drawReservations(drop.id)).toHaveLength(before + 1);
  expect(await accounted(drop.id, 4)).toMatchObject({ available: 2, reserved: 1, sold: 1 });
}, 120_000);

test('a win nobody waits for returns the unit to AVAILABLE; a sold-out variant is skipped without writing', async () => {
  const drop = await drawDrop({ variantIds: [w.variants[0]], unitsPerVariant: 2 });
  expectOk(await openDraw(drop.id, { units: 2 }));
  // One of the two units left the edition another way (as a concierge sale would): two units are drawn, one is there.
  await sql(`update edition_unit set status = 'SOLD' where id = (select u.id from edition_unit u join drop_release d on d.edition_id = u.edition_id where d.id = ? order by number limit 1)`, [uuid(drop.id)]);
  const entrants = await customers(server, 3, 'lonely');
  for (const c of entrants) expectOk(await enter(c.token, drop.id)); // the only variant, by default
  await runDraw(drop.id);
  const held = await drawReservations(drop.id);
  expect(held).toHaveLength(1);
  // The entry that met SOLD_OUT took no allocation (its savepoint rolled back); the third was not tried.
  const allocated = await sql<{ customer_id: string }>('select customer_id from drop_customer_allocation where drop_id = ?', [uuid(drop.id)]);
  expect(allocated.map((a) => a.customer_id)).toEqual([held[0].customer_id]);
  const statuses = (await Promise.all(entrants.map(async (c) => (await entriesOf(c.token))[0].status))).sort();
  expect(statuses).toEqual(['WAITING', 'WAITING', 'WON']);
  expect(await accounted(drop.id, 2)).toMatchObject({ available: 0, reserved: 1, sold: 1 });

  // The win lapses: the freed unit goes to the next waiting entry.
  await sql(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [held[0].id]);
  await expireTask(held[0].id);
  const afterLapse = await drawReservations(drop.id);
  expect(afterLapse.map((r) => r.status)).toEqual(['EXPIRED', 'ACTIVE']);
  // Everyone else lapses in turn; with nobody left waiting the unit comes back and stays unsold.
  for (let round = 0; round < 2; round++) {
    const active = (await drawReservations(drop.id)).find((r) => r.status === 'ACTIVE')!;
    await sql(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [active.id]);
    await expireTask(active.id);
  }
  const all = await drawReservations(drop.id);
  expect(all.map((r) => r.status)).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED']);
  expect(new Set(all.map((r) => r.customer_id)).size).toBe(3);
  expect(await accounted(drop.id, 2)).toMatchObject({ available: 1, reserved: 0, sold: 1 });
  expect((await Promise.all(entrants.map(async (c) => (await entriesOf(c.token))[0].status)))).toEqual(['EXPIRED', 'EXPIRED', 'EXPIRED']);
}, 120_000);

test('dropEnter: a variant outside the edition is NOT_FOUND, a missing one of several INVALID; drawOpen refuses a FIRST_COME drop; none writes', async () => {
  const [buyer] = await customers(server, 1, 'wrong-size');
  const entryCount = async () => (await sql<{ n: number }>('select count(*)::int as n from drop_entry'))[0].n;
  const drawCount = async () => (await sql<{ n: number }>('select count(*)::int as n from drop_draw'))[0].n;
  const drop = await drawDrop();
  expectOk(await openDraw(drop.id));
  const before = await entryCount();
  expectUserError(await enter(buyer.token, drop.id, w.variantsB[0]), 'NOT_FOUND', ['input', 'variantId']);
  expectUserError(await enter(buyer.token, drop.id), 'INVALID', ['input', 'variantId']);
  expect(await entryCount()).toBe(before);

  const firstCome = await createDrop(server, w);
  const draws = await drawCount();
  expect(expectUserError(await openDraw(firstCome.id), 'INVALID_TRANSITION', ['input', 'dropId']).message).toMatch(/FIRST_COME/);
  expect(await drawCount()).toBe(draws);
}, 60_000);

test('lapsed wins of one variant expiring together go to distinct next entries; an expiry racing dropCancel leaves nothing held', async () => {
  const drop = await drawDrop({ variantIds: [w.variants[0]], unitsPerVariant: 3 });
  expectOk(await openDraw(drop.id, { units: 3 }));
  const entrants = await customers(server, 8, 'racing');
  for (const c of entrants) expectOk(await enter(c.token, drop.id));
  await runDraw(drop.id);
  const rankOf = new Map(await Promise.all(entrants.map(async (c) => [c.id, (await entriesOf(c.token))[0].rank!] as const)));
  const first = await drawReservations(drop.id);
  expect(first.map((r) => rankOf.get(r.customer_id)).sort()).toEqual([1, 2, 3]);

  // All three lapse at once, each expiry run three times: ranks 4, 5 and 6 get one unit each.
  await sql(`update drop_reservation set expires_at = now() - interval '1 second' where drop_id = ?`, [uuid(drop.id)]);
  await Promise.all(first.flatMap((r) => [1, 2, 3].map(() => expireTask(r.id))));
  const active = (await drawReservations(drop.id)).filter((r) => r.status === 'ACTIVE');
  expect(active.map((r) => rankOf.get(r.customer_id)).sort()).toEqual([4, 5, 6]);
  expect(await accounted(drop.id, 3)).toMatchObject({ available: 0, reserved: 3, sold: 0 });

  // These lapse while the drop is cancelled: whichever goes first, no reservation stays active and every unit is back.
  await sql(`update drop_reservation set expires_at = now() - interval '1 second' where drop_id = ? and status = 'ACTIVE'`, [uuid(drop.id)]);
  const [cancelled] = await Promise.all([
    server.gql('admin', 'mutation($i: DropIdInput!) { dropCancel(input: $i) { userErrors { code } } }', { i: { id: drop.id } }, w.adminA),
    ...active.map((r) => expireTask(r.id)),
  ]);
  expect(cancelled.errors).toBeUndefined();
  expect((cancelled.data as any).dropCancel.userErrors).toEqual([]);
  expect((await drawReservations(drop.id)).filter((r) => r.status === 'ACTIVE')).toEqual([]);
  expect(await accounted(drop.id, 3)).toMatchObject({ available: 3, reserved: 0, sold: 0 });
}, 120_000);
