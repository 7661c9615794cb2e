import type { EntityManager } from '@mikro-orm/postgresql';
import { stockService } from '../../catalog/stock.service.js';
import type { App } from '../../shared/context.js';
import { transaction } from '../../shared/transaction.js';
import type { DomainError } from '../../shared/user-errors.js';
import type { CheckoutStatus } from './checkout.entity.js';

/** Gives back every unit still held for the checkout, once: the hold rows move HELD -> RELEASED in the same statement that names them. */
export async function releaseHolds(tx: EntityManager, checkoutId: string, reason: string): Promise<number> {
  const holds = await tx.execute<{ variantId: string; locationId: string; quantity: number }[]>(
    `update stock_hold set status = 'RELEASED', updated_at = now() where checkout_id = ? and status = 'HELD'
     returning variant_id as "variantId", location_id as "locationId", quantity`,
    [checkoutId],
  );
  await stockService.releaseMany(tx, holds, { reason, actor: 'system', ref: `checkout:${checkoutId}` });
  return holds.length;
}

/**
 * Ends a PENDING checkout as FAILED or EXPIRED with the userError its replays return, and releases its
 * holds, in one transaction. A compare-and-set from PENDING: whoever moves it first (the request or the
 * recovery job) releases; the other changes nothing. Returns whether this call moved it.
 */
export async function failCheckout(app: App, checkoutId: string, status: CheckoutStatus.FAILED | CheckoutStatus.EXPIRED, error: DomainError): Promise<boolean> {
  return transaction({ em: app.orm.em.fork() }, async (tx) => {
    const moved = await tx.execute<unknown[]>(
      `update checkout set status = ?, error_code = ?, error_message = ?, updated_at = now() where id = ? and status = 'PENDING' returning 1`,
      [status, error.code, error.message.slice(0, 500), checkoutId],
    );
    if (!moved.length) return false;
    await releaseHolds(tx, checkoutId, status === 'FAILED' ? 'checkout failed' : 'checkout hold expired');
    return true;
  });
}
