import { createStaffUser } from '../../src/access/access.service.js';
import { depositSettlement } from '../../src/drops/deposits/settlement.js';
import { tasks } from '../../src/app/modules.js';
import { installJobSchema, startWorker, type Worker } from '../../src/shared/jobs.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { StaffRole } from '../../src/shared/roles.js';
import { DepositDropCancelDocument, DepositDropCreateDocument, DepositDropUpdateDocument } from '../generated/admin.js';
import { CustomerDepositsDocument, DepositPayBalanceDocument, DropReserveDocument, ReservationCheckoutDocument } from '../generated/storefront.js';
import { dataOf } from '../support/payload.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Deposit pre-sales over real HTTP with the built-in test payment provider: reservationCheckout takes
 * the deposit, depositPayBalance the rest in its window, the deadline job forfeits or refunds, dropCancel
 * voids. The graphile-worker schema is installed so the jobs are really queued; no worker runs, the
 * tests call the task functions the worker would.
 */
let server: TestServer;
let w: DropWorld;
let adminB: { authorization: string };
let worker: Worker | undefined;
beforeAll(async () => {
  server = await startTestServer({ TEST_PAYMENT_SLOW_MS: '1500' });
  await installJobSchema(server.app, server.db.url);
  w = await dropWorld(server);
  await createStaffUser(server.db.orm.em.fork(), { email: 'admin-b@example.com', password: 'a-long-test-password', role: StaffRole.BRAND_ADMIN, brandIds: [w.brandB] });
  const login = await server.gql('admin', 'mutation($i: StaffLoginInput!) { staffLogin(input: $i) { accessToken } }', { i: { email: 'admin-b@example.com', password: 'a-long-test-password' } });
  adminB = { authorization: `Bearer ${(login.data as any).staffLogin.accessToken}` };
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

const minute = 60_000;
const hour = 60 * minute;
const address = { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' };
const sql = <T>(query: string, params: unknown[] = []) => server.db.orm.em.fork().execute<T[]>(query, params);
const rawId = (globalId: string) => decodeGlobalId(globalId).id;

/** Terms whose balance window opens in an hour and closes in two (tests move the deposit row's own copy of the window). */
const terms = (over: Record<string, unknown> = {}) => ({
  percent: 30, balanceOpensAt: new Date(Date.now() + hour).toISOString(), balanceDueAt: new Date(Date.now() + 2 * hour).toISOString(), unpaidBalance: 'FORFEIT', ...over,
});
const depositDrop = (over: Record<string, unknown> = {}, unitsPerVariant = 5) => createDrop(server, w, { unitsPerVariant, perCustomerLimit: 1, deposit: terms(over) });

const reserve = async (token: string, dropId: string) =>
  dataOf(await server.gql('storefront', DropReserveDocument, { input: { dropId, variantId: w.variants[0], quantity: 1 } }, storefront(token))).dropReserve;
const checkout = async (token: string, reservationId: string, key: string, paymentToken = 'tok_approve') =>
  dataOf(await server.gql('storefront', ReservationCheckoutDocument, { input: { reservationId, idempotencyKey: key, payment: { provider: 'test', token: paymentToken }, shippingAddress: address } }, storefront(token))).reservationCheckout;
const payBalance = async (token: string, depositId: string, key: string, paymentToken = 'tok_approve', store = 'a-cn') =>
  dataOf(await server.gql('storefront', DepositPayBalanceDocument, { input: { depositId, idempotencyKey: key, payment: { provider: 'test', token: paymentToken } } }, storefront(token, store))).depositPayBalance;
const depositsOf = async (token: string) => dataOf(await server.gql('storefront', CustomerDepositsDocument, {}, storefront(token))).customer!.deposits;
const codes = (payload: { userErrors: { code: string }[] }) => payload.userErrors.map((e) => e.code);

/** A buyer with a deposit paid on the drop: their token and the deposit as customer.deposits shows it. */
async function buyerWithDeposit(dropId: string, prefix: string, paymentToken = 'tok_approve') {
  const [buyer] = await customers(server, 1, prefix);
  const reservation = (await reserve(buyer.token, dropId)).reservation!;
  const paid = await checkout(buyer.token, reservation.id, `${prefix}-checkout`, paymentToken);
  expect(paid.userErrors).toEqual([]);
  const [deposit] = await depositsOf(buyer.token);
  return { buyer, order: paid.order!, deposit };
}

const paymentsOf = (orderGlobalId: string) =>
  sql<{ purpose: string; amount: number; status: string; captured: number; refunded: number }>(
    `select purpose, amount, status, captured_amount as captured, refunded_amount as refunded from payment where order_id = ? order by created_at`, [rawId(orderGlobalId)]);
const certificatesOf = async (dropGlobalId: string) =>
  (await sql<{ n: number }>(`select count(*)::int as n from authenticity_certificate where edition_id = (select edition_id from drop_release where id = ?)`, [rawId(dropGlobalId)]))[0].n;
const openWindow = (depositGlobalId: string) => sql(`update drop_deposit set balance_opens_at = now() - interval '1 minute' where id = ?`, [rawId(depositGlobalId)]);
const pastDue = (depositGlobalId: string) => sql(`update drop_deposit set balance_opens_at = now() - interval '2 hours', balance_due_at = now() - interval '1 second' where id = ?`, [rawId(depositGlobalId)]);
const statusOf = async (depositGlobalId: string) => (await sql<{ status: string }>(`select status from drop_deposit where id = ?`, [rawId(depositGlobalId)]))[0].status;

test('test provider: checkout charges exactly the deposit (30%), units stay RESERVED without certificate; the balance in its window sells and certifies them, once per key', async () => {
  const drop = await depositDrop();
  const { buyer, order, deposit } = await buyerWithDeposit(drop.id, 'deposit-pay');
  expect(order).toMatchObject({ status: 'DEPOSIT_PAID', cost: { total: { amount: '1001.00', currencyCode: 'CNY' } } });
  expect(await paymentsOf(order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'CAPTURED', captured: 300_30, refunded: 0 }]);
  expect(deposit).toMatchObject({
    orderId: order.id, status: 'AWAITING_BALANCE', deposit: { amount: '300.30', currencyCode: 'CNY' }, balance: { amount: '700.70', currencyCode: 'CNY' },
    drop: { id: drop.id, deposit: { percent: 30, unpaidBalance: 'FORFEIT' } },
  });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 4, reserved: 1, sold: 0, total: 5 });
  expect(await certificatesOf(drop.id)).toBe(0);
  const [job] = await sql<{ run_at: string | Date }>(`select run_at from graphile_worker.jobs where task_identifier = 'drop_deposit_due' and key = ?`, [`drop_deposit_due:${rawId(deposit.id)}`]);
  expect(new Date(job.run_at).toISOString()).toBe(deposit.balanceDueAt);

  // Before the window: refused, nothing charged.
  const early = await payBalance(buyer.token, deposit.id, 'balance-early-1');
  expect(early.userErrors.map((e) => [e.code, e.field])).toEqual([['NOT_OPEN_YET', ['input', 'depositId']]]);
  expect(await paymentsOf(order.id)).toHaveLength(1);
  // Someone else's deposit reads as missing; the wrong store is refused.
  const [stranger] = await customers(server, 1, 'stranger');
  expect(codes(await payBalance(stranger.token, deposit.id, 'not-mine-1'))).toEqual(['NOT_FOUND']);
  await openWindow(deposit.id);
  expect(codes(await payBalance(buyer.token, deposit.id, 'wrong-store-1', 'tok_approve', 'design-mall'))).toEqual(['MARKET_EXCLUDED']);
  expect(codes(await payBalance(buyer.token, deposit.id, 'declined-1', 'tok_decline'))).toEqual(['PAYMENT_DECLINED']);
  expect(await statusOf(deposit.id)).toBe('AWAITING_BALANCE');

  const paid = await payBalance(buyer.token, deposit.id, 'balance-once-1');
  expect(paid.userErrors).toEqual([]);
  expect(paid).toMatchObject({ deposit: { id: deposit.id, status: 'BALANCE_PAID' }, order: { id: order.id, status: 'PAID' } });
  const again = await payBalance(buyer.token, deposit.id, 'balance-once-1');
  expect(again).toMatchObject({ deposit: { id: deposit.id, status: 'BALANCE_PAID' }, order: { id: order.id, status: 'PAID' }, userErrors: [] });
  const balances = (await paymentsOf(order.id)).filter((p) => p.purpose === 'BALANCE' && p.status === 'CAPTURED');
  expect(balances).toEqual([{ purpose: 'BALANCE', amount: 700_70, status: 'CAPTURED', captured: 700_70, refunded: 0 }]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 4, reserved: 0, sold: 1, total: 5 });
  expect(await certificatesOf(drop.id)).toBe(1);
  expect(codes(await payBalance(buyer.token, deposit.id, 'balance-twice-1'))).toEqual(['INVALID_TRANSITION']);
  // Paid in full, the deadline job finds nothing to do.
  await pastDue(deposit.id);
  expect(await depositSettlement.settleDue(server.app, rawId(deposit.id))).toBe('already-settled');
  expect(await unitCounts(server, drop.id)).toEqual({ available: 4, reserved: 0, sold: 1, total: 5 });
}, 90_000);

