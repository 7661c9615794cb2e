import { Migration } from '@mikro-orm/migrations';

/**
 * Payments: our records (payment, payment_transaction, each row carrying store_id) and the built-in
 * test provider's own books (test_payment_ledger per idempotency key, test_payment_authorization per
 * reference), which stand in for a remote network's state.
 */
export class Migration20261201160000 extends Migration {

  override name = 'Migration20261201160000';

  override up(): void | Promise<void> {
    this.addSql(`create type "payment_purpose" as enum ('ORDER', 'DEPOSIT', 'BALANCE');`);
    this.addSql(`create type "payment_status" as enum ('PENDING', 'AUTHORIZED', 'DECLINED', 'FAILED', 'PARTIALLY_CAPTURED', 'CAPTURED', 'VOIDED', 'PARTIALLY_REFUNDED', 'REFUNDED');`);
    this.addSql(`create type "payment_transaction_kind" as enum ('AUTHORIZE', 'CAPTURE', 'VOID', 'REFUND');`);
    this.addSql(`create type "payment_transaction_status" as enum ('SUCCEEDED', 'DECLINED', 'FAILED');`);

    this.addSql(`create table "payment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "store_id" uuid not null, "order_id" uuid null, "purpose" "payment_purpose" not null, "amount" int not null, "currency" "currency_code" not null, "provider" varchar(32) not null, "provider_reference" varchar(64) null, "status" "payment_status" not null default 'PENDING', "authorized_amount" int not null default 0, "captured_amount" int not null default 0, "refunded_amount" int not null default 0, "abandoned_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "payment_store_id_order_id_index" on "payment" ("store_id", "order_id");`);
    this.addSql(`create index "payment_status_created_at_index" on "payment" ("status", "created_at");`);

    this.addSql(`create table "payment_transaction" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "payment_id" uuid not null, "store_id" uuid not null, "kind" "payment_transaction_kind" not null, "amount" int not null, "status" "payment_transaction_status" not null, "idempotency_key" varchar(255) null, "provider_reference" varchar(64) null, "decline_code" varchar(64) null, "message" varchar(500) null, primary key ("id"));`);
    this.addSql(`create index "payment_transaction_payment_id_index" on "payment_transaction" ("payment_id");`);
    this.addSql(`alter table "payment_transaction" add constraint "payment_transaction_store_id_idempotency_key_unique" unique ("store_id", "idempotency_key");`);

    this.addSql(`create table "test_payment_ledger" ("idempotency_key" varchar(255) not null, "operation" varchar(16) not null, "reference" varchar(64) null, "amount" int null, "currency" varchar(3) null, "status" varchar(16) not null, "decline_code" varchar(64) null, "message" varchar(255) null, "created_at" timestamptz not null default now(), primary key ("idempotency_key"));`);
    this.addSql(`create table "test_payment_authorization" ("reference" varchar(64) not null, "currency" varchar(3) not null, "authorized_amount" int not null, "captured_amount" int not null default 0, "refunded_amount" int not null default 0, "voided" boolean not null default false, "capture_fails" boolean not null default false, "created_at" timestamptz not null default now(), primary key ("reference"));`);

    this.addSql(`alter table "payment" add constraint "payment_store_id_foreign" foreign key ("store_id") references "store" ("id");`);
    this.addSql(`alter table "payment_transaction" add constraint "payment_transaction_payment_id_foreign" foreign key ("payment_id") references "payment" ("id") on delete cascade;`);
    this.addSql(`alter table "payment_transaction" add constraint "payment_transaction_store_id_foreign" foreign key ("store_id") references "store" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "payment_transaction" cascade;`);
    this.addSql(`drop table if exists "payment" cascade;`);
    this.addSql(`drop table if exists "test_payment_ledger" cascade;`);
    this.addSql(`drop table if exists "test_payment_authorization" cascade;`);
    this.addSql(`drop type if exists "payment_transaction_status";`);
    this.addSql(`drop type if exists "payment_transaction_kind";`);
    this.addSql(`drop type if exists "payment_status";`);
    this.addSql(`drop type if exists "payment_purpose";`);
  }

}
