import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Which data seeds have run, so the demo set loads on the first start only. */
@Entity({ tableName: 'seed_history' })
export class SeedHistory {
  @PrimaryKey()
  name!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  appliedAt?: Date;
}
