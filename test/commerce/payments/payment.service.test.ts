import { randomUUID } from 'node:crypto';
import { Brand } from '../../../src/catalog/entities/brand.entity.js';
import { createLogger } from '../../../src/app/observability.js';
import { PaymentPurpose, PaymentStatus } from '../../../src/commerce/payments/payment.entity.js';
import {
  attachOrder,
  authorize,
  capture,
  createPending,
  findAbandoned,
  refund,
  settleAbandoned,
  voidPayment,
} from '../../../src/commerce/payments/payment.service.js';
import { PaymentUnavailableError } from '../../../src/commerce/payments/provider.js';
import { TestPaymentProvider } from '../../../src/commerce/payments/test-provider.js';
import { loadConfig } from '../../../src/shared/config.js';
import type { App } from '../../../src/shared/context.js';
import { CurrencyCode } from '../../../src/shared/money.js';
import { DomainError } from '../../../src/shared/user-errors.js';
import { transitionTopics } from '../../../src/shared/state-machine.js';
import { paymentEvents } from '../../../src/commerce/payments/events.js';
import { paymentLifecycle } from '../../../src/commerce/payments/payment-lifecycle.js';
import { CatalogFixtures } from '../../support/catalog-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';

let db: TestDatabase;
let app: App;
let storeId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  app = { config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), orm: db.orm, logger: createLogger('silent'), ports: {} };
  app.ports.payments = new TestPaymentProvider(db.orm, { slowMs: 50 });
  const em = db.orm.em.fork();
  const fixtures = new CatalogFixtures(em);
  const brand: Brand = fixtures.brand('pay-brand', { en: 'Pay' });
  const { store } = fixtures.store('pay-store', [brand]);
  await em.flush();
  storeId = store.id;
});
afterAll(() => db.drop());

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.fork().execute<T[]>(query, params);

async function pending(amount = 10_000, purpose = PaymentPurpose.ORDER, orderId?: string) {
  return db.orm.em.fork().transactional((tx) => createPending(tx, { storeId, amount, currency: CurrencyCode.CNY, purpose, provider: 'test', orderId }));
}

const transactionsOf = (paymentId: string) =>
  sql<{ kind: string; amount: number; status: string; provider_reference: string | null; decline_code: string | null; store_id: string }>(
    'select kind, amount, status, provider_reference, decline_code, store_id from payment_transaction where payment_id = ? order by created_at, id',
    [paymentId],
  );
const paymentOf = async (paymentId: string) =>
  (await sql<{ status: string; authorized_amount: number; captured_amount: number; refunded_amount: number; provider_reference: string | null; order_id: string | null }>(
    'select status, authorized_amount, captured_amount, refunded_amount, provider_reference, order_id from payment where id = ?',
    [paymentId],
  ))[0];
const movesOf = (paymentId: string) =>
  sql<{ event: string; from_state: string; to_state: string; actor: string }>(
    "select event, from_state, to_state, actor from state_transition where machine = 'payment' and entity_id = ? order by id",
    [paymentId],
  );
const topicsOf = async (paymentId: string) => (await sql<{ topic: string }>('select topic from outbox_event where aggregate_id = ? order by id', [paymentId])).map((r) => r.topic);

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const err = await work.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

test('every payment lifecycle topic is declared in the payments event catalogue', () => {
  expect([...paymentEvents.topics].sort()).toEqual(transitionTopics(paymentLifecycle).sort());
});

