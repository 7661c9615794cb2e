import { Migration } from '@mikro-orm/migrations';

/**
 * Storefront carts (cart, cart_line, each row carrying its store_id) and the per-store delivery and
 * tax terms commerce owns (store_commerce_settings), beside the catalog's store row.
 */
export class Migration20261201150000 extends Migration {

  override name = 'Migration20261201150000';

  override up(): void | Promise<void> {
    this.addSql(`create type "cart_status" as enum ('ACTIVE', 'COMPLETED');`);
    this.addSql(`create type "delivery_method" as enum ('SHIPPING', 'PICKUP');`);

    this.addSql(`create table "cart" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "secret_hash" varchar(64) not null, "customer_id" uuid null, "currency" "currency_code" not null, "status" "cart_status" not null default 'ACTIVE', "delivery_method" "delivery_method" not null default 'SHIPPING', "pickup_location_id" uuid null, "buyer_email" varchar(255) null, "buyer_phone" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "cart_customer_id_index" on "cart" ("customer_id");`);

    this.addSql(`create table "cart_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "cart_id" uuid not null, "store_id" uuid not null, "variant_id" uuid not null, "quantity" int not null, "unit_price_at_add" int not null, primary key ("id"));`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_cart_id_variant_id_unique" unique ("cart_id", "variant_id");`);

    this.addSql(`create table "store_commerce_settings" ("store_id" uuid not null, "prices_include_tax" boolean not null default false, "tax_rate_basis_points" int not null default 0, "shipping_flat_amount" int not null default 0, "free_shipping_threshold" int null, primary key ("store_id"));`);

    this.addSql(`alter table "cart" add constraint "cart_store_id_foreign" foreign key ("store_id") references "store" ("id");`);
    this.addSql(`alter table "cart" add constraint "cart_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete set null;`);
    this.addSql(`alter table "cart" add constraint "cart_pickup_location_id_foreign" foreign key ("pickup_location_id") references "stock_location" ("id") on delete set null;`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_cart_id_foreign" foreign key ("cart_id") references "cart" ("id") on delete cascade;`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_store_id_foreign" foreign key ("store_id") references "store" ("id");`);
    this.addSql(`alter table "cart_line" add constraint "cart_line_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id");`);
    this.addSql(`alter table "store_commerce_settings" add constraint "store_commerce_settings_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "cart_line" cascade;`);
    this.addSql(`drop table if exists "cart" cascade;`);
    this.addSql(`drop table if exists "store_commerce_settings" cascade;`);
    this.addSql(`drop type if exists "delivery_method";`);
    this.addSql(`drop type if exists "cart_status";`);
  }

}
