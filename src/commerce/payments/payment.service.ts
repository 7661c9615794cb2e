import type { EntityManager } from '@mikro-orm/postgresql';
import { Store } from '../../catalog/entities/store.entity.js';
import type { App } from '../../shared/context.js';
import { CurrencyCode } from '../../shared/money.js';
import { apply, invalidTransition } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { paymentLifecycle, type PaymentEvent } from './payment-lifecycle.js';
import { callOf, readPayment, recordCall, settledCall, type PaymentRow } from './payment-records.js';
import { Payment, PaymentPurpose, PaymentStatus, PaymentTransactionKind, PaymentTransactionStatus } from './payment.entity.js';
import { PaymentUnavailableError, type PaymentProvider, type ProviderOutcome } from './provider.js';

/**
 * Payments for checkout, orders, deposits and bookings. The rule: a provider call never runs inside a
 * database transaction. Each operation reads the payment, calls the provider outside any transaction
 * with an idempotency key, then records the outcome in a short transaction of its own.
 *
 * - `createPending(tx, { storeId, amount, currency, purpose, provider })`: in the caller's transaction
 *   (checkout step 1); returns the payment id. Several payments may belong to one order (a DEPOSIT now,
 *   a BALANCE later, a retry after a decline).
 * - `authorize(app, paymentId, token)`: idempotency key = the payment id. Returns the outcome
 *   { status SUCCEEDED | DECLINED, declineCode, message, payment }; a payment already settled returns
 *   its recorded outcome without calling again. PaymentUnavailableError (-> PAYMENT_UNAVAILABLE) after
 *   recording a FAILED transaction.
 * - `capture(app, paymentId, { amount?, idempotencyKey })` (default: all that is left),
 *   `voidPayment(app, paymentId, { idempotencyKey? })`, `refund(app, paymentId, { amount, idempotencyKey })`:
 *   provider key `<payment id>:<operation>:<caller key>`, so a retry with the caller's key is answered
 *   from the first outcome. Amounts are checked on our records first (DomainError, nothing written:
 *   AMOUNT_EXCEEDS_AUTHORIZED, AMOUNT_EXCEEDS_CAPTURED, INVALID_AMOUNT, INVALID_TRANSITION), then by the provider.
 * - `attachOrder(tx, paymentId, orderId)`: in the order's transaction (checkout step 3); refuses a
 *   payment not authorized (PAYMENT_NOT_AUTHORIZED) or already claimed by recovery (PAYMENT_ABANDONED).
 * - `findAbandoned(em, olderThan)` and `settleAbandoned(app, paymentId)`: for the recovery job. A payment
 *   with no order past the cutoff (AUTHORIZED, or PENDING/FAILED whose answer was lost) is claimed so no
 *   order can take it any more, looked up at the provider when its outcome is unknown, and voided.
 *
 * Every provider call is a payment_transaction row; every status move is audited (state_transition) and
 * published (`payment.<event>`) by the state-machine helper.
 */

export const PaymentErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  AMOUNT_EXCEEDS_AUTHORIZED: 'AMOUNT_EXCEEDS_AUTHORIZED',
  AMOUNT_EXCEEDS_CAPTURED: 'AMOUNT_EXCEEDS_CAPTURED',
  PAYMENT_NOT_AUTHORIZED: 'PAYMENT_NOT_AUTHORIZED',
  PAYMENT_ABANDONED: 'PAYMENT_ABANDONED',
  PROVIDER_NOT_CONFIGURED: 'PROVIDER_NOT_CONFIGURED',
} as const;

export interface PaymentOutcome {
  status: 'SUCCEEDED' | 'DECLINED';
  declineCode?: string;
  message?: string;
  payment: PaymentRow;
}

export interface CreatePendingInput {
  storeId: string;
  /** Minor units of `currency`: this payment's part (the deposit, the balance or the whole order). */
  amount: number;
  currency: CurrencyCode;
  purpose: PaymentPurpose;
  provider: string;
  /** For a payment of an order that already exists (the BALANCE of a deposit). */
  orderId?: string;
  /** An authorization that waits for its order longer than a checkout (a draw entry's deposit): recovery skips it until then. */
  retainedUntil?: Date;
}

