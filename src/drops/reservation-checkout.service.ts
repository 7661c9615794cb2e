import type { EntityManager } from '@mikro-orm/postgresql';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentStore } from '../catalog/storefront/current-store.js';
import { storefrontCatalog } from '../catalog/storefront/storefront-catalog.js';
import { DeliveryMethod } from '../commerce/carts/cart.entity.js';
import { cartCost, NO_TERMS } from '../commerce/carts/cart-cost.js';
import { lineSnapshot } from '../commerce/checkout/checkout-draft.js';
import type { OrderDraft } from '../commerce/checkout/checkout.entity.js';
import { Order, type OrderAddress } from '../commerce/orders/entities.js';
import type { OrderEvent } from '../commerce/orders/order-lifecycle.js';
import { orderService } from '../commerce/orders/order.service.js';
import { PaymentPurpose } from '../commerce/payments/payment.entity.js';
import { paymentService } from '../commerce/payments/payment.service.js';
import { PaymentUnavailableError } from '../commerce/payments/provider.js';
import type { App, Context } from '../shared/context.js';
import { once } from '../shared/idempotency.js';
import { actorOf, idOf } from '../shared/scope.js';
import { apply } from '../shared/state-machine.js';
import { transaction } from '../shared/transaction.js';
import { DomainError } from '../shared/user-errors.js';
import { certificateService } from './certificates/certificate.service.js';
import { depositOpening, type DepositQuote } from './deposits/opening.js';
import { entryDeposits } from './draws/entry-deposits.js';
import { Drop, DropReservation, LimitedEdition, ReservationPhase, ReservationStatus } from './entities.js';
import { DropErrorCode } from './errors.js';
import { reservationLifecycle } from './lifecycle.js';
import { signedInCustomer } from './reservation.service.js';
import { editionUnits } from './units.js';

/** Time the payment gets: an ACTIVE reservation about to expire is kept at least this long once checkout starts. */
const PAYMENT_GRACE_SECONDS = 120;
const POLL_MS = 50;

export interface ReservationCheckoutInput {
  reservationId: string;
  payment: { provider: string; token: string };
  idempotencyKey: string;
  shippingAddress?: OrderAddress | null;
}

const expired = () => new DomainError(DropErrorCode.RESERVATION_EXPIRED, 'The reservation is no longer active; nothing was charged', ['input', 'reservationId']);

/** Step 1 (one short transaction): the reservation locked and checked, the order draft priced in its store, the pending payment. */
async function pend(ctx: Context, tx: EntityManager, customerId: string, reservationId: string, input: ReservationCheckoutInput) {
  const [locked] = await tx.execute<{ id: string }[]>(`select id from drop_reservation where id = ? and customer_id = ? for update`, [reservationId, customerId]);
  const reservation = locked && (await tx.findOneOrFail(DropReservation, reservationId));
  if (!reservation) throw new DomainError(DropErrorCode.NOT_FOUND, 'No such reservation of yours', ['input', 'reservationId']);
  if (reservation.status !== ReservationStatus.ACTIVE || reservation.expiresAt.getTime() <= Date.now()) throw expired();
  const store = await currentStore(ctx);
  if (store.id !== reservation.storeId) throw new DomainError(DropErrorCode.MARKET_EXCLUDED, 'Check out in the store the units were reserved in', ['input', 'reservationId']);
  if (!input.shippingAddress) throw new DomainError(DropErrorCode.INVALID, 'Drop orders ship: send shippingAddress', ['input', 'shippingAddress']);
  const [variant] = await storefrontCatalog.variantsByIds({ em: tx, store, locales: ctx.locales }, [reservation.variantId]);
  if (!variant || variant.inStore.amount == null) throw new DomainError(DropErrorCode.NOT_FOUND, 'The variant is not sold in this store any more', ['input', 'reservationId']);
  const line = lineSnapshot(variant, reservation.quantity);
  const [{ email }] = await tx.execute<{ email: string }[]>('select email from customer where id = ?', [customerId]);
  const draft: OrderDraft = {
    storeId: store.id, customerId, email, currency: store.currency, lines: [line],
    totals: cartCost(store.currency, [line.unitPrice * line.quantity], false, NO_TERMS),
    delivery: { method: DeliveryMethod.SHIPPING, address: { ...input.shippingAddress } },
  };
  const drop = await tx.findOneOrFail(Drop, reservation.dropId);
  // A draw winner's authorized entry deposit is the order's deposit (no second one, the token is not charged); paid in full, it is given back.
  const held = reservation.phase === ReservationPhase.DRAW ? await entryDeposits.ofReservation(tx, reservation.id) : null;
  const reusable = held && depositOpening.quoteHeld(drop, draft.totals.total, held.amount);
  const deposit = reusable || depositOpening.quote(drop, draft.totals.total);
  const entryDeposit = held ? { entryId: held.entryId, reused: !!reusable } : null;
  const paymentId = reusable ? held.paymentId : await paymentService.createPending(tx, {
    storeId: store.id, amount: deposit?.depositAmount ?? draft.totals.total, currency: draft.currency, purpose: deposit ? PaymentPurpose.DEPOSIT : PaymentPurpose.ORDER, provider: input.payment.provider,
  });
  const graceUntil = new Date(Date.now() + PAYMENT_GRACE_SECONDS * 1000);
  // The expiry sweep reads expiresAt when it runs: moving it is all that keeps the reservation.
  if (reservation.expiresAt < graceUntil) reservation.expiresAt = graceUntil;
  return { paymentId, draft, deposit, entryDeposit };
}

