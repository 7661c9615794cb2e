import type { EntityManager } from '@mikro-orm/postgresql';
import { currentStore } from '../catalog/storefront/current-store.js';
import type { App, Context } from '../shared/context.js';
import { once } from '../shared/idempotency.js';
import { idOf } from '../shared/scope.js';
import { apply } from '../shared/state-machine.js';
import { transaction } from '../shared/transaction.js';
import { DomainError } from '../shared/user-errors.js';
import { eligibilityMessages, eligibilityOf } from './eligibility.js';
import { Drop, DropAllocation, DropReservation, LimitedEdition, ReservationPhase, ReservationStatus } from './entities.js';
import { DropErrorCode } from './errors.js';
import { reservationLifecycle } from './lifecycle.js';
import { allocations, editionUnits } from './units.js';

export const RESERVATION_EXPIRE_TASK = 'drop_reservation_expire';

export interface DropReserveInput {
  dropId: string;
  variantId: string;
  quantity: number;
  idempotencyKey?: string | null;
}

/** Queues the expiry job in the caller's transaction (graphile-worker's queue is in this database; absent until boot installs it). */
export async function scheduleExpiry(tx: EntityManager, reservationId: string, at: Date): Promise<void> {
  const [{ installed }] = await tx.execute<{ installed: boolean }[]>(`select to_regnamespace('graphile_worker') is not null as installed`);
  if (installed) {
    await tx.execute(`select graphile_worker.add_job(?, json_build_object('reservationId', ?::text), run_at => ?::timestamptz, job_key => ?)`, [
      RESERVATION_EXPIRE_TASK, reservationId, at.toISOString(), `drop-reservation:${reservationId}`,
    ]);
  }
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

/** Ends an ACTIVE reservation (expire or release): units and the customer's allocation come back exactly once. */
async function endReservation(tx: EntityManager, reservation: DropReservation, event: 'expire' | 'release', actor: string): Promise<void> {
  await apply(tx, reservationLifecycle, { table: 'drop_reservation', id: reservation.id, event, actor, expectedFrom: ReservationStatus.ACTIVE, field: ['input', 'reservationId'] });
  const returned = await editionUnits.release(tx, reservation.id);
  if (returned !== reservation.quantity) throw new Error(`Reservation ${reservation.id}: ${returned} of its ${reservation.quantity} units were reserved`);
  await allocations.giveBack(tx, reservation.dropId, reservation.customerId, reservation.quantity);
}

export interface HoldRequest {
  drop: Drop;
  edition: LimitedEdition;
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
 * claim (SKIP LOCKED), the ACTIVE reservation and its expiry job. On a refusal the caller must roll back
 * (the allocation may have been taken).
 */
export async function holdUnits(tx: EntityManager, at: HoldRequest): Promise<{ reservationId: string } | 'LIMIT_EXCEEDED' | 'SOLD_OUT'> {
  const { drop, edition } = at;
  if (!(await allocations.take(tx, { dropId: drop.id, customerId: at.customerId, brandId: drop.brandId, limit: drop.perCustomerLimit }, at.quantity))) return 'LIMIT_EXCEEDED';
  const units = await editionUnits.claim(tx, { editionId: edition.id, variantId: at.variantId, editionSize: edition.editionSize }, at.quantity);
  if (units.length < at.quantity) return 'SOLD_OUT';
  const reservation = tx.create(DropReservation, {
    brandId: drop.brandId, storeId: at.storeId, dropId: drop.id, customerId: at.customerId, variantId: at.variantId, quantity: at.quantity,
    status: ReservationStatus.ACTIVE, expiresAt: at.expiresAt, phase: at.phase,
  });
  await tx.flush();
  await editionUnits.reserve(tx, units, reservation.id, at.storeId);
  await scheduleExpiry(tx, reservation.id, at.expiresAt);
  return { reservationId: reservation.id };
}

export const reservationService = {
  /**
   * One transaction: idempotency row, the guarded allocation upsert (limit), the unit claim (SKIP
   * LOCKED), the reservation and its expiry job. Any refusal rolls all of it back. Checks that need no
   * lock (store, phase, tier) run before it, outside.
   */
  async reserve(ctx: Context, input: DropReserveInput): Promise<{ reservationId: string }> {
    const customerId = signedInCustomer(ctx);
    const store = await currentStore(ctx);
    const drop = await liveDrop(ctx.em, input.dropId, ['input', 'dropId']);
    if (!drop.storeIds.includes(store.id)) throw new DomainError(DropErrorCode.MARKET_EXCLUDED, 'This drop is not released in this store', ['input', 'dropId']);
    const edition = await ctx.em.findOneOrFail(LimitedEdition, drop.editionId);
    const variantId = idOf(input.variantId, 'ProductVariant', 'variantId');
    if (!edition.variantIds.includes(variantId)) throw new DomainError(DropErrorCode.NOT_FOUND, 'The variant is not part of this drop', ['input', 'variantId']);
    if (drop.allocation === DropAllocation.DRAW) {
      throw new DomainError(DropErrorCode.NOT_ELIGIBLE, "This drop is allocated by draw: enter it with dropEnter; winners find their units held in customer.reservations", ['input', 'dropId']);
    }
    const eligibility = await eligibilityOf(ctx.em, drop, customerId, 0);
    if (!eligibility.eligible) throw new DomainError(eligibility.reason!, eligibilityMessages[eligibility.reason!](eligibility), ['input', 'dropId']);
    if (input.quantity > drop.perCustomerLimit) {
      throw new DomainError(DropErrorCode.LIMIT_EXCEEDED, `At most ${drop.perCustomerLimit} units per customer`, ['input', 'quantity']);
    }
    const request = { dropId: drop.id, variantId, quantity: input.quantity, storeId: store.id };
    const phase = Date.now() < drop.publicOpensAt.getTime() ? ReservationPhase.EARLY_ACCESS : ReservationPhase.PUBLIC;
    const expiresAt = new Date(Date.now() + ctx.app.config.DROP_RESERVATION_SECONDS * 1000);
    const { result } = await transaction(ctx, (tx) =>
      once(tx, `dropReserve:${customerId}`, input.idempotencyKey, request, async () => {
        const held = await holdUnits(tx, { drop, edition, customerId, storeId: store.id, variantId, quantity: input.quantity, phase, expiresAt });
        if (held === 'LIMIT_EXCEEDED') throw new DomainError(DropErrorCode.LIMIT_EXCEEDED, `At most ${drop.perCustomerLimit} units of this drop per customer, all stores together`, ['input', 'quantity']);
        if (held === 'SOLD_OUT') throw new DomainError(DropErrorCode.SOLD_OUT, 'No unit of this variant is available', ['input', 'variantId']);
        return { reservationId: held.reservationId };
      }),
    );
    return result;
  },

  /** The expiry job: returns the units unless checkout or a release got there first (then nothing). */
  async expire(app: App, reservationId: string): Promise<'expired' | 'already-ended' | 'not-due'> {
    return app.orm.em.fork().transactional(async (tx) => {
      const reservation = await tx.findOne(DropReservation, { id: reservationId });
      if (!reservation || reservation.status !== ReservationStatus.ACTIVE) return 'already-ended';
      if (reservation.expiresAt.getTime() > Date.now()) return 'not-due';
      try {
        await endReservation(tx, reservation, 'expire', 'system');
      } catch (err) {
        if (err instanceof DomainError && err.code === 'STATE_CHANGED') return 'already-ended';
        throw err;
      }
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