const SYSTEM = 'system';
const SUCCEEDED_STATES: readonly PaymentStatus[] = [PaymentStatus.AUTHORIZED, PaymentStatus.PARTIALLY_CAPTURED, PaymentStatus.CAPTURED];
const REFUNDABLE_STATES: readonly PaymentStatus[] = [PaymentStatus.PARTIALLY_CAPTURED, PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED];

function checkAmount(amount: number, field = ['input', 'amount']) {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError(PaymentErrorCode.INVALID_AMOUNT, `The amount must be a positive whole number of minor units, got ${amount}`, field);
  }
}

function providerFor(app: App, name: string): PaymentProvider {
  const provider = app.ports.payments;
  if (!provider || provider.name !== name) {
    throw new DomainError(PaymentErrorCode.PROVIDER_NOT_CONFIGURED, `The payment provider ${name} is not configured here`, ['input', 'payment', 'provider']);
  }
  return provider;
}

export async function createPending(tx: EntityManager, input: CreatePendingInput): Promise<string> {
  checkAmount(input.amount);
  if (!Object.values(CurrencyCode).includes(input.currency)) {
    throw new DomainError('INVALID', `${input.currency} is not a supported currency`, ['input', 'currency']);
  }
  const payment = tx.create(Payment, {
    store: tx.getReference(Store, input.storeId),
    orderId: input.orderId ?? null,
    retainedUntil: input.retainedUntil ?? null,
    purpose: input.purpose,
    amount: input.amount,
    currency: input.currency,
    provider: input.provider,
  });
  tx.persist(payment);
  return payment.id;
}

/** Calls the provider; an outage is recorded as a FAILED transaction before it is rethrown. */
async function callProvider(
  app: App,
  payment: PaymentRow,
  call: { kind: PaymentTransactionKind; amount: number; idempotencyKey: string },
  actor: string,
  send: (provider: PaymentProvider) => Promise<ProviderOutcome>,
): Promise<PaymentOutcome> {
  const provider = providerFor(app, payment.provider);
  let outcome: ProviderOutcome;
  try {
    outcome = await send(provider);
  } catch (err) {
    if (!(err instanceof PaymentUnavailableError)) throw err;
    await recordCall(app, payment.id, { ...call, status: PaymentTransactionStatus.FAILED, message: err.message }, actor);
    throw err;
  }
  const recorded = await recordCall(app, payment.id, callOf(call.kind, call.amount, call.idempotencyKey, outcome), actor);
  return { status: outcome.status, declineCode: outcome.declineCode, message: outcome.message, payment: recorded };
}

/** The first outcome of a call already recorded under this key, for retries. */
async function replayed(app: App, payment: PaymentRow, idempotencyKey: string): Promise<PaymentOutcome | undefined> {
  const settled = await settledCall(app.orm.em.fork(), payment.storeId, idempotencyKey);
  if (!settled) return undefined;
  return { status: settled.status, declineCode: settled.declineCode ?? undefined, message: settled.message ?? undefined, payment };
}

export async function authorize(app: App, paymentId: string, token: string, options: { description?: string; actor?: string } = {}): Promise<PaymentOutcome> {
  const payment = await readPayment(app.orm.em.fork(), paymentId);
  const earlier = await replayed(app, payment, payment.id);
  if (earlier) return earlier;
  if (payment.status !== PaymentStatus.PENDING && payment.status !== PaymentStatus.FAILED) {
    throw invalidTransition(paymentLifecycle, payment.status, 'authorize');
  }
  const call = { kind: PaymentTransactionKind.AUTHORIZE, amount: payment.amount, idempotencyKey: payment.id };
  return callProvider(app, payment, call, options.actor ?? SYSTEM, (provider) =>
    provider.authorize({ idempotencyKey: payment.id, amount: payment.amount, currency: payment.currency, token, description: options.description }),
  );
}

