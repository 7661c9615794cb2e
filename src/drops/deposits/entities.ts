import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Node } from '../../shared/entity.js';
import { CurrencyCode } from '../../shared/money.js';

/** What happens to a deposit whose balance is not paid by the drop's balanceDueAt. */
export enum UnpaidBalance {
  /** The deposit is kept (captured); the units go back on sale. */
  FORFEIT = 'FORFEIT',
  /** The deposit is refunded; the units go back on sale. */
  REFUND = 'REFUND',
}

export enum DepositStatus {
  AWAITING_BALANCE = 'AWAITING_BALANCE',
  BALANCE_PAID = 'BALANCE_PAID',
  FORFEITED = 'FORFEITED',
  REFUNDED = 'REFUNDED',
  /** The drop was cancelled: the deposit is given back (refunded, or voided when only authorized). */
  VOIDED = 'VOIDED',
}

/**
 * A reservation checked out with a deposit: the order exists (DEPOSIT_PAID once the deposit is
 * captured), its units stay RESERVED under the reservation until the balance is paid (SOLD, certified)
 * or the deadline settles it. Money amounts are minor units of `currency`. `paymentSettledAt` is set
 * once the provider call a final state needs (refund, void, capture) has been made: the state moves in
 * a transaction first, the provider is called after it (never inside).
 */
@Entity({ tableName: 'drop_deposit' })
@Unique({ properties: ['reservationId'] })
@Index({ properties: ['customerId', 'id'] })
@Index({ properties: ['dropId', 'status'] })
export class DropDeposit extends Node {
  @Property({ type: 'uuid' }) brandId!: string;
  @Property({ type: 'uuid' }) storeId!: string;
  @Property({ type: 'uuid' }) dropId!: string;
  @Property({ type: 'uuid' }) customerId!: string;
  @Property({ type: 'uuid' }) reservationId!: string;
  @Property({ type: 'uuid' }) orderId!: string;
  @Property({ type: 'uuid' }) depositPaymentId!: string;
  @Property({ type: 'uuid', nullable: true }) balancePaymentId?: string | null;
  @Property({ type: 'integer' }) depositAmount!: number;
  @Property({ type: 'integer' }) balanceAmount!: number;
  @Enum({ items: () => CurrencyCode, nativeEnumName: 'currency_code' }) currency!: CurrencyCode;
  @Property({ type: 'timestamptz' }) balanceOpensAt!: Date;
  @Property({ type: 'timestamptz' }) balanceDueAt!: Date;
  @Enum({ items: () => UnpaidBalance, nativeEnumName: 'drop_deposit_unpaid_balance' }) unpaidBalance!: UnpaidBalance;
  @Enum({ items: () => DepositStatus, nativeEnumName: 'drop_deposit_status' }) status!: DepositStatus;
  @Property({ type: 'timestamptz', nullable: true }) paymentSettledAt?: Date | null;
}
