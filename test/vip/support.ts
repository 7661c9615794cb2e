import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { DeliveryMethod } from '../../src/commerce/carts/cart.entity.js';
import { orderService } from '../../src/commerce/orders/order.service.js';
import { CurrencyCode } from '../../src/shared/money.js';
import { relayOutbox } from '../../src/shared/outbox.js';
import { Programme, Qualification, Tier, type TierPerks } from '../../src/vip/programmes/entities.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import type { TestDatabase } from '../support/db.js';

/** Two brands and a Design Mall that sells both (orders need a real store for their number). */
export async function mall(em: EntityManager) {
  const f = new CatalogFixtures(em);
  const brandA = f.brand('brand-a', { en: 'Brand A' });
  const brandB = f.brand('brand-b', { en: 'Brand B' });
  const store = f.store('design-mall', [brandA, brandB]);
  await f.commit();
  return { brandA: brandA.id, brandB: brandB.id, storeId: store.store.id };
}

export const perks = (over: Partial<TierPerks> = {}): TierPerks => ({ earlyAccessHours: 0, tierRestrictedAccess: false, assignedConcierge: false, freeServices: [], ...over });

/** Silver 10,000.00, Gold 50,000.00, Black Card by invitation only (amounts in the programme currency). */
export async function createProgramme(
  em: EntityManager,
  opts: { brandId?: string | null; currency?: CurrencyCode; qualification?: Qualification; handle?: string } = {},
) {
  const programme = em.create(Programme, {
    brandId: opts.brandId ?? null, handle: opts.handle ?? `club-${uuidv7().slice(-6)}`, names: { en: 'Club', 'zh-CN': '会员俱乐部' },
    currency: opts.currency ?? CurrencyCode.CNY, qualification: opts.qualification ?? Qualification.CALENDAR_YEAR,
  });
  const tier = (rank: number, handle: string, threshold: number | null, inviteOnly = false, p = perks()) =>
    em.create(Tier, { brandId: programme.brandId ?? null, programmeId: programme.id, rank, handle, names: { en: handle }, threshold, inviteOnly, perks: p });
  const silver = tier(1, 'silver', 10_000_00, false, perks({ earlyAccessHours: 2 }));
  const gold = tier(2, 'gold', 50_000_00, false, perks({ earlyAccessHours: 24, freeServices: ['alterations'] }));
  const black = tier(3, 'black-card', null, true, perks({ earlyAccessHours: 72, tierRestrictedAccess: true, assignedConcierge: true, freeServices: ['alterations', 'atelier-visit'] }));
  await em.flush();
  return { programme, silver, gold, black };
}

/** A paid order as checkout creates it: through the orders service, in its own transaction (publishes order.paid). */
export function paidOrder(db: TestDatabase, storeId: string, customerId: string, lines: { brandId: string; amount: number }[], currency = CurrencyCode.CNY) {
  const subtotal = lines.reduce((s, l) => s + l.amount, 0);
  return db.orm.em.fork().transactional((tx) =>
    orderService.createOrder(tx, {
      storeId, customerId, email: 'vip@example.com', currency, status: 'PAID',
      lines: lines.map((l, i) => ({ variantId: uuidv7(), productId: uuidv7(), brandId: l.brandId, title: `Bag ${i}`, sku: `BAG-${i}`, options: [], unitPrice: l.amount, quantity: 1 })),
      totals: { subtotal, shipping: 0, tax: 0, total: subtotal },
      delivery: { method: DeliveryMethod.SHIPPING, address: { address1: '1 Bund', city: 'Shanghai', countryCode: 'CN' } },
    }),
  );
}

export function refund(db: TestDatabase, orderId: string, amount: number) {
  return db.orm.em.fork().transactional((tx) => orderService.transition(tx, orderId, 'refund_partially', 'system', { amount }));
}

/** What the job worker's outbox_relay task does. */
export const relay = (db: TestDatabase) => relayOutbox(db.orm.em.fork());
