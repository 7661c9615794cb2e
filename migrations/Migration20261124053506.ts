import { Migration } from '@mikro-orm/migrations';

export class Migration20261124053506 extends Migration {

  override name = 'Migration20261124053506';

  override up(): void | Promise<void> {
    this.addSql(`create type "product_status" as enum ('DRAFT', 'ACTIVE', 'ARCHIVED');`);
    this.addSql(`create type "staff_role" as enum ('PLATFORM_ADMIN', 'BRAND_ADMIN', 'CONCIERGE');`);
    this.addSql(`create type "store_kind" as enum ('ONLINE_FLAGSHIP', 'BOUTIQUE', 'POPUP', 'DESIGN_MALL');`);
    this.addSql(`create type "currency_code" as enum ('CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'KRW', 'SGD', 'CHF', 'AED');`);
    this.addSql(`create type "stock_location_kind" as enum ('WAREHOUSE', 'BOUTIQUE');`);
    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "prefix" varchar(255) not null, "secret_hash" varchar(255) not null, "scopes" text[] not null, "brand_ids" text[] not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "brand_group" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "name" varchar(255) not null, primary key ("id"));`);
    this.addSql(`alter table "brand_group" add constraint "brand_group_handle_unique" unique ("handle");`);

    this.addSql(`create table "brand" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "group_id" uuid null, "default_locale" varchar(255) not null, "translations" jsonb not null, "logo_url" varchar(255) null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "brand" add constraint "brand_handle_unique" unique ("handle");`);

    this.addSql(`create table "category" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "parent_id" uuid null, "path" varchar(255) not null, "position" int not null default 0, "translations" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "category" add constraint "category_handle_unique" unique ("handle");`);
    this.addSql(`create index category_path_idx on category (path text_pattern_ops);`);

    this.addSql(`create table "collection" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "brand_id" uuid null, "translations" jsonb not null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "collection" add constraint "collection_handle_unique" unique ("handle");`);

    this.addSql(`create table "customer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "first_name" varchar(255) null, "last_name" varchar(255) null, primary key ("id"));`);
    this.addSql(`alter table "customer" add constraint "customer_email_unique" unique ("email");`);

    this.addSql(`create table "idempotency_record" ("scope" varchar(255) not null, "key" varchar(255) not null, "request_hash" varchar(255) not null, "response" jsonb null, "created_at" timestamptz not null, primary key ("scope", "key"));`);

    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "topic" varchar(255) not null, "aggregate_id" uuid not null, "payload" jsonb not null, "created_at" timestamptz not null, "processed_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index outbox_event_pending_idx on outbox_event (id) where processed_at is null;`);

    this.addSql(`create table "product" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "brand_id" uuid not null, "status" "product_status" not null default 'DRAFT', "category_id" uuid null, "tags" text[] not null, "translations" jsonb not null, "options" jsonb not null, "media" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "product" add constraint "product_handle_unique" unique ("handle");`);
    this.addSql(`create index "product_brand_id_index" on "product" ("brand_id");`);
    this.addSql(`create index "product_category_id_index" on "product" ("category_id");`);

    this.addSql(`create table "collection_product" ("collection_id" uuid not null, "product_id" uuid not null, "position" int not null, primary key ("collection_id", "product_id"));`);
    this.addSql(`create index "collection_product_product_id_index" on "collection_product" ("product_id");`);

    this.addSql(`create table "product_variant" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "product_id" uuid not null, "sku" varchar(255) not null, "option_values" jsonb not null, "barcode" varchar(255) null, "weight_grams" int null, "position" int not null default 0, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "product_variant_product_id_index" on "product_variant" ("product_id");`);
    this.addSql(`alter table "product_variant" add constraint "product_variant_sku_unique" unique ("sku");`);
    this.addSql(`create index product_variant_option_values_idx on product_variant using gin (option_values jsonb_path_ops);`);

    this.addSql(`create table "seed_history" ("name" varchar(255) not null, "applied_at" timestamptz not null default now(), primary key ("name"));`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "role" "staff_role" not null, "brand_ids" text[] not null, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);

