import type { Opt } from '@mikro-orm/core';
import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { CurrencyCode } from '../../shared/money.js';
import { Product, ProductVariant } from './product.entity.js';
import { StockLocation, Store } from './store.entity.js';

/** A variant's price in one store, in integer minor units of the store's currency. */
@Entity({ tableName: 'variant_price' })
@Check({ name: 'variant_price_amount_check', expression: 'amount >= 0 and (compare_at_amount is null or compare_at_amount >= 0)' })
export class VariantPrice {
  @ManyToOne(() => ProductVariant, { primary: true })
  variant!: ProductVariant;

  @ManyToOne(() => Store, { primary: true })
  store!: Store;

  @Property({ type: 'bigint', runtimeType: 'number' })
  amount!: number;

  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  compareAtAmount?: number;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Stock of a variant at one location. available = onHand - reserved, never negative. */
@Entity({ tableName: 'inventory_level' })
@Check({ name: 'inventory_level_quantities_check', expression: 'reserved >= 0 and on_hand >= reserved' })
export class InventoryLevel {
  @ManyToOne(() => ProductVariant, { primary: true })
  variant!: ProductVariant;

  @ManyToOne(() => StockLocation, { primary: true })
  location!: StockLocation;

  @Property({ type: 'integer', default: 0 })
  onHand: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  reserved: Opt<number> = 0;

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}

/** Audit trail of every stock change: who, why, by how much, and what was left. */
@Entity({ tableName: 'inventory_adjustment' })
export class InventoryAdjustment {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: Opt<string>;

  @ManyToOne(() => ProductVariant)
  variant!: ProductVariant;

  @ManyToOne(() => StockLocation)
  location!: StockLocation;

  /** Change to on hand. */
  @Property()
  delta!: number;

  @Property()
  onHandAfter!: number;

  /** Change to reserved (reservations, releases, sales); 0 for counts and adjustments. */
  @Property({ default: 0 })
  reservedDelta: Opt<number> = 0;

  /** Units left reserved; null on rows written before reservations were audited. */
  @Property({ nullable: true })
  reservedAfter?: number;

  @Property()
  reason!: string;

  /** What the change belongs to, e.g. "cart:<uuid>" or "order:<uuid>". */
  @Property({ nullable: true })
  ref?: string;

  /** "staff:<uuid>", "apiKey:<uuid>" or "system" */
  @Property()
  actor!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

/** LISTED_IN_STORE (storefront/product-list.ts) as a partial-index predicate: the same rule, without the alias. */
const VISIBLE = 'where active and min_price is not null';

/**
 * A product published to a store, with the store-specific facts storefront lists sort and filter on
 * (price range, availability, sort title), kept current by the catalog services.
 */
@Entity({ tableName: 'product_listing' })
@Unique({ properties: ['store', 'product'] })
// Storefront lists read only visible listings (active and priced), in one of four orders: each has
// its partial index, so a page is an index range scan and a count an index-only scan.
@Index({ name: 'product_listing_visible_id_idx', expression: `create index product_listing_visible_id_idx on product_listing (store_id, product_id) ${VISIBLE}` })
@Index({ name: 'product_listing_visible_price_idx', expression: `create index product_listing_visible_price_idx on product_listing (store_id, min_price, product_id) ${VISIBLE}` })
@Index({ name: 'product_listing_visible_title_idx', expression: `create index product_listing_visible_title_idx on product_listing (store_id, sort_title, product_id) ${VISIBLE}` })
@Index({ name: 'product_listing_visible_sold_idx', expression: `create index product_listing_visible_sold_idx on product_listing (store_id, units_sold, product_id) ${VISIBLE}` })
export class ProductListing {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: Opt<string>;

  @ManyToOne(() => Store)
  store!: Store;

  @ManyToOne(() => Product, { index: true })
  product!: Product;

  /** The product is ACTIVE (copied from the product by refreshListings). */
  @Property({ type: 'boolean', default: false })
  active: Opt<boolean> = false;

  @Property({ type: 'timestamptz' })
  publishedAt: Opt<Date> = new Date();

  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  minPrice?: number;

  @Property({ type: 'bigint', runtimeType: 'number', nullable: true })
  maxPrice?: number;

  @Property({ type: 'boolean', default: false })
  available: Opt<boolean> = false;

  @Property({ type: 'text' })
  sortTitle: Opt<string> = '';

  @Property({ type: 'integer', default: 0 })
  unitsSold: Opt<number> = 0;
}
