import { Migration } from '@mikro-orm/migrations';

export class Migration20261124065344 extends Migration {

  override name = 'Migration20261124065344';

  override up(): void | Promise<void> {
    this.addSql(`create index "collection_product_collection_id_position_index" on "collection_product" ("collection_id", "position");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "collection_product_collection_id_position_index";`);
  }

}
