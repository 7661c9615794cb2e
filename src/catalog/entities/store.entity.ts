import { Collection as Many, type Opt } from '@mikro-orm/core';
import { Entity, Enum, ManyToMany, ManyToOne, OneToMany, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { CurrencyCode } from '../../shared/money.js';
import { Brand } from './brand.entity.js';
import { StockLocationKind, StoreKind } from './enums.js';

@ObjectType({ implements: Node, description: "A brand's flagship store, online or offline; prices are in its currency." })
@Entity({ tableName: 'store' })
export class Store extends Node {
  @Field({ description: 'Sent by storefronts in the x-store header.' })
  @Property({ unique: true })
  handle!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => StoreKind)
  @Enum({ items: () => StoreKind, nativeEnumName: 'store_kind' })
  kind!: StoreKind;

  /** One brand for a flagship; several for a multi-brand Design Mall. */
  @ManyToMany(() => Brand, undefined, { pivotTable: 'store_brand' })
  brands = new Many<Brand>(this);

  @Field({ description: 'ISO 3166-1 alpha-2 market, e.g. CN, IT, US.' })
  @Property({ length: 2 })
  marketCountry!: string;

  @Field(() => CurrencyCode)
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Field()
  @Property()
  defaultLocale!: string;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  supportedLocales!: string[];

  @Field({ description: 'IANA time zone, e.g. Asia/Shanghai.' })
  @Property()
  timeZone!: string;

  @Field(() => Boolean, { description: 'Whether storefronts may show exact stock counts (quantityAvailable).' })
  @Property({ type: 'boolean', default: false })
  showStockQuantity: Opt<boolean> = false;

  @OneToMany(() => StockLocation, (l) => l.store)
  stockLocations = new Many<StockLocation>(this);

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Opt<Date>;
}

@ObjectType({ implements: Node, description: 'A place stock is kept for a store: a warehouse or the boutique itself.' })
@Entity({ tableName: 'stock_location' })
@Unique({ properties: ['store', 'handle'] })
export class StockLocation extends Node {
  @ManyToOne(() => Store)
  store!: Store;

  @Field()
  @Property()
  handle!: string;

  @Field()
  @Property()
  name!: string;

  @Field(() => StockLocationKind)
  @Enum({ items: () => StockLocationKind, nativeEnumName: 'stock_location_kind' })
  kind!: StockLocationKind;

  @Property({ type: 'timestamptz', nullable: true })
  archivedAt?: Opt<Date>;
}
