import { orderEvents } from '../../commerce/orders/events.js';
import { pgArray } from '../../shared/sql.js';
import { subscribeEditionHolds } from './edition-holds.js';

/**
 * A customer becomes a client of a brand when they first pay an order with a line of it: the
 * `order.paid` outbox subscriber adds the (brand, customer) profile, once (the unique key absorbs replays).
 * Concierge actions need the profile, so they act on clients made here (or by seeds and tests).
 * Edition holds follow their drop reservation's end (edition-holds.ts).
 */
export function wireConcierge(): () => void {
  const offEditionHolds = subscribeEditionHolds();
  const offClientBook = orderEvents.subscribe({ name: 'concierge.client_book', topics: ['order.paid'] }, async (events, tx) => {
    const pairs = events.flatMap((e) => (e.payload.customerId ? e.payload.brandIds.map((b) => [b, e.payload.customerId!]) : []));
    if (!pairs.length) return;
    await tx.execute(
      `insert into client_profile (id, created_at, updated_at, brand_id, customer_id, preferences)
       select uuidv7(), now(), now(), t.b, t.c, '[]'::jsonb from unnest(?::uuid[], ?::uuid[]) as t(b, c)
       on conflict (brand_id, customer_id) do nothing`,
      [pgArray(pairs.map((p) => p[0])), pgArray(pairs.map((p) => p[1]))],
    );
  });
  return () => {
    offClientBook();
    offEditionHolds();
  };
}
