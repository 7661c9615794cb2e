import { recoverCheckouts } from '../../src/commerce/checkout/recovery.js';
import { ENTRY_DEPOSIT_TASK } from '../../src/drops/draws/entry-deposits.js';
import { dropsModule } from '../../src/drops/module.js';
import { RESERVATION_EXPIRE_TASK } from '../../src/drops/reservation.service.js';
import type { App } from '../../src/shared/context.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { installJobSchema } from '../../src/shared/jobs.js';
import { DepositDropCancelDocument, DepositDropUpdateDocument, DrawOpenDocument, DrawRunDocument } from '../generated/admin.js';
import { CustomerDepositsDocument, CustomerDropEntriesDocument, DepositPayBalanceDocument, DropDrawDocument, DropEnterDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { dataOf, expectOk, expectUserError } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Draw entries with an authorized deposit, over real HTTP with the built-in test payment provider: the
 * entry authorizes the drop's deposit percent of the variant's price, drawRun gives the losers theirs back
 * (a job each), a winner's checkout takes it as the order's deposit, a lapsed win forfeits or refunds it,
 * dropCancel voids them. The graphile-worker schema is installed so jobs are really queued; the tests run
 * the task functions the worker would.
 */
let server: TestServer;
let w: DropWorld;
beforeAll(async () => {
  server = await startTestServer({ TEST_PAYMENT_SLOW_MS: '1500' });
  await installJobSchema(server.app, server.db.url);
  w = await dropWorld(server);
}, 120_000);
afterAll(() => server?.close());

const hour = 3_600_000;
const address = { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' };
const uuid = (globalId: string) => decodeGlobalId(globalId).id;
const sql = <Row>(query: string, params: unknown[] = []) => server.db.orm.em.fork().execute<Row[]>(query, params);
const task = (name: string, payload: Record<string, string>) => dropsModule.tasks![name](server.app as App, payload);

/** A DRAW drop of the 1,001.00 CNY variant on 30% deposit terms (balance window in 1-2 hours). */
const drawDrop = (unpaidBalance = 'FORFEIT', unitsPerVariant = 1, deposit = true) => createDrop(server, w, {
  allocation: 'DRAW', unitsPerVariant, perCustomerLimit: 1,
  ...(deposit ? { deposit: { percent: 30, balanceOpensAt: new Date(Date.now() + hour).toISOString(), balanceDueAt: new Date(Date.now() + 2 * hour).toISOString(), unpaidBalance } } : {}),
});
const openDraw = async (dropId: string, over: Record<string, unknown> = {}) =>
  dataOf(await server.gql('admin', DrawOpenDocument, { input: { dropId, units: 1, entriesCloseAt: new Date(Date.now() + 12 * hour).toISOString(), entryDeposit: true, ...over } }, w.adminA)).drawOpen;
const enter = async (token: string, dropId: string, paymentToken: string | null = 'tok_approve', idempotencyKey?: string) =>
  dataOf(await server.gql('storefront', DropEnterDocument, { input: { dropId, idempotencyKey, payment: paymentToken ? { provider: 'test', token: paymentToken } : undefined } }, storefront(token))).dropEnter;
const runDraw = async (dropId: string) => expectOk(dataOf(await server.gql('admin', DrawRunDocument, { input: { dropId } }, w.adminA)).drawRun);
const entryOf = async (token: string) => (await dataOf(await server.gql('storefront', CustomerDropEntriesDocument, {}, storefront(token))).customer!.dropEntries)[0];
const checkout = async (token: string, reservationId: string, key: string, paymentToken = 'tok_approve') =>
  dataOf(await server.gql('storefront', ReservationCheckoutDocument, { input: { reservationId, idempotencyKey: key, payment: { provider: 'test', token: paymentToken }, shippingAddress: address } }, storefront(token))).reservationCheckout;

/** Every entry of the drop with its deposit columns and its payment. */
const entryRows = (dropId: string) => sql<{ id: string; customer_id: string; deposit_status: string | null; settled: boolean; payment_id: string; payment_status: string; amount: number; purpose: string; order_id: string | null }>(
  `select e.id, e.customer_id, e.deposit_status, e.deposit_settled_at is not null as settled, p.id as payment_id, p.status as payment_status, p.amount, p.purpose, p.order_id
     from drop_entry e join payment p on p.id = e.deposit_payment_id where e.drop_id = ? order by e.id`, [uuid(dropId)]);
/** Provider calls of one kind that succeeded on a payment. */
const calls = async (paymentId: string, kind: string) =>
  (await sql<{ n: number }>(`select count(*)::int as n from payment_transaction where payment_id = ? and kind = ? and status = 'SUCCEEDED'`, [paymentId, kind]))[0].n;
const depositPaymentsSince = (since: Date) => sql<{ status: string; amount: number }>(`select status, amount from payment where purpose = 'DEPOSIT' and created_at >= ? order by created_at`, [since]);
/** The settlement jobs queued for the drop's entries (each job's payload names the entry its key does). */
const settleJobs = async (dropId: string) =>
  (await sql<{ key: string; entry: string }>( // the jobs view hides payloads: graphile-worker's own tables
    `select j.key, j.payload->>'entryId' as entry from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id where t.identifier = ? and j.key = any(select ? || ':' || id from drop_entry where drop_id = ?) order by j.key`,
    [ENTRY_DEPOSIT_TASK, ENTRY_DEPOSIT_TASK, uuid(dropId)],
  )).map((j) => (j.key === `${ENTRY_DEPOSIT_TASK}:${j.entry}` ? j.key : `payload of ${j.key} names ${j.entry}`));

test('drawOpen takes entryDeposit only on a drop with deposit terms; dropEnter with payment on a draw without entry deposit is INVALID', async () => {
  const plain = await drawDrop('FORFEIT', 1, false);
  const refused = await openDraw(plain.id);
  expectUserError(refused, 'INVALID', ['input', 'entryDeposit']);
  expect(refused.userErrors[0].message).toBe("An entry deposit needs the drop's deposit terms");
  expect(dataOf(await server.gql('storefront', DropDrawDocument, { handle: plain.handle }, storefront(null))).drop!.draw).toBeNull();

  expect(expectOk(await openDraw(plain.id, { entryDeposit: undefined })).drop.draw!.entryDeposit).toBe(false);
  const [buyer] = await customers(server, 1, 'no-deposit');
  const since = new Date();
  expectUserError(await enter(buyer.token, plain.id, 'tok_approve'), 'INVALID', ['input', 'payment']);
  expect(await sql('select id from drop_entry where drop_id = ?', [uuid(plain.id)])).toEqual([]);
  expect(await depositPaymentsSince(since)).toEqual([]);
  const entered = expectOk(await enter(buyer.token, plain.id, null)).entry;
  expect(entered.deposit).toBeNull();
});

test('test provider: entering authorizes exactly 30% of the price and makes the entry, once per key; a declined card, a missing payment or a second entry make nothing', async () => {
  const drop = await drawDrop();
  expect(expectOk(await openDraw(drop.id)).drop.draw!.entryDeposit).toBe(true);
  const [buyer, declined, forgetful] = await customers(server, 3, 'entry-deposit');
  const since = new Date();

  const first = expectOk(await enter(buyer.token, drop.id, 'tok_approve', 'enter-once-1')).entry;
  expect(first).toMatchObject({ status: 'ENTERED', deposit: { amount: { amount: '300.30', currencyCode: 'CNY' }, status: 'AUTHORIZED' } });
  const retry = expectOk(await enter(buyer.token, drop.id, 'tok_approve', 'enter-once-1')).entry;
  expect(retry.id).toBe(first.id);
  const [row] = await entryRows(drop.id);
  expect(row).toMatchObject({ id: first.entryId, deposit_status: 'AUTHORIZED', payment_status: 'AUTHORIZED', amount: 300_30, purpose: 'DEPOSIT', order_id: null });
  expect(await calls(row.payment_id, 'AUTHORIZE')).toBe(1);
  // Concurrent retries of a key: one entry, one authorization, and none of them voids it.
  // The terms are fixed once an entry deposit was authorized on them.
  const changed = dataOf(await server.gql('admin', DepositDropUpdateDocument, { input: { id: drop.id, deposit: null } }, w.adminA)).dropUpdate;
  expect(changed.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_TRANSITION', field: ['input', 'deposit'] })]);
  const [racer] = await customers(server, 1, 'entry-racer');
  const raced = await Promise.all([1, 2, 3].map(() => enter(racer.token, drop.id, 'tok_approve', 'enter-race-1')));
  expect(new Set(raced.map((r) => expectOk(r).entry.id)).size).toBe(1);
  const racedRow = (await entryRows(drop.id)).find((e) => e.customer_id === racer.id)!;
  expect(racedRow).toMatchObject({ deposit_status: 'AUTHORIZED', payment_status: 'AUTHORIZED' });
  expect(await calls(racedRow.payment_id, 'AUTHORIZE')).toBe(1);
  expect(await entryOf(buyer.token)).toMatchObject({ entryId: first.entryId, deposit: { amount: { amount: '300.30' }, status: 'AUTHORIZED' } });

  // A second entry (another key) is refused before any payment.
  expectUserError(await enter(buyer.token, drop.id, 'tok_approve', 'enter-twice-1'), 'ALREADY_ENTERED', ['input', 'dropId']);
  expectUserError(await enter(forgetful.token, drop.id, null), 'INVALID', ['input', 'payment']);
  const decline = await enter(declined.token, drop.id, 'tok_decline', 'enter-declined-1');
  expectUserError(decline, 'PAYMENT_DECLINED', ['input', 'payment']);
  expect(await entryOf(declined.token)).toBeUndefined();
  expect(await entryOf(forgetful.token)).toBeUndefined();
  expect((await entryRows(drop.id)).map((e) => e.customer_id).sort()).toEqual([buyer.id, racer.id].sort());
  expect(await depositPaymentsSince(since)).toEqual([{ status: 'AUTHORIZED', amount: 300_30 }, { status: 'AUTHORIZED', amount: 300_30 }, { status: 'DECLINED', amount: 300_30 }]);

  // Checkout recovery leaves an orderless entry deposit alone while the draw may still need it (here: one a day old).
  await sql(`update payment set created_at = now() - interval '1 day' where id = ?`, [row.payment_id]);
  await recoverCheckouts(server.app);
  expect((await entryRows(drop.id)).find((e) => e.id === first.entryId)).toMatchObject({ payment_status: 'AUTHORIZED', deposit_status: 'AUTHORIZED' });
});

test('test provider: an entry whose authorization outlasts the window is not made and its authorization is voided', async () => {
  const drop = await drawDrop();
  expectOk(await openDraw(drop.id));
  const [slow, other] = await customers(server, 2, 'entry-slow');
  expectOk(await enter(other.token, drop.id));
  const since = new Date();
  const entering = enter(slow.token, drop.id, 'tok_slow', 'enter-slow-1');
  await new Promise((r) => setTimeout(r, 500));
  await runDraw(drop.id);
  expectUserError(await entering, 'ENTRY_CLOSED', ['input', 'dropId']);
  expect((await entryRows(drop.id)).map((e) => e.customer_id)).toEqual([other.id]);
  expect(await depositPaymentsSince(since)).toEqual([{ status: 'VOIDED', amount: 300_30 }]);
});

test("test provider: drawRun voids the losers' deposits (a job each; 3 concurrent runs void once); the winner's checkout reuses the authorization and depositPayBalance sells and certifies", async () => {
  const drop = await drawDrop('FORFEIT', 1);
  expectOk(await openDraw(drop.id));
  const entrants = await customers(server, 3, 'draw-deposit');
  for (const c of entrants) expectOk(await enter(c.token, drop.id));
  await runDraw(drop.id);

  const rows = await entryRows(drop.id);
  const [winner] = (await sql<{ customer_id: string }>('select customer_id from drop_entry where drop_id = ? and reservation_id is not null', [uuid(drop.id)]));
  const losers = rows.filter((r) => r.customer_id !== winner.customer_id);
  expect(losers.map((l) => l.deposit_status)).toEqual(['VOIDED', 'VOIDED']);
  expect(rows.find((r) => r.customer_id === winner.customer_id)!.deposit_status).toBe('AUTHORIZED');
  expect(await settleJobs(drop.id)).toEqual(losers.map((l) => `${ENTRY_DEPOSIT_TASK}:${l.id}`).sort());
  for (const loser of losers) {
    await Promise.all([1, 2, 3].map(() => task(ENTRY_DEPOSIT_TASK, { entryId: loser.id })));
    expect(await calls(loser.payment_id, 'VOID')).toBe(1);
  }
  expect((await entryRows(drop.id)).filter((r) => r.customer_id !== winner.customer_id).map((r) => [r.payment_status, r.settled])).toEqual([['VOIDED', true], ['VOIDED', true]]);
  const loserToken = entrants.find((c) => c.id === losers[0].customer_id)!.token;
  expect(await entryOf(loserToken)).toMatchObject({ status: 'WAITING', deposit: { status: 'VOIDED' } });

  // The winner checks out: no second DEPOSIT payment; the token sent (one that would decline) is not charged.
  const buyer = entrants.find((c) => c.id === winner.customer_id)!;
  const won = await entryOf(buyer.token);
  const since = new Date();
  const paid = expectOk(await checkout(buyer.token, won.reservationId!, 'winner-checkout-1', 'tok_decline'));
  expect(paid.order).toMatchObject({ status: 'DEPOSIT_PAID', cost: { total: { amount: '1001.00', currencyCode: 'CNY' } } });
  expect(await depositPaymentsSince(since)).toEqual([]);
  const held = rows.find((r) => r.customer_id === winner.customer_id)!;
  const orderPayments = await sql<{ id: string; purpose: string; status: string; captured: number }>(
    `select id, purpose, status, captured_amount as captured from payment where order_id = ?`, [uuid(paid.order.id)]);
  expect(orderPayments).toEqual([{ id: held.payment_id, purpose: 'DEPOSIT', status: 'CAPTURED', captured: 300_30 }]);
  expect(await entryOf(buyer.token)).toMatchObject({ status: 'PURCHASED', deposit: { status: 'APPLIED' } });
  const [deposit] = dataOf(await server.gql('storefront', CustomerDepositsDocument, {}, storefront(buyer.token))).customer!.deposits;
  expect(deposit).toMatchObject({ orderId: paid.order.id, status: 'AWAITING_BALANCE', deposit: { amount: '300.30' }, balance: { amount: '700.70' } });
  expect((await sql<{ deposit_payment_id: string }>('select deposit_payment_id from drop_deposit where id = ?', [uuid(deposit.id)]))[0].deposit_payment_id).toBe(held.payment_id);

  await sql(`update drop_deposit set balance_opens_at = now() - interval '1 minute' where id = ?`, [uuid(deposit.id)]);
  const balance = dataOf(await server.gql('storefront', DepositPayBalanceDocument, { input: { depositId: deposit.id, idempotencyKey: 'winner-balance-1', payment: { provider: 'test', token: 'tok_approve' } } }, storefront(buyer.token))).depositPayBalance;
  expect(balance).toMatchObject({ deposit: { status: 'BALANCE_PAID' }, order: { status: 'PAID' }, userErrors: [] });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 0, reserved: 0, sold: 1, total: 1 });
  const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from authenticity_certificate where edition_id = (select edition_id from drop_release where id = ?)`, [uuid(drop.id)]);
  expect(n).toBe(1);
}, 90_000);

test.each([['FORFEIT', 'FORFEITED', 'CAPTURED', 'CAPTURE'], ['REFUND', 'VOIDED', 'VOIDED', 'VOID']])(
  "test provider: a lapsed winner's deposit on a %s drop ends %s (payment %s) and the unit rolls to the next entry, who pays a deposit at checkout",
  async (unpaidBalance, entryStatus, paymentStatus, call) => {
    const drop = await drawDrop(unpaidBalance, 1);
    expectOk(await openDraw(drop.id));
    const entrants = await customers(server, 2, `lapse-${unpaidBalance}`);
    for (const c of entrants) expectOk(await enter(c.token, drop.id));
    await runDraw(drop.id);
    const [lapsed] = await sql<{ id: string; customer_id: string; reservation_id: string }>('select id, customer_id, reservation_id from drop_entry where drop_id = ? and reservation_id is not null', [uuid(drop.id)]);
    const next = entrants.find((c) => c.id !== lapsed.customer_id)!;

    await sql(`update drop_reservation set expires_at = now() - interval '1 second' where id = ?`, [lapsed.reservation_id]);
    await Promise.all([1, 2, 3].map(() => task(RESERVATION_EXPIRE_TASK, { reservationId: lapsed.reservation_id })));
    const row = (await entryRows(drop.id)).find((r) => r.id === lapsed.id)!;
    expect(row.deposit_status).toBe(entryStatus);
    expect(await settleJobs(drop.id)).toContain(`${ENTRY_DEPOSIT_TASK}:${lapsed.id}`);
    await Promise.all([1, 2, 3].map(() => task(ENTRY_DEPOSIT_TASK, { entryId: lapsed.id })));
    expect((await entryRows(drop.id)).find((r) => r.id === lapsed.id)).toMatchObject({ payment_status: paymentStatus, settled: true });
    expect(await calls(row.payment_id, call)).toBe(1);
    expect(await entryOf(entrants.find((c) => c.id === lapsed.customer_id)!.token)).toMatchObject({ status: 'EXPIRED', deposit: { status: entryStatus } });

    // The unit rolled over to the waiting entry, whose own deposit was voided at the run: they pay a deposit at checkout like anyone.
    const rolled = await entryOf(next.token);
    expect(rolled).toMatchObject({ status: 'WON', deposit: { status: 'VOIDED' } });
    const since = new Date();
    const paid = expectOk(await checkout(next.token, rolled.reservationId!, `rolled-${unpaidBalance}-1`));
    expect(paid.order.status).toBe('DEPOSIT_PAID');
    expect(await depositPaymentsSince(since)).toEqual([{ status: 'CAPTURED', amount: 300_30 }]);
  },
  90_000,
);

test('dropCancel voids every authorized entry deposit of the drop (a job each), the winner\'s too', async () => {
  const drop = await drawDrop('FORFEIT', 1);
  expectOk(await openDraw(drop.id, { units: 1 }));
  const entrants = await customers(server, 2, 'cancel-entry');
  for (const c of entrants) expectOk(await enter(c.token, drop.id));
  await runDraw(drop.id);
  expect((await entryRows(drop.id)).map((r) => r.deposit_status).sort()).toEqual(['AUTHORIZED', 'VOIDED']);
  const cancelled = dataOf(await server.gql('admin', DepositDropCancelDocument, { input: { id: drop.id } }, w.adminA)).dropCancel;
  expect(cancelled).toMatchObject({ releasedReservations: 1, userErrors: [] });
  const rows = await entryRows(drop.id);
  expect(rows.map((r) => r.deposit_status)).toEqual(['VOIDED', 'VOIDED']);
  expect(await settleJobs(drop.id)).toEqual(rows.map((r) => `${ENTRY_DEPOSIT_TASK}:${r.id}`).sort());
  for (const r of rows) await task(ENTRY_DEPOSIT_TASK, { entryId: r.id });
  expect((await entryRows(drop.id)).map((r) => [r.payment_status, r.settled])).toEqual([['VOIDED', true], ['VOIDED', true]]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 1, reserved: 0, sold: 0, total: 1 });
}, 60_000);

test('test provider: a winner checking out once the balance is due pays in full with the token sent, and the entry deposit is voided', async () => {
  const drop = await drawDrop('FORFEIT', 1);
  expectOk(await openDraw(drop.id));
  const [buyer] = await customers(server, 1, 'late-winner');
  expectOk(await enter(buyer.token, drop.id));
  await runDraw(drop.id);
  await sql(`update drop_release set deposit_balance_opens_at = now() - interval '2 hours', deposit_balance_due_at = now() - interval '1 hour' where id = ?`, [uuid(drop.id)]);
  const won = await entryOf(buyer.token);
  const paid = expectOk(await checkout(buyer.token, won.reservationId!, 'late-winner-1'));
  expect(paid.order).toMatchObject({ status: 'PAID', cost: { total: { amount: '1001.00' } } });
  expect(await sql(`select purpose, status, captured_amount as captured from payment where order_id = ?`, [uuid(paid.order.id)])).toEqual([{ purpose: 'ORDER', status: 'CAPTURED', captured: 1001_00 }]);
  const [row] = await entryRows(drop.id);
  expect(row.deposit_status).toBe('VOIDED');
  expect(await settleJobs(drop.id)).toEqual([`${ENTRY_DEPOSIT_TASK}:${row.id}`]);
  await task(ENTRY_DEPOSIT_TASK, { entryId: row.id });
  expect((await entryRows(drop.id))[0]).toMatchObject({ payment_status: 'VOIDED', settled: true, order_id: null });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 0, reserved: 0, sold: 1, total: 1 });
}, 60_000);
