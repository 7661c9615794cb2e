import { Migration } from '@mikro-orm/migrations';

/**
 * Customer profiles (phone, preferred locale, sizes), addresses with one default, and revoked access
 * tokens. The default is a pointer on the customer, so there is never more than one; deleting the
 * address it points at clears it (the service promotes the next one in the same transaction).
 */
export class Migration20261201140000 extends Migration {

  override name = 'Migration20261201140000';

  override up(): void | Promise<void> {
    this.addSql(`create table "customer_address" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "first_name" varchar(100) null, "last_name" varchar(100) null, "company" varchar(100) null, "address1" varchar(200) not null, "address2" varchar(200) null, "city" varchar(100) not null, "province" varchar(100) null, "zip" varchar(20) null, "country_code" varchar(2) not null, "phone" varchar(16) null, primary key ("id"));`);
    this.addSql(`create index "customer_address_customer_id_index" on "customer_address" ("customer_id");`);
    this.addSql(`alter table "customer_address" add constraint "customer_address_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);

    this.addSql(`alter table "customer" add column "phone" varchar(16) null, add column "preferred_locale" varchar(35) null, add column "sizes" jsonb null, add column "default_address_id" uuid null;`);
    this.addSql(`create index "customer_default_address_id_index" on "customer" ("default_address_id");`);
    this.addSql(`alter table "customer" add constraint "customer_default_address_id_foreign" foreign key ("default_address_id") references "customer_address" ("id") on delete set null;`);

    this.addSql(`create table "customer_token_revocation" ("token_id" uuid not null, "customer_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz not null, primary key ("token_id"));`);
    this.addSql(`create index "customer_token_revocation_customer_id_index" on "customer_token_revocation" ("customer_id");`);
    this.addSql(`create index "customer_token_revocation_expires_at_index" on "customer_token_revocation" ("expires_at");`);
    this.addSql(`alter table "customer_token_revocation" add constraint "customer_token_revocation_customer_id_foreign" foreign key ("customer_id") references "customer" ("id") on delete cascade;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "customer_token_revocation";`);
    this.addSql(`alter table "customer" drop constraint "customer_default_address_id_foreign";`);
    this.addSql(`alter table "customer" drop column "phone", drop column "preferred_locale", drop column "sizes", drop column "default_address_id";`);
    this.addSql(`drop table if exists "customer_address";`);
  }

}
