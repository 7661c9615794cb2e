import { Migration } from '@mikro-orm/migrations';

/**
 * Deposit pre-sales (issue 12): a drop's deposit terms (percent, balance window, what an unpaid balance
 * does), one drop_deposit row per reservation checked out with a deposit, and the order state
 * DEPOSIT_PAID (deposit captured, balance due).
 */
export class Migration20261202000200 extends Migration {

  override name = 'Migration20261202000200';

  override up(): void | Promise<void> {
    this.addSql(`alter type "order_status" add value if not exists 'DEPOSIT_PAID';`);
    this.addSql(`create type "drop_deposit_unpaid_balance" as enum ('FORFEIT', 'REFUND');`);
    this.addSql(`create type "drop_deposit_status" as enum ('AWAITING_BALANCE', 'BALANCE_PAID', 'FORFEITED', 'REFUNDED', 'VOIDED');`);

    this.addSql(`alter table "drop_release" add column "deposit_percent" int null, add column "deposit_balance_opens_at" timestamptz null, add column "deposit_balance_due_at" timestamptz null, add column "deposit_unpaid_balance" "drop_deposit_unpaid_balance" null;`);

    this.addSql(`create table "drop_deposit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "store_id" uuid not null, "drop_id" uuid not null, "customer_id" uuid not null, "reservation_id" uuid not null, "order_id" uuid not null, "deposit_payment_id" uuid not null, "balance_payment_id" uuid null, "deposit_amount" int not null, "balance_amount" int not null, "currency" "currency_code" not null, "balance_opens_at" timestamptz not null, "balance_due_at" timestamptz not null, "unpaid_balance" "drop_deposit_unpaid_balance" not null, "status" "drop_deposit_status" not null, "payment_settled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "drop_deposit" add constraint "drop_deposit_reservation_id_unique" unique ("reservation_id");`);
    this.addSql(`create index "drop_deposit_customer_id_id_index" on "drop_deposit" ("customer_id", "id");`);
    this.addSql(`create index "drop_deposit_drop_id_status_index" on "drop_deposit" ("drop_id", "status");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "drop_deposit" cascade;`);
    this.addSql(`alter table "drop_release" drop column "deposit_percent", drop column "deposit_balance_opens_at", drop column "deposit_balance_due_at", drop column "deposit_unpaid_balance";`);
    this.addSql(`drop type if exists "drop_deposit_status";`);
    this.addSql(`drop type if exists "drop_deposit_unpaid_balance";`);
    // PostgreSQL cannot drop one value of an enum: order_status keeps DEPOSIT_PAID (no row uses it once drop_deposit is gone).
  }

}
