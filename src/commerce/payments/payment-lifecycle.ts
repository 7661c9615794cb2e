import { defineMachine, type EventOf } from '../../shared/state-machine.js';
import { PaymentStatus } from './payment.entity.js';

const { PENDING, AUTHORIZED, DECLINED, FAILED, PARTIALLY_CAPTURED, CAPTURED, VOIDED, PARTIALLY_REFUNDED, REFUNDED } = PaymentStatus;

/**
 * A payment is PENDING until the provider answers its authorize. FAILED (provider unreachable) is not
 * final: recovery looks the authorize up and moves it to what really happened. Captures may be partial
 * and repeated until the authorization is used up; only an authorization with nothing captured can be
 * voided; refunds follow captures. Once refunded, a payment takes no further capture (the balance of a
 * deposit is a second payment, purpose BALANCE).
 */
export const paymentLifecycle = defineMachine({
  name: 'payment',
  states: [PENDING, AUTHORIZED, DECLINED, FAILED, PARTIALLY_CAPTURED, CAPTURED, VOIDED, PARTIALLY_REFUNDED, REFUNDED],
  events: ['authorize', 'decline', 'fail', 'capture_part', 'capture', 'void', 'refund_part', 'refund'],
  initial: PENDING,
  terminal: [DECLINED, VOIDED, REFUNDED],
  transitions: [
    { event: 'authorize', from: [PENDING, FAILED], to: AUTHORIZED },
    { event: 'decline', from: [PENDING, FAILED], to: DECLINED },
    { event: 'fail', from: PENDING, to: FAILED },
    { event: 'capture_part', from: [AUTHORIZED, PARTIALLY_CAPTURED], to: PARTIALLY_CAPTURED },
    { event: 'capture', from: [AUTHORIZED, PARTIALLY_CAPTURED], to: CAPTURED },
    { event: 'void', from: AUTHORIZED, to: VOIDED },
    { event: 'refund_part', from: [PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED], to: PARTIALLY_REFUNDED },
    { event: 'refund', from: [PARTIALLY_CAPTURED, CAPTURED, PARTIALLY_REFUNDED], to: REFUNDED },
  ],
});

export type PaymentEvent = EventOf<typeof paymentLifecycle>;
