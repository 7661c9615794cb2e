import { Migration } from '@mikro-orm/migrations';

/**
 * Concierge (issue 11): client profiles per (brand, customer), notes, holds, appointments, tier
 * invitations, the 360-view access log and carts prepared for clients. Every row carries brand_id.
 * References to other domains are plain ids.
 */
export class Migration20261201200000 extends Migration {

  override name = 'Migration20261201200000';

  override up(): void | Promise<void> {
    this.addSql(`create type "client_hold_status" as enum ('ACTIVE', 'RELEASED', 'EXPIRED', 'CONVERTED');`);
    this.addSql(`create type "appointment_status" as enum ('BOOKED', 'CANCELLED');`);
    this.addSql(`create type "tier_invitation_status" as enum ('PENDING', 'APPROVED', 'DECLINED');`);

    this.addSql(`create table "client_profile" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "customer_id" uuid not null, "assigned_staff_id" uuid null, "preferences" jsonb not null, "sizes" jsonb null, primary key ("id"));`);
    this.addSql(`create index "client_profile_brand_id_assigned_staff_id_index" on "client_profile" ("brand_id", "assigned_staff_id");`);
    this.addSql(`alter table "client_profile" add constraint "client_profile_brand_id_customer_id_unique" unique ("brand_id", "customer_id");`);

    this.addSql(`create table "client_note" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" uuid not null, "brand_id" uuid not null, "author" varchar(80) not null, "body" text not null, primary key ("id"));`);
    this.addSql(`create index "client_note_client_id_id_index" on "client_note" ("client_id", "id");`);

    this.addSql(`create table "client_hold" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" uuid not null, "brand_id" uuid not null, "store_id" uuid not null, "variant_id" uuid not null, "location_id" uuid not null, "quantity" int not null, "expires_at" timestamptz not null, "status" "client_hold_status" not null, "created_by" varchar(80) not null, "cart_id" uuid null, primary key ("id"));`);
    this.addSql(`create index "client_hold_client_id_id_index" on "client_hold" ("client_id", "id");`);

    this.addSql(`create table "client_appointment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" uuid not null, "brand_id" uuid not null, "staff_id" uuid not null, "store_id" uuid not null, "location_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "note" text null, "status" "appointment_status" not null, primary key ("id"));`);
    this.addSql(`create index "client_appointment_client_id_starts_at_index" on "client_appointment" ("client_id", "starts_at");`);
    this.addSql(`create index "client_appointment_staff_id_starts_at_index" on "client_appointment" ("staff_id", "starts_at");`);

    this.addSql(`create table "tier_invitation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client_id" uuid not null, "brand_id" uuid not null, "customer_id" uuid not null, "programme_id" uuid not null, "tier_id" uuid not null, "status" "tier_invitation_status" not null, "nominated_by" varchar(80) not null, "reason" text null, "decided_by" varchar(80) null, primary key ("id"));`);
    this.addSql(`create index "tier_invitation_client_id_id_index" on "tier_invitation" ("client_id", "id");`);
    this.addSql(`create index "tier_invitation_brand_id_status_index" on "tier_invitation" ("brand_id", "status");`);

    this.addSql(`create table "client_access_log" ("id" uuid not null, "staff_id" uuid null, "api_key_id" uuid null, "client_id" uuid not null, "brand_id" uuid not null, "at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "client_access_log_brand_id_id_index" on "client_access_log" ("brand_id", "id");`);
    this.addSql(`create index "client_access_log_client_id_id_index" on "client_access_log" ("client_id", "id");`);

    this.addSql(`create table "client_cart" ("cart_id" uuid not null, "client_id" uuid not null, "brand_id" uuid not null, "store_id" uuid not null, "staff_id" uuid not null, "created_at" timestamptz not null, primary key ("cart_id"));`);
  }

  override down(): void | Promise<void> {
    for (const table of ['client_cart', 'client_access_log', 'tier_invitation', 'client_appointment', 'client_hold', 'client_note', 'client_profile']) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
    this.addSql(`drop type if exists "tier_invitation_status";`);
    this.addSql(`drop type if exists "appointment_status";`);
    this.addSql(`drop type if exists "client_hold_status";`);
  }

}
