import type { EntityManager } from '@mikro-orm/postgresql';
import { refreshListings } from './listing.service.js';
import { pgArray } from '../shared/sql.js';

/**
 * The only code that writes `inventory_level`. Admin counts, carts, checkout, holds, drops and
 * bookings all change stock through these functions, inside their own transaction (the `tx` they
 * pass): nothing here opens a transaction or calls out of the database.
 *
 * Every change is one guarded statement: the UPDATE's WHERE restates the table's rule
 * (reserved >= 0 and on hand >= reserved, so available never goes below zero), and under READ COMMITTED
 * a blocked UPDATE re-checks that WHERE against the row it waited for, so concurrent callers serialize on
 * the row and none oversells. The same statement writes the audit row (a data-modifying CTE), so a
 * refusal writes nothing at all. Refusals are results, not exceptions: the caller turns them into
 * its own userError (OUT_OF_STOCK, BELOW_RESERVED, ...).
 *
 * Counted stock only. Numbered editions (the drops issue) keep one row per unit: for those variants,
 * reserve/release/commit will claim unit rows (`FOR UPDATE SKIP LOCKED` from a random start, which
 * scales far better than one hot counter) behind these same signatures, dispatched in `move()`, and
 * report the claimed units in the outcome; callers will not change.
 *
 * Uses PostgreSQL 18's `RETURNING old.*` to audit a count with the difference it made in one statement.
 *
 * Not through here, on purpose: the seeds (seeds/demo.ts, the synthetic generator's multi-row inserts
 * with foreign-key checks skipped) and test fixtures insert a brand-new catalog's first levels. Nothing
 * is reserved yet, so there is no rule to guard and no change to audit, and the synthetic loader's speed
 * (100,000 products) depends on writing all its tables in a few set-based statements.
 */

export interface StockLevel {
  variantId: string;
  locationId: string;
  onHand: number;
  reserved: number;
  available: number;
  updatedAt: Date;
}

/** Why a change was refused: OUT_OF_STOCK (reserve), NOT_RESERVED (release, commit), BELOW_RESERVED (adjust, set). */
export type StockRefusal = 'OUT_OF_STOCK' | 'NOT_RESERVED' | 'BELOW_RESERVED';

/** The level after the change, or the refusal with the level as it stands (null when the variant has no stock row there). */
export type StockOutcome = { ok: true; level: StockLevel } | { ok: false; refusal: StockRefusal; level: StockLevel | null };

export interface StockAt {
  variantId: string;
  locationId: string;
}

/** Who changed stock and why, for the audit trail. */
export interface StockAudit {
  reason: string;
  /** "staff:<uuid>", "apiKey:<uuid>", "customer:<uuid>" or "system". */
  actor: string;
  /** What the change belongs to ("cart:<uuid>", "order:<uuid>"), so a release can be matched with its reservation. */
  ref?: string;
}

export type StockMovement = StockAt & StockAudit & { quantity: number };

interface LevelRow {
  variant_id: string;
  location_id: string;
  on_hand: number;
  reserved: number;
  updated_at: Date;
  product_id: string;
  available_before: number;
}

/** Admin changes always refresh listings (as they always have); reservations only when availability at the location crosses zero, the only way they can change a listing. */
type Refresh = 'always' | 'when-availability-flips';

function levelOf(row: Omit<LevelRow, 'product_id' | 'available_before'>): StockLevel {
  return {
    variantId: row.variant_id,
    locationId: row.location_id,
    onHand: row.on_hand,
    reserved: row.reserved,
    available: row.on_hand - row.reserved,
    updatedAt: new Date(row.updated_at),
  };
}

function positive(quantity: number): number {
  if (!Number.isInteger(quantity) || quantity <= 0) throw new RangeError(`Stock quantity must be a positive integer, got ${quantity}`);
  return quantity;
}

/**
 * Wraps a statement that changes inventory_level rows and returns them as `new.*` with `old.*` beside
 * them: audits each changed row in the same statement and answers with the new level and its product.
 */
function audited(change: string, prelude = ''): string {
  return `with ${prelude}changed as (${change}
       returning new.variant_id, new.location_id, new.on_hand, new.reserved, new.updated_at,
                 new.on_hand - coalesce(old.on_hand, 0) as on_hand_delta, new.reserved - coalesce(old.reserved, 0) as reserved_delta,
                 coalesce(old.on_hand - old.reserved, 0) as available_before),
     audit as (insert into inventory_adjustment (variant_id, location_id, delta, on_hand_after, reserved_delta, reserved_after, reason, ref, actor, created_at)
       select variant_id, location_id, on_hand_delta, on_hand, reserved_delta, reserved, ?, ?, ?, now() from changed)
     select c.variant_id, c.location_id, c.on_hand, c.reserved, c.updated_at, c.available_before, v.product_id
       from changed c join product_variant v on v.id = c.variant_id`;
}

