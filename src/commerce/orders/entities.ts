import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/entity.js';
import { toGlobalId } from '../../shared/ids.js';
import { CurrencyCode, Money } from '../../shared/money.js';
import { DeliveryMethod } from '../carts/cart.entity.js';

export enum OrderStatus {
  PENDING_PAYMENT = 'PENDING_PAYMENT',
  DEPOSIT_PAID = 'DEPOSIT_PAID',
  PAID = 'PAID',
  FULFILLED = 'FULFILLED',
  PICKED_UP = 'PICKED_UP',
  CANCELLED = 'CANCELLED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  valuesConfig: {
    PENDING_PAYMENT: { description: 'Placed; the payment is not captured yet.' },
    DEPOSIT_PAID: { description: 'A deposit pre-sale: the deposit is captured, the balance is due (PAID once it is).' },
    PAID: { description: 'Paid; waiting to be shipped or collected.' },
    FULFILLED: { description: 'Handed to the carrier (SHIPPING).' },
    PICKED_UP: { description: 'Collected at the boutique (PICKUP).' },
    CANCELLED: { description: 'Cancelled before fulfilment; final.' },
    PARTIALLY_REFUNDED: { description: 'Part of the amount paid was refunded.' },
    REFUNDED: { description: 'Everything paid was refunded; final.' },
  },
});

@ObjectType('OrderLineOption', { simpleResolvers: true, description: 'A chosen option, e.g. { name: "Colour", value: "Black" }.' })
export class OrderLineOption {
  @Field() name!: string;
  @Field() value!: string;
}

@ObjectType('OrderAddress', { simpleResolvers: true, description: 'The shipping address as it was when the order was placed.' })
export class OrderAddress {
  @Field(() => String, { nullable: true }) firstName?: string | null;
  @Field(() => String, { nullable: true }) lastName?: string | null;
  @Field(() => String, { nullable: true }) company?: string | null;
  @Field() address1!: string;
  @Field(() => String, { nullable: true }) address2?: string | null;
  @Field() city!: string;
  @Field(() => String, { nullable: true }) province?: string | null;
  @Field(() => String, { nullable: true }) zip?: string | null;
  @Field({ description: 'ISO 3166-1 alpha-2.' }) countryCode!: string;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

/** The delivery snapshot: SHIPPING with an address, or PICKUP at a boutique (id and name as they were). */
export type DeliverySnapshot =
  | { method: DeliveryMethod.SHIPPING; address: OrderAddress }
  | { method: DeliveryMethod.PICKUP; locationId: string; locationName: string };

@ObjectType('OrderDelivery', { simpleResolvers: true })
export class OrderDelivery {
  @Field(() => DeliveryMethod) method!: DeliveryMethod;
  @Field(() => OrderAddress, { nullable: true, description: 'For SHIPPING.' }) address!: OrderAddress | null;
  @Field(() => ID, { nullable: true, description: 'The boutique (StockLocation) for PICKUP.' }) pickupLocationId!: string | null;
  @Field(() => String, { nullable: true, description: 'The boutique name when the order was placed, for PICKUP.' }) pickupLocationName!: string | null;
  @Field(() => String, { nullable: true, description: 'Set when the order was fulfilled.' }) trackingNumber!: string | null;
  @Field(() => String, { nullable: true }) carrier!: string | null;

  static of(snapshot: DeliverySnapshot, tracking: { trackingNumber?: string | null; carrier?: string | null }): OrderDelivery {
    const shipping = snapshot.method === DeliveryMethod.SHIPPING;
    return Object.assign(new OrderDelivery(), {
      method: snapshot.method,
      address: shipping ? snapshot.address : null,
      pickupLocationId: shipping ? null : toGlobalId('StockLocation', snapshot.locationId),
      pickupLocationName: shipping ? null : snapshot.locationName,
      trackingNumber: tracking.trackingNumber ?? null,
      carrier: tracking.carrier ?? null,
    });
  }
}

@ObjectType('OrderCost', { simpleResolvers: true })
export class OrderCost {
  @Field(() => Money) subtotal!: Money;
  @Field(() => Money) shipping!: Money;
  @Field(() => Money, { description: 'Tax included in or added to the total, per the store.' }) tax!: Money;
  @Field(() => Money) total!: Money;
}

/**
 * An order in one store. Lines are snapshots (what was bought, at what price), so later catalog edits
 * never change an order. References to other domains' rows are plain ids, without foreign keys: the
 * order outlives what it names, and every table is distributable by store_id (ARCHITECTURE "Scale").
 * `brandIds` repeats the brands of the lines, for brand-scoped Admin reads (GIN index, `&&`).
 */
@ObjectType({ implements: Node, description: 'An order placed in a store. Amounts are in the order currency.' })
@Entity({ tableName: 'sales_order' })
@Unique({ properties: ['storeId', 'number'] })
@Index({ properties: ['customerId', 'id'] })
@Index({ properties: ['storeId', 'id'] })
@Index({ properties: ['brandIds'], type: 'gin' })
export class Order extends Node {
  @Property({ type: 'uuid' })
  storeId!: string;

