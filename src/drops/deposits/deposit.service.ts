import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentStore } from '../../catalog/storefront/current-store.js';
import { Order } from '../../commerce/orders/entities.js';
import { Payment, PaymentPurpose, PaymentStatus } from '../../commerce/payments/payment.entity.js';
import { paymentService } from '../../commerce/payments/payment.service.js';
import { PaymentUnavailableError } from '../../commerce/payments/provider.js';
import type { App, Context } from '../../shared/context.js';
import { once } from '../../shared/idempotency.js';
import { actorOf, idOf } from '../../shared/scope.js';
import { apply } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { DropReservation } from '../entities.js';
import { captureAndPay, sellAndCertify } from '../reservation-checkout.service.js';
import { signedInCustomer } from '../reservation.service.js';
import { DepositStatus, DropDeposit } from './entities.js';
import { DepositErrorCode } from './errors.js';
import { depositLifecycle } from './lifecycle.js';
import { lockAwaiting } from './settlement.js';

const POLL_MS = 50;

export interface DepositPayBalanceInput {
  depositId: string;
  payment: { provider: string; token: string };
  idempotencyKey: string;
}

const fieldOfId = ['input', 'depositId'];
const notFound = () => new DomainError(DepositErrorCode.NOT_FOUND, 'No such deposit of yours', fieldOfId);

/** Why a deposit that no longer awaits its balance cannot take it. */
function ended(deposit: DropDeposit): DomainError {
  if (deposit.status === DepositStatus.FORFEITED || deposit.status === DepositStatus.REFUNDED) {
    return new DomainError(DepositErrorCode.BALANCE_OVERDUE, `The balance was due at ${deposit.balanceDueAt.toISOString()}; the deposit was ${deposit.status.toLowerCase()}`, fieldOfId);
  }
  return new DomainError(DepositErrorCode.INVALID_TRANSITION, deposit.status === DepositStatus.VOIDED ? 'The drop was cancelled; the deposit is given back' : 'The balance is paid already', fieldOfId);
}

/** Step 1 (one short transaction): the deposit locked and checked (owner, window, store), the pending BALANCE payment. */
async function pend(ctx: Context, tx: EntityManager, customerId: string, depositId: string, input: DepositPayBalanceInput) {
  const [mine] = await tx.execute<{ id: string }[]>(`select id from drop_deposit where id = ? and customer_id = ? for update`, [depositId, customerId]);
  if (!mine) throw notFound();
  const deposit = await tx.findOneOrFail(DropDeposit, depositId);
  if (deposit.status !== DepositStatus.AWAITING_BALANCE) throw ended(deposit);
  const now = Date.now();
  if (now < deposit.balanceOpensAt.getTime()) throw new DomainError(DepositErrorCode.NOT_OPEN_YET, `The balance can be paid from ${deposit.balanceOpensAt.toISOString()}`, fieldOfId);
  if (now >= deposit.balanceDueAt.getTime()) throw new DomainError(DepositErrorCode.BALANCE_OVERDUE, `The balance was due at ${deposit.balanceDueAt.toISOString()}`, fieldOfId);
  const store = await currentStore(ctx);
  if (store.id !== deposit.storeId) throw new DomainError(DepositErrorCode.MARKET_EXCLUDED, 'Pay the balance in the store the deposit was paid in', fieldOfId);
  // No orderId yet: attached in step 3, so checkout recovery voids an authorization a crash left behind.
  const paymentId = await paymentService.createPending(tx, { storeId: store.id, amount: deposit.balanceAmount, currency: deposit.currency, purpose: PaymentPurpose.BALANCE, provider: input.payment.provider });
  return { paymentId };
}

/** Step 3 (approved): the deposit BALANCE_PAID (compare-and-set), the units SOLD and certified; the deposit as it was when it had ended meanwhile. */
async function settleBalance(app: App, depositId: string, paymentId: string, actor: string): Promise<{ orderId: string; depositPaymentId: string } | { ended: DropDeposit }> {
  return transaction({ em: app.orm.em.fork() }, async (tx) => {
    const deposit = await lockAwaiting(tx, depositId);
    if (!deposit) return { ended: await tx.findOneOrFail(DropDeposit, depositId, { refresh: true }) };
    await apply(tx, depositLifecycle, { table: 'drop_deposit', id: depositId, event: 'pay_balance', actor, expectedFrom: DepositStatus.AWAITING_BALANCE, field: fieldOfId });
    await tx.execute(`update drop_deposit set balance_payment_id = ?, updated_at = now() where id = ?`, [paymentId, depositId]);
    await sellAndCertify(tx, await tx.findOneOrFail(DropReservation, deposit.reservationId), deposit.orderId);
    await paymentService.attachOrder(tx, paymentId, deposit.orderId).catch((err) => {
      // Recovery released this authorization meanwhile (it had no order for CHECKOUT_HOLD_SECONDS): refused, nothing sold.
      if (err instanceof DomainError) throw new DomainError(DepositErrorCode.PAYMENT_DECLINED, `${err.message}; pay again with a new key`, ['input', 'payment']);
      throw err;
    });
    return { orderId: deposit.orderId, depositPaymentId: deposit.depositPaymentId };
  });
}

