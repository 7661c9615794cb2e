import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox cursors are keyed by subscriber name, no longer by topic prefix: the Meilisearch sync's
 * cursor ('product.') becomes 'search.meilisearch', so a running deployment neither re-delivers nor
 * skips. Events written before the typed catalogue carried an empty payload; they get the payload
 * their topic now declares, so subscribers see one shape.
 */
export class Migration20261201130000 extends Migration {

  override name = 'Migration20261201130000';

  override up(): void | Promise<void> {
    this.addSql(`update "outbox_cursor" set "subscriber" = 'search.meilisearch' where "subscriber" = 'product.'
      and not exists (select 1 from "outbox_cursor" where "subscriber" = 'search.meilisearch');`);
    this.addSql(`update "outbox_event" e set "payload" = jsonb_build_object('productId', e."aggregate_id",
        'storeIds', coalesce((select jsonb_agg(l."store_id" order by l."store_id") from "product_listing" l where l."product_id" = e."aggregate_id"), '[]'::jsonb))
      where e."topic" = 'product.changed' and e."payload" = '{}'::jsonb;`);
    this.addSql(`update "outbox_event" e set "payload" = jsonb_build_object('stockLocationId', e."aggregate_id", 'storeId', sl."store_id")
      from "stock_location" sl where sl."id" = e."aggregate_id" and e."topic" = 'stock_location.changed' and e."payload" = '{}'::jsonb;`);
    for (const [topic, field] of [
      ['brand_group.changed', 'brandGroupId'], ['brand.changed', 'brandId'], ['store.changed', 'storeId'],
      ['category.changed', 'categoryId'], ['category.deleted', 'categoryId'], ['collection.changed', 'collectionId'],
    ]) {
      this.addSql(`update "outbox_event" set "payload" = jsonb_build_object('${field}', "aggregate_id") where "topic" = '${topic}' and "payload" = '{}'::jsonb;`);
    }
  }

  override down(): void | Promise<void> {
    this.addSql(`update "outbox_cursor" set "subscriber" = 'product.' where "subscriber" = 'search.meilisearch'
      and not exists (select 1 from "outbox_cursor" where "subscriber" = 'product.');`);
  }

}