const auditParams = (a: StockAudit) => [a.reason.trim(), a.ref ?? null, a.actor];

async function finish(tx: EntityManager, rows: LevelRow[], refusal: StockRefusal, at: StockAt, refresh: Refresh): Promise<StockOutcome> {
  const [row] = rows;
  if (!row) return { ok: false, refusal, level: await stockService.level(tx, at) };
  const level = levelOf(row);
  if (refresh === 'always' || row.available_before > 0 !== level.available > 0) await refreshListings(tx, [row.product_id]);
  return { ok: true, level };
}

/** Moves on hand and reserved by the given amounts, only if the row's rule still holds afterwards. */
async function move(tx: EntityManager, at: StockAt & StockAudit, onHand: number, reserved: number, refusal: StockRefusal, refresh: Refresh) {
  const rows = await tx.execute<LevelRow[]>(
    audited(`update inventory_level set on_hand = on_hand + ?, reserved = reserved + ?, updated_at = now()
       where variant_id = ? and location_id = ? and on_hand + ? >= reserved + ? and reserved + ? >= 0`),
    [onHand, reserved, at.variantId, at.locationId, onHand, reserved, reserved, ...auditParams(at)],
  );
  return finish(tx, rows, refusal, at, refresh);
}

/** Where reserveMany looks: one location (a pickup boutique), or the store's live locations in creation order. */
export type ReservePlace = { locationId: string } | { storeId: string };

/**
 * Many movements as one statement: the rows are locked in (variant, location) order first, so two
 * callers moving overlapping sets never deadlock, then each is the guarded update with its audit row.
 * Returns the levels that moved; a refused row is simply absent.
 */
async function moveMany(tx: EntityManager, rows: (StockAt & { quantity: number })[], onHandSign: 0 | -1, audit: StockAudit): Promise<LevelRow[]> {
  const merged = new Map<string, StockAt & { quantity: number }>();
  for (const r of rows) {
    const key = `${r.variantId}:${r.locationId}`;
    merged.set(key, { ...r, quantity: (merged.get(key)?.quantity ?? 0) + positive(r.quantity) });
  }
  const list = [...merged.values()];
  return tx.execute<LevelRow[]>(
    audited(
      `update inventory_level il set on_hand = il.on_hand + ?::int * w.quantity, reserved = il.reserved - w.quantity, updated_at = now()
         from wanted w join locked l on l.variant_id = w.variant_id and l.location_id = w.location_id
        where il.variant_id = w.variant_id and il.location_id = w.location_id and il.reserved >= w.quantity and il.on_hand + ?::int * w.quantity >= il.reserved - w.quantity`,
      `wanted as (select * from unnest(?::uuid[], ?::uuid[], ?::int[]) as w(variant_id, location_id, quantity)),
       locked as (select il.variant_id, il.location_id from inventory_level il join wanted w on w.variant_id = il.variant_id and w.location_id = il.location_id
                   order by il.variant_id, il.location_id for update of il),
       `,
    ),
    [pgArray(list.map((r) => r.variantId)), pgArray(list.map((r) => r.locationId)), pgArray(list.map((r) => r.quantity)), onHandSign, onHandSign, ...auditParams(audit)],
  );
}

async function refreshFlipped(tx: EntityManager, rows: LevelRow[]) {
  const flipped = rows.filter((r) => r.available_before > 0 !== r.on_hand - r.reserved > 0).map((r) => r.product_id);
  await refreshListings(tx, [...new Set(flipped)]);
}

