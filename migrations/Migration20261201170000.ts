import { Migration } from '@mikro-orm/migrations';

/**
 * Orders (sales_order, sales_order_line) and the per-store order number counter. Every row carries its
 * store_id; references to other domains (store, customer, variant) are plain ids without foreign keys:
 * an order is a snapshot that outlives what it names.
 */
export class Migration20261201170000 extends Migration {

  override name = 'Migration20261201170000';

  override up(): void | Promise<void> {
    this.addSql(`create type "order_status" as enum ('PENDING_PAYMENT', 'PAID', 'FULFILLED', 'PICKED_UP', 'CANCELLED', 'PARTIALLY_REFUNDED', 'REFUNDED');`);
    this.addSql(`create table "sales_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "number" varchar(40) not null, "customer_id" uuid null, "email" varchar(255) not null, "currency" "currency_code" not null, "subtotal" int not null, "shipping_total" int not null, "tax_total" int not null, "total" int not null, "delivery" jsonb not null, "tracking_number" varchar(100) null, "carrier" varchar(100) null, "status" "order_status" not null, "brand_ids" uuid[] not null, "attributed_staff_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "sales_order_brand_ids_index" on "sales_order" using gin ("brand_ids");`);
    this.addSql(`create index "sales_order_store_id_id_index" on "sales_order" ("store_id", "id");`);
    this.addSql(`create index "sales_order_customer_id_id_index" on "sales_order" ("customer_id", "id");`);
    this.addSql(`alter table "sales_order" add constraint "sales_order_store_id_number_unique" unique ("store_id", "number");`);

    this.addSql(`create table "sales_order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "order_id" uuid not null, "store_id" uuid not null, "variant_id" uuid not null, "product_id" uuid not null, "brand_id" uuid not null, "title" varchar(255) not null, "sku" varchar(255) not null, "options" jsonb not null, "quantity" int not null, "unit_price" int not null, "line_total" int not null, "image_url" varchar(255) null, "currency" "currency_code" not null, primary key ("id"));`);
    this.addSql(`create index "sales_order_line_order_id_index" on "sales_order_line" ("order_id");`);

    this.addSql(`create table "order_number_sequence" ("store_id" uuid not null, "prefix" varchar(20) not null, "next" int not null, primary key ("store_id"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "order_number_sequence" cascade;`);
    this.addSql(`drop table if exists "sales_order_line" cascade;`);
    this.addSql(`drop table if exists "sales_order" cascade;`);
    this.addSql(`drop type if exists "order_status";`);
  }

}
