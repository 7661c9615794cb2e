import type { EntityManager } from '@mikro-orm/postgresql';
import type { EditionHolds } from '../vip/concierge/edition-holds.js';
import { Drop, DropReservation, LimitedEdition, ReservationPhase } from './entities.js';
import { endReservation, holdUnits } from './reservation.service.js';

/**
 * The `editionHolds` port (declared by src/vip/concierge) on top of holdUnits: a concierge hold of an
 * edition variant is a CONCIERGE-phase reservation of the client's customer, sharing the edition's
 * units and the drop_customer_allocation row (the per-customer limit) with dropReserve and draw wins.
 */
export const conciergeEditionHolds: EditionHolds = {
  async forVariant(tx, at) {
    const [row] = await tx.execute<{ id: string }[]>(
      `select d.id from drop_release d join limited_edition e on e.id = d.edition_id
        where d.brand_id = ? and d.published and d.cancelled_at is null and d.ends_at > now() and e.variant_ids @> jsonb_build_array(?::text)
        order by d.created_at desc, d.id desc limit 1`,
      [at.brandId, at.variantId],
    );
    const drop = row && (await tx.findOneOrFail(Drop, row.id));
    return drop ? { dropId: drop.id, storeIds: drop.storeIds, perCustomerLimit: drop.perCustomerLimit } : null;
  },

  async hold(tx, at) {
    const drop = await tx.findOneOrFail(Drop, at.dropId);
    if (!drop.storeIds.includes(at.storeId)) return 'MARKET_EXCLUDED';
    const edition = await tx.findOneOrFail(LimitedEdition, drop.editionId);
    const held = await holdUnits(tx, {
      drop, edition, customerId: at.customerId, storeId: at.storeId, variantId: at.variantId, quantity: at.quantity,
      phase: ReservationPhase.CONCIERGE, expiresAt: at.expiresAt,
    });
    return held === 'SOLD_OUT' ? 'OUT_OF_STOCK' : held;
  },

  async end(tx: EntityManager, reservationId, event, actor) {
    const reservation = await tx.findOneOrFail(DropReservation, reservationId);
    await endReservation(tx, reservation, event, actor);
  },
};
