import { Migration } from '@mikro-orm/migrations';

/** Stock audit rows also record reservations: the change to reserved, what was left reserved, and the caller's reference. */
export class Migration20261201120000 extends Migration {

  override name = 'Migration20261201120000';

  override up(): void | Promise<void> {
    this.addSql(`alter table "inventory_adjustment" add column "reserved_delta" int not null default 0, add column "reserved_after" int null, add column "ref" varchar(255) null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "inventory_adjustment" drop column "reserved_delta", drop column "reserved_after", drop column "ref";`);
  }

}
