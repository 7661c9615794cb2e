import type { App } from '../../shared/context.js';
import { DomainError } from '../../shared/user-errors.js';
import { paymentService } from '../payments/payment.service.js';
import { PaymentUnavailableError } from '../payments/provider.js';
import { CheckoutStatus } from './checkout.entity.js';
import { failCheckout } from './holds.js';
import { CheckoutErrorCode } from './types.js';

const BATCH = 200;

export interface RecoveryReport {
  /** Checkouts whose expired holds this run released. */
  expired: number;
  /** Payments without an order this run settled (voided, or found never authorized). */
  settled: number;
}

/**
 * The checkout recovery job (every minute, crontab in shared/jobs.ts): what a crash between the steps
 * of checkout leaves behind is undone, exactly once however many runs overlap.
 *
 * 1. Holds past their expiry with no order: their checkout moves PENDING -> EXPIRED (compare-and-set,
 *    so a checkout completing at the same moment either wins and keeps its stock, or loses and fails)
 *    and the units go back in the same transaction.
 * 2. Payments of FAILED or EXPIRED checkouts that no order took, and any payment without an order older
 *    than twice the hold (payments.findAbandoned): claimed, looked up at the provider when the answer
 *    was lost, and voided (payments.settleAbandoned, idempotent). A provider outage leaves the payment
 *    for the next run.
 */
export async function recoverCheckouts(app: App): Promise<RecoveryReport> {
  const em = app.orm.em.fork();
  const stale = await em.execute<{ checkout_id: string }[]>(
    `select distinct h.checkout_id from stock_hold h join checkout k on k.id = h.checkout_id
      where h.status = 'HELD' and h.expires_at < now() and k.status = 'PENDING' limit ?`,
    [BATCH],
  );
  let expired = 0;
  const error = new DomainError(CheckoutErrorCode.CHECKOUT_EXPIRED, 'The checkout outlived its stock hold and was released; nothing was charged');
  for (const { checkout_id } of stale) if (await failCheckout(app, checkout_id, CheckoutStatus.EXPIRED, error)) expired++;

  const orphans = await em.execute<{ payment_id: string }[]>(
    `select k.payment_id from checkout k join payment p on p.id = k.payment_id
      where k.status in ('FAILED', 'EXPIRED') and p.order_id is null and p.status in ('PENDING', 'AUTHORIZED', 'FAILED') and p.abandoned_at is null
      limit ?`,
    [BATCH],
  );
  const olderThan = new Date(Date.now() - 2 * app.config.CHECKOUT_HOLD_SECONDS * 1000);
  const abandoned = await paymentService.findAbandoned(em, olderThan, BATCH);
  const ids = [...new Set([...orphans.map((o) => o.payment_id), ...abandoned.map((p) => p.id)])];
  let settled = 0;
  for (const id of ids) {
    try {
      if ((await paymentService.settleAbandoned(app, id)) !== null) settled++;
    } catch (err) {
      if (!(err instanceof PaymentUnavailableError)) throw err;
      app.logger.warn({ err, paymentId: id }, 'checkout recovery: provider unavailable, the payment is retried next run');
    }
  }
  return { expired, settled };
}
