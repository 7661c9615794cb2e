import type { EntityManager } from '@mikro-orm/postgresql';
import { Order, OrderStatus } from '../../commerce/orders/entities.js';
import { orderService } from '../../commerce/orders/order.service.js';
import { Payment, PaymentStatus } from '../../commerce/payments/payment.entity.js';
import { paymentService, type PaymentOutcome } from '../../commerce/payments/payment.service.js';
import type { App } from '../../shared/context.js';
import { apply } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DropReservation } from '../entities.js';
import { returnHeldUnits } from '../units.js';
import { DepositStatus, DropDeposit, UnpaidBalance } from './entities.js';
import { DEPOSIT_PAYMENT_TASK, queueDepositJob } from './jobs.js';
import { depositLifecycle } from './lifecycle.js';

const SYSTEM = 'system';

/** The deposit row locked for the change, if it still awaits its balance. */
export async function lockAwaiting(tx: EntityManager, depositId: string): Promise<DropDeposit | null> {
  const [row] = await tx.execute<{ id: string }[]>(`select id from drop_deposit where id = ? and status = 'AWAITING_BALANCE' for update`, [depositId]);
  return row ? tx.findOneOrFail(DropDeposit, depositId, { refresh: true }) : null;
}

/** A deposit that will not be paid gives everything back: its order cancelled, its units AVAILABLE, the customer's allocation. */
async function releaseHold(tx: EntityManager, deposit: DropDeposit, actor: string): Promise<void> {
  const order = await tx.findOneOrFail(Order, deposit.orderId);
  if (order.status !== OrderStatus.CANCELLED) await orderService.transition(tx, order, 'cancel', actor);
  await returnHeldUnits(tx, await tx.findOneOrFail(DropReservation, deposit.reservationId));
}

function settled(outcome: PaymentOutcome, what: string): PaymentStatus {
  if (outcome.status !== 'SUCCEEDED') throw new Error(`Deposit payment ${outcome.payment.id}: the provider declined the ${what} (${outcome.declineCode ?? 'no code'})`);
  return outcome.payment.status;
}

/**
 * How a deposit ends when its balance is not paid: the state moves first, in a transaction that holds
 * the deposit row (so of the deadline job, depositPayBalance and dropCancel exactly one wins), then the
 * provider is called outside it, idempotently (a fixed key per deposit), until `paymentSettledAt` says
 * it was done. Built so that other channels (draw deposits) can call `settlePayment` with a deposit id.
 */
export const depositSettlement = {
  /** The deadline job: FORFEIT keeps the deposit, REFUND refunds it; the order is cancelled and the units go back on sale. */
  async settleDue(app: App, depositId: string): Promise<'forfeited' | 'refunded' | 'already-settled' | 'not-due'> {
    const outcome = await transaction({ em: app.orm.em.fork() }, async (tx) => {
      const deposit = await lockAwaiting(tx, depositId);
      if (!deposit) return 'already-settled' as const;
      if (deposit.balanceDueAt.getTime() > Date.now()) return 'not-due' as const;
      const event = deposit.unpaidBalance === UnpaidBalance.FORFEIT ? 'forfeit' : 'refund';
      await apply(tx, depositLifecycle, { table: 'drop_deposit', id: deposit.id, event, actor: SYSTEM, expectedFrom: DepositStatus.AWAITING_BALANCE });
      await releaseHold(tx, deposit, SYSTEM);
      return event === 'forfeit' ? ('forfeited' as const) : ('refunded' as const);
    });
    if (outcome !== 'not-due') await depositSettlement.settlePayment(app, depositId);
    return outcome;
  },

  /** dropCancel, in its transaction: every deposit awaiting its balance VOIDED and released; a job per deposit gives the money back. */
  async voidAll(tx: EntityManager, dropId: string, actor: string): Promise<string[]> {
    const rows = await tx.execute<{ id: string }[]>(`select id from drop_deposit where drop_id = ? and status = 'AWAITING_BALANCE' order by id for update`, [dropId]);
    for (const { id } of rows) {
      const deposit = await tx.findOneOrFail(DropDeposit, id, { refresh: true });
      await apply(tx, depositLifecycle, { table: 'drop_deposit', id, event: 'void', actor, expectedFrom: DepositStatus.AWAITING_BALANCE });
      await releaseHold(tx, deposit, actor);
      await queueDepositJob(tx, DEPOSIT_PAYMENT_TASK, id, new Date());
    }
    return rows.map((r) => r.id);
  },

  /**
   * The provider call a final state needs, made once: FORFEITED captures a deposit that was only
   * authorized (a captured one is simply kept); REFUNDED and VOIDED refund what was captured or void
   * what was only authorized. Safe to run again and concurrently (provider idempotency keys); returns
   * the payment's status, or null when there was nothing (left) to do.
   */
  async settlePayment(app: App, depositId: string): Promise<PaymentStatus | null> {
    const em = app.orm.em.fork();
    const deposit = await em.findOne(DropDeposit, depositId);
    if (!deposit || deposit.paymentSettledAt || deposit.status === DepositStatus.AWAITING_BALANCE || deposit.status === DepositStatus.BALANCE_PAID) return null;
    const payment = await em.findOneOrFail(Payment, deposit.depositPaymentId);
    const keep = deposit.status === DepositStatus.FORFEITED;
    let status = payment.status;
    const key = `deposit-${deposit.status.toLowerCase()}`;
    if (status === PaymentStatus.AUTHORIZED) {
      status = keep ? settled(await paymentService.capture(app, payment.id, { idempotencyKey: key }), 'capture') : settled(await paymentService.void(app, payment.id, { idempotencyKey: key }), 'void');
    } else if (!keep && payment.capturedAmount > payment.refundedAmount) {
      status = settled(await paymentService.refund(app, payment.id, { amount: payment.capturedAmount - payment.refundedAmount, idempotencyKey: key }), 'refund');
    }
    await em.execute(`update drop_deposit set payment_settled_at = now(), updated_at = now() where id = ? and payment_settled_at is null`, [depositId]);
    return status;
  },
};
