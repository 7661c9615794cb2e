import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { stockService } from '../../catalog/stock.service.js';
import type { App } from '../../shared/context.js';
import { parseDecimal } from '../../shared/money.js';
import { actorOf, idOf, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';
import { invalidTransition } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { capture, refund, voidPayment } from '../payments/payment.service.js';
import { PaymentStatus } from '../payments/payment.entity.js';
import { PaymentUnavailableError } from '../payments/provider.js';
import { Order, OrderLine, OrderStatus } from './entities.js';
import { orderEvents } from './events.js';
import { orderLifecycle } from './order-lifecycle.js';
import {
  declinedError, hasPending, markIntent, pendingAmount, refundedQuantities, scopeOf, settleDeclined, settleIntent,
  type Intent, type IntentKind, type OrderLineQuantity, type PlannedCall,
} from './order-payment-intents.js';
import { orderService } from './order.service.js';

/**
 * Admin money operations on an order: capture, cancel (void or refund, restock) and refund. Each runs in
 * three steps and never calls the provider inside a transaction: (1) a short transaction locks the
 * order row, checks scope, state and amounts against our payment records minus what is in flight, and
 * writes the intent (order-payment-intents.ts); (2) payment.service.ts calls the provider, keyed by the
 * intent's key; (3) a short transaction moves the order (lifecycle, stock, events) and settles the intent.
 * Scope: like fulfilment, the viewer must manage every brand of the order (FORBIDDEN otherwise).
 * Restocking puts units back where the order took them: the stock audit rows of its ref `order:<id>`
 * (checkout's commit), less what was put back since. An order that took no stock (a drop order sells
 * numbered edition units) restocks nothing.
 */
export type MoneyCtx = ServiceCtx & { app: App };

const CAPTURABLE: PaymentStatus[] = [PaymentStatus.AUTHORIZED, PaymentStatus.PARTIALLY_CAPTURED];
const REFUNDABLE: PaymentStatus[] = [PaymentStatus.PARTIALLY_CAPTURED, PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED];
const REFUNDABLE_ORDER: OrderStatus[] = [OrderStatus.PAID, OrderStatus.FULFILLED, OrderStatus.PICKED_UP, OrderStatus.PARTIALLY_REFUNDED];
const ID = ['input', 'id'];

interface OrderPayment {
  id: string;
  status: PaymentStatus;
  authorizedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
}

export const paymentsOfOrder = (em: EntityManager, orderId: string) =>
  em.execute<OrderPayment[]>(
    `select id, status, authorized_amount as "authorizedAmount", captured_amount as "capturedAmount", refunded_amount as "refundedAmount"
       from payment where order_id = ? order by created_at, id`,
    [orderId],
  );

const sum = <T>(rows: T[], of: (row: T) => number) => rows.reduce((s, r) => s + of(r), 0);
const inProgress = () => new DomainError('OPERATION_IN_PROGRESS', 'Another payment operation on this order is in progress; retry when it has finished', ID);

async function lockOrder(ctx: ServiceCtx, tx: EntityManager, globalId: string): Promise<Order> {
  const id = idOf(globalId, 'Order', 'id');
  const order = await tx.findOne(Order, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const visible = visibleBrandIds(ctx.viewer);
  if (!order || (visible && !order.brandIds.some((b) => visible.includes(b)))) throw new DomainError('NOT_FOUND', 'No such order', ID);
  if (visible && !order.brandIds.every((b) => visible.includes(b))) {
    throw new DomainError('FORBIDDEN', 'The order holds lines of brands you do not manage: its payments are handled by the store operator', ID);
  }
  return order;
}

function positiveAmount(value: string, order: Order, field = ['input', 'amount']): number {
  const amount = parseDecimal(value, order.currency, field);
  if (amount <= 0) throw new DomainError('INVALID', 'The amount must be positive', field);
  return amount;
}

/** Spreads `amount` over the payments in order, each taking at most what `room` says it has left. */
function allocate(payments: OrderPayment[], room: (p: OrderPayment) => number, amount: number, action: PlannedCall['action']): PlannedCall[] {
  const plan: PlannedCall[] = [];
  let left = amount;
  for (const p of payments) {
    const take = Math.min(left, room(p));
    if (take > 0) plan.push({ paymentId: p.id, action, amount: take });
    left -= take;
  }
  return plan;
}

/** Per variant, the locations the order's units were taken from and how many are still out there (oldest location first). */
async function takenFrom(tx: EntityManager, orderId: string): Promise<Map<string, { locationId: string; units: number }[]>> {
  const rows = await tx.execute<{ variant_id: string; location_id: string; units: number }[]>(
    `select variant_id, location_id, (-sum(delta))::int as units from inventory_adjustment where ref = ?
      group by variant_id, location_id having sum(delta) < 0 order by location_id`,
    [`order:${orderId}`],
  );
  const byVariant = new Map<string, { locationId: string; units: number }[]>();
  for (const r of rows) byVariant.set(r.variant_id, [...(byVariant.get(r.variant_id) ?? []), { locationId: r.location_id, units: r.units }]);
  return byVariant;
}

async function restock(tx: EntityManager, order: Order, lines: OrderLineQuantity[], reason: string, actor: string) {
  const byId = new Map((await tx.find(OrderLine, { orderId: order.id })).map((l) => [l.id, l]));
  const sources = await takenFrom(tx, order.id);
  // Lines are snapshots: a variant removed from the catalog since has no stock to return to.
  const variantIds = [...new Set([...byId.values()].map((l) => l.variantId))];
  const live = new Set((await tx.execute<{ id: string }[]>('select id from product_variant where id = any(?::uuid[])', [`{${variantIds.join(',')}}`])).map((r) => r.id));
  for (const { lineId, quantity } of lines) {
    const line = byId.get(lineId)!;
    if (!live.has(line.variantId)) continue;
    let left = quantity;
    const back = (sources.get(line.variantId) ?? []).map((s) => {
      const units = Math.min(s.units, left);
      left -= units;
      s.units -= units;
      return { locationId: s.locationId, units };
    });
    for (const { locationId, units } of back.filter((b) => b.units > 0)) {
      const outcome = await stockService.adjust(tx, { variantId: line.variantId, locationId, delta: units, reason, actor, ref: `order:${order.id}` });
      if (!outcome.ok) throw new Error(`restock of ${line.sku} refused: ${outcome.refusal}`);
    }
  }
}

/** Step 2: the provider calls of the plan, outside any transaction. A refusal settles the intent DECLINED. */
async function runPlan(app: App, kind: IntentKind, orderId: string, intent: Intent, actor: string) {
  for (const call of intent.plan) {
    let declined: string | undefined;
    try {
      const options = { idempotencyKey: intent.key, actor };
      const outcome =
        call.action === 'capture' ? await capture(app, call.paymentId, { ...options, amount: call.amount })
        : call.action === 'void' ? await voidPayment(app, call.paymentId, options)
        : await refund(app, call.paymentId, { ...options, amount: call.amount });
      if (outcome.status === 'DECLINED') declined = outcome.message ?? outcome.declineCode ?? 'declined';
    } catch (err) {
      if (err instanceof PaymentUnavailableError) throw new DomainError('PAYMENT_UNAVAILABLE', `${err.message}; retry (with the same idempotency key) later`, ID);
      if (!(err instanceof DomainError)) throw err;
      declined = err.message; // our payment records refused it (the payment changed meanwhile)
    }
    if (declined) {
      await settleDeclined(app, kind, orderId, intent, declined);
      throw declinedError(kind, declined);
    }
  }
}

/** Steps 2 and 3 for an intent still PENDING; a settled one answers as it did the first time. */
async function carryOut(ctx: MoneyCtx, kind: IntentKind, orderId: string, intent: Intent, apply: (tx: EntityManager, order: Order) => Promise<void>) {
  if (intent.status === 'DECLINED') throw declinedError(kind, intent.declineMessage);
  if (intent.status === 'PENDING') {
    await runPlan(ctx.app, kind, orderId, intent, actorOf(ctx.viewer));
    await transaction(ctx, async (tx) => {
      const order = (await tx.findOne(Order, orderId, { lockMode: LockMode.PESSIMISTIC_WRITE }))!;
      await apply(tx, order);
      await settleIntent(tx, kind, orderId, intent, 'SUCCEEDED');
    });
  }
  return { order: await ctx.em.fork().findOneOrFail(Order, orderId) };
}

export const orderPaymentsService = {
  async capture(ctx: MoneyCtx, input: { id: string; amount?: string | null; idempotencyKey?: string | null }) {
    const key = input.idempotencyKey ?? uuidv7();
    const { order, intent } = await transaction(ctx, async (tx) => {
      const order = await lockOrder(ctx, tx, input.id);
      const { result } = await markIntent(tx, 'capture', order.id, key, { amount: input.amount ?? null }, async () => {
        if (order.status !== OrderStatus.PENDING_PAYMENT) throw invalidTransition(orderLifecycle, order.status, 'pay', ID);
        if (await hasPending(tx, ['cancel'], order.id)) throw inProgress();
        const payments = (await paymentsOfOrder(tx, order.id)).filter((p) => CAPTURABLE.includes(p.status));
        const open = sum(payments, (p) => p.authorizedAmount - p.capturedAmount) - (await pendingAmount(tx, 'capture', order.id));
        if (open <= 0) throw new DomainError('NOTHING_TO_CAPTURE', 'The order has no authorized amount left to capture', ID);
        const amount = input.amount == null ? open : positiveAmount(input.amount, order);
        if (amount > open) throw new DomainError('CAPTURE_EXCEEDS_AUTHORIZED', `At most ${open} minor units can still be captured`, ['input', 'amount']);
        return { key, status: 'PENDING', amount, plan: allocate(payments, (p) => p.authorizedAmount - p.capturedAmount, amount, 'capture') } satisfies Intent;
      });
      return { order, intent: result as Intent };
    });
    return carryOut(ctx, 'capture', order.id, intent, async (tx, current) => {
      const captured = sum(await paymentsOfOrder(tx, current.id), (p) => p.capturedAmount);
      if (current.status === OrderStatus.PENDING_PAYMENT && captured >= current.total) await orderService.transition(tx, current, 'pay', actorOf(ctx.viewer));
    });
  },

  async cancel(ctx: MoneyCtx, input: { id: string; reason: string; restock: boolean }) {
    const { order, intent } = await transaction(ctx, async (tx) => {
      const order = await lockOrder(ctx, tx, input.id);
      // A cancel has no client key: a retry resumes the cancel left PENDING (an outage), else starts one.
      const [resumed] = await tx.execute<{ key: string }[]>(`select key from idempotency_record where scope = ? and response->>'status' = 'PENDING' limit 1`, [scopeOf('cancel', order.id)]);
      const key = resumed?.key ?? uuidv7();
      const { result } = await markIntent(tx, 'cancel', order.id, key, {}, async () => {
        if (order.status !== OrderStatus.PENDING_PAYMENT && order.status !== OrderStatus.PAID) throw invalidTransition(orderLifecycle, order.status, 'cancel', ID);
        if (await hasPending(tx, ['capture', 'refund'], order.id)) throw inProgress();
        const plan: PlannedCall[] = [];
        for (const p of await paymentsOfOrder(tx, order.id)) {
          if (p.status === PaymentStatus.AUTHORIZED) plan.push({ paymentId: p.id, action: 'void', amount: p.authorizedAmount });
          else if (REFUNDABLE.includes(p.status) && p.capturedAmount > p.refundedAmount) plan.push({ paymentId: p.id, action: 'refund', amount: p.capturedAmount - p.refundedAmount });
        }
        const lines = input.restock ? (await tx.find(OrderLine, { orderId: order.id })).map((l) => ({ lineId: l.id, quantity: l.quantity })) : [];
        return { key, status: 'PENDING', amount: sum(plan.filter((c) => c.action === 'refund'), (c) => c.amount), plan, lines, restock: input.restock, reason: input.reason } satisfies Intent;
      });
      return { order, intent: result as Intent };
    });
    return carryOut(ctx, 'cancel', order.id, intent, async (tx, current) => {
      const actor = actorOf(ctx.viewer);
      await orderService.transition(tx, current, 'cancel', actor);
      if (intent.amount > 0) {
        const { id: orderId, storeId, customerId, total, currency, brandIds } = current;
        orderEvents.record(tx, 'order.refunded', { orderId, storeId, customerId: customerId ?? null, total, currency, brandIds, amount: intent.amount });
      }
      if (intent.restock) await restock(tx, current, intent.lines ?? [], 'order-cancelled', actor);
    });
  },

  async refund(ctx: MoneyCtx, input: { id: string; lines?: OrderLineQuantity[] | null; amount?: string | null; restock: boolean; reason: string; idempotencyKey: string }) {
    const request = { lines: input.lines ?? null, amount: input.amount ?? null, restock: input.restock, reason: input.reason };
    const { order, intent } = await transaction(ctx, async (tx) => {
      const order = await lockOrder(ctx, tx, input.id);
      const { result } = await markIntent(tx, 'refund', order.id, input.idempotencyKey, request, async () => {
        if ((input.lines == null) === (input.amount == null)) throw new DomainError('INVALID', 'Give exactly one of lines or amount', ['input', 'lines']);
        if (!REFUNDABLE_ORDER.includes(order.status)) throw invalidTransition(orderLifecycle, order.status, 'refund', ID);
        if (await hasPending(tx, ['cancel'], order.id)) throw inProgress();
        const lines = input.lines ? await refundLines(tx, order, input.lines) : undefined;
        const amount = lines ? lines.amount : positiveAmount(input.amount!, order);
        const payments = (await paymentsOfOrder(tx, order.id)).filter((p) => REFUNDABLE.includes(p.status));
        const open = sum(payments, (p) => p.capturedAmount - p.refundedAmount) - (await pendingAmount(tx, 'refund', order.id));
        if (amount > open) throw new DomainError('REFUND_EXCEEDS_CAPTURED', `At most ${Math.max(open, 0)} minor units can still be refunded`, lines ? ['input', 'lines'] : ['input', 'amount']);
        const plan = allocate(payments, (p) => p.capturedAmount - p.refundedAmount, amount, 'refund');
        return { key: input.idempotencyKey, status: 'PENDING', amount, plan, lines: lines?.quantities, restock: input.restock, reason: input.reason } satisfies Intent;
      });
      return { order, intent: result as Intent };
    });
    return carryOut(ctx, 'refund', order.id, intent, async (tx, current) => {
      const actor = actorOf(ctx.viewer);
      const payments = await paymentsOfOrder(tx, current.id);
      const whole = sum(payments, (p) => p.refundedAmount) >= sum(payments, (p) => p.capturedAmount);
      await orderService.transition(tx, current, whole ? 'refund' : 'refund_partially', actor, { amount: intent.amount });
      if (intent.restock) await restock(tx, current, intent.lines ?? [], 'order-refunded', actor);
    });
  },
};

/** Checks refund lines against the order and what was already refunded of each; returns their amount. */
async function refundLines(tx: EntityManager, order: Order, requested: OrderLineQuantity[]) {
  if (requested.length === 0) throw new DomainError('INVALID', 'Give at least one line', ['input', 'lines']);
  const lines = new Map((await tx.find(OrderLine, { orderId: order.id })).map((l) => [l.id, l]));
  const done = await refundedQuantities(tx, order.id);
  const quantities = new Map<string, number>();
  let amount = 0;
  for (const [i, { lineId, quantity }] of requested.entries()) {
    const id = idOf(lineId, 'OrderLine', 'lines', i, 'lineId');
    const line = lines.get(id);
    if (!line) throw new DomainError('LINE_NOT_FOUND', 'No such line in this order', ['input', 'lines', String(i), 'lineId']);
    const total = (quantities.get(id) ?? 0) + quantity;
    const left = line.quantity - (done.get(id) ?? 0);
    if (!Number.isInteger(quantity) || quantity < 1 || total > left) {
      throw new DomainError('QUANTITY_EXCEEDS_REFUNDABLE', `Between 1 and ${left} of ${line.sku} can still be refunded`, ['input', 'lines', String(i), 'quantity']);
    }
    quantities.set(id, total);
    amount += line.unitPrice * quantity;
  }
  return { amount, quantities: [...quantities].map(([lineId, quantity]) => ({ lineId, quantity })) };
}
