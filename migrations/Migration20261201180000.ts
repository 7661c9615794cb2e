import { Migration } from '@mikro-orm/migrations';

/**
 * Checkout attempts and their stock holds (one row per cart line, with its expiry). Plain ids to other
 * domains' rows, store_id on every row; recovery scans holds by (status, expires_at).
 */
export class Migration20261201180000 extends Migration {

  override name = 'Migration20261201180000';

  override up(): void | Promise<void> {
    this.addSql(`create type "checkout_status" as enum ('PENDING', 'COMPLETED', 'FAILED', 'EXPIRED');`);
    this.addSql(`create type "stock_hold_status" as enum ('HELD', 'COMMITTED', 'RELEASED');`);
    this.addSql(`create table "checkout" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "cart_id" uuid not null, "customer_id" uuid null, "payment_id" uuid not null, "order_id" uuid null, "status" "checkout_status" not null default 'PENDING', "draft" jsonb not null, "error_code" varchar(40) null, "error_message" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "checkout_cart_id_status_index" on "checkout" ("cart_id", "status");`);
    this.addSql(`create table "stock_hold" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "checkout_id" uuid not null, "variant_id" uuid not null, "location_id" uuid not null, "quantity" int not null, "expires_at" timestamptz not null, "status" "stock_hold_status" not null default 'HELD', primary key ("id"));`);
    this.addSql(`create index "stock_hold_checkout_id_index" on "stock_hold" ("checkout_id");`);
    this.addSql(`create index "stock_hold_status_expires_at_index" on "stock_hold" ("status", "expires_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "stock_hold" cascade;`);
    this.addSql(`drop table if exists "checkout" cascade;`);
    this.addSql(`drop type if exists "stock_hold_status";`);
    this.addSql(`drop type if exists "checkout_status";`);
  }

}
