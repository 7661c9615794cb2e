import type { EntityManager, PostgreSqlConnection } from '@mikro-orm/postgresql';

export interface UnitHold {
  reservationId: string;
  dropId: string;
  brandId: string;
  editionId: string;
  editionSize: number;
  variantId: string;
  customerId: string;
  storeId: string;
  quantity: number;
  limit: number;
  phase: string;
  expiresAt: Date;
}

/**
 * A hold in ONE statement (one round trip; atomic on its own, or part of the caller's transaction).
 * Claims take `FOR UPDATE SKIP LOCKED` from a random number upwards, then below it (that second scan
 * runs only when the first is short: CTE scans are pulled lazily), so concurrent buyers spread over
 * the units instead of queueing on the lowest ones (ARCHITECTURE "Performance notes"). The customer's
 * allocation is taken by a guarded upsert only when enough units were claimed, and the reservation,
 * and the units' marks are written only when it was taken: a refusal writes nothing. No job is queued:
 * the expiry sweep (src/drops/expiry-sweep.ts) ends reservations at expiresAt.
 */
const HOLD_SQL = `
  with hi as (
    select id from edition_unit where edition_id = $1::uuid and variant_id = $2::uuid and status = 'AVAILABLE' and number >= $3::int order by number limit $4::int for update skip locked
  ), lo as (
    select id from edition_unit where edition_id = $1::uuid and variant_id = $2::uuid and status = 'AVAILABLE' and number < $3::int order by number limit $4::int for update skip locked
  ), claimed as (
    select id from (select id from hi union all select id from lo) u limit $4::int
  ), enough as (
    select count(*) = $4::int as ok from claimed
  ), allocated as (
    insert into drop_customer_allocation as a (drop_id, customer_id, brand_id, count)
    select $5::uuid, $6::uuid, $7::uuid, $4::int from enough where ok and $4::int <= $8::int
    on conflict (drop_id, customer_id) do update set count = a.count + excluded.count where a.count + excluded.count <= $8::int
    returning 1
  ), reservation as (
    insert into drop_reservation (id, created_at, updated_at, brand_id, store_id, drop_id, customer_id, variant_id, quantity, status, expires_at, phase)
    select $9::uuid, now(), now(), $7::uuid, $10::uuid, $5::uuid, $6::uuid, $2::uuid, $4::int, 'ACTIVE', $11::timestamptz, $12::drop_reservation_phase from allocated
    returning id
  ), marked as (
    update edition_unit set status = 'RESERVED', reservation_id = $9::uuid, store_id = $10::uuid where id in (select id from claimed) and exists (select 1 from reservation)
    returning 1
  )
  select (select ok from enough) as enough, (select count(*) from marked)::int as marked,
         (select count from drop_customer_allocation where drop_id = $5::uuid and customer_id = $6::uuid) as held`;

type HoldRow = { enough: boolean; marked: number; held: number | null };

/**
 * Runs the hold. Outside a transaction it is a named prepared statement on the pool (PostgreSQL plans it
 * once per connection: planning was about half of its cost); inside the caller's transaction, through
 * MikroORM, which takes `?` placeholders and inlines the values.
 */
async function runHold(em: EntityManager, params: unknown[]): Promise<HoldRow> {
  if (!em.getTransactionContext()) {
    const pool = await (em.getConnection() as PostgreSqlConnection).getNativeClient();
    const started = Date.now();
    const { rows } = await pool.query<HoldRow>({ name: 'drop_hold', text: HOLD_SQL, values: params });
    // Past MikroORM, so logged through its logger: query logs and statement counts still see it.
    em.config.getLogger().logQuery({ query: HOLD_SQL, params, took: Date.now() - started, results: rows.length, level: 'info' });
    return rows[0];
  }
  const placeholders = [...HOLD_SQL.matchAll(/\$(\d+)/g)].map((m) => params[Number(m[1]) - 1]);
  return (await em.execute<HoldRow[]>(HOLD_SQL.replace(/\$\d+/g, '?'), placeholders))[0];
}

