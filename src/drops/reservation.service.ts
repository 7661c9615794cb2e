import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { currentStore } from '../catalog/storefront/current-store.js';
import type { App, Context } from '../shared/context.js';
import { once } from '../shared/idempotency.js';
import { idOf } from '../shared/scope.js';
import { apply } from '../shared/state-machine.js';
import { transaction } from '../shared/transaction.js';
import { DomainError } from '../shared/user-errors.js';
import { eligibilityMessages, eligibilityOf } from './eligibility.js';
import { Drop, DropAllocation, DropReservation, type DropTerms, LimitedEdition, ReservationPhase, ReservationStatus } from './entities.js';
import { DropErrorCode } from './errors.js';
import { reservationView, type DropReservationView } from './types.js';
import { reservationLifecycle } from './lifecycle.js';
import { editionUnits, returnHeldUnits } from './units.js';

export const RESERVATION_EXPIRE_TASK = 'drop_reservation_expire';

export interface DropReserveInput {
  dropId: string;
  variantId: string;
  quantity: number;
  idempotencyKey?: string | null;
}

export function signedInCustomer(ctx: Context): string {
  if (ctx.viewer.kind !== 'customer') throw new DomainError(DropErrorCode.NOT_ELIGIBLE, 'Sign in to reserve units of a drop', ['input']);
  return ctx.viewer.customerId;
}

/** A live, published drop by global id, or NOT_FOUND. */
export async function liveDrop(em: EntityManager, globalId: string, field: string[]): Promise<Drop> {
  const drop = await em.findOne(Drop, { id: idOf(globalId, 'Drop', ...field.slice(1)), published: true });
  if (!drop) throw new DomainError(DropErrorCode.NOT_FOUND, 'No such drop', field);
  return drop;
}

/** A live, published drop's terms and its edition in one statement, or NOT_FOUND (plain rows: this is the drop storm's path). */
async function liveDropWithEdition(em: EntityManager, globalId: string, field: string[]): Promise<{ drop: DropTerms; edition: HeldEdition }> {
  const id = idOf(globalId, 'Drop', ...field.slice(1));
  const [row] = await em.execute<{
    brand_id: string; edition_id: string; store_ids: string[]; public_opens_at: Date; ends_at: Date; per_customer_limit: number; allocation: DropAllocation;
    tier_restricted: boolean; cancelled_at: Date | null; edition_size: number; variant_ids: string[];
  }[]>(
    `select d.brand_id, d.edition_id, d.store_ids, d.public_opens_at, d.ends_at, d.per_customer_limit, d.allocation, d.tier_restricted, d.cancelled_at,
            e.edition_size, e.variant_ids
       from drop_release d join limited_edition e on e.id = d.edition_id where d.id = ? and d.published`,
    [id],
  );
  if (!row) throw new DomainError(DropErrorCode.NOT_FOUND, 'No such drop', field);
  const drop: DropTerms = {
    id, brandId: row.brand_id, editionId: row.edition_id, storeIds: row.store_ids, publicOpensAt: new Date(row.public_opens_at), endsAt: new Date(row.ends_at),
    perCustomerLimit: row.per_customer_limit, allocation: row.allocation, tierRestricted: row.tier_restricted, cancelledAt: row.cancelled_at && new Date(row.cancelled_at),
  };
  return { drop, edition: { id: row.edition_id, editionSize: row.edition_size, variantIds: row.variant_ids } };
}

/** A reservation just held, as the API shows it, from what was written (no read back). */
const heldView = (id: string, h: HoldRequest): DropReservationView =>
  reservationView({ id, dropId: h.drop.id, variantId: h.variantId, quantity: h.quantity, status: ReservationStatus.ACTIVE, expiresAt: h.expiresAt, orderId: null });

/** Ends an ACTIVE reservation (expire or release): units and the customer's allocation come back exactly once. */
export async function endReservation(tx: EntityManager, reservation: DropReservation, event: 'expire' | 'release', actor: string): Promise<void> {
  await apply(tx, reservationLifecycle, { table: 'drop_reservation', id: reservation.id, event, actor, expectedFrom: ReservationStatus.ACTIVE, field: ['input', 'reservationId'] });
  await returnHeldUnits(tx, reservation);
}

/** What a hold needs of the edition (a LimitedEdition will do). */
export type HeldEdition = Pick<LimitedEdition, 'id' | 'editionSize' | 'variantIds'>;

export interface HoldRequest {
  drop: DropTerms;
  edition: HeldEdition;
  customerId: string;
  storeId: string;
  variantId: string;
  quantity: number;
  phase: ReservationPhase;
  expiresAt: Date;
}

/**
 * Holds units for a customer in the caller's transaction, for every channel (dropReserve, draw wins,
 * concierge holds): the guarded allocation upsert (the per-customer limit across all of them), the unit
 * claim (SKIP LOCKED) and the ACTIVE reservation, all in one statement (editionUnits.hold): a refusal
 * writes nothing, so the caller's transaction may go on. The expiry sweep ends it at expiresAt.
 */
export async function holdUnits(tx: EntityManager, at: HoldRequest): Promise<{ reservationId: string } | 'LIMIT_EXCEEDED' | 'SOLD_OUT'> {
  const { drop, edition } = at;
  const reservationId = uuidv7();
  const outcome = await editionUnits.hold(tx, {
    reservationId, dropId: drop.id, brandId: drop.brandId, editionId: edition.id, editionSize: edition.editionSize, variantId: at.variantId,
    customerId: at.customerId, storeId: at.storeId, quantity: at.quantity, limit: drop.perCustomerLimit, phase: at.phase, expiresAt: at.expiresAt,
  });
  return outcome === 'HELD' ? { reservationId } : outcome;
}

