import { defineMachine } from '../shared/state-machine.js';
import { ReservationStatus } from './entities.js';

/** A reservation gives its units back exactly once: whichever of expiry, release (drop cancelled) or checkout moves it first. */
export const reservationLifecycle = defineMachine({
  name: 'drop_reservation',
  states: [ReservationStatus.ACTIVE, ReservationStatus.CONVERTED, ReservationStatus.EXPIRED, ReservationStatus.RELEASED],
  events: ['convert', 'expire', 'release'],
  initial: ReservationStatus.ACTIVE,
  terminal: [ReservationStatus.CONVERTED, ReservationStatus.EXPIRED, ReservationStatus.RELEASED],
  transitions: [
    { event: 'convert', from: ReservationStatus.ACTIVE, to: ReservationStatus.CONVERTED },
    { event: 'expire', from: ReservationStatus.ACTIVE, to: ReservationStatus.EXPIRED },
    { event: 'release', from: ReservationStatus.ACTIVE, to: ReservationStatus.RELEASED },
  ],
});
