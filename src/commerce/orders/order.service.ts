import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { UserInputError } from '../../shared/errors.js';
import { tryDecodeGlobalId } from '../../shared/ids.js';
import type { CurrencyCode } from '../../shared/money.js';
import { pageRequest, toConnection, type ConnectionArgs } from '../../shared/pagination.js';
import { apply } from '../../shared/state-machine.js';
import type { ServiceCtx } from '../../shared/scope.js';
import { DomainError } from '../../shared/user-errors.js';
import { Order, OrderLine, OrderStatus, type DeliverySnapshot, type OrderLineOption } from './entities.js';
import { orderEvents } from './events.js';
import { orderLifecycle, type OrderEvent } from './order-lifecycle.js';
import { nextOrderNumber } from './order-numbers.js';

/**
 * The orders domain's service: what checkout (and later payments) call, and the reads of both APIs.
 *
 * For checkout, inside the caller's transaction (`tx`), never opening one of its own:
 * - `createOrder(tx, input)` writes the order and its line snapshots with the store's next number
 *   (order-numbers.ts), publishes `order.created`; with `status: 'PAID'` it then moves the order by
 *   `pay` (audited, `order.paid`). Amounts are integer minor units of `currency`; `subtotal` must be
 *   the sum of the lines (unitPrice x quantity) or it throws (a bug in the caller, not a user error).
 * - `markPaid(tx, orderId, actor)` = `transition(tx, orderId, 'pay', actor)`.
 * - `transition(tx, orderId, event, actor, { amount })` moves the order by a lifecycle event
 *   (order-lifecycle.ts), audits it in state_transition and publishes the machine topic
 *   (`order.<event>`) and the business fact (`order.paid`, `order.fulfilled` for fulfil and pick_up,
 *   `order.cancelled`, `order.refunded` with `amount`, required for refunds). Illegal moves throw
 *   DomainError INVALID_TRANSITION (STATE_CHANGED on a lost race): the caller's transaction rolls back.
 * `actor` is actorOf(viewer) from shared/scope.ts, or "system" for jobs.
 */
export interface OrderLineSnapshot {
  variantId: string;
  productId: string;
  brandId: string;
  title: string;
  sku: string;
  options: OrderLineOption[];
  /** Minor units. */
  unitPrice: number;
  quantity: number;
  imageUrl?: string | null;
}

export interface CreateOrderInput {
  storeId: string;
  customerId: string | null;
  email: string;
  currency: CurrencyCode;
  lines: OrderLineSnapshot[];
  totals: { subtotal: number; shipping: number; tax: number; total: number };
  delivery: DeliverySnapshot;
  attributedStaffId?: string | null;
  status: 'PENDING_PAYMENT' | 'PAID';
  /** Who places it (audit of the `pay` move when created PAID); "system" unless told. */
  actor?: string;
}

const FACT_OF: Partial<Record<OrderEvent, 'order.paid' | 'order.fulfilled' | 'order.cancelled'>> = {
  pay: 'order.paid',
  fulfil: 'order.fulfilled',
  pick_up: 'order.fulfilled',
  cancel: 'order.cancelled',
};

function factsOf(order: Order) {
  return {
    orderId: order.id,
    storeId: order.storeId,
    customerId: order.customerId ?? null,
    total: order.total,
    currency: order.currency,
    brandIds: order.brandIds,
  };
}

function assertWellFormed(input: CreateOrderInput) {
  const minor = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (input.lines.length === 0) throw new Error('createOrder: an order needs at least one line');
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity < 1 || !minor(line.unitPrice)) throw new Error(`createOrder: bad line ${line.sku}`);
  }
  const { subtotal, shipping, tax, total } = input.totals;
  if (![subtotal, shipping, tax, total].every(minor)) throw new Error('createOrder: totals must be non-negative integer minor units');
  const sum = input.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  if (sum !== subtotal) throw new Error(`createOrder: subtotal ${subtotal} is not the sum of the lines (${sum})`);
}

