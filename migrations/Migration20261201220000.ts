import { Migration } from '@mikro-orm/migrations';

/**
 * Authenticity certificates (issue 12): brands' Ed25519 signing keys (private half sealed with
 * SIGNING_KEY_SECRET; at most one ACTIVE per brand) and one signed certificate per sold numbered unit.
 * Both carry brand_id; references to other domains are plain ids.
 */
export class Migration20261201220000 extends Migration {

  override name = 'Migration20261201220000';

  override up(): void | Promise<void> {
    this.addSql(`create type "signing_key_status" as enum ('ACTIVE', 'RETIRED');`);

    this.addSql(`create table "brand_signing_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "brand_id" uuid not null, "public_key" text not null, "private_key_sealed" text not null, "status" "signing_key_status" not null default 'ACTIVE', "retired_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "brand_signing_key_brand_id_created_at_index" on "brand_signing_key" ("brand_id", "created_at");`);
    this.addSql(`create unique index "brand_signing_key_active_unique" on "brand_signing_key" ("brand_id") where "status" = 'ACTIVE';`);

    this.addSql(`create table "authenticity_certificate" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "serial" varchar(40) not null, "brand_id" uuid not null, "store_id" uuid not null, "edition_id" uuid not null, "unit_number" int not null, "edition_size" int not null, "product_id" uuid not null, "variant_id" uuid not null, "customer_id" uuid not null, "owner_pseudonym" varchar(64) not null, "key_id" uuid not null, "payload" text not null, "signature" text not null, "issued_at" timestamptz not null, "verification_count" int not null default 0, "last_verified_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "authenticity_certificate" add constraint "authenticity_certificate_serial_unique" unique ("serial");`);
    this.addSql(`alter table "authenticity_certificate" add constraint "authenticity_certificate_edition_id_unit_number_unique" unique ("edition_id", "unit_number");`);
    this.addSql(`create index "authenticity_certificate_customer_id_issued_at_index" on "authenticity_certificate" ("customer_id", "issued_at");`);
    this.addSql(`create index "authenticity_certificate_brand_id_issued_at_index" on "authenticity_certificate" ("brand_id", "issued_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "authenticity_certificate" cascade;`);
    this.addSql(`drop table if exists "brand_signing_key" cascade;`);
    this.addSql(`drop type "signing_key_status";`);
  }
}
