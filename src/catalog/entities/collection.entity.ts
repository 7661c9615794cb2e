import type { Opt } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Property } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { Brand } from './brand.entity.js';
import { Product } from './product.entity.js';
import type { CollectionText, Translations } from './translations.js';

@ObjectType({ implements: Node, description: 'A hand-picked, ordered group of products (a capsule, a campaign).' })
@Entity({ tableName: 'collection' })
export class Collection extends Node {
  @Field()
  @Property({ unique: true })
  handle!: string;

  /** The brand that owns it; null for platform-curated (multi-brand) collections. */
  @ManyToOne(() => Brand, { nullable: true })
  brand?: Brand;

  @Property({ type: 'jsonb' })
  translations!: Translations<CollectionText>;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Opt<Date>;
}

@Entity({ tableName: 'collection_product' })
// A collection page reads its members in position order and stops after a page.
@Index({ properties: ['collection', 'position'] })
export class CollectionProduct {
  @ManyToOne(() => Collection, { primary: true })
  collection!: Collection;

  @ManyToOne(() => Product, { primary: true, index: true })
  product!: Product;

  @Property()
  position!: number;
}
