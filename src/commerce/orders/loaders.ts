import { Store } from '../../catalog/entities/store.entity.js';
import type { Context } from '../../shared/context.js';
import { byKey, groupByKey } from '../../shared/loaders.js';
import { StateTransition } from '../../shared/state-transition.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { OrderLine } from './entities.js';

/** Per-request batches for order lists: one statement per kind, whatever the page size. */
export const orderLoaders = {
  lines(ctx: Context, orderId: string) {
    return ctx.loaders
      .get<string, OrderLine[]>('orders.lines', async (ids) =>
        groupByKey(ids, await ctx.em.find(OrderLine, { orderId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (l) => l.orderId),
      )
      .load(orderId);
  },

  store(ctx: Context, storeId: string) {
    return ctx.loaders.get<string, Store | null>('orders.store', async (ids) => byKey(ids, await ctx.em.find(Store, { id: { $in: [...ids] } }), (s) => s.id)).load(storeId);
  },

  /** The account that placed an order, read by id only (no join across domains). */
  customer(ctx: Context, customerId: string) {
    return ctx.loaders
      .get<string, Customer | null>('orders.customer', async (ids) => byKey(ids, await ctx.em.find(Customer, { id: { $in: [...ids] } }), (c) => c.id))
      .load(customerId);
  },

  history(ctx: Context, orderId: string) {
    return ctx.loaders
      .get<string, StateTransition[]>('orders.history', async (ids) =>
        groupByKey(ids, await ctx.em.find(StateTransition, { machine: 'order', entityId: { $in: [...ids] } }, { orderBy: { id: 'asc' } }), (t) => t.entityId),
      )
      .load(orderId);
  },
};
