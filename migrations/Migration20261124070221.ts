import { Migration } from '@mikro-orm/migrations';

export class Migration20261124070221 extends Migration {

  override name = 'Migration20261124070221';

  override up(): void | Promise<void> {
    this.addSql(`create table "outbox_cursor" ("subscriber" varchar(255) not null, "last_event_id" bigint not null, primary key ("subscriber"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "outbox_cursor" cascade;`);
  }

}
