import { Migration } from '@mikro-orm/migrations';

/**
 * Provably fair draws (issue 12): a drop's draw (the committed seed, secret until revealed) and one
 * entry per customer per drop with its place in the draw order once drawn.
 */
export class Migration20261201230000 extends Migration {

  override name = 'Migration20261201230000';

  override up(): void | Promise<void> {
    this.addSql(`create table "drop_draw" ("drop_id" uuid not null, "brand_id" uuid not null, "seed" varchar(64) not null, "commitment" varchar(64) not null, "units" int not null, "entries_close_at" timestamptz not null, "purchase_hours" int not null, "revealed_at" timestamptz null, primary key ("drop_id"));`);

    this.addSql(`create table "drop_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "drop_id" uuid not null, "brand_id" uuid not null, "customer_id" uuid not null, "weight" int not null, "rank" int null, "purchase_deadline" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "drop_entry_customer_id_id_index" on "drop_entry" ("customer_id", "id");`);
    this.addSql(`alter table "drop_entry" add constraint "drop_entry_drop_id_customer_id_unique" unique ("drop_id", "customer_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "drop_entry" cascade;`);
    this.addSql(`drop table if exists "drop_draw" cascade;`);
  }

}
