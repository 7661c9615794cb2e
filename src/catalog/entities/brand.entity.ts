import type { Opt } from '@mikro-orm/core';
import { Entity, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import type { BrandText, Translations } from './translations.js';

@ObjectType({ implements: Node, description: 'A group of brands, e.g. LVMH, Kering, Capri Holdings.' })
@Entity({ tableName: 'brand_group' })
export class BrandGroup extends Node {
  @Field()
  @Property({ unique: true })
  handle!: string;

  @Field()
  @Property()
  name!: string;
}

@ObjectType({ implements: Node, description: 'A luxury or fashion brand.' })
@Entity({ tableName: 'brand' })
export class Brand extends Node {
  @Field()
  @Property({ unique: true })
  handle!: string;

  @ManyToOne(() => BrandGroup, { nullable: true })
  group?: BrandGroup;

  /** The locale the brand writes in first: the last step of every fallback chain. */
  @Property()
  defaultLocale!: string;

  @Property({ type: 'jsonb' })
  translations!: Translations<BrandText>;

  @Field({ nullable: true })
  @Property({ nullable: true })
  logoUrl?: string;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Opt<Date>;
}