/** Whether the deposit is captured, capturing it now if checkout's capture had failed: the order is PAID only once both parts are. */
async function depositCaptured(app: App, paymentId: string, actor: string): Promise<boolean> {
  const payment = await app.orm.em.fork().findOneOrFail(Payment, paymentId);
  if (payment.status !== PaymentStatus.AUTHORIZED) return payment.capturedAmount > 0;
  try {
    if ((await paymentService.capture(app, paymentId, { idempotencyKey: 'deposit-with-balance', actor })).status === 'SUCCEEDED') return true;
  } catch (err) {
    if (!(err instanceof PaymentUnavailableError)) throw err;
  }
  app.logger.warn({ paymentId }, 'deposit capture failed again with the balance: order left for staff to capture');
  return false;
}

export const depositService = {
  /**
   * depositPayBalance, in reservationCheckout's three steps: pend the BALANCE payment, authorize outside
   * any transaction, then in one transaction the deposit BALANCE_PAID, the units SOLD and certified. If
   * the deadline job (or dropCancel) ended the deposit meanwhile, the authorization is voided.
   */
  async payBalance(ctx: Context, input: DepositPayBalanceInput): Promise<{ deposit: DropDeposit; order: Order }> {
    const customerId = signedInCustomer(ctx);
    paymentService.assertProviderInUse(ctx.app, input.payment.provider);
    const depositId = idOf(input.depositId, 'DropDeposit', 'depositId');
    const actor = actorOf(ctx.viewer);
    await currentStore(ctx);
    const request = { depositId, payment: input.payment };
    const started = await transaction(ctx, (tx) => once(tx, `depositPayBalance:${customerId}`, input.idempotencyKey, request, () => pend(ctx, tx, customerId, depositId, input)));
    const { paymentId } = started.result;
    if (started.replayed) return resultOf(ctx, depositId, paymentId);
    const declined = await paymentService.authorizeOrRefusal(ctx.app, paymentId, input.payment.token, { description: `drop deposit balance ${depositId}`, actor });
    if (declined) throw declined;
    const placed = await settleBalance(ctx.app, depositId, paymentId, actor);
    if ('ended' in placed) {
      await paymentService.settleAbandoned(ctx.app, paymentId).catch((err) => ctx.app.logger.warn({ err, paymentId }, 'void after an ended deposit failed'));
      throw ended(placed.ended);
    }
    const pay = (await depositCaptured(ctx.app, placed.depositPaymentId, actor)) ? 'pay' : null;
    await captureAndPay(ctx.app, placed.orderId, paymentId, actor, pay);
    return resultOf(ctx, depositId, paymentId);
  },

  async depositsOf(em: EntityManager, customerId: string): Promise<DropDeposit[]> {
    return em.find(DropDeposit, { customerId }, { orderBy: { id: 'desc' }, limit: 100 });
  },
};

/** The deposit and order once this payment paid the balance (a replay waits for the first request, bounded). */
async function resultOf(ctx: Context, depositId: string, paymentId: string): Promise<{ deposit: DropDeposit; order: Order }> {
  const deadline = Date.now() + ctx.app.config.TEST_PAYMENT_SLOW_MS + 30_000;
  for (;;) {
    const em = ctx.em.fork();
    const deposit = await em.findOneOrFail(DropDeposit, depositId);
    if (deposit.balancePaymentId === paymentId) return { deposit, order: await em.findOneOrFail(Order, deposit.orderId) };
    if (deposit.status !== DepositStatus.AWAITING_BALANCE) throw ended(deposit);
    if (Date.now() > deadline) throw new DomainError(DepositErrorCode.STATE_CHANGED, 'The first request with this key has not finished; read customer.deposits', fieldOfId);
    await sleep(POLL_MS);
  }
}