test('test provider: a deposit whose capture failed is captured with the balance; failing again, the order is not PAID (left for staff) though the units are sold', async () => {
  const drop = await depositDrop({}, 2);
  const { buyer, order, deposit } = await buyerWithDeposit(drop.id, 'deposit-uncaptured', 'tok_capture_fails');
  expect(order.status).toBe('PENDING_PAYMENT');
  await openWindow(deposit.id);
  const paid = await payBalance(buyer.token, deposit.id, 'balance-uncaptured-1');
  expect(paid).toMatchObject({ deposit: { status: 'BALANCE_PAID' }, order: { status: 'PENDING_PAYMENT' }, userErrors: [] });
  expect(await paymentsOf(order.id)).toEqual([
    { purpose: 'DEPOSIT', amount: 300_30, status: 'AUTHORIZED', captured: 0, refunded: 0 },
    { purpose: 'BALANCE', amount: 700_70, status: 'CAPTURED', captured: 700_70, refunded: 0 },
  ]);
  const captures = await sql<{ status: string }>(`select t.status from payment_transaction t join payment p on p.id = t.payment_id where p.order_id = ? and p.purpose = 'DEPOSIT' and t.kind = 'CAPTURE' order by t.created_at`, [rawId(order.id)]);
  expect(captures.map((c) => c.status)).toEqual(['DECLINED', 'DECLINED']);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 1, reserved: 0, sold: 1, total: 2 });
}, 90_000);