export const stockService = {
  /**
   * Holds units of many variants in one statement, whatever their number (checkout's lines): at one
   * location, or per variant at the first live location of the store with enough available (the order
   * reserveInStore tries). Same guard and audit as reserve; rows are locked in a fixed order, so
   * overlapping callers never deadlock. A line refused under contention at its chosen store location
   * is retried with reserveInStore (other locations may still have it). Returns, per line in order,
   * the level after the hold or null (OUT_OF_STOCK); the caller rolls back to undo a partial success.
   */
  async reserveMany(tx: EntityManager, lines: { variantId: string; quantity: number }[], place: ReservePlace, audit: StockAudit): Promise<(StockLevel | null)[]> {
    if (lines.length === 0) return [];
    if (new Set(lines.map((l) => l.variantId)).size !== lines.length) throw new RangeError('reserveMany: one line per variant');
    const atOne = 'locationId' in place;
    const rows = await tx.execute<LevelRow[]>(
      audited(
        `update inventory_level il set reserved = il.reserved + c.quantity, updated_at = now()
           from candidates c join locked l on l.variant_id = c.variant_id and l.location_id = c.location_id
          where il.variant_id = c.variant_id and il.location_id = c.location_id and il.on_hand >= il.reserved + c.quantity`,
        `wanted as (select * from unnest(?::uuid[], ?::int[]) as w(variant_id, quantity)),
         candidates as (select distinct on (w.variant_id) w.variant_id, il.location_id, w.quantity
                          from wanted w join inventory_level il on il.variant_id = w.variant_id join stock_location sl on sl.id = il.location_id
                         where ${atOne ? 'il.location_id = ?' : 'sl.store_id = ?'} and sl.archived_at is null and il.on_hand - il.reserved >= w.quantity
                         order by w.variant_id, sl.id),
         locked as (select il.variant_id, il.location_id from inventory_level il join candidates c on c.variant_id = il.variant_id and c.location_id = il.location_id
                     order by il.variant_id, il.location_id for update of il),
         `,
      ),
      [pgArray(lines.map((l) => l.variantId)), pgArray(lines.map((l) => positive(l.quantity))), atOne ? place.locationId : place.storeId, ...auditParams(audit)],
    );
    await refreshFlipped(tx, rows);
    const held = new Map(rows.map((r) => [r.variant_id, levelOf(r)]));
    const result: (StockLevel | null)[] = [];
    for (const line of lines) {
      let level = held.get(line.variantId) ?? null;
      if (!level && !atOne) {
        const retried = await stockService.reserveInStore(tx, { ...line, ...audit, storeId: place.storeId });
        level = retried.ok ? retried.level : null;
      }
      result.push(level);
    }
    return result;
  },

  /** Gives back many reservations in one statement (expired or failed checkout holds); throws if any was not reserved: the caller's records are wrong. */
  async releaseMany(tx: EntityManager, rows: (StockAt & { quantity: number })[], audit: StockAudit): Promise<void> {
    if (rows.length === 0) return;
    const moved = await moveMany(tx, rows, 0, audit);
    if (moved.length !== new Set(rows.map((r) => `${r.variantId}:${r.locationId}`)).size) throw new Error('releaseMany: some units were not reserved');
    await refreshFlipped(tx, moved);
  },

  /** Turns many reservations into a sale in one statement (checkout's holds into an order); throws if any was not reserved. */
  async commitMany(tx: EntityManager, rows: (StockAt & { quantity: number })[], audit: StockAudit): Promise<void> {
    if (rows.length === 0) return;
    const moved = await moveMany(tx, rows, -1, audit);
    if (moved.length !== new Set(rows.map((r) => `${r.variantId}:${r.locationId}`)).size) throw new Error('commitMany: some units were not reserved');
    await refreshFlipped(tx, moved);
  },


  /** Holds units at one location for a cart, order or booking: refused (OUT_OF_STOCK) unless that many are available. */
  reserve(tx: EntityManager, m: StockMovement): Promise<StockOutcome> {
    return move(tx, m, 0, positive(m.quantity), 'OUT_OF_STOCK', 'when-availability-flips');
  },

  /**
   * Holds units at whichever live location of the store has enough available, trying them in a fixed
   * order (creation order; ids are UUIDv7) so equal requests pick the same place. Each try is the guarded
   * update, so a location drained by a concurrent caller is simply skipped. Splitting one line over
   * several locations is not done: the caller asks again per location if it wants that.
   */
  async reserveInStore(tx: EntityManager, m: Omit<StockMovement, 'locationId'> & { storeId: string }): Promise<StockOutcome> {
    const candidates = await tx.execute<{ location_id: string }[]>(
      `select il.location_id from inventory_level il join stock_location sl on sl.id = il.location_id
        where il.variant_id = ? and sl.store_id = ? and sl.archived_at is null and il.on_hand - il.reserved >= ?
        order by sl.id`,
      [m.variantId, m.storeId, positive(m.quantity)],
    );
    for (const { location_id } of candidates) {
      const outcome = await stockService.reserve(tx, { ...m, locationId: location_id });
      if (outcome.ok) return outcome;
    }
    return { ok: false, refusal: 'OUT_OF_STOCK', level: null };
  },

  /** Gives reserved units back to available (a cart line removed, a hold expired): refused (NOT_RESERVED) beyond what is reserved. */
  release(tx: EntityManager, m: StockMovement): Promise<StockOutcome> {
    return move(tx, m, 0, -positive(m.quantity), 'NOT_RESERVED', 'when-availability-flips');
  },

  /** Turns reserved units into a sale: on hand and reserved both go down; available is unchanged. */
  commit(tx: EntityManager, m: StockMovement): Promise<StockOutcome> {
    const q = positive(m.quantity);
    return move(tx, m, -q, -q, 'NOT_RESERVED', 'when-availability-flips');
  },

  /** Adds (or with a negative delta removes) units on hand; never below the units reserved (BELOW_RESERVED). */
  async adjust(tx: EntityManager, a: StockAt & StockAudit & { delta: number }): Promise<StockOutcome> {
    if (!Number.isInteger(a.delta)) throw new RangeError(`Stock delta must be an integer, got ${a.delta}`);
    if (a.delta < 0) return move(tx, a, a.delta, 0, 'BELOW_RESERVED', 'always');
    // Adding stock may be the first at this location: create the row in the same statement.
    const rows = await tx.execute<LevelRow[]>(
      audited(`insert into inventory_level (variant_id, location_id, on_hand, reserved, updated_at) values (?, ?, ?, 0, now())
       on conflict (variant_id, location_id) do update set on_hand = inventory_level.on_hand + excluded.on_hand, updated_at = now()`),
      [a.variantId, a.locationId, a.delta, ...auditParams(a)],
    );
    return finish(tx, rows, 'BELOW_RESERVED', a, 'always');
  },

  /** Sets on hand to a counted figure, audited with the difference; never below the units reserved (BELOW_RESERVED). */
  async set(tx: EntityManager, a: StockAt & StockAudit & { onHand: number }): Promise<StockOutcome> {
    if (!Number.isInteger(a.onHand) || a.onHand < 0) throw new RangeError(`Stock on hand must be a non-negative integer, got ${a.onHand}`);
    const rows = await tx.execute<LevelRow[]>(
      audited(`insert into inventory_level (variant_id, location_id, on_hand, reserved, updated_at) values (?, ?, ?, 0, now())
       on conflict (variant_id, location_id) do update set on_hand = excluded.on_hand, updated_at = now()
         where excluded.on_hand >= inventory_level.reserved`),
      [a.variantId, a.locationId, a.onHand, ...auditParams(a)],
    );
    return finish(tx, rows, 'BELOW_RESERVED', a, 'always');
  },

  /**
   * Sets many counted levels in one statement, whatever their number, for the bulk catalog import:
   * same guard and audit as `set`, but only rows whose on hand changed are audited, and the caller
   * refreshes listings once for its whole batch (it writes listings after stock). The caller has
   * checked every row against reserved under lock; a row the guard still refuses is a bug, so it throws.
   */
  async setMany(tx: EntityManager, rows: (StockAt & { onHand: number })[], audit: Omit<StockAudit, 'ref'>): Promise<void> {
    if (rows.length === 0) return;
    const [{ n }] = await tx.execute<{ n: number }[]>(
      `with changed as (
         insert into inventory_level (variant_id, location_id, on_hand, reserved, updated_at)
         select t.*, 0, now() from unnest(?::uuid[], ?::uuid[], ?::int[]) as t
         on conflict (variant_id, location_id) do update set on_hand = excluded.on_hand, updated_at = now()
           where excluded.on_hand >= inventory_level.reserved
         returning new.variant_id, new.location_id, new.on_hand, new.reserved, new.on_hand - coalesce(old.on_hand, 0) as on_hand_delta),
       audit as (insert into inventory_adjustment (variant_id, location_id, delta, on_hand_after, reserved_delta, reserved_after, reason, actor, created_at)
         select variant_id, location_id, on_hand_delta, on_hand, 0, reserved, ?, ?, now() from changed where on_hand_delta <> 0)
       select count(*)::int as n from changed`,
      [pgArray(rows.map((r) => r.variantId)), pgArray(rows.map((r) => r.locationId)), pgArray(rows.map((r) => r.onHand)), audit.reason, audit.actor],
    );
    if (n !== rows.length) throw new Error(`Stock import: ${rows.length - n} of ${rows.length} levels fell below their reserved units while locked`);
  },

  /** A variant's levels at every location that has a row, in location order. */
  async levels(em: EntityManager, variantId: string): Promise<StockLevel[]> {
    const rows = await em.execute<LevelRow[]>('select * from inventory_level where variant_id = ? order by location_id', [variantId]);
    return rows.map(levelOf);
  },

  /** Levels of many variants at one location in one statement (a pickup boutique for a cart), in no particular order. */
  async levelsAt(em: EntityManager, locationId: string, variantIds: readonly string[]): Promise<StockLevel[]> {
    if (variantIds.length === 0) return [];
    const rows = await em.execute<LevelRow[]>('select * from inventory_level where location_id = ? and variant_id = any(?::uuid[])', [locationId, pgArray(variantIds)]);
    return rows.map(levelOf);
  },

  /** The level of a variant at a location, or null when it has never been stocked there. */
  async level(em: EntityManager, at: StockAt): Promise<StockLevel | null> {
    const [row] = await em.execute<LevelRow[]>('select * from inventory_level where variant_id = ? and location_id = ?', [at.variantId, at.locationId]);
    return row ? levelOf(row) : null;
  },
};
