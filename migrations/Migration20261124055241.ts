import { Migration } from '@mikro-orm/migrations';

export class Migration20261124055241 extends Migration {

  override name = 'Migration20261124055241';

  override up(): void | Promise<void> {
    // Trigram indexes for typo candidates (contrib, shipped with embedded PostgreSQL 18).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create table "search_document" ("store_id" uuid not null, "locale" text not null, "product_id" uuid not null, "tsv" tsvector not null, "handle" text not null, "title" text not null, "brand" text not null, "categories" text[] not null, "tags" text[] not null, "collections" text[] not null, "options" text[] not null, "price_bucket" text not null, "min_price" bigint not null, "max_price" bigint not null, "available" boolean not null, "created_at" timestamptz not null, "sort_title" text not null, "units_sold" int not null, primary key ("store_id", "locale", "product_id"));`);
    this.addSql(`create index "search_document_product_idx" on "search_document" ("product_id");`);
    this.addSql(`create index search_document_tsv_idx on search_document using gin (tsv);`);

    this.addSql(`create table "search_word" ("word" text not null, primary key ("word"));`);
    this.addSql(`create index search_word_prefix_idx on search_word (word text_pattern_ops);`);
    this.addSql(`create index search_word_trgm_idx on search_word using gist (word gist_trgm_ops);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "search_document" cascade;`);
    this.addSql(`drop table if exists "search_word" cascade;`);
  }

}