test('test provider: past the deadline a FORFEIT deposit is kept, settled once by 3 concurrent job runs; the unit is back on sale and the buyer may reserve again', async () => {
  const drop = await depositDrop({ unpaidBalance: 'FORFEIT' }, 2);
  const { buyer, order, deposit } = await buyerWithDeposit(drop.id, 'forfeit');
  await pastDue(deposit.id);
  const runs = await Promise.all([1, 2, 3].map(() => depositSettlement.settleDue(server.app, rawId(deposit.id))));
  expect(runs.sort()).toEqual(['already-settled', 'already-settled', 'forfeited']);
  expect(await statusOf(deposit.id)).toBe('FORFEITED');
  expect(await sql(`select machine, from_state, to_state from state_transition where entity_id = ?`, [rawId(deposit.id)])).toEqual([{ machine: 'drop_deposit', from_state: 'AWAITING_BALANCE', to_state: 'FORFEITED' }]);
  expect(await paymentsOf(order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'CAPTURED', captured: 300_30, refunded: 0 }]);
  expect((await sql<{ status: string }>(`select status from sales_order where id = ?`, [rawId(order.id)]))[0].status).toBe('CANCELLED');
  expect(await unitCounts(server, drop.id)).toEqual({ available: 2, reserved: 0, sold: 0, total: 2 });
  expect(codes(await payBalance(buyer.token, deposit.id, 'too-late-1'))).toEqual(['BALANCE_OVERDUE']);
  expect((await reserve(buyer.token, drop.id)).reservation).not.toBeNull();
}, 90_000);

