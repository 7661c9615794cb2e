import type { EntityManager } from '@mikro-orm/postgresql';
import { stockService } from '../../catalog/stock.service.js';
import type { App, Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { queueJob } from '../../shared/jobs.js';
import { actorOf, seesBrand } from '../../shared/scope.js';
import { apply, StateMachineErrorCode } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { clientInScope, notFound, uuidOf } from './access.js';
import type { EditionHoldTarget } from './edition-holds.js';
import { ClientHold, HoldStatus, type Client } from './entities.js';
import { ConciergeErrorCode } from './errors.js';
import { holdLifecycle } from './lifecycles.js';

export const HOLD_EXPIRE_TASK = 'concierge_hold_expire';
const MAX_HOLD_DAYS = 30;

/** Holds need the app's ports besides the request's entity manager and viewer (edition holds, edition-holds.ts). */
type HoldCtx = Pick<Context, 'em' | 'viewer' | 'app'>;

export const holdView = (h: ClientHold) => ({
  id: toGlobalId('ClientHold', h.id), variantId: toGlobalId('ProductVariant', h.variantId), locationId: toGlobalId('StockLocation', h.locationId),
  quantity: h.quantity, expiresAt: h.expiresAt, status: h.status, createdAt: h.createdAt,
  reservationId: h.reservationId ? toGlobalId('DropReservation', h.reservationId) : null,
});

/** The variant's brand and whether the location is a live one of a store carrying that brand: one statement. */
async function placeOf(tx: EntityManager, variantId: string, locationId: string, brandId: string) {
  const [row] = await tx.execute<{ variant_brand: string | null; store_id: string | null; carries: boolean }[]>(
    `select (select p.brand_id from product_variant v join product p on p.id = v.product_id where v.id = ? and v.archived_at is null) as variant_brand,
            sl.store_id, exists (select 1 from store_brand sb where sb.store_id = sl.store_id and sb.brand_id = ?) as carries
       from (select 1) one left join stock_location sl on sl.id = ? and sl.archived_at is null`,
    [variantId, brandId, locationId],
  );
  return row;
}

/**
 * Moves a hold out of ACTIVE and gives its units back, in the caller's transaction; of concurrent callers
 * exactly one moves it. An edition hold ends its drop reservation in the same transaction: if that
 * reservation ended meanwhile (bought, expired by the drops job, drop cancelled), this is STATE_CHANGED
 * and the hold follows the reservation instead (edition-holds.ts). Edition holds never go into carts.
 */
export async function endHold(tx: EntityManager, app: Pick<App, 'ports'>, hold: ClientHold, event: 'release' | 'expire' | 'convert', actor: string, field: string[]) {
  await apply(tx, holdLifecycle, { table: 'client_hold', id: hold.id, event, actor, expectedFrom: HoldStatus.ACTIVE, field });
  hold.status = holdLifecycle.moves.get(HoldStatus.ACTIVE)!.get(event)!.to;
  if (hold.reservationId) {
    if (event === 'convert') throw new Error(`Hold ${hold.id} holds edition units: they are bought through reservationCheckout, not a cart`);
    try {
      await editionHoldsOf(app).end(tx, hold.reservationId, event, actor);
    } catch (err) {
      if (err instanceof DomainError && err.code === StateMachineErrorCode.STATE_CHANGED) {
        throw new DomainError(ConciergeErrorCode.STATE_CHANGED, 'The held edition units were bought, expired or released meanwhile; read the hold again', field);
      }
      throw err;
    }
    return;
  }
  const outcome = await stockService.release(tx, { variantId: hold.variantId, locationId: hold.locationId, quantity: hold.quantity, reason: `client hold ${event}`, actor, ref: `hold:${hold.id}` });
  if (!outcome.ok) throw new Error(`Hold ${hold.id}: its ${hold.quantity} reserved units were not reserved any more`);
}

function editionHoldsOf(app: Pick<App, 'ports'>) {
  if (!app.ports.editionHolds) throw new Error('The editionHolds port is not wired (app/ports.ts)');
  return app.ports.editionHolds;
}

/** Edition units for the client's customer, counted with their other reservations of the drop; refusals roll the hold back. */
async function holdEditionUnits(tx: EntityManager, app: Pick<App, 'ports'>, target: EditionHoldTarget, at: { customerId: string; storeId: string; variantId: string; quantity: number; expiresAt: Date }) {
  const held = await editionHoldsOf(app).hold(tx, { dropId: target.dropId, ...at });
  if (held === 'LIMIT_EXCEEDED') {
    throw new DomainError(ConciergeErrorCode.LIMIT_EXCEEDED, `The client may hold or own at most ${target.perCustomerLimit} units of this drop, reservations, draw wins and holds together`, ['input', 'quantity']);
  }
  if (held === 'OUT_OF_STOCK') throw new DomainError(ConciergeErrorCode.OUT_OF_STOCK, "Fewer units of the drop's edition are left for this variant than asked", ['input', 'quantity']);
  if (held === 'MARKET_EXCLUDED') throw new DomainError(ConciergeErrorCode.MARKET_EXCLUDED, "The variant's drop is not released in the store of this location", ['input', 'locationId']);
  return held.reservationId;
}

export const holdService = {
  create(ctx: HoldCtx, input: { clientId: string; variantId: string; locationId: string; quantity: number; expiresAt: Date }) {
    return transaction(ctx, async (tx) => {
      const client = await clientInScope(ctx, tx, input.clientId);
      const variantId = uuidOf(input.variantId, 'ProductVariant', ['input', 'variantId']);
      const locationId = uuidOf(input.locationId, 'StockLocation', ['input', 'locationId']);
      const days = (input.expiresAt.getTime() - Date.now()) / 86_400_000;
      if (!(days > 0 && days <= MAX_HOLD_DAYS)) throw new DomainError(ConciergeErrorCode.INVALID, `expiresAt must be within the next ${MAX_HOLD_DAYS} days`, ['input', 'expiresAt']);
      const place = await placeOf(tx, variantId, locationId, client.brandId);
      if (!place.variant_brand || !seesBrand(ctx.viewer, place.variant_brand)) throw notFound(['input', 'variantId'], 'variant');
      if (place.variant_brand !== client.brandId) throw new DomainError(ConciergeErrorCode.WRONG_BRAND, "The variant is not of the client's brand", ['input', 'variantId']);
      if (!place.store_id || !place.carries) throw notFound(['input', 'locationId'], "location of a store carrying the client's brand");
      // A variant of a live drop's edition is held as edition units, not stock; the drops expiry job ends it at expiresAt.
      const target = await ctx.app.ports.editionHolds?.forVariant(tx, { variantId, brandId: client.brandId });
      if (target) {
        const reservationId = await holdEditionUnits(tx, ctx.app, target, { customerId: client.customerId, storeId: place.store_id, variantId, quantity: input.quantity, expiresAt: input.expiresAt });
        const hold = tx.create(ClientHold, {
          clientId: client.id, brandId: client.brandId, storeId: place.store_id, variantId, locationId, quantity: input.quantity,
          expiresAt: input.expiresAt, status: HoldStatus.ACTIVE, createdBy: actorOf(ctx.viewer), reservationId,
        });
        await tx.flush();
        return { hold: holdView(hold) };
      }
      const hold = tx.create(ClientHold, {
        clientId: client.id, brandId: client.brandId, storeId: place.store_id, variantId, locationId, quantity: input.quantity,
        expiresAt: input.expiresAt, status: HoldStatus.ACTIVE, createdBy: actorOf(ctx.viewer),
      });
      const reserved = await stockService.reserve(tx, { variantId, locationId, quantity: input.quantity, reason: 'client hold', actor: actorOf(ctx.viewer), ref: `hold:${hold.id}` });
      if (!reserved.ok) throw new DomainError(ConciergeErrorCode.OUT_OF_STOCK, `Only ${reserved.level?.available ?? 0} available at this location`, ['input', 'quantity']);
      await tx.flush();
      // The expiry job commits with the hold (graphile-worker's queue is in the same database).
      await queueJob(tx, HOLD_EXPIRE_TASK, { holdId: hold.id }, { runAt: input.expiresAt, jobKey: `hold:${hold.id}` });
      return { hold: holdView(hold) };
    });
  },

  release(ctx: HoldCtx, input: { id: string }) {
    return transaction(ctx, async (tx) => {
      const field = ['input', 'id'];
      const hold = await tx.findOne(ClientHold, { id: uuidOf(input.id, 'ClientHold', field) });
      if (!hold || !seesBrand(ctx.viewer, hold.brandId)) throw notFound(field, 'hold');
      if (hold.status !== HoldStatus.ACTIVE) throw new DomainError(ConciergeErrorCode.INVALID_TRANSITION, `The hold is ${hold.status} already`, field);
      await endHold(tx, ctx.app, hold, 'release', actorOf(ctx.viewer), field);
      return { hold: holdView(hold) };
    });
  },

  /** The expiry job: gives the units back unless a release or a cart got there first (then it does nothing). */
  async expire(app: App, holdId: string): Promise<'expired' | 'already-ended' | 'not-due'> {
    return app.orm.em.fork().transactional(async (tx) => {
      const hold = await tx.findOne(ClientHold, { id: holdId });
      if (!hold || hold.status !== HoldStatus.ACTIVE) return 'already-ended';
      if (hold.expiresAt.getTime() > Date.now()) return 'not-due';
      try {
        await endHold(tx, app, hold, 'expire', 'system', ['holdId']);
      } catch (err) {
        if (err instanceof DomainError && err.code === 'STATE_CHANGED') return 'already-ended';
        throw err;
      }
      return 'expired';
    });
  },

  forClients: (ctx: Context, client: Pick<Client, 'id'>) =>
    ctx.em.find(ClientHold, { clientId: client.id }, { orderBy: { id: 'desc' } }).then((holds) => holds.map(holdView)),
};