    this.addSql(`create table "store" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "handle" varchar(255) not null, "name" varchar(255) not null, "kind" "store_kind" not null, "market_country" varchar(2) not null, "currency" "currency_code" not null, "default_locale" varchar(255) not null, "supported_locales" text[] not null, "time_zone" varchar(255) not null, "show_stock_quantity" boolean not null default false, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "store" add constraint "store_handle_unique" unique ("handle");`);

    this.addSql(`create table "stock_location" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "handle" varchar(255) not null, "name" varchar(255) not null, "kind" "stock_location_kind" not null, "archived_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "stock_location" add constraint "stock_location_store_id_handle_unique" unique ("store_id", "handle");`);

    this.addSql(`create table "inventory_level" ("variant_id" uuid not null, "location_id" uuid not null, "on_hand" int not null default 0, "reserved" int not null default 0, "updated_at" timestamptz not null, primary key ("variant_id", "location_id"));`);

    this.addSql(`create table "inventory_adjustment" ("id" bigserial primary key, "variant_id" uuid not null, "location_id" uuid not null, "delta" int not null, "on_hand_after" int not null, "reason" varchar(255) not null, "actor" varchar(255) not null, "created_at" timestamptz not null);`);

    this.addSql(`create table "product_listing" ("id" bigserial primary key, "store_id" uuid not null, "product_id" uuid not null, "published_at" timestamptz not null, "min_price" bigint null, "max_price" bigint null, "available" boolean not null default false, "sort_title" text not null default '', "units_sold" int not null default 0);`);
    this.addSql(`alter table "product_listing" add constraint "product_listing_store_id_product_id_unique" unique ("store_id", "product_id");`);

    this.addSql(`create table "store_brand" ("store_id" uuid not null, "brand_id" uuid not null, primary key ("store_id", "brand_id"));`);

    this.addSql(`create table "variant_price" ("variant_id" uuid not null, "store_id" uuid not null, "amount" bigint not null, "compare_at_amount" bigint null, "currency" "currency_code" not null, "updated_at" timestamptz not null, primary key ("variant_id", "store_id"));`);

    this.addSql(`alter table "brand" add constraint "brand_group_id_foreign" foreign key ("group_id") references "brand_group" ("id") on delete set null;`);

    this.addSql(`alter table "category" add constraint "category_parent_id_foreign" foreign key ("parent_id") references "category" ("id") on delete set null;`);

    this.addSql(`alter table "collection" add constraint "collection_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on delete set null;`);

    this.addSql(`create or replace function "outbox_event_queue_relay_fn"() returns trigger as \$\$ begin if to_regnamespace('graphile_worker') is not null then
      perform graphile_worker.add_job('outbox_relay', '{}'::json, job_key => 'outbox_relay', job_key_mode => 'preserve_run_at');     end if;     return null; end; \$\$ language plpgsql;`);
    this.addSql(`create trigger "queue_relay" AFTER INSERT on "outbox_event" for each STATEMENT execute function "outbox_event_queue_relay_fn"();`);

    this.addSql(`alter table "product" add constraint "product_brand_id_foreign" foreign key ("brand_id") references "brand" ("id");`);
    this.addSql(`alter table "product" add constraint "product_category_id_foreign" foreign key ("category_id") references "category" ("id") on delete set null;`);

    this.addSql(`alter table "collection_product" add constraint "collection_product_collection_id_foreign" foreign key ("collection_id") references "collection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "collection_product" add constraint "collection_product_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_variant" add constraint "product_variant_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "stock_location" add constraint "stock_location_store_id_foreign" foreign key ("store_id") references "store" ("id");`);

    this.addSql(`alter table "inventory_level" add constraint "inventory_level_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_location_id_foreign" foreign key ("location_id") references "stock_location" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory_level" add constraint "inventory_level_quantities_check" check (reserved >= 0 and on_hand >= reserved);`);

