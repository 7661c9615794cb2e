import { Migration } from '@mikro-orm/migrations';

/**
 * Drops (issue 12): limited editions with one row per numbered unit (claimed with FOR UPDATE SKIP
 * LOCKED), drops, reservations and the per-customer allocation row that guards the limit across
 * stores. Every row carries brand_id; references to other domains are plain ids.
 */
export class Migration20261201210000 extends Migration {

  override name = 'Migration20261201210000';

  override up(): void | Promise<void> {
    this.addSql(`create type "drop_allocation" as enum ('FIRST_COME');`);
    this.addSql(`create type "drop_reservation_status" as enum ('ACTIVE', 'CONVERTED', 'EXPIRED', 'RELEASED');`);
    this.addSql(`create type "edition_unit_status" as enum ('AVAILABLE', 'RESERVED', 'SOLD');`);

    this.addSql(`create table "limited_edition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "product_id" uuid not null, "variant_ids" jsonb not null, "edition_size" int not null, primary key ("id"));`);

    this.addSql(`create table "edition_unit" ("id" uuid not null, "brand_id" uuid not null, "edition_id" uuid not null, "variant_id" uuid not null, "number" int not null, "status" "edition_unit_status" not null, "store_id" uuid null, "reservation_id" uuid null, "order_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "edition_unit_reservation_id_index" on "edition_unit" ("reservation_id");`);
    this.addSql(`create index "edition_unit_edition_id_variant_id_status_number_index" on "edition_unit" ("edition_id", "variant_id", "status", "number");`);
    this.addSql(`alter table "edition_unit" add constraint "edition_unit_edition_id_number_unique" unique ("edition_id", "number");`);

    this.addSql(`create table "drop_release" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "handle" varchar(100) not null, "edition_id" uuid not null, "product_id" uuid not null, "store_ids" jsonb not null, "public_opens_at" timestamptz not null, "ends_at" timestamptz not null, "per_customer_limit" int not null, "allocation" "drop_allocation" not null default 'FIRST_COME', "show_units_left" boolean not null default true, "tier_restricted" boolean not null default false, "published" boolean not null default false, "cancelled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "drop_release" add constraint "drop_release_handle_unique" unique ("handle");`);

    this.addSql(`create table "drop_reservation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "store_id" uuid not null, "drop_id" uuid not null, "customer_id" uuid not null, "variant_id" uuid not null, "quantity" int not null, "status" "drop_reservation_status" not null, "expires_at" timestamptz not null, "order_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "drop_reservation_drop_id_status_index" on "drop_reservation" ("drop_id", "status");`);
    this.addSql(`create index "drop_reservation_customer_id_id_index" on "drop_reservation" ("customer_id", "id");`);

    this.addSql(`create table "drop_customer_allocation" ("drop_id" uuid not null, "customer_id" uuid not null, "brand_id" uuid not null, "count" int not null, primary key ("drop_id", "customer_id"));`);
  }

  override down(): void | Promise<void> {
    for (const table of ['drop_customer_allocation', 'drop_reservation', 'drop_release', 'edition_unit', 'limited_edition']) this.addSql(`drop table if exists "${table}";`);
    for (const type of ['edition_unit_status', 'drop_reservation_status', 'drop_allocation']) this.addSql(`drop type if exists "${type}";`);
  }
}
