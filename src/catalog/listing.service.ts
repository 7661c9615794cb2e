import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../shared/sql.js';
import { catalogEvents } from './events.js';

/**
 * The one call after any change to what storefronts show of some products (content, variants,
 * prices, stock, publications, translations, collection membership, brand or category names).
 * Inside the changing transaction it: recomputes the store-specific facts of their listings (price
 * range per store, availability across the store's stock locations, sort title in the store's
 * default locale); then publishes `product.changed` per product, naming the stores that list it:
 * in-transaction listeners (the PostgreSQL search index) run, and one statement writes the outbox rows
 * for asynchronous subscribers (Meilisearch, webhooks).
 */
export async function refreshListings(em: EntityManager, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const listed = await em.execute<{ product_id: string; store_id: string }[]>(
    `update product_listing l set
       min_price = agg.min_price,
       max_price = agg.max_price,
       available = agg.available,
       sort_title = agg.sort_title,
       active = agg.active
     from (
       select l2.id, p.status = 'ACTIVE' as active,
         (select min(vp.amount) from variant_price vp join product_variant v on v.id = vp.variant_id
            where v.product_id = l2.product_id and vp.store_id = l2.store_id and v.archived_at is null) as min_price,
         (select max(vp.amount) from variant_price vp join product_variant v on v.id = vp.variant_id
            where v.product_id = l2.product_id and vp.store_id = l2.store_id and v.archived_at is null) as max_price,
         exists (select 1 from inventory_level il
                   join product_variant v on v.id = il.variant_id
                   join stock_location sl on sl.id = il.location_id
                   join variant_price vp on vp.variant_id = v.id and vp.store_id = l2.store_id
                  where v.product_id = l2.product_id and v.archived_at is null and sl.store_id = l2.store_id
                    and sl.archived_at is null and il.on_hand - il.reserved > 0) as available,
         lower(coalesce(p.translations -> s.default_locale ->> 'title',
                        p.translations -> b.default_locale ->> 'title', p.handle)) as sort_title
       from product_listing l2
       join product p on p.id = l2.product_id
       join brand b on b.id = p.brand_id
       join store s on s.id = l2.store_id
       where l2.product_id = any(?::uuid[])
     ) agg
     where l.id = agg.id
     returning l.product_id, l.store_id`,
    [pgArray(productIds)],
  );
  const storeIds = new Map<string, string[]>(productIds.map((id) => [id, []]));
  for (const row of listed) storeIds.get(row.product_id)!.push(row.store_id);
  await catalogEvents.publish(em, 'product.changed', [...storeIds].map(([productId, stores]) => ({ productId, storeIds: stores.sort() })));
}
