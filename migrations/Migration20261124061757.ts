import { Migration } from '@mikro-orm/migrations';

export class Migration20261124061757 extends Migration {

  override name = 'Migration20261124061757';

  override up(): void | Promise<void> {
    this.addSql(`alter table "product_listing" add "active" boolean not null default false;`);
    this.addSql(`update product_listing l set active = (p.status = 'ACTIVE') from product p where p.id = l.product_id;`);
    this.addSql(`create index "product_listing_product_id_index" on "product_listing" ("product_id");`);
    this.addSql(`create index product_listing_visible_sold_idx on product_listing (store_id, units_sold, product_id) where active and min_price is not null;`);
    this.addSql(`create index product_listing_visible_title_idx on product_listing (store_id, sort_title, product_id) where active and min_price is not null;`);
    this.addSql(`create index product_listing_visible_price_idx on product_listing (store_id, min_price, product_id) where active and min_price is not null;`);
    this.addSql(`create index product_listing_visible_id_idx on product_listing (store_id, product_id) where active and min_price is not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "product_listing_product_id_index";`);
    this.addSql(`drop index "product_listing_visible_sold_idx";`);
    this.addSql(`drop index "product_listing_visible_title_idx";`);
    this.addSql(`drop index "product_listing_visible_price_idx";`);
    this.addSql(`drop index "product_listing_visible_id_idx";`);
    this.addSql(`alter table "product_listing" drop column "active";`);
  }

}