/** Newest first: keyset on the time-ordered UUIDv7 id, descending. */
export async function newestFirst(em: EntityManager, where: FilterQuery<Order>, args: ConnectionArgs) {
  const page = pageRequest(args);
  const cursorId = page.cursor?.[0];
  if (cursorId !== undefined && (typeof cursorId !== 'string' || !isUuid(cursorId))) {
    throw new UserInputError('The cursor is not one this list gave out', 'INVALID_CURSOR', [page.backward ? 'before' : 'after']);
  }
  const filter = cursorId ? { $and: [where, { id: { [page.backward ? '$gt' : '$lt']: cursorId } }] } : where;
  const rows = await em.find(Order, filter as FilterQuery<Order>, { orderBy: { id: page.backward ? 'asc' : 'desc' }, limit: page.limit + 1 });
  return toConnection(rows, page, (r) => [r.id], () => em.count(Order, where));
}

export const orderService = {
  async createOrder(tx: EntityManager, input: CreateOrderInput): Promise<Order> {
    assertWellFormed(input);
    const number = await nextOrderNumber(tx, input.storeId);
    const order = tx.create(Order, {
      storeId: input.storeId,
      number,
      customerId: input.customerId,
      email: input.email,
      currency: input.currency,
      subtotal: input.totals.subtotal,
      shippingTotal: input.totals.shipping,
      taxTotal: input.totals.tax,
      total: input.totals.total,
      delivery: input.delivery,
      status: OrderStatus.PENDING_PAYMENT,
      brandIds: [...new Set(input.lines.map((l) => l.brandId))],
      attributedStaffId: input.attributedStaffId ?? null,
    });
    for (const line of input.lines) {
      tx.create(OrderLine, {
        ...line,
        imageUrl: line.imageUrl ?? null,
        orderId: order.id,
        storeId: input.storeId,
        currency: input.currency,
        lineTotal: line.unitPrice * line.quantity,
      });
    }
    orderEvents.record(tx, 'order.created', factsOf(order));
    if (input.status === 'PAID') {
      await tx.flush(); // the `pay` move is a compare-and-set on the written row
      await this.transition(tx, order, 'pay', input.actor ?? 'system');
    }
    return order;
  },

  markPaid(tx: EntityManager, orderId: string, actor: string) {
    return this.transition(tx, orderId, 'pay', actor);
  },

  async transition(tx: EntityManager, orderOrId: string | Order, event: OrderEvent, actor: string, options: { amount?: number; field?: string[] } = {}) {
    const order = typeof orderOrId === 'string' ? await tx.findOne(Order, orderOrId) : orderOrId;
    if (!order) throw new DomainError('NOT_FOUND', 'No such order', options.field ?? ['input', 'id']);
    const refund = event === 'refund' || event === 'refund_partially';
    if (refund && !(Number.isSafeInteger(options.amount) && options.amount! > 0)) throw new Error('transition: a refund needs a positive amount');
    const move = await apply(tx, orderLifecycle, { table: 'sales_order', id: order.id, event, actor, expectedFrom: order.status, field: options.field ?? ['input', 'id'] });
    order.status = move.to;
    if (refund) orderEvents.record(tx, 'order.refunded', { ...factsOf(order), amount: options.amount! });
    const fact = FACT_OF[event];
    if (fact) orderEvents.record(tx, fact, factsOf(order));
    return order;
  },

  /** Storefront: the signed-in customer's orders in every store (accounts are platform-wide), newest first. */
  customerOrders(ctx: ServiceCtx, customerId: string, args: ConnectionArgs) {
    return newestFirst(ctx.em, { customerId }, args);
  },

  /** Storefront: the order if the viewer is the customer who placed it; null for anyone else. */
  async ownedOrder(ctx: ServiceCtx, globalId: string): Promise<Order | null> {
    if (ctx.viewer.kind !== 'customer') return null;
    const decoded = tryDecodeGlobalId(globalId);
    if (decoded?.type !== 'Order' || !isUuid(decoded.id)) return null;
    return ctx.em.findOne(Order, { id: decoded.id, customerId: ctx.viewer.customerId });
  },
};
