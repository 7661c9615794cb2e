import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Store } from '../../catalog/entities/store.entity.js';
import { currentStore } from '../../catalog/storefront/current-store.js';
import { stockService } from '../../catalog/stock.service.js';
import type { App, Context } from '../../shared/context.js';
import { once } from '../../shared/idempotency.js';
import { actorOf } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError, DomainErrors } from '../../shared/user-errors.js';
import { cartAccess } from '../carts/cart.service.js';
import { DeliveryMethod } from '../carts/cart.entity.js';
import { Order } from '../orders/entities.js';
import { orderService } from '../orders/order.service.js';
import { PaymentPurpose } from '../payments/payment.entity.js';
import { paymentService } from '../payments/payment.service.js';
import { PaymentUnavailableError } from '../payments/provider.js';
import { draftOrder, lockCart, outOfStock } from './checkout-draft.js';
import { Checkout, CheckoutStatus, StockHold, type OrderDraft } from './checkout.entity.js';
import { failCheckout } from './holds.js';
import { CheckoutErrorCode, type CheckoutCompleteInput } from './types.js';

/**
 * checkoutComplete, in three steps so that no provider call runs inside a transaction holding stock:
 *
 * 1. One short transaction, idempotent on (cart, customer, key) through once(): locks the cart, re-prices
 *    it, holds every line in one reserveMany statement (pickup boutique, or the store's locations for
 *    shipping), writes a hold row per line expiring after CHECKOUT_HOLD_SECONDS, the pending payment and
 *    the checkout (PENDING) with the order it will create.
 * 2. payments.authorize outside any transaction (the payment id is the provider's idempotency key).
 * 3. Approved: one transaction creates the order, commits the holds, completes the cart and attaches the
 *    payment; then the capture (outside it) and, captured, the order is PAID. A capture that fails leaves
 *    the order PENDING_PAYMENT with the authorization held, for staff to capture or cancel.
 *    Declined or unavailable: the holds are released and the checkout FAILED; the cart stays open for a
 *    new key.
 *
 * The checkout's status moves only by guarded updates from PENDING, so step 3 and the recovery job
 * (recovery.ts) can race and exactly one of them acts. A retry with the same key waits for the first
 * request (on the idempotency row, then polling the checkout until it is final) and returns its result.
 */

const POLL_MS = 50;

function requestOf(input: CheckoutCompleteInput) {
  return { cartId: input.cartId, payment: input.payment, email: input.email ?? null, shippingAddress: input.shippingAddress ?? null };
}

async function holdAndPend(ctx: Context, tx: EntityManager, store: Store, cartUuid: string, secret: string, input: CheckoutCompleteInput): Promise<{ checkoutId: string; paymentId: string }> {
  const cart = await lockCart(ctx, tx, cartUuid, secret, store);
  const { draft, lineIds } = await draftOrder(ctx, tx, store, cart, input);
  draft.attributedStaffId = (await ctx.app.ports.attribution?.attributionFor(tx, cartUuid)) ?? null;
  const checkout = tx.create(Checkout, { storeId: store.id, cartId: cartUuid, customerId: draft.customerId, paymentId: '', draft });
  const place = draft.delivery.method === DeliveryMethod.PICKUP ? { locationId: draft.delivery.locationId } : { storeId: store.id };
  const audit = { reason: 'checkout hold', actor: actorOf(ctx.viewer), ref: `checkout:${checkout.id}` };
  const levels = await stockService.reserveMany(tx, draft.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })), place, audit);
  const short = draft.lines.flatMap((line, i) => (levels[i] ? [] : [outOfStock(lineIds[i], line.sku)]));
  if (short.length) throw new DomainErrors(short);
  const expiresAt = new Date(Date.now() + ctx.app.config.CHECKOUT_HOLD_SECONDS * 1000);
  draft.lines.forEach((line, i) =>
    tx.create(StockHold, { storeId: store.id, checkoutId: checkout.id, variantId: line.variantId, locationId: levels[i]!.locationId, quantity: line.quantity, expiresAt }),
  );
  checkout.paymentId = await paymentService.createPending(tx, {
    storeId: store.id,
    amount: draft.totals.total,
    currency: draft.currency,
    purpose: PaymentPurpose.ORDER,
    provider: input.payment.provider,
  });
  return { checkoutId: checkout.id, paymentId: checkout.paymentId };
}

/** Step 3, approved: the order and the sale of the held stock, in one transaction; null when recovery released the checkout first. */
async function placeOrder(app: App, checkoutId: string, actor: string): Promise<Order | null> {
  return transaction({ em: app.orm.em.fork() }, async (tx) => {
    const [checkout] = await tx.execute<{ draft: OrderDraft; payment_id: string; cart_id: string }[]>(
      `select draft, payment_id, cart_id from checkout where id = ? and status = 'PENDING' for update`,
      [checkoutId],
    );
    if (!checkout) return null;
    const order = await orderService.createOrder(tx, { ...checkout.draft, status: 'PENDING_PAYMENT', actor });
    await tx.flush(); // the payment and the checkout name the order's row
    const holds = await tx.execute<{ variantId: string; locationId: string; quantity: number }[]>(
      `update stock_hold set status = 'COMMITTED', updated_at = now() where checkout_id = ? and status = 'HELD'
       returning variant_id as "variantId", location_id as "locationId", quantity`,
      [checkoutId],
    );
    await stockService.commitMany(tx, holds, { reason: 'checkout order', actor, ref: `order:${order.id}` });
    await tx.execute(`update cart set status = 'COMPLETED', updated_at = now() where id = ?`, [checkout.cart_id]);
    await paymentService.attachOrder(tx, checkout.payment_id, order.id);
    await tx.execute(`update checkout set status = 'COMPLETED', order_id = ?, updated_at = now() where id = ?`, [order.id, checkoutId]);
    return order;
  });
}