  @Field({ description: 'Readable and unique within the store, e.g. "MK-CN-000123".' })
  @Property({ length: 40 })
  number!: string;

  /** Null for a guest order. */
  @Property({ type: 'uuid', nullable: true })
  customerId?: string | null;

  @Field()
  @Property()
  email!: string;

  @Field(() => CurrencyCode)
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Property({ type: 'integer' }) subtotal!: number;
  @Property({ type: 'integer' }) shippingTotal!: number;
  @Property({ type: 'integer' }) taxTotal!: number;
  @Property({ type: 'integer' }) total!: number;

  @Property({ type: 'jsonb' })
  delivery!: DeliverySnapshot;

  @Property({ type: 'string', length: 100, nullable: true }) trackingNumber?: string | null;
  @Property({ type: 'string', length: 100, nullable: true }) carrier?: string | null;

  @Field(() => OrderStatus)
  @Enum({ items: () => OrderStatus, nativeEnumName: 'order_status' })
  status!: OrderStatus;

  @Property({ type: 'uuid[]' })
  brandIds!: string[];

  /** The client advisor credited with the sale (concierge remote selling), if any. */
  @Property({ type: 'uuid', nullable: true })
  attributedStaffId?: string | null;

  @Field(() => Date, { name: 'createdAt' })
  get placedAt(): Opt<Date> {
    return this.createdAt;
  }

  @Field(() => OrderCost)
  get cost(): Opt<OrderCost> {
    return Object.assign(new OrderCost(), {
      subtotal: Money.of(this.subtotal, this.currency),
      shipping: Money.of(this.shippingTotal, this.currency),
      tax: Money.of(this.taxTotal, this.currency),
      total: Money.of(this.total, this.currency),
    });
  }

  @Field(() => OrderDelivery, { name: 'delivery' })
  get deliveryDetails(): Opt<OrderDelivery> {
    return OrderDelivery.of(this.delivery, this);
  }
}

/** What was bought: a snapshot of the variant, its product and brand as they were, at the price paid. */
@ObjectType({ implements: Node, description: 'One line of an order, as it was when the order was placed.' })
@Entity({ tableName: 'sales_order_line' })
@Index({ properties: ['orderId'] })
export class OrderLine extends Node {
  @Property({ type: 'uuid' }) orderId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'uuid' }) productId!: string;
  @Property({ type: 'uuid' }) brandId!: string;

  @Field() @Property() title!: string;
  @Field() @Property() sku!: string;
  @Field(() => [OrderLineOption]) @Property({ type: 'jsonb' }) options!: OrderLineOption[];
  @Field(() => Int) @Property({ type: 'integer' }) quantity!: number;
  /** Minor units of the order currency. */
  @Property({ type: 'integer' }) unitPrice!: number;
  @Property({ type: 'integer' }) lineTotal!: number;
  @Property({ type: 'string', nullable: true }) imageUrl?: string | null;
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' }) currency!: CurrencyCode;

  @Field(() => Money, { name: 'unitPrice' })
  get unitPriceMoney(): Opt<Money> {
    return Money.of(this.unitPrice, this.currency);
  }

  @Field(() => Money, { name: 'lineTotal' })
  get lineTotalMoney(): Opt<Money> {
    return Money.of(this.lineTotal, this.currency);
  }

  @Field(() => String, { name: 'image', nullable: true, description: 'Image URL of the variant when the order was placed.' })
  get image(): Opt<string> | null {
    return this.imageUrl ?? null;
  }
}

/**
 * The next order number of a store. One row per store, bumped with `update ... set next = next + 1
 * returning` (order-numbers.ts): the row lock makes concurrent orders wait their turn, never share.
 */
@Entity({ tableName: 'order_number_sequence' })
export class OrderNumberSequence {
  @PrimaryKey({ type: 'uuid' }) storeId!: string;
  @Property({ length: 20 }) prefix!: string;
  @Property({ type: 'integer' }) next!: number;
}

export const orderEntities = [Order, OrderLine, OrderNumberSequence];
