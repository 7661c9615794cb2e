import type { EntityManager } from '@mikro-orm/postgresql';
import { loadSearchSource } from '../catalog/search-source.js';
import { pgArray } from '../shared/sql.js';
import { buildDocument, storeLocales } from './document.js';
import { documentTsvector } from './postgres-lexemes.js';

/**
 * Rebuilds the PostgreSQL index rows of some products inside the caller's transaction: upserts one
 * row per visible (store, store locale), deletes rows no longer visible, records new words. Upserts (not
 * delete + insert) let two transactions touching the same product wait for each other instead of
 * failing on the primary key. Four statements, whatever the number of products.
 */
export async function indexProductsInPostgres(tx: EntityManager, productIds: string[]): Promise<void> {
  if (productIds.length === 0) return;
  const ids = [...new Set(productIds)];
  const listings = await loadSearchSource(tx, ids);
  const rows: Record<string, unknown>[] = [];
  const vocabulary = new Set<string>();
  for (const listing of listings) {
    const doc = buildDocument(listing);
    for (const locale of storeLocales(listing.store)) {
      const { tsvector, words } = documentTsvector(doc, locale);
      words.forEach((w) => vocabulary.add(w));
      rows.push({
        store_id: doc.storeId,
        locale,
        product_id: doc.productId,
        tsv: tsvector,
        handle: doc.handle,
        title: doc.texts[locale].title,
        brand: doc.brand,
        categories: doc.categories,
        tags: doc.tags,
        collections: doc.collections,
        options: doc.options,
        price_bucket: doc.priceBuckets.join(' '),
        min_price: doc.minPrice,
        max_price: doc.maxPrice,
        available: doc.available,
        created_at: doc.createdAt.toISOString(),
        sort_title: doc.sortTitle,
        units_sold: doc.unitsSold,
      });
    }
  }
  const keys = rows.map((r) => `${r.store_id}|${r.locale}|${r.product_id}`);
  await tx.execute(
    `delete from search_document d where d.product_id = any(?::uuid[])
        and (d.store_id::text || '|' || d.locale || '|' || d.product_id::text) <> all(?::text[])`,
    [pgArray(ids), pgArray(keys)],
  );
  if (rows.length) {
    await tx.execute(
      `insert into search_document (store_id, locale, product_id, tsv, handle, title, brand, categories, tags, collections, options,
                                    price_bucket, min_price, max_price, available, created_at, sort_title, units_sold)
       select r.store_id, r.locale, r.product_id, r.tsv::tsvector, r.handle, r.title, r.brand, r.categories, r.tags, r.collections, r.options,
              r.price_bucket, r.min_price, r.max_price, r.available, r.created_at, r.sort_title, r.units_sold
         from jsonb_to_recordset(?::jsonb) as r(store_id uuid, locale text, product_id uuid, tsv text, handle text, title text, brand text,
              categories text[], tags text[], collections text[], options text[], price_bucket text, min_price bigint, max_price bigint,
              available boolean, created_at timestamptz, sort_title text, units_sold int)
       on conflict (store_id, locale, product_id) do update set
         tsv = excluded.tsv, handle = excluded.handle, title = excluded.title, brand = excluded.brand, categories = excluded.categories,
         tags = excluded.tags, collections = excluded.collections, options = excluded.options, price_bucket = excluded.price_bucket,
         min_price = excluded.min_price, max_price = excluded.max_price, available = excluded.available, created_at = excluded.created_at,
         sort_title = excluded.sort_title, units_sold = excluded.units_sold`,
      [JSON.stringify(rows)],
    );
  }
  if (vocabulary.size) {
    // Sorted, and only the missing ones: concurrent writers take the same locks in the same order.
    await tx.execute(
      `insert into search_word (word)
       select w from unnest(?::text[]) as w where not exists (select 1 from search_word s where s.word = w) order by w
       on conflict do nothing`,
      [pgArray([...vocabulary].sort())],
    );
  }
}

/** Drops rows of products that no longer exist (hard deletes), after a full rebuild. */
export async function pruneMissingProducts(em: EntityManager): Promise<number> {
  const res = await em.execute<{ n: string }[]>(
    `with gone as (delete from search_document d where not exists (select 1 from product p where p.id = d.product_id) returning 1)
     select count(*) as n from gone`,
  );
  return Number(res[0]?.n ?? 0);
}
