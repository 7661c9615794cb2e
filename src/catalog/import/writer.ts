import type { EntityManager } from '@mikro-orm/postgresql';
import { stockService } from '../stock.service.js';

/** A PostgreSQL array literal bound as one parameter (MikroORM would expand a JS array); null stays NULL. */
export function arr(values: readonly (string | number | null | undefined)[]): string {
  return `{${values.map((v) => (v == null ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}
const json = (values: unknown[]) => arr(values.map((v) => JSON.stringify(v)));

export interface ProductRow {
  id: string;
  handle: string;
  brandId: string;
  status: string;
  categoryId: string | null;
  tags: string[];
  translations: object;
  options: object;
  media: object;
}
export interface VariantRow {
  id: string;
  productId: string;
  sku: string;
  optionValues: Record<string, string>;
  barcode: string | null | undefined;
  weightGrams: number | null | undefined;
  position: number;
}
export interface PriceRow {
  variantId: string;
  storeId: string;
  amount: number;
  compareAt: number | null;
  currency: string;
}
export interface StockRow {
  variantId: string;
  locationId: string;
  onHand: number;
}

export interface BatchRows {
  products: ProductRow[];
  variants: VariantRow[];
  prices: PriceRow[];
  stock: StockRow[];
  listings: { storeId: string; productId: string }[];
  members: { collectionId: string; productId: string }[];
}

/**
 * Writes a whole batch of checked lines in a constant number of statements (unnest of array
 * parameters), whatever the batch size: products, variants, prices, stock (with its audit rows, by the stock service),
 * publications and collection memberships.
 */
export async function writeBatch(em: EntityManager, rows: BatchRows, actor: string): Promise<void> {
  const { products, variants, prices, stock, listings, members } = rows;
  if (products.length) {
    await em.execute(
      `insert into product (id, created_at, updated_at, handle, brand_id, status, category_id, tags, translations, options, media)
       select t.id, now(), now(), t.handle, t.brand_id, t.status::product_status, t.category_id,
              array(select jsonb_array_elements_text(t.tags)), t.translations, t.options, t.media
         from unnest(?::uuid[], ?::text[], ?::uuid[], ?::text[], ?::uuid[], ?::jsonb[], ?::jsonb[], ?::jsonb[], ?::jsonb[])
              as t(id, handle, brand_id, status, category_id, tags, translations, options, media)
       on conflict (id) do update set handle = excluded.handle, status = excluded.status, category_id = excluded.category_id,
              tags = excluded.tags, translations = excluded.translations, options = excluded.options, media = excluded.media, updated_at = now()`,
      [
        arr(products.map((p) => p.id)),
        arr(products.map((p) => p.handle)),
        arr(products.map((p) => p.brandId)),
        arr(products.map((p) => p.status)),
        arr(products.map((p) => p.categoryId)),
        json(products.map((p) => p.tags)),
        json(products.map((p) => p.translations)),
        json(products.map((p) => p.options)),
        json(products.map((p) => p.media)),
      ],
    );
  }
  if (variants.length) {
    await em.execute(
      `insert into product_variant (id, created_at, updated_at, product_id, sku, option_values, barcode, weight_grams, position, archived_at)
       select t.id, now(), now(), t.product_id, t.sku, t.option_values, t.barcode, t.weight_grams, t.position, null
         from unnest(?::uuid[], ?::uuid[], ?::text[], ?::jsonb[], ?::text[], ?::int[], ?::int[])
              as t(id, product_id, sku, option_values, barcode, weight_grams, position)
       on conflict (id) do update set sku = excluded.sku, option_values = excluded.option_values,
              barcode = coalesce(excluded.barcode, product_variant.barcode), weight_grams = coalesce(excluded.weight_grams, product_variant.weight_grams),
              position = excluded.position, archived_at = null, updated_at = now()`,
      [
        arr(variants.map((v) => v.id)),
        arr(variants.map((v) => v.productId)),
        arr(variants.map((v) => v.sku)),
        json(variants.map((v) => v.optionValues)),
        arr(variants.map((v) => v.barcode)),
        arr(variants.map((v) => v.weightGrams)),
        arr(variants.map((v) => v.position)),
      ],
    );
  }
  if (prices.length) {
    await em.execute(
      `insert into variant_price (variant_id, store_id, amount, compare_at_amount, currency, updated_at)
       select t.*, now() from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::currency_code[]) as t
       on conflict (variant_id, store_id) do update set amount = excluded.amount, compare_at_amount = excluded.compare_at_amount,
              currency = excluded.currency, updated_at = now()`,
      [
        arr(prices.map((p) => p.variantId)),
        arr(prices.map((p) => p.storeId)),
        arr(prices.map((p) => p.amount)),
        arr(prices.map((p) => p.compareAt)),
        arr(prices.map((p) => p.currency)),
      ],
    );
  }
  // Stock goes through the stock service (the only writer of inventory_level), set-based like the rest.
  await stockService.setMany(em, stock, { reason: 'catalog import', actor });
  if (listings.length) {
    await em.execute(
      `insert into product_listing (store_id, product_id, published_at)
       select t.*, now() from unnest(?::uuid[], ?::uuid[]) as t on conflict (store_id, product_id) do nothing`,
      [arr(listings.map((l) => l.storeId)), arr(listings.map((l) => l.productId))],
    );
  }
  if (members.length) {
    // New members go to the end of each collection, in file order.
    await em.execute(
      `insert into collection_product (collection_id, product_id, position)
       select t.c, t.p, coalesce((select max(x.position) from collection_product x where x.collection_id = t.c), -1)
                        + row_number() over (partition by t.c order by t.ord)
         from unnest(?::uuid[], ?::uuid[]) with ordinality as t(c, p, ord)
        where not exists (select 1 from collection_product y where y.collection_id = t.c and y.product_id = t.p)
       on conflict do nothing`,
      [arr(members.map((m) => m.collectionId)), arr(members.map((m) => m.productId))],
    );
  }
}
