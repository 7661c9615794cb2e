import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { ObjectType, Field, Int } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import type { NameText, Translations } from './translations.js';

@ObjectType({ implements: Node, description: 'A node of the category tree (Bags > Handbags).' })
@Entity({ tableName: 'category' })
export class Category extends Node {
  @Field()
  @Property({ unique: true })
  handle!: string;

  @ManyToOne(() => Category, { nullable: true })
  parent?: Category;

  /** Materialized path of handles, "bags/handbags": descendants are `path like 'bags/%'`. */
  @Index({ name: 'category_path_idx', expression: 'create index category_path_idx on category (path text_pattern_ops)' })
  @Property()
  path!: string;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;

  @Property({ type: 'jsonb' })
  translations!: Translations<NameText>;
}
