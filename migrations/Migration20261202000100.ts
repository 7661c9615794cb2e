import { Migration } from '@mikro-orm/migrations';

/**
 * Draws allocate the units (issue 12): a draw may weight entries by tier (drawWeight perk); each entry
 * names the variant it wants and the store it was made in, and links the reservation holding its unit.
 * Entries made before this get the edition's first variant and the drop's first store.
 */
export class Migration20261202000100 extends Migration {

  override name = 'Migration20261202000100';

  override up(): void | Promise<void> {
    this.addSql(`alter table "drop_draw" add column "weight_by_tier" boolean not null default false;`);

    this.addSql(`alter table "drop_entry" add column "variant_id" uuid null, add column "store_id" uuid null, add column "reservation_id" uuid null;`);
    this.addSql(`update "drop_entry" e set "variant_id" = (le."variant_ids"->>0)::uuid, "store_id" = (d."store_ids"->>0)::uuid
      from "drop_release" d join "limited_edition" le on le."id" = d."edition_id" where d."id" = e."drop_id";`);
    this.addSql(`alter table "drop_entry" alter column "variant_id" set not null, alter column "store_id" set not null;`);
    this.addSql(`create index "drop_entry_drop_id_variant_id_rank_index" on "drop_entry" ("drop_id", "variant_id", "rank");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index if exists "drop_entry_drop_id_variant_id_rank_index";`);
    this.addSql(`alter table "drop_entry" drop column "variant_id", drop column "store_id", drop column "reservation_id";`);
    this.addSql(`alter table "drop_draw" drop column "weight_by_tier";`);
  }

}
