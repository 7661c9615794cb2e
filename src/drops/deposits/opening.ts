import type { EntityManager } from '@mikro-orm/postgresql';
import type { CurrencyCode } from '../../shared/money.js';
import type { Drop, DropReservation } from '../entities.js';
import { DepositStatus, DropDeposit, type UnpaidBalance } from './entities.js';
import { DEPOSIT_DUE_TASK, queueDepositJob } from './jobs.js';
import { splitTotal, termsOf } from './terms.js';

/** What reservationCheckout charges on a deposit drop, decided in its first step. */
export interface DepositQuote {
  depositAmount: number;
  balanceAmount: number;
  balanceOpensAt: Date;
  balanceDueAt: Date;
  unpaidBalance: UnpaidBalance;
}

/** What reservationCheckout asks of deposits (kept apart from deposit.service.ts, which builds on checkout). */
export const depositOpening = {
  /** The deposit reservationCheckout takes for this drop and total, or null (no terms, or their balance is already due: pay in full). */
  quote(drop: Drop, total: number): DepositQuote | null {
    const terms = termsOf(drop);
    if (!terms || terms.balanceDueAt.getTime() <= Date.now() || total < 2) return null;
    const { deposit, balance } = splitTotal(total, terms.percent);
    return { depositAmount: deposit, balanceAmount: balance, balanceOpensAt: terms.balanceOpensAt, balanceDueAt: terms.balanceDueAt, unpaidBalance: terms.unpaidBalance };
  },

  /**
   * The quote when the deposit is held already (a draw winner's authorized entry deposit): the balance is
   * the rest of the total; null when the drop sells in full now or nothing would be left to pay.
   */
  quoteHeld(drop: Drop, total: number, depositAmount: number): DepositQuote | null {
    const quote = depositOpening.quote(drop, total);
    return quote && total - depositAmount >= 1 ? { ...quote, depositAmount, balanceAmount: total - depositAmount } : null;
  },

  /** In reservationCheckout's order transaction: the deposit row AWAITING_BALANCE and its deadline job at balanceDueAt. */
  async open(tx: EntityManager, at: { reservation: DropReservation; orderId: string; paymentId: string; currency: CurrencyCode; quote: DepositQuote }): Promise<string> {
    const { reservation, quote } = at;
    const deposit = tx.create(DropDeposit, {
      brandId: reservation.brandId, storeId: reservation.storeId, dropId: reservation.dropId, customerId: reservation.customerId, reservationId: reservation.id,
      orderId: at.orderId, depositPaymentId: at.paymentId, depositAmount: quote.depositAmount, balanceAmount: quote.balanceAmount, currency: at.currency,
      balanceOpensAt: new Date(quote.balanceOpensAt), balanceDueAt: new Date(quote.balanceDueAt), unpaidBalance: quote.unpaidBalance, status: DepositStatus.AWAITING_BALANCE,
    });
    await tx.flush();
    await queueDepositJob(tx, DEPOSIT_DUE_TASK, deposit.id, deposit.balanceDueAt);
    return deposit.id;
  },

  /** Whether any deposit was taken on the drop's terms (a reservation checked out with one, or a draw entry's authorized deposit): they are then fixed. */
  async taken(em: EntityManager, dropId: string): Promise<boolean> {
    const rows = await em.execute<unknown[]>(
      `select 1 where exists (select 1 from drop_deposit where drop_id = ?) or exists (select 1 from drop_entry where drop_id = ? and deposit_payment_id is not null)`,
      [dropId, dropId],
    );
    return rows.length > 0;
  },


};
