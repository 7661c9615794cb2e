import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../shared/sql.js';

/**
 * Recomputes the store-specific facts of the given products' listings (price range in each store,
 * availability across the store's stock locations, sort title in the store's default locale).
 * Call it inside the transaction that changed prices, stock, variants, translations or publications.
 */
export async function refreshListings(em: EntityManager, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  await em.execute(
    `update product_listing l set
       min_price = agg.min_price,
       max_price = agg.max_price,
       available = agg.available,
       sort_title = agg.sort_title
     from (
       select l2.id,
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
}
