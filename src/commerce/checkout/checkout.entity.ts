import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, Property } from '@mikro-orm/decorators/legacy';
import { Node } from '../../shared/entity.js';
import type { CreateOrderInput } from '../orders/order.service.js';

export enum CheckoutStatus {
  /** Stock held and a pending payment written (step 1); the provider is being asked. */
  PENDING = 'PENDING',
  /** The order exists and the holds became a sale. */
  COMPLETED = 'COMPLETED',
  /** Declined or the provider failed: holds released; the cart can be checked out again with a new key. */
  FAILED = 'FAILED',
  /** The recovery job released the holds of a checkout that never finished (a crash between the steps). */
  EXPIRED = 'EXPIRED',
}

export enum StockHoldStatus {
  HELD = 'HELD',
  COMMITTED = 'COMMITTED',
  RELEASED = 'RELEASED',
}

/** The order a checkout will create, fixed at step 1 (prices, totals, delivery, email): step 3 writes exactly this. */
export type OrderDraft = Omit<CreateOrderInput, 'status' | 'actor'>;

/**
 * One attempt to turn a cart into an order, keyed by the client's idempotency key (idempotency_record
 * points here). Status moves only by guarded UPDATEs (`where status = 'PENDING'`), so completion and
 * recovery can race and exactly one wins. Plain ids to other domains, store_id on every row.
 */
@Entity({ tableName: 'checkout' })
@Index({ properties: ['cartId', 'status'] })
export class Checkout extends Node {
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) cartId!: string;
  @Property({ type: 'uuid', nullable: true }) customerId?: string | null;
  @Property({ type: 'uuid' }) paymentId!: string;
  @Property({ type: 'uuid', nullable: true }) orderId?: string | null;

  @Enum({ items: () => CheckoutStatus, nativeEnumName: 'checkout_status', default: CheckoutStatus.PENDING })
  status: Opt<CheckoutStatus> = CheckoutStatus.PENDING;

  @Property({ type: 'jsonb' }) draft!: OrderDraft;

  /** Why a FAILED or EXPIRED checkout ended: the userError every replay of its key returns. */
  @Property({ type: 'string', length: 40, nullable: true }) errorCode?: string | null;
  @Property({ type: 'string', length: 500, nullable: true }) errorMessage?: string | null;
}

/** Units of one cart line held for a checkout until `expiresAt`; the stock service's reservation is the real hold, this row is its owner and deadline. */
@Entity({ tableName: 'stock_hold' })
@Index({ properties: ['checkoutId'] })
@Index({ properties: ['status', 'expiresAt'] })
export class StockHold extends Node {
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) checkoutId!: string;
  @Property({ type: 'uuid' }) variantId!: string;
  @Property({ type: 'uuid' }) locationId!: string;
  @Property({ type: 'integer' }) quantity!: number;
  @Property({ type: 'timestamptz' }) expiresAt!: Date;

  @Enum({ items: () => StockHoldStatus, nativeEnumName: 'stock_hold_status', default: StockHoldStatus.HELD })
  status: Opt<StockHoldStatus> = StockHoldStatus.HELD;
}

export const checkoutEntities = [Checkout, StockHold];
