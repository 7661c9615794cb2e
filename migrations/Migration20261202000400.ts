import { Migration } from '@mikro-orm/migrations';

/**
 * Draw entries with an authorized deposit (issue 12): a draw may ask for one (drop_draw.entry_deposit); the
 * entry records its DEPOSIT payment, amount and the deposit's lifecycle (AUTHORIZED, then APPLIED at the
 * winner's checkout, VOIDED or FORFEITED, with deposit_settled_at once the provider call was made). A payment
 * may be retained for its owner (retained_until): checkout recovery leaves an orderless authorization alone until then.
 */
export class Migration20261202000400 extends Migration {

  override name = 'Migration20261202000400';

  override up(): void | Promise<void> {
    this.addSql(`create type "drop_entry_deposit_status" as enum ('AUTHORIZED', 'APPLIED', 'VOIDED', 'FORFEITED');`);
    this.addSql(`alter table "drop_draw" add column "entry_deposit" boolean not null default false;`);
    this.addSql(`alter table "drop_entry" add column "deposit_payment_id" uuid null, add column "deposit_amount" int null, add column "deposit_currency" "currency_code" null, add column "deposit_status" "drop_entry_deposit_status" null, add column "deposit_settled_at" timestamptz null;`);
    this.addSql(`create index "drop_entry_drop_id_deposit_status_index" on "drop_entry" ("drop_id", "deposit_status");`);
    this.addSql(`create index "drop_entry_reservation_id_index" on "drop_entry" ("reservation_id");`);
    this.addSql(`alter table "payment" add column "retained_until" timestamptz null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "payment" drop column "retained_until";`);
    this.addSql(`drop index "drop_entry_reservation_id_index";`);
    this.addSql(`drop index "drop_entry_drop_id_deposit_status_index";`);
    this.addSql(`alter table "drop_entry" drop column "deposit_payment_id", drop column "deposit_amount", drop column "deposit_currency", drop column "deposit_status", drop column "deposit_settled_at";`);
    this.addSql(`alter table "drop_draw" drop column "entry_deposit";`);
    this.addSql(`drop type if exists "drop_entry_deposit_status";`);
  }

}
