import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in attempt counters of rate-limiter-flexible's PostgreSQL store (the layout its RateLimiterPostgres
 * creates), so every server process shares them. In a schema of its own: no entity maps it, and the
 * entity schema diff only compares the schemas the entities use.
 */
export class Migration20261201100000 extends Migration {

  override name = 'Migration20261201100000';

  override up(): void | Promise<void> {
    this.addSql(`create schema if not exists "rate_limit";`);
    this.addSql(`create table "rate_limit"."sign_in_attempt" ("key" varchar(255) not null, "points" integer not null default 0, "expire" bigint null, primary key ("key"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop schema if exists "rate_limit" cascade;`);
  }

}