test('test provider: past the deadline a REFUND deposit is refunded on its payment; the unit goes to the next buyer', async () => {
  const drop = await depositDrop({ unpaidBalance: 'REFUND' }, 1);
  const { buyer, order, deposit } = await buyerWithDeposit(drop.id, 'refund');
  const [next] = await customers(server, 1, 'next-in-line');
  expect(codes(await reserve(next.token, drop.id))).toEqual(['SOLD_OUT']);
  await pastDue(deposit.id);
  const runs = await Promise.all([1, 2, 3].map(() => depositSettlement.settleDue(server.app, rawId(deposit.id))));
  expect(runs.sort()).toEqual(['already-settled', 'already-settled', 'refunded']);
  expect(await paymentsOf(order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'REFUNDED', captured: 300_30, refunded: 300_30 }]);
  const refunds = await sql<{ amount: number }>(`select t.amount from payment_transaction t join payment p on p.id = t.payment_id where p.order_id = ? and t.kind = 'REFUND' and t.status = 'SUCCEEDED'`, [rawId(order.id)]);
  expect(refunds).toEqual([{ amount: 300_30 }]);
  expect((await depositsOf(buyer.token))[0]).toMatchObject({ id: deposit.id, status: 'REFUNDED' });
  expect(await unitCounts(server, drop.id)).toEqual({ available: 1, reserved: 0, sold: 0, total: 1 });
  expect((await reserve(next.token, drop.id)).reservation).not.toBeNull();
}, 90_000);

