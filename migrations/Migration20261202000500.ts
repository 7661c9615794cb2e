import { Migration } from '@mikro-orm/migrations';

/** The expiry sweep finds due ACTIVE reservations (and the next expiry) by status and expiry time. */
export class Migration20261202000500 extends Migration {

  override name = 'Migration20261202000500';

  override up(): void | Promise<void> {
    this.addSql(`create index "drop_reservation_status_expires_at_index" on "drop_reservation" ("status", "expires_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "drop_reservation_status_expires_at_index";`);
  }

}
