import { Collection as Many, type Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToMany, Property } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { Brand } from './brand.entity.js';
import { Category } from './category.entity.js';
import { ProductStatus } from './enums.js';
import type { MediaData, ProductOptionData, ProductText, Translations } from './translations.js';

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A product of a brand, sold as one or more variants.' })
@Entity({ tableName: 'product' })
export class Product extends Node {
  @Field()
  @Property({ unique: true })
  handle!: string;

  @ManyToOne(() => Brand)
  @Index()
  brand!: Brand;

  @Enum({ items: () => ProductStatus, nativeEnumName: 'product_status', default: ProductStatus.DRAFT })
  status: Opt<ProductStatus> = ProductStatus.DRAFT;

  @ManyToOne(() => Category, { nullable: true })
  @Index()
  category?: Category;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  tags: Opt<string[]> = [];

  @Property({ type: 'jsonb' })
  translations!: Translations<ProductText>;

  @Property({ type: 'jsonb' })
  options: Opt<ProductOptionData[]> = [];

  /** Ordered; the first is the featured image. */
  @Property({ type: 'jsonb' })
  media: Opt<MediaData[]> = [];

  @OneToMany(() => ProductVariant, (v) => v.product, { orderBy: { position: 'asc' } })
  variants = new Many<ProductVariant>(this);
}

@ObjectType({ implements: Node, simpleResolvers: true, description: 'A sellable SKU: one combination of option values.' })
@Entity({ tableName: 'product_variant' })
@Index({ name: 'product_variant_option_values_idx', expression: 'create index product_variant_option_values_idx on product_variant using gin (option_values jsonb_path_ops)' })
export class ProductVariant extends Node {
  @ManyToOne(() => Product)
  @Index()
  product!: Product;

  @Field()
  @Property({ unique: true })
  sku!: string;

  /** { optionCode: valueCode }, e.g. { "colour": "black", "size": "m" } */
  @Property({ type: 'jsonb' })
  optionValues: Opt<Record<string, string>> = {};

  @Field({ nullable: true })
  @Property({ nullable: true })
  barcode?: string;

  @Field(() => Int, { nullable: true })
  @Property({ nullable: true })
  weightGrams?: number;

  @Property({ type: 'integer', default: 0 })
  position: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Opt<Date>;
}