/**
 * A reservation's units SOLD to the order, one authenticity certificate each, in the caller's
 * transaction; returns their numbers. For checkout and for a deposit's balance.
 */
export async function sellAndCertify(tx: EntityManager, reservation: DropReservation, orderId: string): Promise<number[]> {
  const numbers = await editionUnits.sell(tx, reservation.id, orderId);
  if (numbers.length !== reservation.quantity) throw new Error(`Reservation ${reservation.id}: ${numbers.length} of its ${reservation.quantity} units were reserved`);
  const [{ edition_id: editionId }] = await tx.execute<{ edition_id: string }[]>('select edition_id from drop_release where id = ?', [reservation.dropId]);
  const edition = await tx.findOneOrFail(LimitedEdition, editionId);
  for (const unitNumber of numbers) {
    await certificateService.issue(tx, {
      brandId: reservation.brandId, editionId: edition.id, unitNumber, editionSize: edition.editionSize, productId: edition.productId,
      variantId: reservation.variantId, customerId: reservation.customerId, storeId: reservation.storeId,
    });
  }
  return numbers;
}

/**
 * Step 3 (approved): the reservation CONVERTED, the order, its units SOLD with their numbers and a
 * certificate each; null when it ended meanwhile. With a deposit the units stay RESERVED (no
 * certificate yet) and a drop_deposit awaits the balance.
 */
async function placeOrder(
  app: App, reservationId: string, draft: OrderDraft, paymentId: string, actor: string, deposit: DepositQuote | null, entryDeposit: { entryId: string; reused: boolean } | null,
): Promise<Order | null> {
  return transaction({ em: app.orm.em.fork() }, async (tx) => {
    const [row] = await tx.execute<{ id: string }[]>(`select id from drop_reservation where id = ? and status = 'ACTIVE' for update`, [reservationId]);
    if (!row) return null;
    const reservation = await tx.findOneOrFail(DropReservation, reservationId);
    await apply(tx, reservationLifecycle, { table: 'drop_reservation', id: reservationId, event: 'convert', actor, expectedFrom: ReservationStatus.ACTIVE });
    const order = await orderService.createOrder(tx, { ...draft, status: 'PENDING_PAYMENT', actor });
    await tx.flush();
    await tx.execute(`update drop_reservation set order_id = ?, updated_at = now() where id = ?`, [order.id, reservationId]);
    if (deposit) await depositOpening.open(tx, { reservation, orderId: order.id, paymentId, currency: draft.currency, quote: deposit });
    else await sellAndCertify(tx, reservation, order.id);
    await paymentService.attachOrder(tx, paymentId, order.id);
    if (entryDeposit) await entryDeposits.checkedOut(tx, entryDeposit.entryId, entryDeposit.reused, actor);
    return order;
  });
}

