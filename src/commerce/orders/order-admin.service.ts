import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { validate as isUuid } from 'uuid';
import { satisfies } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { decodeGlobalId, tryDecodeGlobalId } from '../../shared/ids.js';
import type { ConnectionArgs } from '../../shared/pagination.js';
import { actorOf, idOf, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { DeliveryMethod } from '../carts/cart.entity.js';
import { Order, OrderStatus } from './entities.js';
import { newestFirst, orderService } from './order.service.js';
import { ORDER_READ } from './auth.js';

export interface OrderFilter {
  storeId?: string | null;
  status?: OrderStatus | null;
  customerId?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/**
 * Brand scope on the Admin API. An order is visible to staff (and brand-bound API keys) of any brand
 * with a line in it (`brand_ids && <viewer's brands>`); what they see of its lines is only their
 * brands' (order-admin.resolver.ts filters `lines`). Changing an order's status (fulfilment, pickup)
 * acts on the whole order, so it needs every brand of the order: in a multi-brand Design Mall order,
 * staff of one brand get FORBIDDEN and the mall's operator (a platform admin or staff of all its
 * brands) fulfils it. Orders out of scope are NOT_FOUND (reads: null), never told apart from missing ones.
 */
function scopeFilter(ctx: ServiceCtx): FilterQuery<Order> {
  const visible = visibleBrandIds(ctx.viewer);
  return visible ? { brandIds: { $overlap: visible } } : {};
}

function optionalId(globalId: string | null | undefined, type: string, field: string) {
  return globalId == null ? undefined : decodeGlobalId(globalId, type, ['filter', field]).id;
}

async function orderForWrite(ctx: ServiceCtx, tx: EntityManager, globalId: string) {
  const id = idOf(globalId, 'Order', 'id');
  const order = await tx.findOne(Order, { $and: [{ id }, scopeFilter(ctx)] });
  if (!order) throw new DomainError('NOT_FOUND', 'No such order', ['input', 'id']);
  const visible = visibleBrandIds(ctx.viewer);
  if (visible && !order.brandIds.every((b) => visible.includes(b))) {
    throw new DomainError('FORBIDDEN', 'The order holds lines of brands you do not manage: its status is changed by the store operator', ['input', 'id']);
  }
  return order;
}

export const orderAdminService = {
  list(ctx: ServiceCtx, filter: OrderFilter = {}, args: ConnectionArgs) {
    const where: FilterQuery<Order>[] = [scopeFilter(ctx)];
    const storeId = optionalId(filter.storeId, 'Store', 'storeId');
    const customerId = optionalId(filter.customerId, 'Customer', 'customerId');
    if (storeId) where.push({ storeId });
    if (customerId) where.push({ customerId });
    if (filter.status) where.push({ status: filter.status });
    if (filter.createdAfter) where.push({ createdAt: { $gte: filter.createdAfter } });
    if (filter.createdBefore) where.push({ createdAt: { $lt: filter.createdBefore } });
    return newestFirst(ctx.em, { $and: where }, args);
  },

  /** One order in the viewer's scope, or null. */
  async get(ctx: ServiceCtx, globalId: string): Promise<Order | null> {
    const decoded = tryDecodeGlobalId(globalId);
    if (decoded?.type !== 'Order' || !isUuid(decoded.id)) return null;
    return ctx.em.findOne(Order, { $and: [{ id: decoded.id }, scopeFilter(ctx)] });
  },

  /** node(id:) applies the read rule itself (no decorator runs there). */
  async node(ctx: Context, id: string): Promise<Order | null> {
    if (!satisfies(ctx.viewer, ORDER_READ)) return null;
    return ctx.em.findOne(Order, { $and: [{ id }, scopeFilter(ctx)] });
  },

  /** PAID -> FULFILLED for a SHIPPING order, with its tracking. */
  fulfil(ctx: ServiceCtx, input: { id: string; trackingNumber: string; carrier: string }) {
    return transaction(ctx, async (tx) => {
      const order = await orderForWrite(ctx, tx, input.id);
      if (order.delivery.method !== DeliveryMethod.SHIPPING) {
        throw new DomainError('WRONG_DELIVERY_METHOD', 'A PICKUP order is completed with orderPickupComplete, not shipped', ['input', 'id']);
      }
      await orderService.transition(tx, order, 'fulfil', actorOf(ctx.viewer));
      order.trackingNumber = input.trackingNumber;
      order.carrier = input.carrier;
      return { order };
    });
  },

  /** PAID -> PICKED_UP for a PICKUP order (click and collect). */
  pickupComplete(ctx: ServiceCtx, input: { id: string }) {
    return transaction(ctx, async (tx) => {
      const order = await orderForWrite(ctx, tx, input.id);
      if (order.delivery.method !== DeliveryMethod.PICKUP) {
        throw new DomainError('WRONG_DELIVERY_METHOD', 'A SHIPPING order is completed with orderFulfil', ['input', 'id']);
      }
      await orderService.transition(tx, order, 'pick_up', actorOf(ctx.viewer));
      return { order };
    });
  },
};
