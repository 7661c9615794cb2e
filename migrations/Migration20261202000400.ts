import { Migration } from '@mikro-orm/migrations';

export class Migration20261202000400 extends Migration {

  override name = 'Migration20261202000400';

  override up(): void | Promise<void> {
  }

  override down(): void | Promise<void> {
  }

}
