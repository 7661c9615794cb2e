import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The edition's unit rows, claimed and returned in the caller's transaction. Claims take
 * `FOR UPDATE SKIP LOCKED` from a random number and wrap around, so concurrent buyers spread over the
 * units instead of queueing on the lowest ones (ARCHITECTURE "Performance notes").
 */
export const editionUnits = {
  async claim(tx: EntityManager, at: { editionId: string; variantId: string; editionSize: number }, quantity: number): Promise<string[]> {
    const start = 1 + Math.floor(Math.random() * at.editionSize);
    const pick = (range: string, limit: number) =>
      tx.execute<{ id: string }[]>(
        `select id from edition_unit where edition_id = ? and variant_id = ? and status = 'AVAILABLE' and ${range}
          order by number limit ? for update skip locked`,
        [at.editionId, at.variantId, start, limit],
      );
    const ids = (await pick('number >= ?', quantity)).map((r) => r.id);
    if (ids.length < quantity) ids.push(...(await pick('number < ?', quantity - ids.length)).map((r) => r.id));
    return ids;
  },

  async reserve(tx: EntityManager, unitIds: string[], reservationId: string, storeId: string): Promise<void> {
    await tx.execute(`update edition_unit set status = 'RESERVED', reservation_id = ?, store_id = ? where id = any(?::uuid[])`, [reservationId, storeId, `{${unitIds.join(',')}}`]);
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
  async take(tx: EntityManager, at: { dropId: string; customerId: string; brandId: string; limit: number }, quantity: number): Promise<boolean> {
    const rows = await tx.execute<unknown[]>(
      `insert into drop_customer_allocation as a (drop_id, customer_id, brand_id, count) select ?, ?, ?, ? where ? <= ?
       on conflict (drop_id, customer_id) do update set count = a.count + excluded.count where a.count + excluded.count <= ?
       returning 1`,
      [at.dropId, at.customerId, at.brandId, quantity, quantity, at.limit, at.limit],
    );
    return rows.length === 1;
  },

  async giveBack(tx: EntityManager, dropId: string, customerId: string, quantity: number): Promise<void> {
    await tx.execute(`update drop_customer_allocation set count = count - ? where drop_id = ? and customer_id = ?`, [quantity, dropId, customerId]);
  },

  async countOf(em: EntityManager, dropId: string, customerId: string): Promise<number> {
    const [row] = await em.execute<{ count: number }[]>(`select count from drop_customer_allocation where drop_id = ? and customer_id = ?`, [dropId, customerId]);
    return row?.count ?? 0;
  },
};
