import { z } from 'zod';
import { defineEvents, event } from '../../shared/events.js';
import { transitionTopics } from '../../shared/state-machine.js';
import { orderLifecycle } from './order-lifecycle.js';

const id = z.uuid();
const orderFacts = z.object({
  orderId: id,
  storeId: id,
  customerId: id.nullable(),
  /** Minor units of `currency`. */
  total: z.number().int(),
  currency: z.string(),
  brandIds: z.array(id),
});
const fact = event(orderFacts, 'orderId');
/** A lifecycle move as the state-machine helper publishes it (`order.<event>`, payload { id, from, to, actor }). */
const orderTransition = event(z.object({ id, from: z.string(), to: z.string(), actor: z.string() }), 'id');

/**
 * What the orders domain announces. Consumers (VIP spend, webhooks) read the business facts:
 * `order.created`, `order.paid`, `order.fulfilled`, `order.cancelled`, `order.refunded` (with the
 * amount refunded): they carry the order's store, customer, total, currency and brands, and are
 * written by order.service.ts in the transaction that changes the order.
 *
 * The `order.pay`, `order.fulfil`, ... topics are the state machine's own audit of each move (id,
 * from, to, actor): declared here so the catalogue and the machine agree, useful to follow the status
 * only. The machine's event names are verbs, the facts are past participles, so no topic is both.
 */
export const orderEvents = defineEvents({
  'order.created': fact,
  'order.paid': fact,
  'order.fulfilled': fact,
  'order.cancelled': fact,
  'order.refunded': event(orderFacts.extend({ amount: z.number().int().positive() }), 'orderId'),
  'order.pay_deposit': orderTransition,
  'order.pay': orderTransition,
  'order.fulfil': orderTransition,
  'order.pick_up': orderTransition,
  'order.cancel': orderTransition,
  'order.refund_partially': orderTransition,
  'order.refund': orderTransition,
});

export const orderTransitionTopics = transitionTopics(orderLifecycle);