/** Capture at checkout; captured, the order is PAID. A refused or unreachable capture leaves it PENDING_PAYMENT, authorization held. */
async function captureAndPay(app: App, order: Order, paymentId: string, actor: string): Promise<void> {
  try {
    const captured = await paymentService.capture(app, paymentId, { idempotencyKey: 'checkout', actor });
    if (captured.status !== 'SUCCEEDED') {
      app.logger.warn({ orderId: order.id, paymentId, declineCode: captured.declineCode }, 'checkout capture declined: order left PENDING_PAYMENT');
      return;
    }
  } catch (err) {
    if (!(err instanceof PaymentUnavailableError)) throw err;
    app.logger.warn({ err, orderId: order.id, paymentId }, 'checkout capture unavailable: order left PENDING_PAYMENT');
    return;
  }
  await transaction({ em: app.orm.em.fork() }, (tx) => orderService.markPaid(tx, order.id, actor));
}

/** Steps 2 and 3 for the request that made the checkout. */
async function pay(ctx: Context, { checkoutId, paymentId }: { checkoutId: string; paymentId: string }, token: string): Promise<Order> {
  const { app } = ctx;
  const actor = actorOf(ctx.viewer);
  const declined = await paymentService.authorizeOrRefusal(app, paymentId, token, { description: `checkout ${checkoutId}`, actor });
  if (declined) {
    await failCheckout(app, checkoutId, CheckoutStatus.FAILED, declined);
    throw declined;
  }
  let order: Order | null = null;
  try {
    order = await placeOrder(app, checkoutId, actor);
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'PAYMENT_ABANDONED')) throw err;
  }
  if (!order) {
    const expired = new DomainError(CheckoutErrorCode.CHECKOUT_EXPIRED, 'The checkout outlived its stock hold and was released; nothing was charged', ['input', 'cartId']);
    await failCheckout(app, checkoutId, CheckoutStatus.EXPIRED, expired);
    await paymentService.settleAbandoned(app, paymentId).catch((err) => app.logger.warn({ err, paymentId }, 'void after an expired checkout failed; recovery retries'));
    throw expired;
  }
  await captureAndPay(app, order, paymentId, actor);
  return ctx.em.fork().findOneOrFail(Order, order.id);
}

/** A replay: the first request's checkout once it is final, waiting (bounded) while it is still PENDING. */
async function resultOf(ctx: Context, checkoutId: string): Promise<Order> {
  const deadline = Date.now() + ctx.app.config.TEST_PAYMENT_SLOW_MS + 30_000;
  for (;;) {
    const checkout = await ctx.em.fork().findOneOrFail(Checkout, checkoutId);
    if (checkout.status === CheckoutStatus.COMPLETED) {
      // The first request may still be capturing: wait until the order is PAID, or its capture was refused or failed.
      const [state] = await ctx.em.fork().execute<{ settled: boolean }[]>(
        `select (o.status <> 'PENDING_PAYMENT' or exists (select 1 from payment_transaction t where t.payment_id = ? and t.kind = 'CAPTURE' and t.status <> 'SUCCEEDED')) as settled
           from sales_order o where o.id = ?`,
        [checkout.paymentId, checkout.orderId],
      );
      if (state?.settled || Date.now() > deadline) return ctx.em.fork().findOneOrFail(Order, checkout.orderId!);
    } else if (checkout.status !== CheckoutStatus.PENDING) {
      throw new DomainError(checkout.errorCode!, checkout.errorMessage!, checkout.errorCode === CheckoutErrorCode.CHECKOUT_EXPIRED ? ['input', 'cartId'] : ['input', 'payment']);
    } else if (Date.now() > deadline) {
      throw new DomainError(CheckoutErrorCode.CHECKOUT_IN_PROGRESS, 'The first request with this key is still running; retry with the same key', ['input', 'idempotencyKey']);
    }
    await sleep(POLL_MS);
  }
}

export const checkoutService = {
  async complete(ctx: Context, input: CheckoutCompleteInput): Promise<{ order: Order }> {
    paymentService.assertProviderInUse(ctx.app, input.payment.provider);
    const parsed = cartAccess.parseCartId(input.cartId);
    if (!parsed) throw new DomainError(CheckoutErrorCode.CART_NOT_FOUND, 'No cart with this id', ['input', 'cartId']);
    const customer = ctx.viewer.kind === 'customer' ? ctx.viewer.customerId : 'guest';
    // Read before the transaction: inside it, a second connection per request could exhaust the pool under load.
    const store = await currentStore(ctx);
    const started = await transaction(ctx, (tx) =>
      once(tx, `checkout:${parsed.id}:${customer}`, input.idempotencyKey, requestOf(input), () => holdAndPend(ctx, tx, store, parsed.id, parsed.secret, input)),
    );
    const order = started.replayed ? await resultOf(ctx, started.result.checkoutId) : await pay(ctx, started.result, input.payment.token);
    return { order };
  },
};
