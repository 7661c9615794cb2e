import { Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CheckoutPaymentInput } from '../../commerce/checkout/types.js';
import { Order } from '../../commerce/orders/entities.js';
import { toGlobalId } from '../../shared/ids.js';
import { Money } from '../../shared/money.js';
import { payloadType } from '../../shared/payload-type.js';
import type { DropView } from '../types.js';
import { DepositStatus, type DropDeposit } from './entities.js';
import { DepositUserError } from './errors.js';

registerEnumType(DepositStatus, {
  name: 'DropDepositStatus',
  valuesConfig: {
    AWAITING_BALANCE: { description: 'The deposit is paid; pay the balance with depositPayBalance between balanceOpensAt and balanceDueAt.' },
    BALANCE_PAID: { description: 'Paid in full: the units are sold, with their certificates.' },
    FORFEITED: { description: 'The balance was not paid in time; the deposit was kept and the units went back on sale.' },
    REFUNDED: { description: 'The balance was not paid in time; the deposit was refunded and the units went back on sale.' },
    VOIDED: { description: 'The drop was cancelled; the deposit is given back.' },
  },
});

@ObjectType('DropDeposit', { description: 'A reservation checked out with a deposit: its order waits for the balance.' })
export class DropDepositView {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => Money, { description: 'Charged at reservationCheckout.' }) deposit!: Money;
  @Field(() => Money, { description: 'What depositPayBalance charges.' }) balance!: Money;
  @Field() balanceOpensAt!: Date;
  @Field() balanceDueAt!: Date;
  @Field(() => DepositStatus) status!: DepositStatus;
  row!: DropDeposit;
  /** The drop, when the list loaded it for every deposit at once. */
  drop?: DropView;
}

export const depositView = (d: DropDeposit): DropDepositView => Object.assign(new DropDepositView(), {
  id: toGlobalId('DropDeposit', d.id), orderId: toGlobalId('Order', d.orderId), deposit: Money.of(d.depositAmount, d.currency), balance: Money.of(d.balanceAmount, d.currency),
  balanceOpensAt: d.balanceOpensAt, balanceDueAt: d.balanceDueAt, status: d.status, row: d,
});

@InputType('DepositPayBalanceInput')
export class DepositPayBalanceInputType {
  @Field(() => ID) depositId!: string;
  @Field(() => CheckoutPaymentInput) @ValidateNested() payment!: CheckoutPaymentInput;
  @Field({ description: 'Any unique string per attempt: retries with it return the first result and never charge twice.' }) @Length(8, 200) idempotencyKey!: string;
}
export const DepositPayBalancePayload = payloadType('DepositPayBalancePayload', DepositUserError, { deposit: () => DropDepositView, order: () => Order });
