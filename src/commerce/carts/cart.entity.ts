import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, OneToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { registerEnumType } from 'type-graphql';
import { ProductVariant } from '../../catalog/entities/product.entity.js';
import { StockLocation, Store } from '../../catalog/entities/store.entity.js';
import { Node } from '../../shared/entity.js';
import { CurrencyCode } from '../../shared/money.js';
import { Customer } from '../customers/customer.entity.js';

export enum CartStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
}
registerEnumType(CartStatus, { name: 'CartStatus', valuesConfig: { COMPLETED: { description: 'Checked out: the cart no longer changes.' } } });

export enum DeliveryMethod {
  SHIPPING = 'SHIPPING',
  PICKUP = 'PICKUP',
}
registerEnumType(DeliveryMethod, {
  name: 'DeliveryMethod',
  valuesConfig: {
    SHIPPING: { description: "Shipped at the store's flat rate, free above its threshold." },
    PICKUP: { description: "Click and collect at one of the store's boutiques, from that boutique's stock." },
  },
});

/**
 * A shopper's cart in one store and its currency. Carts carry store_id on every row (distribution by
 * store). The id alone does not open a cart: the client holds a random secret whose SHA-256 is kept here.
 */
@Entity({ tableName: 'cart' })
@Index({ properties: ['customer'] })
export class Cart extends Node {
  @ManyToOne(() => Store)
  store!: Store;

  @Property({ length: 64 })
  secretHash!: string;

  @ManyToOne(() => Customer, { nullable: true, deleteRule: 'set null' })
  customer?: Customer | null;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Enum({ items: () => CartStatus, nativeEnumName: 'cart_status', default: CartStatus.ACTIVE })
  status: Opt<CartStatus> = CartStatus.ACTIVE;

  @Enum({ items: () => DeliveryMethod, nativeEnumName: 'delivery_method', default: DeliveryMethod.SHIPPING })
  deliveryMethod: Opt<DeliveryMethod> = DeliveryMethod.SHIPPING;

  @ManyToOne(() => StockLocation, { nullable: true, deleteRule: 'set null' })
  pickupLocation?: StockLocation | null;

  @Property({ type: 'string', nullable: true })
  buyerEmail?: string | null;

  @Property({ type: 'string', nullable: true })
  buyerPhone?: string | null;
}

/** One variant in a cart, with the unit price it had when added (to warn when the store price moves). */
@Entity({ tableName: 'cart_line' })
@Unique({ properties: ['cart', 'variant'] })
export class CartLine extends Node {
  @ManyToOne(() => Cart, { deleteRule: 'cascade' })
  cart!: Cart;

  @ManyToOne(() => Store)
  store!: Store;

  @ManyToOne(() => ProductVariant)
  variant!: ProductVariant;

  @Property({ type: 'integer' })
  quantity!: number;

  /** Minor units of the cart's currency. */
  @Property({ type: 'integer' })
  unitPriceAtAdd!: number;
}

/** A store's delivery and tax terms, owned by commerce (the catalog's store row stays as it is). */
@Entity({ tableName: 'store_commerce_settings' })
export class StoreCommerceSettings {
  @OneToOne(() => Store, { primary: true, deleteRule: 'cascade' })
  store!: Store;

  @Property({ type: 'boolean', default: false })
  pricesIncludeTax: Opt<boolean> = false;

  /** 1300 = 13%. */
  @Property({ type: 'integer', default: 0 })
  taxRateBasisPoints: Opt<number> = 0;

  /** Minor units; 0 ships free. */
  @Property({ type: 'integer', default: 0 })
  shippingFlatAmount: Opt<number> = 0;

  /** Minor units; a subtotal at or above it ships free. Null: never free. */
  @Property({ type: 'integer', nullable: true })
  freeShippingThreshold?: number | null;
}

export const cartEntities = [Cart, CartLine, StoreCommerceSettings];
