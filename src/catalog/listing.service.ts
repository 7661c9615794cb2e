import type { EntityManager } from '@mikro-orm/postgresql';
import { publishDomainEvent } from '../shared/domain-events.js';
import { pgArray } from '../shared/sql.js';

export const PRODUCTS_CHANGED = 'product.changed';

/**
 * The one call after any change to what storefronts show of some products (content, variants,
 * prices, stock, publications, translations, collection membership, brand or category names).
 * Inside the changing transaction it: recomputes the store-specific facts of their listings (price
 * range per store, availability across the store's stock locations, sort title in the store's
 * default locale); runs in-transaction subscribers (the PostgreSQL search index); and records one
 * outbox event per product for asynchronous subscribers (Meilisearch).
 */
export async function refreshListings(em: EntityManager, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await em.execute(
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
     where l.id = agg.id`,
    [pgArray(productIds)],
  );
  const ids = [...new Set(productIds)];
  await publishDomainEvent(em, PRODUCTS_CHANGED, ids);
  await em.execute(
    `insert into outbox_event (topic, aggregate_id, payload, created_at, attempts)
     select ?, id, '{}'::jsonb, now(), 0 from unnest(?::uuid[]) as id`,
    [PRODUCTS_CHANGED, pgArray(ids)],
  );
}