test('test provider: depositPayBalance racing the deadline job: exactly one wins, and a balance authorized too late is voided', async () => {
  const drop = await depositDrop({ unpaidBalance: 'FORFEIT' }, 5);
  // The job wins for sure: the balance is authorized slowly (tok_slow) and the deadline passes meanwhile.
  const slow = await buyerWithDeposit(drop.id, 'race-slow');
  await openWindow(slow.deposit.id);
  const paying = payBalance(slow.buyer.token, slow.deposit.id, 'race-slow-1', 'tok_slow');
  await new Promise((r) => setTimeout(r, 500));
  await pastDue(slow.deposit.id);
  expect(await depositSettlement.settleDue(server.app, rawId(slow.deposit.id))).toBe('forfeited');
  expect(codes(await paying)).toEqual(['BALANCE_OVERDUE']);
  expect((await paymentsOf(slow.order.id)).map((p) => [p.purpose, p.status])).toEqual([['DEPOSIT', 'CAPTURED']]);
  // The late authorization was voided: no BALANCE authorization is left holding the buyer's money.
  expect(await sql(`select id from payment where purpose = 'BALANCE' and status = 'AUTHORIZED'`)).toEqual([]);

  // Both at once, the deadline passing 20-200 ms later: whichever wins, the other changes nothing.
  for (const [round, dueInMs] of [20, 60, 100, 200].entries()) {
    const b = await buyerWithDeposit(drop.id, `race-${round}`);
    await sql(`update drop_deposit set balance_opens_at = now() - interval '1 minute', balance_due_at = now() + ? * interval '1 millisecond' where id = ?`, [dueInMs, rawId(b.deposit.id)]);
    const settle = (async () => {
      for (;;) {
        const outcome = await depositSettlement.settleDue(server.app, rawId(b.deposit.id));
        if (outcome !== 'not-due') return outcome;
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const [paid, settled] = await Promise.all([payBalance(b.buyer.token, b.deposit.id, `race-${round}-pay`), settle]);
    const status = await statusOf(b.deposit.id);
    const payments = await paymentsOf(b.order.id);
    if (status === 'BALANCE_PAID') {
      expect({ errors: paid.userErrors, settled }).toEqual({ errors: [], settled: 'already-settled' });
      expect(payments.map((p) => [p.purpose, p.status])).toEqual([['DEPOSIT', 'CAPTURED'], ['BALANCE', 'CAPTURED']]);
    } else {
      expect({ status, errors: codes(paid), settled }).toEqual({ status: 'FORFEITED', errors: ['BALANCE_OVERDUE'], settled: 'forfeited' });
      expect(payments.map((p) => [p.purpose, p.status])).toEqual([['DEPOSIT', 'CAPTURED']]);
    }
  }
  const counts = await unitCounts(server, drop.id);
  const [{ sold }] = await sql<{ sold: number }>(`select count(*)::int as sold from drop_deposit where drop_id = ? and status = 'BALANCE_PAID'`, [rawId(drop.id)]);
  expect(counts).toEqual({ available: 5 - sold, reserved: 0, sold, total: 5 });
  expect(await certificatesOf(drop.id)).toBe(sold);
}, 120_000);

test('test provider: a balance authorization that checkout recovery released meanwhile is refused as PAYMENT_DECLINED and sells nothing', async () => {
  const drop = await depositDrop({}, 2);
  const { buyer, deposit } = await buyerWithDeposit(drop.id, 'recovered');
  await openWindow(deposit.id);
  const paying = payBalance(buyer.token, deposit.id, 'recovered-1', 'tok_slow');
  await new Promise((r) => setTimeout(r, 500));
  // What checkout recovery's claim does to a payment no order took in time.
  await sql(`update payment set abandoned_at = now() where purpose = 'BALANCE' and order_id is null and status in ('PENDING', 'AUTHORIZED') and store_id = (select store_id from drop_deposit where id = ?)`, [rawId(deposit.id)]);
  const refused = await paying;
  expect(refused.userErrors.map((e) => [e.code, e.field])).toEqual([['PAYMENT_DECLINED', ['input', 'payment']]]);
  expect(await statusOf(deposit.id)).toBe('AWAITING_BALANCE');
  expect(await unitCounts(server, drop.id)).toEqual({ available: 1, reserved: 1, sold: 0, total: 2 });
  expect(await certificatesOf(drop.id)).toBe(0);
}, 90_000);

test('test provider: dropCancel voids every deposit awaiting its balance (refunds the captured, voids the authorized); refused for another brand, it writes nothing', async () => {
  const drop = await depositDrop({ unpaidBalance: 'FORFEIT' }, 5);
  const captured = await buyerWithDeposit(drop.id, 'cancel-captured');
  const authorized = await buyerWithDeposit(drop.id, 'cancel-authorized', 'tok_capture_fails');
  expect(authorized.order.status).toBe('PENDING_PAYMENT');
  const [holder] = await customers(server, 1, 'cancel-holder');
  expect((await reserve(holder.token, drop.id)).reservation).not.toBeNull();
  const snapshot = () => sql(`select (select json_agg(status order by id) from drop_deposit where drop_id = ?) deposits, (select cancelled_at from drop_release where id = ?) cancelled`, [rawId(drop.id), rawId(drop.id)]);
  const before = await snapshot();

  const refused = dataOf(await server.gql('admin', DepositDropCancelDocument, { input: { id: drop.id } }, adminB)).dropCancel;
  expect(refused.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
  expect(await snapshot()).toEqual(before);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 2, reserved: 3, sold: 0, total: 5 });

  const cancelled = dataOf(await server.gql('admin', DepositDropCancelDocument, { input: { id: drop.id } }, w.adminA)).dropCancel;
  expect(cancelled).toMatchObject({ releasedReservations: 1, voidedDeposits: 2, drop: { stats: { available: 5, reserved: 0, sold: 0 } }, userErrors: [] });
  expect(await statusOf(captured.deposit.id)).toBe('VOIDED');
  expect(await statusOf(authorized.deposit.id)).toBe('VOIDED');
  const orders = await sql<{ status: string }>(`select status from sales_order where id = any(?::uuid[])`, [`{${rawId(captured.order.id)},${rawId(authorized.order.id)}}`]);
  expect(orders.map((o) => o.status)).toEqual(['CANCELLED', 'CANCELLED']);
  const jobs = await sql<{ key: string }>(`select key from graphile_worker.jobs where task_identifier = 'drop_deposit_payment' order by key`);
  expect(jobs.map((j) => j.key).sort()).toEqual([captured.deposit.id, authorized.deposit.id].map((id) => `drop_deposit_payment:${rawId(id)}`).sort());
  // What the queued jobs do, run twice each: the money moves once.
  for (const d of [captured, authorized, captured, authorized]) await depositSettlement.settlePayment(server.app, rawId(d.deposit.id));
  expect(await paymentsOf(captured.order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'REFUNDED', captured: 300_30, refunded: 300_30 }]);
  expect(await paymentsOf(authorized.order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'VOIDED', captured: 0, refunded: 0 }]);
  expect(codes(await payBalance(captured.buyer.token, captured.deposit.id, 'after-cancel-1'))).toEqual(['INVALID_TRANSITION']);
}, 90_000);

