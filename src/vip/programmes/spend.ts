import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { OrderLine } from '../../commerce/orders/entities.js';
import { orderEvents } from '../../commerce/orders/events.js';
import type { CurrencyCode } from '../../shared/money.js';
import { convertMinor, rateAt } from './conversion.js';
import { Programme } from './entities.js';
import { evaluateMember } from './evaluation.js';

export const VIP_SPEND_SUBSCRIBER = { name: 'vip.spend', topics: ['order.paid', 'order.refunded'] as const };

type OrderSpendEvent = { id: string; topic: 'order.paid' | 'order.refunded'; createdAt: Date; payload: { orderId: string; customerId: string | null; total: number; currency: string; brandIds: string[]; amount?: number } };

/**
 * What an order brings to a programme. A platform programme counts the whole amount (the order total
 * paid, or the amount refunded). A brand programme counts that brand's share: all of it when the order
 * holds only that brand; for a multi-brand order (Design Mall), the payload names the brands but not
 * their amounts, so the share is that brand's line totals over all line totals (from the order's line
 * snapshots, which never change), applied to the total paid or refunded (shipping and tax apportioned).
 */
async function brandShare(tx: EntityManager, orderId: string, brandId: string, brandIds: string[]): Promise<number> {
  if (brandIds.length === 1) return 1;
  const lines = await tx.find(OrderLine, { orderId }, { fields: ['brandId', 'lineTotal'] });
  const all = lines.reduce((s, l) => s + l.lineTotal, 0);
  return all === 0 ? 0 : lines.filter((l) => l.brandId === brandId).reduce((s, l) => s + l.lineTotal, 0) / all;
}

/**
 * The 'vip.spend' outbox subscriber: each order.paid / order.refunded of a customer becomes one
 * qualifying-spend row per programme it counts for (unique on the programme and the event id, so a
 * redelivered event inserts nothing and changes nothing), converted into the programme currency at the
 * rate valid when the event was written (recorded; null until a rate is configured, then the nightly
 * recompute converts it), and the member is evaluated at `now`.
 */
export async function applySpendEvents(tx: EntityManager, events: readonly OrderSpendEvent[], now = new Date()): Promise<void> {
  const relevant = events.filter((e) => e.payload.customerId);
  if (relevant.length === 0) return;
  const brandIds = [...new Set(relevant.flatMap((e) => e.payload.brandIds))];
  const programmes = await tx.find(Programme, { active: true, $or: [{ brandId: null }, { brandId: { $in: brandIds } }] });
  for (const event of relevant) {
    const p = event.payload;
    const amount = event.topic === 'order.paid' ? p.total : -(p.amount ?? 0);
    for (const programme of programmes.filter((g) => !g.brandId || p.brandIds.includes(g.brandId))) {
      const share = programme.brandId ? await brandShare(tx, p.orderId, programme.brandId, p.brandIds) : 1;
      const counted = Math.round(amount * share);
      const currency = p.currency as CurrencyCode;
      const rate = await rateAt(tx, currency, programme.currency, event.createdAt);
      const converted = rate === null ? null : convertMinor(counted, currency, programme.currency, rate);
      const inserted = await tx.execute<{ id: string }[]>(
        `insert into vip_qualifying_spend (id, created_at, updated_at, brand_id, programme_id, customer_id, order_id, event_id, amount, currency, rate, amount_in_programme_currency, occurred_at)
         values (?, now(), now(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (programme_id, event_id) do nothing returning id`,
        [uuidv7(), programme.brandId ?? null, programme.id, p.customerId, p.orderId, event.id, counted, currency, rate, converted, event.createdAt],
      );
      if (inserted.length) await evaluateMember(tx, programme, p.customerId!, now);
    }
  }
}

/** Registers the subscriber; the job worker's outbox_relay delivers to it. Returns the unsubscribe. */
export function subscribeVipSpend(clock: () => Date = () => new Date()): () => void {
  return orderEvents.subscribe(VIP_SPEND_SUBSCRIBER, (events, tx) => applySpendEvents(tx, events as OrderSpendEvent[], clock()));
}
