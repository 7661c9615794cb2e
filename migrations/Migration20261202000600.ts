import { Migration } from '@mikro-orm/migrations';

/** Per-address request counters (rate-limiter-flexible's PostgreSQL store), e.g. verifyAuthenticity checks a minute. */
export class Migration20261202000600 extends Migration {

  override name = 'Migration20261202000600';

  override up(): void | Promise<void> {
    this.addSql(`create table "rate_limit"."request_count" ("key" varchar(255) not null, "points" integer not null default 0, "expire" bigint null, primary key ("key"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limit"."request_count";`);
  }

}
