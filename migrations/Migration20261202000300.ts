import { Migration } from '@mikro-orm/migrations';

/** Concierge holds on a drop's edition (issue 12): the hold names the drop reservation that holds its edition units. */
export class Migration20261202000300 extends Migration {

  override name = 'Migration20261202000300';

  override up(): void | Promise<void> {
    this.addSql(`alter table "client_hold" add column "reservation_id" uuid null;`);
    this.addSql(`create index "client_hold_reservation_id_index" on "client_hold" ("reservation_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "client_hold_reservation_id_index";`);
    this.addSql(`alter table "client_hold" drop column "reservation_id";`);
  }

}
