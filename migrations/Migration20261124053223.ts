import { Migration } from '@mikro-orm/migrations';

export class Migration20261124053223 extends Migration {

  override name = 'Migration20261124053223';

  override up(): void | Promise<void> {
    this.addSql(`create type "staff_role" as enum ('PLATFORM_ADMIN', 'BRAND_ADMIN', 'CONCIERGE');`);
    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(255) not null, "prefix" varchar(255) not null, "secret_hash" varchar(255) not null, "scopes" text[] not null, "brand_ids" text[] not null, "created_by_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(`create table "customer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "first_name" varchar(255) null, "last_name" varchar(255) null, primary key ("id"));`);
    this.addSql(`alter table "customer" add constraint "customer_email_unique" unique ("email");`);

    this.addSql(`create table "idempotency_record" ("scope" varchar(255) not null, "key" varchar(255) not null, "request_hash" varchar(255) not null, "response" jsonb null, "created_at" timestamptz not null, primary key ("scope", "key"));`);

    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "topic" varchar(255) not null, "aggregate_id" uuid not null, "payload" jsonb not null, "created_at" timestamptz not null, "processed_at" timestamptz null, "attempts" int not null default 0);`);
    this.addSql(`create index outbox_event_pending_idx on outbox_event (id) where processed_at is null;`);

    this.addSql(`create table "seed_history" ("name" varchar(255) not null, "applied_at" timestamptz not null default now(), primary key ("name"));`);

    this.addSql(`create table "staff_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "role" "staff_role" not null, "brand_ids" text[] not null, "disabled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "staff_user" add constraint "staff_user_email_unique" unique ("email");`);

    // Queue the outbox relay in the same transaction as the events, once graphile-worker is installed.
    this.addSql(`create function outbox_event_queue_relay() returns trigger language plpgsql as $$
      begin
        if to_regnamespace('graphile_worker') is not null then
          perform graphile_worker.add_job('outbox_relay', '{}'::json, job_key => 'outbox_relay', job_key_mode => 'preserve_run_at');
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger outbox_event_queue_relay after insert on outbox_event for each statement execute function outbox_event_queue_relay();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
    this.addSql(`drop table if exists "customer" cascade;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);
    this.addSql(`drop table if exists "outbox_event" cascade;`);
    this.addSql(`drop function if exists outbox_event_queue_relay();`);
    this.addSql(`drop table if exists "seed_history" cascade;`);
    this.addSql(`drop table if exists "staff_user" cascade;`);

    this.addSql(`drop type "staff_role";`);
  }

}
