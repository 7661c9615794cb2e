import type { EntityManager } from '@mikro-orm/postgresql';
import { subscribe } from '../../shared/outbox.js';
import { apply, StateMachineErrorCode } from '../../shared/state-machine.js';
import { DomainError } from '../../shared/user-errors.js';
import { ClientHold, HoldStatus } from './entities.js';
import { holdLifecycle } from './lifecycles.js';

/** The live drop whose edition a variant is in: its units are what a concierge hold of the variant takes. */
export interface EditionHoldTarget {
  dropId: string;
  storeIds: string[];
  perCustomerLimit: number;
}

export type EditionHoldOutcome = { reservationId: string } | 'LIMIT_EXCEEDED' | 'OUT_OF_STOCK' | 'MARKET_EXCLUDED';

/**
 * Holds of a drop's edition units for a client, counted against the edition and the drop's
 * per-customer limit with every other channel (dropReserve, draw wins). The drops domain imports vip
 * (eligibility reads tiers), so vip declares the port and app/ports.ts plugs src/drops/concierge-holds.ts in.
 */
export interface EditionHolds {
  /** The most recent published, not cancelled, not ended drop of the brand with the variant in its edition; null: a stock-level hold. */
  forVariant(tx: EntityManager, at: { variantId: string; brandId: string }): Promise<EditionHoldTarget | null>;
  /** Takes the units in the caller's transaction (an ACTIVE CONCIERGE-phase reservation); on a refusal the caller rolls back. */
  hold(tx: EntityManager, at: { dropId: string; customerId: string; storeId: string; variantId: string; quantity: number; expiresAt: Date }): Promise<EditionHoldOutcome>;
  /** Ends the ACTIVE reservation (units and allocation back, once); STATE_CHANGED when it already ended. */
  end(tx: EntityManager, reservationId: string, event: 'release' | 'expire', actor: string): Promise<void>;
}

declare module '../../shared/context.js' {
  interface AppPorts {
    editionHolds: EditionHolds;
  }
}

/** The drop reservation's lifecycle events (src/drops/lifecycle.ts): an edition hold ends the way its reservation did. */
const RESERVATION_ENDS = { 'drop_reservation.convert': 'convert', 'drop_reservation.expire': 'expire', 'drop_reservation.release': 'release' } as const;
export const EDITION_HOLD_SUBSCRIBER = { name: 'concierge.edition_holds', topics: Object.keys(RESERVATION_ENDS) };

/**
 * Keeps an edition hold's state with its reservation's: bought through reservationCheckout (CONVERTED),
 * expired by the drops expiry job, released by dropCancel. A hold the concierge released already moved
 * in the same transaction as its reservation, so it is not ACTIVE any more and is left alone; a
 * redelivered event finds the hold moved and does nothing.
 */
export function subscribeEditionHolds(): () => void {
  return subscribe(EDITION_HOLD_SUBSCRIBER, async (events, tx) => {
    for (const event of events) {
      const move = RESERVATION_ENDS[event.topic as keyof typeof RESERVATION_ENDS];
      const hold = await tx.findOne(ClientHold, { reservationId: event.aggregateId, status: HoldStatus.ACTIVE });
      if (!move || !hold) continue;
      const actor = String((event.payload as { actor?: string }).actor ?? 'system');
      try {
        await apply(tx, holdLifecycle, { table: 'client_hold', id: hold.id, event: move, actor, expectedFrom: HoldStatus.ACTIVE, field: ['holdId'] });
      } catch (err) {
        if (!(err instanceof DomainError && err.code === StateMachineErrorCode.STATE_CHANGED)) throw err;
      }
    }
  });
}
