import type { Opt } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * The test provider's own books (test-provider.ts writes them with SQL; these classes only keep the
 * schema in step with the migration). They stand in for a remote network's state: shared by every
 * server process and kept across restarts, never read by our payment records.
 */

/** One row per idempotency key: the request it answered and the outcome it will answer again. */
@Entity({ tableName: 'test_payment_ledger' })
export class TestPaymentLedgerEntry {
  @PrimaryKey({ length: 255 })
  idempotencyKey!: string;

  /** AUTHORIZE, CAPTURE, VOID or REFUND. */
  @Property({ length: 16 })
  operation!: string;

  @Property({ length: 64, nullable: true })
  reference?: string | null;

  @Property({ type: 'integer', nullable: true })
  amount?: number | null;

  @Property({ length: 3, nullable: true })
  currency?: string | null;

  /** SUCCEEDED or DECLINED. */
  @Property({ length: 16 })
  status!: string;

  @Property({ length: 64, nullable: true })
  declineCode?: string | null;

  @Property({ length: 255, nullable: true })
  message?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}

/** One row per authorization: what was authorized, captured and refunded under its reference. */
@Entity({ tableName: 'test_payment_authorization' })
export class TestPaymentAuthorization {
  @PrimaryKey({ length: 64 })
  reference!: string;

  @Property({ length: 3 })
  currency!: string;

  @Property({ type: 'integer' })
  authorizedAmount!: number;

  @Property({ type: 'integer', default: 0 })
  capturedAmount: Opt<number> = 0;

  @Property({ type: 'integer', default: 0 })
  refundedAmount: Opt<number> = 0;

  @Property({ type: 'boolean', default: false })
  voided: Opt<boolean> = false;

  /** Authorized with tok_capture_fails: every capture is DECLINED. */
  @Property({ type: 'boolean', default: false })
  captureFails: Opt<boolean> = false;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
