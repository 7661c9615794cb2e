import type { Opt } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Store } from '../../catalog/entities/store.entity.js';
import { Node } from '../../shared/entity.js';
import { CurrencyCode } from '../../shared/money.js';

/** What a payment is for. An order may have several: a DEPOSIT now and a BALANCE later, or retries. */
export enum PaymentPurpose {
  ORDER = 'ORDER',
  DEPOSIT = 'DEPOSIT',
  BALANCE = 'BALANCE',
}

export enum PaymentStatus {
  PENDING = 'PENDING',
  AUTHORIZED = 'AUTHORIZED',
  DECLINED = 'DECLINED',
  /** The provider could not be reached; the outcome is unknown until recovery looks it up. */
  FAILED = 'FAILED',
  PARTIALLY_CAPTURED = 'PARTIALLY_CAPTURED',
  CAPTURED = 'CAPTURED',
  VOIDED = 'VOIDED',
  PARTIALLY_REFUNDED = 'PARTIALLY_REFUNDED',
  REFUNDED = 'REFUNDED',
}

export enum PaymentTransactionKind {
  AUTHORIZE = 'AUTHORIZE',
  CAPTURE = 'CAPTURE',
  VOID = 'VOID',
  REFUND = 'REFUND',
}

export enum PaymentTransactionStatus {
  SUCCEEDED = 'SUCCEEDED',
  DECLINED = 'DECLINED',
  /** The provider was unavailable (PaymentUnavailableError). */
  FAILED = 'FAILED',
}

/**
 * Our record of one payment with one provider. Written by payment.service.ts only; `status` moves on
 * the payment lifecycle (payment-lifecycle.ts). Carries store_id (distribution by store). The order is
 * referenced by id without a foreign key: payments exist before their order, and orders own their table.
 */
@Entity({ tableName: 'payment' })
@Index({ properties: ['store', 'orderId'] })
@Index({ properties: ['status', 'createdAt'] })
export class Payment extends Node {
  @ManyToOne(() => Store)
  store!: Store;

  @Property({ type: 'uuid', nullable: true })
  orderId?: string | null;

  @Enum({ items: () => PaymentPurpose, nativeEnumName: 'payment_purpose' })
  purpose!: PaymentPurpose;

  /** Minor units of `currency`: what this payment is for (a deposit's part, not the order total). */
  @Property({ type: 'integer' })
  amount!: number;

  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' })
  currency!: CurrencyCode;

  @Property({ length: 32 })
  provider!: string;

  @Property({ length: 64, nullable: true })
  providerReference?: string | null;

  @Enum({ items: () => PaymentStatus, nativeEnumName: 'payment_status', default: PaymentStatus.PENDING })
  status: Opt<PaymentStatus> = PaymentStatus.PENDING;

  @Property({ type: 'integer', default: 0 })
  authorizedAmount: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  capturedAmount: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  refundedAmount: Opt<number> = 0;

  /** Set when recovery claims a payment no order took: attachOrder then refuses it. */
  @Property({ type: 'timestamptz', nullable: true })
  abandonedAt?: Date | null;

  /** An authorization kept for its owner without an order until then (a draw entry's deposit): recovery leaves it alone. */
  @Property({ type: 'timestamptz', nullable: true })
  retainedUntil?: Date | null;
}

/**
 * Every call to the provider, whatever came of it. `idempotencyKey` is the key the provider got; it is
 * unique among settled outcomes (SUCCEEDED, DECLINED), so a retried call is recorded once. FAILED calls
 * keep it null: a retry after an outage is a new attempt.
 */
@Entity({ tableName: 'payment_transaction' })
@Index({ properties: ['payment'] })
@Unique({ properties: ['store', 'idempotencyKey'] })
export class PaymentTransaction extends Node {
  @ManyToOne(() => Payment, { deleteRule: 'cascade' })
  payment!: Payment;

  @ManyToOne(() => Store)
  store!: Store;

  @Enum({ items: () => PaymentTransactionKind, nativeEnumName: 'payment_transaction_kind' })
  kind!: PaymentTransactionKind;

  @Property({ type: 'integer' })
  amount!: number;

  @Enum({ items: () => PaymentTransactionStatus, nativeEnumName: 'payment_transaction_status' })
  status!: PaymentTransactionStatus;

  @Property({ length: 255, nullable: true })
  idempotencyKey?: string | null;

  @Property({ length: 64, nullable: true })
  providerReference?: string | null;

  @Property({ length: 64, nullable: true })
  declineCode?: string | null;

  @Property({ length: 500, nullable: true })
  message?: string | null;
}
