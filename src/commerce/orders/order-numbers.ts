import type { EntityManager } from '@mikro-orm/postgresql';

/** Digits of the counter part of an order number: MK-CN-000123. Longer counters simply grow. */
const DIGITS = 6;

/**
 * The next readable number of a store, in the caller's transaction, in one statement: the first order
 * creates the store's counter row (prefix = the store handle upper-cased), later ones bump it with
 * `on conflict do update set next = next + 1 returning`. The row lock serialises concurrent orders of
 * one store (they wait for the holder's commit), so two never share a number; a rolled-back order
 * leaves a gap, which is fine (numbers are sequential per store, not gapless).
 */
export async function nextOrderNumber(tx: EntityManager, storeId: string): Promise<string> {
  const [row] = await tx.execute<{ prefix: string; number: number }[]>(
    `insert into order_number_sequence (store_id, prefix, next)
       select s.id, upper(left(s.handle, 20)), 2 from store s where s.id = ?
     on conflict (store_id) do update set next = order_number_sequence.next + 1
     returning prefix, next - 1 as number`,
    [storeId],
  );
  if (!row) throw new Error(`No store ${storeId} to number an order in`);
  return formatOrderNumber(row.prefix, Number(row.number));
}

export function formatOrderNumber(prefix: string, n: number): string {
  return `${prefix}-${String(n).padStart(DIGITS, '0')}`;
}
