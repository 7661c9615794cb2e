import { defineMachine } from '../../shared/state-machine.js';
import { AppointmentStatus, HoldStatus, InvitationStatus } from './entities.js';

/** A hold gives its units back exactly once: whichever of release, expiry or conversion moves it first (compare-and-set). */
export const holdLifecycle = defineMachine({
  name: 'client_hold',
  states: [HoldStatus.ACTIVE, HoldStatus.RELEASED, HoldStatus.EXPIRED, HoldStatus.CONVERTED],
  events: ['release', 'expire', 'convert'],
  initial: HoldStatus.ACTIVE,
  terminal: [HoldStatus.RELEASED, HoldStatus.EXPIRED, HoldStatus.CONVERTED],
  transitions: [
    { event: 'release', from: HoldStatus.ACTIVE, to: HoldStatus.RELEASED },
    { event: 'expire', from: HoldStatus.ACTIVE, to: HoldStatus.EXPIRED },
    { event: 'convert', from: HoldStatus.ACTIVE, to: HoldStatus.CONVERTED },
  ],
});

export const appointmentLifecycle = defineMachine({
  name: 'appointment',
  states: [AppointmentStatus.BOOKED, AppointmentStatus.CANCELLED],
  events: ['cancel'],
  initial: AppointmentStatus.BOOKED,
  terminal: [AppointmentStatus.CANCELLED],
  transitions: [{ event: 'cancel', from: AppointmentStatus.BOOKED, to: AppointmentStatus.CANCELLED }],
});

/**
 * `tier_invitation.approve` is the outbox event the programmes service consumes to give the tier
 * (reason INVITATION, actor = the approving brand admin): tier changes stay theirs.
 */
export const invitationLifecycle = defineMachine({
  name: 'tier_invitation',
  states: [InvitationStatus.PENDING, InvitationStatus.APPROVED, InvitationStatus.DECLINED],
  events: ['approve', 'decline'],
  initial: InvitationStatus.PENDING,
  terminal: [InvitationStatus.APPROVED, InvitationStatus.DECLINED],
  transitions: [
    { event: 'approve', from: InvitationStatus.PENDING, to: InvitationStatus.APPROVED },
    { event: 'decline', from: InvitationStatus.PENDING, to: InvitationStatus.DECLINED },
  ],
});
