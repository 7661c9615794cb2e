import { defineMachine, type EventOf } from '../../shared/state-machine.js';
import { OrderStatus } from './entities.js';

const { PENDING_PAYMENT, DEPOSIT_PAID, PAID, FULFILLED, PICKED_UP, CANCELLED, PARTIALLY_REFUNDED, REFUNDED } = OrderStatus;

/**
 * An order waits for its payment, is paid, then shipped (fulfil) or collected at the boutique (pick_up).
 * A deposit pre-sale (src/drops/deposits) is DEPOSIT_PAID between its deposit and its balance.
 * It can be cancelled until it is fulfilled, and refunded (in part, then in full) once money was taken.
 * CANCELLED and REFUNDED are final. Each move publishes `order.<event>` (order.pay, order.fulfil, ...):
 * see events.ts for which topic a consumer should read.
 */
export const orderLifecycle = defineMachine({
  name: 'order',
  states: [PENDING_PAYMENT, DEPOSIT_PAID, PAID, FULFILLED, PICKED_UP, CANCELLED, PARTIALLY_REFUNDED, REFUNDED],
  events: ['pay_deposit', 'pay', 'fulfil', 'pick_up', 'cancel', 'refund_partially', 'refund'],
  initial: PENDING_PAYMENT,
  terminal: [CANCELLED, REFUNDED],
  transitions: [
    { event: 'pay_deposit', from: PENDING_PAYMENT, to: DEPOSIT_PAID },
    { event: 'pay', from: [PENDING_PAYMENT, DEPOSIT_PAID], to: PAID },
    { event: 'fulfil', from: PAID, to: FULFILLED },
    { event: 'pick_up', from: PAID, to: PICKED_UP },
    { event: 'cancel', from: [PENDING_PAYMENT, DEPOSIT_PAID, PAID], to: CANCELLED },
    { event: 'refund_partially', from: [PAID, FULFILLED, PICKED_UP, PARTIALLY_REFUNDED], to: PARTIALLY_REFUNDED },
    { event: 'refund', from: [PAID, FULFILLED, PICKED_UP, PARTIALLY_REFUNDED], to: REFUNDED },
  ],
});

export type OrderEvent = EventOf<typeof orderLifecycle>;