describe('payment service over the test payment provider standing in for a payment network', () => {
  test('createPending writes a PENDING payment in the caller transaction; a bad amount writes nothing', async () => {
    const id = await pending(12_345);
    expect(await paymentOf(id)).toMatchObject({ status: 'PENDING', authorized_amount: 0, order_id: null });
    const before = (await sql<{ n: string }>('select count(*) as n from payment'))[0].n;
    expect((await refusal(pending(0))).code).toBe('INVALID_AMOUNT');
    expect((await refusal(pending(10.5))).code).toBe('INVALID_AMOUNT');
    expect((await sql<{ n: string }>('select count(*) as n from payment'))[0].n).toBe(before);
  });

  test('an approved authorize is recorded as a transaction and moves PENDING -> AUTHORIZED, audited and published', async () => {
    const id = await pending(10_000);
    const outcome = await authorize(app, id, 'tok_approve', { actor: 'customer:c1' });
    expect(outcome.status).toBe('SUCCEEDED');
    expect(outcome.payment).toMatchObject({ status: PaymentStatus.AUTHORIZED, authorizedAmount: 10_000 });
    const row = await paymentOf(id);
    expect(row).toMatchObject({ status: 'AUTHORIZED', authorized_amount: 10_000 });
    expect(row.provider_reference).toMatch(/^tp_/);
    expect(await transactionsOf(id)).toEqual([
      { kind: 'AUTHORIZE', amount: 10_000, status: 'SUCCEEDED', provider_reference: row.provider_reference, decline_code: null, store_id: storeId },
    ]);
    expect(await movesOf(id)).toEqual([{ event: 'authorize', from_state: 'PENDING', to_state: 'AUTHORIZED', actor: 'customer:c1' }]);
    expect(await topicsOf(id)).toEqual(['payment.authorize']);
  });

  test('a declined authorize is recorded, moves to DECLINED and returns the decline code', async () => {
    const id = await pending();
    const outcome = await authorize(app, id, 'tok_decline');
    expect(outcome).toMatchObject({ status: 'DECLINED', declineCode: 'card_declined' });
    expect(await paymentOf(id)).toMatchObject({ status: 'DECLINED', authorized_amount: 0 });
    expect(await transactionsOf(id)).toMatchObject([{ kind: 'AUTHORIZE', status: 'DECLINED', decline_code: 'card_declined' }]);
    expect(await movesOf(id)).toMatchObject([{ event: 'decline', from_state: 'PENDING', to_state: 'DECLINED' }]);
  });

  test('a provider error throws PaymentUnavailableError after recording a FAILED transaction', async () => {
    const id = await pending();
    await expect(authorize(app, id, 'tok_error')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect(await paymentOf(id)).toMatchObject({ status: 'FAILED' });
    expect(await transactionsOf(id)).toMatchObject([{ kind: 'AUTHORIZE', status: 'FAILED', provider_reference: null }]);
    // FAILED is not final: a retry that gets through is recorded and authorizes.
    expect((await authorize(app, id, 'tok_approve')).status).toBe('SUCCEEDED');
    expect(await movesOf(id)).toMatchObject([{ event: 'fail' }, { event: 'authorize', from_state: 'FAILED', to_state: 'AUTHORIZED' }]);
  });

  test('authorize called twice, and 5 times at once, authorizes and records once', async () => {
    const id = await pending();
    const first = await authorize(app, id, 'tok_approve');
    const again = await authorize(app, id, 'tok_approve');
    expect(again.status).toBe(first.status);
    const other = await pending();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => authorize(app, other, 'tok_approve')));
    expect(outcomes.every((o) => o.status === 'SUCCEEDED')).toBe(true);
    for (const paymentId of [id, other]) {
      expect(await transactionsOf(paymentId)).toHaveLength(1);
      expect(await movesOf(paymentId)).toHaveLength(1);
    }
    expect((await sql<{ n: string }>('select count(*) as n from test_payment_ledger where idempotency_key = ?', [other]))[0].n).toBe('1');
  });

  test('a partial capture, its retry with the same key, then the rest', async () => {
    const id = await pending(10_000);
    await authorize(app, id, 'tok_approve');
    const part = await capture(app, id, { amount: 3_000, idempotencyKey: 'c1' });
    expect(part.payment).toMatchObject({ status: PaymentStatus.PARTIALLY_CAPTURED, capturedAmount: 3_000 });
    expect((await capture(app, id, { amount: 3_000, idempotencyKey: 'c1' })).status).toBe('SUCCEEDED');
    expect((await paymentOf(id)).captured_amount).toBe(3_000);
    expect((await refusal(capture(app, id, { amount: 7_001, idempotencyKey: 'c2' }))).code).toBe('AMOUNT_EXCEEDS_AUTHORIZED');
    const rest = await capture(app, id, { idempotencyKey: 'c2' });
    expect(rest.payment).toMatchObject({ status: PaymentStatus.CAPTURED, capturedAmount: 10_000 });
    expect((await transactionsOf(id)).map((t) => [t.kind, t.amount, t.status])).toEqual([
      ['AUTHORIZE', 10_000, 'SUCCEEDED'],
      ['CAPTURE', 3_000, 'SUCCEEDED'],
      ['CAPTURE', 7_000, 'SUCCEEDED'],
    ]);
    expect((await movesOf(id)).map((m) => m.to_state)).toEqual(['AUTHORIZED', 'PARTIALLY_CAPTURED', 'CAPTURED']);
  });

  test('tok_capture_fails: the capture is DECLINED, recorded, and the payment stays AUTHORIZED', async () => {
    const id = await pending();
    await authorize(app, id, 'tok_capture_fails');
    expect(await capture(app, id, { idempotencyKey: 'c' })).toMatchObject({ status: 'DECLINED', declineCode: 'capture_declined' });
    expect(await paymentOf(id)).toMatchObject({ status: 'AUTHORIZED', captured_amount: 0 });
    expect((await transactionsOf(id)).map((t) => [t.kind, t.status])).toEqual([['AUTHORIZE', 'SUCCEEDED'], ['CAPTURE', 'DECLINED']]);
  });

  test('refunds up to what was captured; beyond it is refused and nothing is written', async () => {
    const id = await pending(10_000);
    await authorize(app, id, 'tok_approve');
    await capture(app, id, { amount: 6_000, idempotencyKey: 'c' });
    const snapshot = async () => ({ payment: await paymentOf(id), transactions: await transactionsOf(id), moves: await movesOf(id), ledger: (await sql('select * from test_payment_ledger order by idempotency_key')).length });
    const before = await snapshot();
    const err = await refusal(refund(app, id, { amount: 6_001, idempotencyKey: 'r0' }));
    expect(err.code).toBe('AMOUNT_EXCEEDS_CAPTURED');
    expect(err.field).toEqual(['input', 'amount']);
    expect(await snapshot()).toEqual(before);

    expect((await refund(app, id, { amount: 2_000, idempotencyKey: 'r1' })).payment.status).toBe(PaymentStatus.PARTIALLY_REFUNDED);
    expect((await refund(app, id, { amount: 2_000, idempotencyKey: 'r1' })).status).toBe('SUCCEEDED');
    expect((await refusal(refund(app, id, { amount: 4_001, idempotencyKey: 'r2' }))).code).toBe('AMOUNT_EXCEEDS_CAPTURED');
    expect((await refund(app, id, { amount: 4_000, idempotencyKey: 'r2' })).payment).toMatchObject({ status: PaymentStatus.REFUNDED, refundedAmount: 6_000 });
    expect((await refusal(refund(app, id, { amount: 1, idempotencyKey: 'r3' }))).code).toBe('INVALID_TRANSITION');
  });

  test('void only before capture; illegal moves are INVALID_TRANSITION and write nothing', async () => {
    const id = await pending();
    await authorize(app, id, 'tok_approve');
    expect((await refusal(refund(app, id, { amount: 1, idempotencyKey: 'r' }))).code).toBe('INVALID_TRANSITION');
    expect((await voidPayment(app, id)).payment.status).toBe(PaymentStatus.VOIDED);
    expect((await voidPayment(app, id)).status).toBe('SUCCEEDED');
    expect((await refusal(capture(app, id, { idempotencyKey: 'c' }))).code).toBe('INVALID_TRANSITION');
    expect((await transactionsOf(id)).map((t) => t.kind)).toEqual(['AUTHORIZE', 'VOID']);

    const captured = await pending();
    await authorize(app, captured, 'tok_approve');
    await capture(app, captured, { idempotencyKey: 'c' });
    expect((await refusal(voidPayment(app, captured))).code).toBe('INVALID_TRANSITION');
    // Authorizing a captured payment again answers its first outcome and calls no one.
    expect((await authorize(app, captured, 'tok_decline')).status).toBe('SUCCEEDED');
    expect((await transactionsOf(captured)).map((t) => t.kind)).toEqual(['AUTHORIZE', 'CAPTURE']);
  });

  test('deposits: one order, a captured DEPOSIT and a later BALANCE payment', async () => {
    const orderId = randomUUID();
    const deposit = await pending(2_000, PaymentPurpose.DEPOSIT);
    await authorize(app, deposit, 'tok_approve');
    await capture(app, deposit, { idempotencyKey: 'deposit' });
    await db.orm.em.fork().transactional((tx) => attachOrder(tx, deposit, orderId));
    const balance = await pending(8_000, PaymentPurpose.BALANCE, orderId);
    await authorize(app, balance, 'tok_approve');
    await capture(app, balance, { idempotencyKey: 'balance' });
    const rows = await sql<{ purpose: string; captured_amount: number }>('select purpose, captured_amount from payment where order_id = ? order by created_at', [orderId]);
    expect(rows).toEqual([
      { purpose: 'DEPOSIT', captured_amount: 2_000 },
      { purpose: 'BALANCE', captured_amount: 8_000 },
    ]);
  });

  test('attachOrder refuses a payment that is not authorized', async () => {
    const id = await pending();
    await authorize(app, id, 'tok_decline');
    const err = await refusal(db.orm.em.fork().transactional((tx) => attachOrder(tx, id, randomUUID())));
    expect(err.code).toBe('PAYMENT_NOT_AUTHORIZED');
    expect((await paymentOf(id)).order_id).toBeNull();
  });

  test('recovery: abandoned authorizations are voided, lost answers looked up, and attachOrder refuses them afterwards', async () => {
    const authorized = await pending();
    await authorize(app, authorized, 'tok_approve');
    // An authorize whose answer was lost: the provider authorized, our record is still PENDING.
    const lost = await pending();
    await app.ports.payments!.authorize({ idempotencyKey: lost, amount: 10_000, currency: 'CNY', token: 'tok_approve' });
    const neverSent = await pending();
    const withOrder = await pending();
    await authorize(app, withOrder, 'tok_approve');
    await db.orm.em.fork().transactional((tx) => attachOrder(tx, withOrder, randomUUID()));

    const found = (await findAbandoned(db.orm.em.fork(), new Date(Date.now() + 1000), 1000)).map((p) => p.id);
    expect(found).toEqual(expect.arrayContaining([authorized, lost, neverSent]));
    expect(found).not.toContain(withOrder);

    expect(await settleAbandoned(app, authorized)).toBe(PaymentStatus.VOIDED);
    expect(await settleAbandoned(app, lost)).toBe(PaymentStatus.VOIDED);
    expect(await settleAbandoned(app, neverSent)).toBe(PaymentStatus.FAILED);
    expect(await settleAbandoned(app, withOrder)).toBeNull();
    expect(await settleAbandoned(app, authorized)).toBe(PaymentStatus.VOIDED);
    expect((await transactionsOf(lost)).map((t) => [t.kind, t.status])).toEqual([['AUTHORIZE', 'SUCCEEDED'], ['VOID', 'SUCCEEDED']]);
    expect((await movesOf(lost)).map((m) => m.event)).toEqual(['authorize', 'void']);

    const remaining = (await findAbandoned(db.orm.em.fork(), new Date(Date.now() + 1000), 1000)).map((p) => p.id);
    expect(remaining).not.toEqual(expect.arrayContaining([authorized]));
    expect(remaining).not.toContain(lost);
    expect(remaining).not.toContain(neverSent);

    // A slow checkout that reaches step 3 after recovery claimed its payment gets PAYMENT_ABANDONED.
    const late = await pending();
    await authorize(app, late, 'tok_approve');
    await settleAbandoned(app, late);
    expect((await refusal(db.orm.em.fork().transactional((tx) => attachOrder(tx, late, randomUUID())))).code).toBe('PAYMENT_ABANDONED');
  });
});
