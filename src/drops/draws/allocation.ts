import type { EntityManager } from '@mikro-orm/postgresql';
import { Drop, LimitedEdition, ReservationPhase, type DropReservation } from '../entities.js';
import { pgArray } from '../../shared/sql.js';
import { holdUnits } from '../reservation.service.js';
import { DropEntry } from './entities.js';

const HOUR = 3_600_000;
const WAITING_PAGE = 50;

type Refusal = 'LIMIT_EXCEEDED' | 'SOLD_OUT';

/** One unit of the entry's variant for its customer; a refusal writes nothing (holdUnits is one statement), so a skipped entry needs no savepoint. */
async function holdForEntry(tx: EntityManager, drop: Drop, edition: LimitedEdition, entry: DropEntry, purchaseDeadline: Date): Promise<string | Refusal> {
  const held = await holdUnits(tx, {
    drop, edition, customerId: entry.customerId, storeId: entry.storeId, variantId: entry.variantId, quantity: 1, phase: ReservationPhase.DRAW, expiresAt: purchaseDeadline,
  });
  return typeof held === 'string' ? held : held.reservationId;
}

/** Links entries to the reservations held for them, in one statement (SQL: the entities stay clean, so no savepoint flushes them). */
async function link(tx: EntityManager, held: { entryId: string; reservationId: string }[], purchaseDeadline: Date): Promise<void> {
  if (held.length === 0) return;
  await tx.execute(
    `update drop_entry e set reservation_id = h.reservation_id, purchase_deadline = ?, updated_at = now()
       from unnest(?::uuid[], ?::uuid[]) as h(entry_id, reservation_id) where e.id = h.entry_id`,
    [purchaseDeadline, pgArray(held.map((h) => h.entryId)), pgArray(held.map((h) => h.reservationId))],
  );
}

/**
 * drawRun's allocation, in its transaction: down the draw order, one unit for each entry whose variant
 * still has one and whose customer is under the drop's limit, until `units` are held. Skipped entries stay
 * on the waiting list. `ranked` must be flushed (clean) entities in draw order.
 */
export async function holdForWinners(tx: EntityManager, drop: Drop, units: number, ranked: readonly DropEntry[], purchaseDeadline: Date): Promise<number> {
  const edition = await tx.findOneOrFail(LimitedEdition, drop.editionId);
  const soldOut = new Set<string>();
  const held: { entryId: string; reservationId: string }[] = [];
  for (const entry of ranked) {
    if (held.length === units || soldOut.size === edition.variantIds.length) break;
    if (soldOut.has(entry.variantId)) continue;
    const outcome = await holdForEntry(tx, drop, edition, entry, purchaseDeadline);
    if (outcome === 'SOLD_OUT') soldOut.add(entry.variantId);
    else if (outcome !== 'LIMIT_EXCEEDED') held.push({ entryId: entry.id, reservationId: outcome });
  }
  await link(tx, held, purchaseDeadline);
  return held.length;
}

/**
 * The expiry task's follow-up for a DRAW reservation that ended unclaimed (reservationService.expire
 * calls it in its transaction, with the drop row locked for share, after the unit came back): the unit
 * goes to the next entry in draw order that has no reservation, wants that variant and is under the
 * limit, for `purchaseHours` from now. Nothing when the drop was cancelled or ended, or nobody waits
 * (the unit stays AVAILABLE, and unsold: a DRAW drop sells only through its draw).
 */
export async function rollOver(tx: EntityManager, ended: DropReservation): Promise<string | null> {
  if (ended.phase !== ReservationPhase.DRAW) return null;
  const drop = await tx.findOneOrFail(Drop, ended.dropId, { refresh: true });
  if (drop.cancelledAt || drop.endsAt.getTime() <= Date.now()) return null;
  // Concurrent roll-overs of one drop walk the waiting list one at a time (and after drawRun, which locks it too).
  const [draw] = await tx.execute<{ purchase_hours: number }[]>('select purchase_hours from drop_draw where drop_id = ? and revealed_at is not null for update', [drop.id]);
  if (!draw) return null;
  const edition = await tx.findOneOrFail(LimitedEdition, drop.editionId);
  const purchaseDeadline = new Date(Date.now() + draw.purchase_hours * HOUR);
  for (let afterRank = 0; ;) {
    const waiting = await tx.find(
      DropEntry,
      { dropId: drop.id, variantId: ended.variantId, reservationId: null, rank: { $gt: afterRank } },
      { orderBy: { rank: 'asc' }, limit: WAITING_PAGE },
    );
    for (const entry of waiting) {
      const outcome = await holdForEntry(tx, drop, edition, entry, purchaseDeadline);
      if (outcome === 'SOLD_OUT') return null;
      if (outcome !== 'LIMIT_EXCEEDED') {
        await link(tx, [{ entryId: entry.id, reservationId: outcome }], purchaseDeadline);
        return outcome;
      }
    }
    if (waiting.length < WAITING_PAGE) return null;
    afterRank = waiting[waiting.length - 1].rank!;
  }
}