export const editionUnits = {
  async hold(em: EntityManager, h: UnitHold): Promise<'HELD' | 'LIMIT_EXCEEDED' | 'SOLD_OUT'> {
    const start = 1 + Math.floor(Math.random() * h.editionSize);
    const row = await runHold(em, [
      h.editionId, h.variantId, start, h.quantity, h.dropId, h.customerId, h.brandId, h.limit, h.reservationId, h.storeId, h.expiresAt.toISOString(), h.phase,
    ]);
    if (row.marked === h.quantity) return 'HELD';
    if (row.marked !== 0) throw new Error(`Reservation ${h.reservationId}: ${row.marked} of ${h.quantity} units marked`);
    // The allocation as this statement's snapshot saw it: being over the limit answers before sold out.
    if ((row.held ?? 0) + h.quantity > h.limit || row.enough) return 'LIMIT_EXCEEDED';
    return 'SOLD_OUT';
  },

  /** Gives a reservation's units back; returns how many (the caller checks it matches the reservation). */
  async release(tx: EntityManager, reservationId: string): Promise<number> {
    const rows = await tx.execute<unknown[]>(
      `update edition_unit set status = 'AVAILABLE', reservation_id = null, store_id = null where reservation_id = ? and status = 'RESERVED' returning 1`,
      [reservationId],
    );
    return rows.length;
  },

  /** Marks a reservation's units SOLD to the order; returns their numbers. */
  async sell(tx: EntityManager, reservationId: string, orderId: string): Promise<number[]> {
    const rows = await tx.execute<{ number: number }[]>(
      `update edition_unit set status = 'SOLD', order_id = ? where reservation_id = ? and status = 'RESERVED' returning number`,
      [orderId, reservationId],
    );
    return rows.map((r) => r.number).sort((a, b) => a - b);
  },

  async stats(em: EntityManager, editionIds: readonly string[]): Promise<Map<string, { available: number; reserved: number; sold: number }>> {
    const rows = await em.execute<{ edition_id: string; available: number; reserved: number; sold: number }[]>(
      `select edition_id, count(*) filter (where status = 'AVAILABLE')::int as available, count(*) filter (where status = 'RESERVED')::int as reserved,
              count(*) filter (where status = 'SOLD')::int as sold
         from edition_unit where edition_id = any(?::uuid[]) group by edition_id`,
      [`{${editionIds.join(',')}}`],
    );
    return new Map(rows.map((r) => [r.edition_id, { available: r.available, reserved: r.reserved, sold: r.sold }]));
  },
};

/** The per-customer limit across every store of the drop: a guarded upsert, so concurrent requests of one customer never pass it. */
export const allocations = {
  async giveBack(tx: EntityManager, dropId: string, customerId: string, quantity: number): Promise<void> {
    await tx.execute(`update drop_customer_allocation set count = count - ? where drop_id = ? and customer_id = ?`, [quantity, dropId, customerId]);
  },

  async countOf(em: EntityManager, dropId: string, customerId: string): Promise<number> {
    const [row] = await em.execute<{ count: number }[]>(`select count from drop_customer_allocation where drop_id = ? and customer_id = ?`, [dropId, customerId]);
    return row?.count ?? 0;
  },
};

/** A held reservation's units back on sale and the customer's allocation back, checking every unit was still held by it. */
export async function returnHeldUnits(tx: EntityManager, r: { id: string; dropId: string; customerId: string; quantity: number }): Promise<void> {
  const returned = await editionUnits.release(tx, r.id);
  if (returned !== r.quantity) throw new Error(`Reservation ${r.id}: ${returned} of its ${r.quantity} units were reserved`);
  await allocations.giveBack(tx, r.dropId, r.customerId, r.quantity);
}
