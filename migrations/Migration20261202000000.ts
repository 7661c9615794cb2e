import { Migration } from '@mikro-orm/migrations';

/** Drops (issue 12): draw allocation, and the phase each reservation was made in (early access, public, draw win, concierge hold) for the dashboard. */
export class Migration20261202000000 extends Migration {

  override name = 'Migration20261202000000';

  override up(): void | Promise<void> {
    this.addSql(`alter type "drop_allocation" add value if not exists 'DRAW';`);
    this.addSql(`create type "drop_reservation_phase" as enum ('EARLY_ACCESS', 'PUBLIC', 'DRAW', 'CONCIERGE');`);
    this.addSql(`alter table "drop_reservation" add column "phase" "drop_reservation_phase" not null default 'PUBLIC';`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "drop_reservation" drop column "phase";`);
    this.addSql(`drop type "drop_reservation_phase";`);
  }

}