export const reservationService = {
  /**
   * The checks that need no lock (store, variant, allocation kind, tier and phase), then the hold: one
   * statement (holdUnits), or with an idempotency key one transaction of the key's row and the hold.
   */
  async reserve(ctx: Context, input: DropReserveInput): Promise<{ reservationId: string; fresh?: DropReservationView }> {
    const customerId = signedInCustomer(ctx);
    const variantId = idOf(input.variantId, 'ProductVariant', 'variantId');
    const [store, { drop, edition }] = await Promise.all([currentStore(ctx), liveDropWithEdition(ctx.em, input.dropId, ['input', 'dropId'])]);
    if (!drop.storeIds.includes(store.id)) throw new DomainError(DropErrorCode.MARKET_EXCLUDED, 'This drop is not released in this store', ['input', 'dropId']);
    if (!edition.variantIds.includes(variantId)) throw new DomainError(DropErrorCode.NOT_FOUND, 'The variant is not part of this drop', ['input', 'variantId']);
    if (drop.allocation === DropAllocation.DRAW) {
      throw new DomainError(DropErrorCode.NOT_ELIGIBLE, 'This drop is allocated by draw: enter it with dropEnter; winners find their units held in customer.reservations', ['input', 'dropId']);
    }
    const eligibility = await eligibilityOf(ctx.em, drop, customerId, 0, { decisionOnly: true });
    if (!eligibility.eligible) throw new DomainError(eligibility.reason!, eligibilityMessages[eligibility.reason!](eligibility), ['input', 'dropId']);
    if (input.quantity > drop.perCustomerLimit) {
      throw new DomainError(DropErrorCode.LIMIT_EXCEEDED, `At most ${drop.perCustomerLimit} units per customer`, ['input', 'quantity']);
    }
    const phase = Date.now() < drop.publicOpensAt.getTime() ? ReservationPhase.EARLY_ACCESS : ReservationPhase.PUBLIC;
    const hold: HoldRequest = {
      drop, edition, customerId, storeId: store.id, variantId, quantity: input.quantity, phase,
      expiresAt: new Date(Date.now() + ctx.app.config.DROP_RESERVATION_SECONDS * 1000),
    };
    const refuse = (held: 'LIMIT_EXCEEDED' | 'SOLD_OUT') => held === 'LIMIT_EXCEEDED'
      ? new DomainError(DropErrorCode.LIMIT_EXCEEDED, `At most ${drop.perCustomerLimit} units of this drop per customer, all stores together`, ['input', 'quantity'])
      : new DomainError(DropErrorCode.SOLD_OUT, 'No unit of this variant is available', ['input', 'variantId']);
    if (input.idempotencyKey == null) {
      // Without a key the hold is one statement, atomic on its own: no transaction round trips.
      const held = await holdUnits(ctx.em, hold);
      if (typeof held === 'string') throw refuse(held);
      return { reservationId: held.reservationId, fresh: heldView(held.reservationId, hold) };
    }
    const request = { dropId: drop.id, variantId, quantity: input.quantity, storeId: store.id };
    const { result, replayed } = await transaction(ctx, (tx) =>
      once(tx, `dropReserve:${customerId}`, input.idempotencyKey, request, async () => {
        const held = await holdUnits(tx, hold);
        if (typeof held === 'string') throw refuse(held);
        return { reservationId: held.reservationId };
      }),
    );
    // A replay reads the reservation as it is now (it may have expired or been bought since).
    return replayed ? result : { ...result, fresh: heldView(result.reservationId, hold) };
  },

  /**
   * Expiry (the sweep, or the one-reservation task): returns the units unless checkout or a release got there first (then nothing).
   * `afterExpiry` runs in the same transaction once it expired (the task passes the draws' roll-over); for
   * a DRAW reservation the drop row is locked for share first, in dropCancel's lock order (drop, then its
   * reservations), so a cancel either precedes the roll-over or releases what it held.
   */
  async expire(app: App, reservationId: string, afterExpiry?: (tx: EntityManager, expired: DropReservation) => Promise<unknown>): Promise<'expired' | 'already-ended' | 'not-due'> {
    return app.orm.em.fork().transactional(async (tx) => {
      const reservation = await tx.findOne(DropReservation, { id: reservationId });
      if (!reservation || reservation.status !== ReservationStatus.ACTIVE) return 'already-ended';
      if (reservation.expiresAt.getTime() > Date.now()) return 'not-due';
      if (afterExpiry && reservation.phase === ReservationPhase.DRAW) await tx.execute('select id from drop_release where id = ? for share', [reservation.dropId]);
      try {
        await endReservation(tx, reservation, 'expire', 'system');
      } catch (err) {
        if (err instanceof DomainError && err.code === 'STATE_CHANGED') return 'already-ended';
        throw err;
      }
      await afterExpiry?.(tx, reservation);
      return 'expired';
    });
  },

  /** Releases every ACTIVE reservation of a drop in the caller's transaction (dropCancel). */
  async releaseAll(tx: EntityManager, dropId: string, actor: string): Promise<number> {
    const active = await tx.find(DropReservation, { dropId, status: ReservationStatus.ACTIVE });
    for (const reservation of active) await endReservation(tx, reservation, 'release', actor);
    return active.length;
  },

};