export async function capture(app: App, paymentId: string, options: { amount?: number; idempotencyKey: string; actor?: string }): Promise<PaymentOutcome> {
  const payment = await readPayment(app.orm.em.fork(), paymentId);
  const idempotencyKey = `${payment.id}:capture:${options.idempotencyKey}`;
  const earlier = await replayed(app, payment, idempotencyKey);
  if (earlier) return earlier;
  if (payment.status !== PaymentStatus.AUTHORIZED && payment.status !== PaymentStatus.PARTIALLY_CAPTURED) {
    throw invalidTransition(paymentLifecycle, payment.status, 'capture');
  }
  const left = payment.authorizedAmount - payment.capturedAmount;
  const amount = options.amount ?? left;
  checkAmount(amount);
  if (amount > left) throw new DomainError(PaymentErrorCode.AMOUNT_EXCEEDS_AUTHORIZED, `At most ${left} can still be captured`, ['input', 'amount']);
  return callProvider(app, payment, { kind: PaymentTransactionKind.CAPTURE, amount, idempotencyKey }, options.actor ?? SYSTEM, (provider) =>
    provider.capture({ idempotencyKey, reference: payment.providerReference!, amount }),
  );
}

export async function voidPayment(app: App, paymentId: string, options: { idempotencyKey?: string; actor?: string } = {}): Promise<PaymentOutcome> {
  const payment = await readPayment(app.orm.em.fork(), paymentId);
  const idempotencyKey = `${payment.id}:void:${options.idempotencyKey ?? 'void'}`;
  const earlier = await replayed(app, payment, idempotencyKey);
  if (earlier) return earlier;
  if (payment.status !== PaymentStatus.AUTHORIZED) throw invalidTransition(paymentLifecycle, payment.status, 'void');
  return callProvider(app, payment, { kind: PaymentTransactionKind.VOID, amount: payment.authorizedAmount, idempotencyKey }, options.actor ?? SYSTEM, (provider) =>
    provider.void({ idempotencyKey, reference: payment.providerReference! }),
  );
}

export async function refund(app: App, paymentId: string, options: { amount: number; idempotencyKey: string; actor?: string }): Promise<PaymentOutcome> {
  const payment = await readPayment(app.orm.em.fork(), paymentId);
  const idempotencyKey = `${payment.id}:refund:${options.idempotencyKey}`;
  const earlier = await replayed(app, payment, idempotencyKey);
  if (earlier) return earlier;
  if (!REFUNDABLE_STATES.includes(payment.status)) throw invalidTransition(paymentLifecycle, payment.status, 'refund');
  checkAmount(options.amount);
  const left = payment.capturedAmount - payment.refundedAmount;
  if (options.amount > left) {
    throw new DomainError(PaymentErrorCode.AMOUNT_EXCEEDS_CAPTURED, `At most ${left} can still be refunded (captured ${payment.capturedAmount}, refunded ${payment.refundedAmount})`, ['input', 'amount']);
  }
  const { amount } = options;
  return callProvider(app, payment, { kind: PaymentTransactionKind.REFUND, amount, idempotencyKey }, options.actor ?? SYSTEM, (provider) =>
    provider.refund({ idempotencyKey, reference: payment.providerReference!, amount }),
  );
}

export async function attachOrder(tx: EntityManager, paymentId: string, orderId: string): Promise<void> {
  const attached = await tx.execute<unknown[]>(
    `update payment set order_id = ?, updated_at = now() where id = ? and abandoned_at is null and (order_id is null or order_id = ?) and status = any(?) returning 1`,
    [orderId, paymentId, orderId, `{${SUCCEEDED_STATES.join(',')}}`],
  );
  if (attached.length) return;
  const payment = await readPayment(tx, paymentId);
  if (payment.abandonedAt) throw new DomainError(PaymentErrorCode.PAYMENT_ABANDONED, 'The payment was released by recovery; pay again', ['input', 'paymentId']);
  if (payment.orderId) throw new DomainError(PaymentErrorCode.PAYMENT_NOT_AUTHORIZED, 'The payment belongs to another order', ['input', 'paymentId']);
  throw new DomainError(PaymentErrorCode.PAYMENT_NOT_AUTHORIZED, `A ${payment.status} payment cannot pay for an order`, ['input', 'paymentId']);
}

export interface AbandonedPayment {
  id: string;
  storeId: string;
  status: PaymentStatus;
}

