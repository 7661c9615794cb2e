import { z } from 'zod';
import { defineEvents, event } from '../../shared/events.js';

/** A payment lifecycle move (payment-lifecycle.ts), published by the state-machine helper. */
const paymentTransition = event(
  z.object({ id: z.uuid(), from: z.string(), to: z.string(), actor: z.string(), storeId: z.uuid(), orderId: z.uuid().nullable(), amount: z.number().int() }),
  'id',
);

/** What payments announce: every lifecycle move, with the store, the order (when known) and the amount moved. */
export const paymentEvents = defineEvents({
  'payment.authorize': paymentTransition,
  'payment.decline': paymentTransition,
  'payment.fail': paymentTransition,
  'payment.capture_part': paymentTransition,
  'payment.capture': paymentTransition,
  'payment.void': paymentTransition,
  'payment.refund_part': paymentTransition,
  'payment.refund': paymentTransition,
});
