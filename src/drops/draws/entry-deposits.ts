import type { EntityManager } from '@mikro-orm/postgresql';
import { Payment, PaymentStatus } from '../../commerce/payments/payment.entity.js';
import { paymentService, type PaymentOutcome } from '../../commerce/payments/payment.service.js';
import type { App } from '../../shared/context.js';
import { queueJobs } from '../../shared/jobs.js';
import { apply, defineMachine } from '../../shared/state-machine.js';
import { UnpaidBalance } from '../deposits/entities.js';
import { termsOf } from '../deposits/terms.js';
import { Drop, type DropReservation, ReservationPhase } from '../entities.js';
import { DropEntry, EntryDepositStatus } from './entities.js';

/** After an entry deposit reached VOIDED or FORFEITED: the provider call (void, capture), retried until done. */
export const ENTRY_DEPOSIT_TASK = 'drop_entry_deposit_settle';
const SYSTEM = 'system';
const { AUTHORIZED, APPLIED, VOIDED, FORFEITED } = EntryDepositStatus;

/**
 * An entry deposit ends exactly once: the winner's checkout takes it as the order's deposit (apply), a
 * loser, dropCancel or a lapsed REFUND win gives it back (void), a lapsed FORFEIT win keeps it (forfeit).
 * Moves are compare-and-sets on drop_entry.deposit_status, in the transaction that decides them; the
 * provider call follows in a job (settlePayment), never inside that transaction.
 */
export const entryDepositLifecycle = defineMachine({
  name: 'drop_entry_deposit',
  states: [AUTHORIZED, APPLIED, VOIDED, FORFEITED],
  events: ['apply', 'void', 'forfeit'],
  initial: AUTHORIZED,
  terminal: [APPLIED, VOIDED, FORFEITED],
  transitions: [
    { event: 'apply', from: AUTHORIZED, to: APPLIED },
    { event: 'void', from: AUTHORIZED, to: VOIDED },
    { event: 'forfeit', from: AUTHORIZED, to: FORFEITED },
  ],
});

type Ending = 'void' | 'forfeit';

const move = (tx: EntityManager, entryId: string, event: 'apply' | Ending, actor: string) =>
  apply(tx, entryDepositLifecycle, { table: 'drop_entry', stateColumn: 'deposit_status', id: entryId, event, actor, expectedFrom: AUTHORIZED });

/**
 * A settlement job per entry, queued in the caller's transaction in one graphile-worker add_jobs call
 * (one statement and one NOTIFY for a whole draw's losers, where add_job per entry was one each).
 */
async function queueSettlements(tx: EntityManager, entryIds: string[]): Promise<void> {
  await queueJobs(tx, ENTRY_DEPOSIT_TASK, entryIds.map((entryId) => ({ payload: { entryId }, jobKey: `${ENTRY_DEPOSIT_TASK}:${entryId}` })));
}

/** Ends the AUTHORIZED entry deposits the query selects (rows locked, in id order), a settlement job each; returns how many. */
async function endEach(tx: EntityManager, where: string, params: unknown[], event: Ending, actor: string): Promise<number> {
  const rows = await tx.execute<{ id: string }[]>(`select id from drop_entry where deposit_status = 'AUTHORIZED' and ${where} order by id for update`, params);
  for (const { id } of rows) await move(tx, id, event, actor);
  await queueSettlements(tx, rows.map((r) => r.id));
  return rows.length;
}

function settled(outcome: PaymentOutcome, what: string): PaymentStatus {
  if (outcome.status !== 'SUCCEEDED') throw new Error(`Entry deposit payment ${outcome.payment.id}: the provider declined the ${what} (${outcome.declineCode ?? 'no code'})`);
  return outcome.payment.status;
}

export interface HeldEntryDeposit {
  entryId: string;
  paymentId: string;
  amount: number;
}

export const entryDeposits = {
  /** drawRun, in its transaction after the holds: every entry that got no unit (the waiting list too) gets its deposit back. */
  voidLosers(tx: EntityManager, dropId: string): Promise<number> {
    return endEach(tx, 'drop_id = ? and reservation_id is null', [dropId], 'void', SYSTEM);
  },

  /** dropCancel, in its transaction: every entry deposit still held is given back. */
  voidAll(tx: EntityManager, dropId: string, actor: string): Promise<number> {
    return endEach(tx, 'drop_id = ?', [dropId], 'void', actor);
  },

  /**
   * The expiry task, in its transaction, for a DRAW reservation that ended unclaimed: the winner's entry
   * deposit is settled per the drop's unpaidBalance (FORFEIT keeps it, REFUND gives it back; a drop whose
   * terms were removed gives it back).
   */
  async settleLapsed(tx: EntityManager, ended: DropReservation): Promise<number> {
    if (ended.phase !== ReservationPhase.DRAW) return 0;
    const drop = await tx.findOneOrFail(Drop, ended.dropId);
    const event = termsOf(drop)?.unpaidBalance === UnpaidBalance.FORFEIT ? 'forfeit' : 'void';
    return endEach(tx, 'reservation_id = ?', [ended.id], event, SYSTEM);
  },

  /** The held entry deposit of the entry this reservation was made for, if any (reservationCheckout's first step). */
  async ofReservation(em: EntityManager, reservationId: string): Promise<HeldEntryDeposit | null> {
    const [row] = await em.execute<{ id: string; deposit_payment_id: string; deposit_amount: number }[]>(
      `select id, deposit_payment_id, deposit_amount from drop_entry where reservation_id = ? and deposit_status = 'AUTHORIZED'`, [reservationId],
    );
    return row ? { entryId: row.id, paymentId: row.deposit_payment_id, amount: row.deposit_amount } : null;
  },

  /** reservationCheckout's order transaction: the authorization is now the order's deposit (APPLIED), or, when the order is paid in full, given back. */
  async checkedOut(tx: EntityManager, entryId: string, reused: boolean, actor: string): Promise<void> {
    await move(tx, entryId, reused ? 'apply' : 'void', actor);
    if (!reused) await queueSettlements(tx, [entryId]);
  },

  /**
   * The ENTRY_DEPOSIT_TASK body: the provider call a VOIDED (void) or FORFEITED (capture) entry deposit
   * needs, made once: provider idempotency keys make concurrent and repeated runs safe, and
   * `deposit_settled_at` marks it done. Returns the payment's status, or null when there was nothing to do.
   */
  async settlePayment(app: App, entryId: string): Promise<PaymentStatus | null> {
    const em = app.orm.em.fork();
    const entry = await em.findOne(DropEntry, entryId);
    if (!entry?.depositPaymentId || entry.depositSettledAt || (entry.depositStatus !== VOIDED && entry.depositStatus !== FORFEITED)) return null;
    const payment = await em.findOneOrFail(Payment, entry.depositPaymentId);
    const key = `entry-deposit-${entry.depositStatus.toLowerCase()}`;
    let status = payment.status;
    if (status === PaymentStatus.AUTHORIZED) {
      status = entry.depositStatus === FORFEITED
        ? settled(await paymentService.capture(app, payment.id, { idempotencyKey: key }), 'capture')
        : settled(await paymentService.void(app, payment.id, { idempotencyKey: key }), 'void');
    }
    await em.execute(`update drop_entry set deposit_settled_at = now(), updated_at = now() where id = ? and deposit_settled_at is null`, [entryId]);
    return status;
  },
};