/** Payments no order took before `olderThan`, whose authorization may still hold money, oldest first. */
export async function findAbandoned(em: EntityManager, olderThan: Date, limit = 100): Promise<AbandonedPayment[]> {
  return em.execute<AbandonedPayment[]>(
    `select id, store_id as "storeId", status from payment
      where order_id is null and created_at < ? and (retained_until is null or retained_until < now()) and (status in ('AUTHORIZED', 'PENDING') or (status = 'FAILED' and abandoned_at is null))
      order by created_at limit ?`,
    [olderThan, limit],
  );
}

/**
 * Claims an abandoned payment (attachOrder refuses it from then on), learns the outcome of an authorize
 * whose answer was lost, and voids what was authorized. Returns the final status, or null when an order
 * took the payment meanwhile. Safe to run again after a crash: every step is idempotent.
 */
export async function settleAbandoned(app: App, paymentId: string, actor = SYSTEM): Promise<PaymentStatus | null> {
  const claimed = await app.orm.em
    .fork()
    .execute<unknown[]>('update payment set abandoned_at = coalesce(abandoned_at, now()) where id = ? and order_id is null returning 1', [paymentId]);
  if (!claimed.length) return null;
  let payment = await readPayment(app.orm.em.fork(), paymentId);
  if (payment.status === PaymentStatus.PENDING || payment.status === PaymentStatus.FAILED) {
    const outcome = await providerFor(app, payment.provider).lookup(payment.id);
    if (outcome) payment = await recordCall(app, payment.id, callOf(PaymentTransactionKind.AUTHORIZE, payment.amount, payment.id, outcome), actor);
    else if (payment.status === PaymentStatus.PENDING) payment = await markFailed(app, payment, actor);
  }
  if (payment.status === PaymentStatus.AUTHORIZED) payment = (await voidPayment(app, payment.id, { idempotencyKey: 'abandoned', actor })).payment;
  return payment.status;
}

/** The provider never saw the authorize: nothing to void, the payment ends FAILED. */
async function markFailed(app: App, payment: PaymentRow, actor: string): Promise<PaymentRow> {
  const event: PaymentEvent = 'fail';
  await transaction({ em: app.orm.em.fork() }, (tx) =>
    apply(tx, paymentLifecycle, { table: 'payment', id: payment.id, event, actor, expectedFrom: payment.status, payload: { storeId: payment.storeId, orderId: null, amount: 0 } }),
  );
  return { ...payment, status: PaymentStatus.FAILED };
}

/**
 * `authorize` as a buyer-facing mutation answers it: null when approved, otherwise the userError to
 * return (PAYMENT_DECLINED with the provider's message; PAYMENT_UNAVAILABLE, saying `unchanged`, e.g.
 * "nothing was charged", when the provider could not be reached). Other errors are thrown.
 */
export async function authorizeOrRefusal(
  app: App, paymentId: string, token: string, options: { description: string; actor: string; unchanged?: string },
): Promise<DomainError | null> {
  try {
    const outcome = await authorize(app, paymentId, token, options);
    return outcome.status === 'DECLINED' ? new DomainError('PAYMENT_DECLINED', outcome.message ?? 'The payment was declined', ['input', 'payment']) : null;
  } catch (err) {
    if (!(err instanceof PaymentUnavailableError)) throw err;
    return new DomainError('PAYMENT_UNAVAILABLE', `The payment provider could not be reached; ${options.unchanged ?? 'nothing was charged'}. Try again with a new key`, ['input', 'payment']);
  }
}

/** Refuses, as INVALID on `input.payment.provider`, a provider this deployment does not use (before anything is written). */
export function assertProviderInUse(app: App, provider: string): void {
  if (app.ports.payments?.name !== provider) throw new DomainError('INVALID', `The payment provider "${provider}" is not used here`, ['input', 'payment', 'provider']);
}

/** The service as one object, for callers that prefer `payments.void(...)`. */
export const paymentService = { createPending, authorize, authorizeOrRefusal, assertProviderInUse, capture, void: voidPayment, refund, attachOrder, findAbandoned, settleAbandoned };