test('Admin API: deposit terms on dropCreate and dropUpdate; bad terms are userErrors that write nothing; terms are fixed once a deposit was taken', async () => {
  const base = {
    productId: w.product, variantIds: [w.variants[0]], unitsPerVariant: 2, storeIds: [w.stores.cn], perCustomerLimit: 1,
    publicOpensAt: new Date(Date.now() - hour).toISOString(), endsAt: new Date(Date.now() + 24 * hour).toISOString(),
  };
  const create = async (handle: string, deposit: Record<string, unknown>) =>
    dataOf(await server.gql('admin', DepositDropCreateDocument, { input: { ...base, handle, deposit } as never }, w.adminA)).dropCreate;
  const refusals: [Record<string, unknown>, string, string[]][] = [
    [terms({ percent: 0 }), 'INVALID', ['input', 'deposit', 'percent']],
    [terms({ percent: 100 }), 'INVALID', ['input', 'deposit', 'percent']],
    [terms({ balanceDueAt: new Date(Date.now() + 30 * minute).toISOString() }), 'INVALID', ['input', 'deposit', 'balanceDueAt']],
    [terms({ balanceOpensAt: new Date(Date.now() - 3 * hour).toISOString(), balanceDueAt: new Date(Date.now() - 2 * hour).toISOString() }), 'INVALID', ['input', 'deposit', 'balanceDueAt']],
  ];
  const count = () => sql(`select (select count(*) from drop_release) d, (select count(*) from edition_unit) u`);
  for (const [deposit, code, field] of refusals) {
    const before = await count();
    const refused = await create('deposit-bad', deposit);
    expect({ deposit, errors: refused.userErrors.map((e) => [e.code, e.field]) }).toEqual({ deposit, errors: [[code, field]] });
    expect(refused.drop).toBeNull();
    expect(await count()).toEqual(before);
  }
  const created = await create('deposit-terms', terms({ percent: 25, unpaidBalance: 'REFUND' }));
  expect(created.drop!.deposit).toMatchObject({ percent: 25, unpaidBalance: 'REFUND' });
  const update = async (deposit: Record<string, unknown> | null) =>
    dataOf(await server.gql('admin', DepositDropUpdateDocument, { input: { id: created.drop!.id, deposit } as never }, w.adminA)).dropUpdate;
  const badUpdate = await update(terms({ balanceOpensAt: new Date(Date.now() + 3 * hour).toISOString() }));
  expect(badUpdate.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID', ['input', 'deposit', 'balanceDueAt']]]);
  expect((await update(null)).drop!.deposit).toBeNull();
  expect((await update(terms({ percent: 40 }))).drop!.deposit).toMatchObject({ percent: 40, unpaidBalance: 'FORFEIT' });

  const publish = await server.gql('admin', 'mutation($i: DropIdInput!) { dropPublish(input: $i) { userErrors { code } } }', { i: { id: created.drop!.id } }, w.adminA);
  expect((publish.data as any).dropPublish.userErrors).toEqual([]);
  const { order } = await buyerWithDeposit(created.drop!.id, 'fixed-terms');
  expect(order.status).toBe('DEPOSIT_PAID');
  expect(await paymentsOf(order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 400_40, status: 'CAPTURED', captured: 400_40, refunded: 0 }]);
  const fixed = await update(terms({ percent: 10 }));
  expect(fixed.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_TRANSITION', ['input', 'deposit']]]);
  const [row] = await sql<{ deposit_percent: number }>(`select deposit_percent from drop_release where id = ?`, [rawId(created.drop!.id)]);
  expect(row.deposit_percent).toBe(40);
}, 90_000);

test('test provider: the deadline job runs in graphile-worker at balanceDueAt: the REFUND deposit is refunded and its unit is back on sale', async () => {
  const drop = await depositDrop({ unpaidBalance: 'REFUND', balanceOpensAt: new Date(Date.now() - minute).toISOString(), balanceDueAt: new Date(Date.now() + 5_000).toISOString() }, 1);
  const { order, deposit } = await buyerWithDeposit(drop.id, 'worker-refund');
  expect(await statusOf(deposit.id)).toBe('AWAITING_BALANCE');
  worker = await startWorker(server.app, server.db.url, tasks);
  const deadline = Date.now() + 30_000;
  let settled: { status: string; payment_settled_at: Date | null } | undefined;
  while (Date.now() < deadline) {
    [settled] = await sql<{ status: string; payment_settled_at: Date | null }>(`select status, payment_settled_at from drop_deposit where id = ?`, [rawId(deposit.id)]);
    if (settled.payment_settled_at) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(settled).toMatchObject({ status: 'REFUNDED', payment_settled_at: expect.anything() });
  expect(new Date(deposit.balanceDueAt).getTime()).toBeLessThanOrEqual(Date.now());
  expect(await paymentsOf(order.id)).toEqual([{ purpose: 'DEPOSIT', amount: 300_30, status: 'REFUNDED', captured: 300_30, refunded: 300_30 }]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 1, reserved: 0, sold: 0, total: 1 });
}, 90_000);