/** Captures the payment, then moves the order (`pay`, `pay_deposit` for a deposit, null: capture only); a refused or unreachable capture leaves the order as it is. */
export async function captureAndPay(app: App, orderId: string, paymentId: string, actor: string, event: Extract<OrderEvent, 'pay' | 'pay_deposit'> | null = 'pay') {
  try {
    const captured = await paymentService.capture(app, paymentId, { idempotencyKey: 'drop-checkout', actor });
    if (captured.status !== 'SUCCEEDED') return app.logger.warn({ orderId, paymentId }, 'drop checkout capture declined: order left as it was');
  } catch (err) {
    if (!(err instanceof PaymentUnavailableError)) throw err;
    return app.logger.warn({ err, orderId, paymentId }, 'drop checkout capture unavailable: order left as it was');
  }
  if (event) await transaction({ em: app.orm.em.fork() }, (tx) => orderService.transition(tx, orderId, event, actor));
}

/**
 * reservationCheckout, in the three steps of checkoutComplete (src/commerce/checkout) so that no
 * provider call runs inside a transaction holding the reservation: pend, authorize outside, then place
 * the order. A declined payment leaves the reservation ACTIVE until it expires (the buyer may retry with
 * a new key); a reservation that ended meanwhile voids the payment. On a deposit drop (before its
 * balanceDueAt) only the deposit is charged and the order waits DEPOSIT_PAID for depositPayBalance.
 */
export const reservationCheckout = {
  async complete(ctx: Context, input: ReservationCheckoutInput): Promise<{ order: Order }> {
    const customerId = signedInCustomer(ctx);
    paymentService.assertProviderInUse(ctx.app, input.payment.provider);
    const reservationId = idOf(input.reservationId, 'DropReservation', 'reservationId');
    const actor = actorOf(ctx.viewer);
    await currentStore(ctx);
    const request = { reservationId, payment: input.payment, shippingAddress: input.shippingAddress ?? null };
    const started = await transaction(ctx, (tx) => once(tx, `reservationCheckout:${customerId}`, input.idempotencyKey, request, () => pend(ctx, tx, customerId, reservationId, input)));
    const { paymentId, draft, deposit, entryDeposit } = started.result;
    if (started.replayed) return { order: await resultOf(ctx, reservationId) };
    const declined = entryDeposit?.reused ? null : await paymentService.authorizeOrRefusal(ctx.app, paymentId, input.payment.token, { description: `drop reservation ${reservationId}`, actor });
    if (declined) throw declined;
    const order = await placeOrder(ctx.app, reservationId, draft, paymentId, actor, deposit, entryDeposit);
    if (!order) {
      // A reused entry deposit stays with its entry: the expiry settles it per the drop's unpaidBalance.
      if (!entryDeposit?.reused) await paymentService.settleAbandoned(ctx.app, paymentId).catch((err) => ctx.app.logger.warn({ err, paymentId }, 'void after an ended reservation failed'));
      throw expired();
    }
    await captureAndPay(ctx.app, order.id, paymentId, actor, deposit ? 'pay_deposit' : 'pay');
    return { order: await ctx.em.fork().findOneOrFail(Order, order.id) };
  },
};

/** A replay: the order of the first request once the reservation is converted (bounded wait). */
async function resultOf(ctx: Context, reservationId: string): Promise<Order> {
  const deadline = Date.now() + ctx.app.config.TEST_PAYMENT_SLOW_MS + 30_000;
  for (;;) {
    const reservation = await ctx.em.fork().findOneOrFail(DropReservation, reservationId);
    if (reservation.orderId) return ctx.em.fork().findOneOrFail(Order, reservation.orderId);
    if (reservation.status !== ReservationStatus.ACTIVE || Date.now() > deadline) throw expired();
    await sleep(POLL_MS);
  }
}
