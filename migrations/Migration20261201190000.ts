import { Migration } from '@mikro-orm/migrations';

/**
 * VIP programmes (issue 11): programmes, ordered tiers, memberships, qualifying spend (one row per
 * order event and programme, unique on the event id), tier changes and exchange rates. Every row carries
 * brand_id (null for platform programmes); references are plain uuids without foreign keys.
 */
export class Migration20261201190000 extends Migration {

  override name = 'Migration20261201190000';

  override up(): void | Promise<void> {
    this.addSql(`create type "vip_qualification" as enum ('ROLLING_12_MONTHS', 'CALENDAR_YEAR');`);
    this.addSql(`create type "vip_tier_change_reason" as enum ('SPEND', 'INVITATION', 'RETENTION_EXPIRED', 'MANUAL');`);

    this.addSql(`create table "vip_programme" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid null, "handle" varchar(100) not null, "names" jsonb not null, "currency" "currency_code" not null, "qualification" "vip_qualification" not null, "active" boolean not null default true, primary key ("id"));`);
    this.addSql(`create unique index "vip_programme_handle_unique" on "vip_programme" (coalesce("brand_id", '00000000-0000-0000-0000-000000000000'::uuid), "handle");`);

    this.addSql(`create table "vip_tier" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid null, "programme_id" uuid not null, "rank" int not null, "handle" varchar(100) not null, "names" jsonb not null, "threshold" bigint null, "invite_only" boolean not null default false, "perks" jsonb not null, primary key ("id"));`);
    this.addSql(`alter table "vip_tier" add constraint "vip_tier_programme_id_rank_unique" unique ("programme_id", "rank");`);
    this.addSql(`alter table "vip_tier" add constraint "vip_tier_programme_id_handle_unique" unique ("programme_id", "handle");`);

    this.addSql(`create table "vip_membership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid null, "programme_id" uuid not null, "customer_id" uuid not null, "tier_id" uuid null, "since" timestamptz not null, "retained_until" timestamptz not null, "qualifying_spend" bigint not null default '0', primary key ("id"));`);
    this.addSql(`alter table "vip_membership" add constraint "vip_membership_programme_id_customer_id_unique" unique ("programme_id", "customer_id");`);
    this.addSql(`create index "vip_membership_customer_id_index" on "vip_membership" ("customer_id");`);
    this.addSql(`create index "vip_membership_retained_until_index" on "vip_membership" ("retained_until");`);

    this.addSql(`create table "vip_qualifying_spend" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid null, "programme_id" uuid not null, "customer_id" uuid not null, "order_id" uuid not null, "event_id" bigint not null, "amount" int not null, "currency" "currency_code" not null, "rate" numeric(20,10) null, "amount_in_programme_currency" int null, "occurred_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "vip_qualifying_spend" add constraint "vip_qualifying_spend_programme_id_event_id_unique" unique ("programme_id", "event_id");`);
    this.addSql(`create index "vip_qualifying_spend_programme_id_customer_id_occurred_at_index" on "vip_qualifying_spend" ("programme_id", "customer_id", "occurred_at");`);

    this.addSql(`create table "vip_tier_change" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid null, "membership_id" uuid not null, "from_tier_id" uuid null, "to_tier_id" uuid null, "reason" "vip_tier_change_reason" not null, "actor" varchar(100) not null, "note" text null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "vip_tier_change_membership_id_at_index" on "vip_tier_change" ("membership_id", "at");`);

    this.addSql(`create table "vip_exchange_rate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "from_currency" "currency_code" not null, "to_currency" "currency_code" not null, "rate" numeric(20,10) not null, "valid_from" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "vip_exchange_rate" add constraint "vip_exchange_rate_from_currency_to_currency_valid_from_unique" unique ("from_currency", "to_currency", "valid_from");`);
  }

  override down(): void | Promise<void> {
    for (const table of ['vip_exchange_rate', 'vip_tier_change', 'vip_qualifying_spend', 'vip_membership', 'vip_tier', 'vip_programme']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop type if exists "vip_tier_change_reason";`);
    this.addSql(`drop type if exists "vip_qualification";`);
  }

}
