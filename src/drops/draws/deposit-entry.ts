import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import type { Store } from '../../catalog/entities/store.entity.js';
import { storefrontCatalog } from '../../catalog/storefront/storefront-catalog.js';
import { PaymentPurpose } from '../../commerce/payments/payment.entity.js';
import { paymentService } from '../../commerce/payments/payment.service.js';
import type { Context } from '../../shared/context.js';
import { once } from '../../shared/idempotency.js';
import { actorOf } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { splitTotal, termsOf } from '../deposits/terms.js';
import type { Drop } from '../entities.js';
import type { DropDraw } from './entities.js';
import { EntryDepositStatus } from './entities.js';
import { DrawErrorCode } from './errors.js';

const HOUR = 3_600_000;
/** Beyond the last purchase deadline a win can have, checkout recovery may void an entry deposit nothing settled. */
const RETENTION_MARGIN_HOURS = 24;

/** An entry checked and ready to be made (draw.service's enter did the checks that need no lock). */
export interface EntryRequest {
  customerId: string;
  store: Store;
  drop: Drop;
  draw: DropDraw;
  variantId: string;
  weight: number;
}

const field = ['input', 'dropId'];
export const entryClosed = () => new DomainError(DrawErrorCode.ENTRY_CLOSED, 'Entries to this draw are closed', field);
export const alreadyEntered = () => new DomainError(DrawErrorCode.ALREADY_ENTERED, 'You have entered this draw already', field);

/** Whether entries are open, under the drop row's and the draw row's share locks (dropCancel and drawRun lock them for update, in that order). */
export async function entriesOpen(tx: EntityManager, dropId: string): Promise<boolean> {
  const [drop] = await tx.execute<{ open: boolean }[]>('select cancelled_at is null and ends_at > now() as open from drop_release where id = ? for share', [dropId]);
  const [draw] = await tx.execute<{ revealed_at: Date | null; entries_close_at: Date }[]>('select revealed_at, entries_close_at from drop_draw where drop_id = ? for share', [dropId]);
  return drop.open && !draw.revealed_at && new Date(draw.entries_close_at).getTime() > Date.now();
}

/** Inserts the entry (with its deposit, if any); null when the customer has one already (unique drop, customer). */
export async function insertEntry(tx: EntityManager, e: EntryRequest, deposit?: { paymentId: string; amount: number }): Promise<string | null> {
  const inserted = await tx.execute<{ id: string }[]>(
    `insert into drop_entry (id, created_at, updated_at, drop_id, brand_id, customer_id, variant_id, store_id, weight, deposit_payment_id, deposit_amount, deposit_currency, deposit_status)
     values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (drop_id, customer_id) do nothing returning id`,
    [uuidv7(), e.drop.id, e.drop.brandId, e.customerId, e.variantId, e.store.id, e.weight,
      deposit?.paymentId ?? null, deposit?.amount ?? null, deposit ? e.store.currency : null, deposit ? EntryDepositStatus.AUTHORIZED : null],
  );
  return inserted[0]?.id ?? null;
}

/** The drop's deposit percent (splitTotal) of the entered variant's price in the entry's store, quantity 1. */
async function depositAmount(ctx: Context, tx: EntityManager, e: EntryRequest): Promise<number> {
  const terms = termsOf(e.drop);
  if (!terms) throw new DomainError(DrawErrorCode.INVALID, 'The drop no longer has deposit terms: an entry deposit cannot be priced', field);
  const [variant] = await storefrontCatalog.variantsByIds({ em: tx, store: e.store, locales: ctx.locales }, [e.variantId]);
  if (!variant || variant.inStore.amount == null || variant.inStore.amount < 2) throw new DomainError(DrawErrorCode.NOT_FOUND, 'The variant is not sold in this store', ['input', 'variantId']);
  return splitTotal(variant.inStore.amount, terms.percent).deposit;
}

/**
 * dropEnter on a draw with an entry deposit, in checkout's three steps: (a) a short transaction: the
 * idempotency row, the window and one-entry checks, a pending DEPOSIT payment; (b) the authorization,
 * outside any transaction; (c) a short transaction: the checks again under the share locks, then the entry
 * with its authorized deposit. Refused in (c) (closed or entered meanwhile), the authorization is voided.
 * A retry with the key runs (b) and (c) again: the provider answers from its first outcome, and (c) finds
 * the entry this payment made. Returns the entry id.
 */
export async function enterWithDeposit(ctx: Context, e: EntryRequest, input: { payment: { provider: string; token: string }; idempotencyKey?: string | null }): Promise<string> {
  paymentService.assertProviderInUse(ctx.app, input.payment.provider);
  const request = { dropId: e.drop.id, variantId: e.variantId, payment: input.payment };
  const retainedUntil = new Date(e.drop.endsAt.getTime() + (e.draw.purchaseHours + RETENTION_MARGIN_HOURS) * HOUR);
  const { result } = await transaction(ctx, (tx) =>
    once(tx, `dropEnter:${e.customerId}`, input.idempotencyKey, request, async () => {
      if (!(await entriesOpen(tx, e.drop.id))) throw entryClosed();
      const [entered] = await tx.execute<unknown[]>('select 1 from drop_entry where drop_id = ? and customer_id = ?', [e.drop.id, e.customerId]);
      if (entered) throw alreadyEntered();
      const amount = await depositAmount(ctx, tx, e);
      const paymentId = await paymentService.createPending(tx, {
        storeId: e.store.id, amount, currency: e.store.currency, purpose: PaymentPurpose.DEPOSIT, provider: input.payment.provider, retainedUntil,
      });
      return { paymentId, amount };
    }),
  );
  const { paymentId, amount } = result;
  const declined = await paymentService.authorizeOrRefusal(ctx.app, paymentId, input.payment.token, {
    description: `draw entry deposit, drop ${e.drop.id}`, actor: actorOf(ctx.viewer), unchanged: 'no entry was made',
  });
  if (declined) throw declined;
  const made = await transaction({ em: ctx.app.orm.em.fork() }, async (tx) => {
    // Retries of one key reach this step together: one at a time, each sees whether an earlier one made the entry (else one could void what another just used).
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`dropEnter:${paymentId}`]);
    const [mine] = await tx.execute<{ id: string }[]>('select id from drop_entry where deposit_payment_id = ?', [paymentId]);
    if (mine) return mine.id;
    if (!(await entriesOpen(tx, e.drop.id))) return entryClosed();
    return (await insertEntry(tx, e, { paymentId, amount })) ?? alreadyEntered();
  });
  if (typeof made === 'string') return made;
  await paymentService.settleAbandoned(ctx.app, paymentId).catch((err) => ctx.app.logger.warn({ err, paymentId }, 'void of a refused entry deposit failed; checkout recovery voids it once its retention ends'));
  throw made;
}