    this.addSql(`alter table "inventory_adjustment" add constraint "inventory_adjustment_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id");`);
    this.addSql(`alter table "inventory_adjustment" add constraint "inventory_adjustment_location_id_foreign" foreign key ("location_id") references "stock_location" ("id");`);

    this.addSql(`alter table "product_listing" add constraint "product_listing_store_id_foreign" foreign key ("store_id") references "store" ("id");`);
    this.addSql(`alter table "product_listing" add constraint "product_listing_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "store_brand" add constraint "store_brand_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "store_brand" add constraint "store_brand_brand_id_foreign" foreign key ("brand_id") references "brand" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "variant_price" add constraint "variant_price_variant_id_foreign" foreign key ("variant_id") references "product_variant" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "variant_price" add constraint "variant_price_store_id_foreign" foreign key ("store_id") references "store" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "variant_price" add constraint "variant_price_amount_check" check (amount >= 0 and (compare_at_amount is null or compare_at_amount >= 0));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "brand" drop constraint "brand_group_id_foreign";`);
    this.addSql(`alter table "collection" drop constraint "collection_brand_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_brand_id_foreign";`);
    this.addSql(`alter table "store_brand" drop constraint "store_brand_brand_id_foreign";`);
    this.addSql(`alter table "category" drop constraint "category_parent_id_foreign";`);
    this.addSql(`alter table "product" drop constraint "product_category_id_foreign";`);
    this.addSql(`alter table "collection_product" drop constraint "collection_product_collection_id_foreign";`);
    this.addSql(`alter table "collection_product" drop constraint "collection_product_product_id_foreign";`);
    this.addSql(`alter table "product_variant" drop constraint "product_variant_product_id_foreign";`);
    this.addSql(`alter table "product_listing" drop constraint "product_listing_product_id_foreign";`);
    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_variant_id_foreign";`);
    this.addSql(`alter table "inventory_adjustment" drop constraint "inventory_adjustment_variant_id_foreign";`);
    this.addSql(`alter table "variant_price" drop constraint "variant_price_variant_id_foreign";`);
    this.addSql(`alter table "stock_location" drop constraint "stock_location_store_id_foreign";`);
    this.addSql(`alter table "product_listing" drop constraint "product_listing_store_id_foreign";`);
    this.addSql(`alter table "store_brand" drop constraint "store_brand_store_id_foreign";`);
    this.addSql(`alter table "variant_price" drop constraint "variant_price_store_id_foreign";`);
    this.addSql(`alter table "inventory_level" drop constraint "inventory_level_location_id_foreign";`);
    this.addSql(`alter table "inventory_adjustment" drop constraint "inventory_adjustment_location_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "brand_group" cascade;`);
    this.addSql(`drop table if exists "brand" cascade;`);
    this.addSql(`drop table if exists "category" cascade;`);
    this.addSql(`drop table if exists "collection" cascade;`);
    this.addSql(`drop table if exists "customer" cascade;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop trigger if exists "queue_relay" on "outbox_event";`);
    this.addSql(`drop function if exists "outbox_event_queue_relay_fn"();`);
    this.addSql(`drop table if exists "outbox_event" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "collection_product" cascade;`);
    this.addSql(`drop table if exists "product_variant" cascade;`);
    this.addSql(`drop table if exists "seed_history" cascade;`);
    this.addSql(`drop table if exists "staff_user" cascade;`);
    this.addSql(`drop table if exists "store" cascade;`);
    this.addSql(`drop table if exists "stock_location" cascade;`);
    this.addSql(`drop table if exists "inventory_level" cascade;`);
    this.addSql(`drop table if exists "inventory_adjustment" cascade;`);
    this.addSql(`drop table if exists "product_listing" cascade;`);
    this.addSql(`drop table if exists "store_brand" cascade;`);
    this.addSql(`drop table if exists "variant_price" cascade;`);

    this.addSql(`drop type "product_status";`);
    this.addSql(`drop type "staff_role";`);
    this.addSql(`drop type "store_kind";`);
    this.addSql(`drop type "currency_code";`);
    this.addSql(`drop type "stock_location_kind";`);
  }

}
