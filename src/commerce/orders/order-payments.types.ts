import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, Money } from '../../shared/money.js';
import { stateMachineErrorDescriptions } from '../../shared/state-machine.js';
import { errorCodes, userErrorType } from '../../shared/user-errors.js';
import { Order } from './entities.js';

export const OrderPaymentErrorCode = errorCodes('OrderPaymentErrorCode', {
  INVALID: 'An input field is malformed (or both or neither of lines and amount were given).',
  NOT_FOUND: 'No such order, or not one you may act on.',
  FORBIDDEN: 'The order holds lines of brands you do not manage.',
  NOTHING_TO_CAPTURE: 'The order has no authorized amount left to capture.',
  CAPTURE_EXCEEDS_AUTHORIZED: 'The amount is more than is authorized and not yet captured.',
  CAPTURE_DECLINED: 'The payment network refused the capture; the order is unchanged.',
  REFUND_EXCEEDS_CAPTURED: 'The refund is more than was captured and not yet refunded (or being refunded).',
  REFUND_DECLINED: 'The payment network refused the refund; the order is unchanged.',
  PAYMENT_DECLINED: 'The payment network refused to void or refund the payment of a cancelled order; the order is unchanged.',
  PAYMENT_UNAVAILABLE: 'The payment network could not be reached; retry (with the same idempotency key).',
  LINE_NOT_FOUND: 'The line is not one of this order.',
  QUANTITY_EXCEEDS_REFUNDABLE: 'More units than the line has left to refund.',
  OPERATION_IN_PROGRESS: 'Another capture, cancel or refund of this order is under way.',
  ...stateMachineErrorDescriptions,
});
export const OrderPaymentUserError = userErrorType('OrderPaymentUserError', OrderPaymentErrorCode);

@InputType()
export class OrderCaptureInput {
  @Field(() => ID) id!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'In the order currency; all that is authorized and not yet captured when omitted.' }) amount?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 255) idempotencyKey?: string;
}

@InputType()
export class OrderCancelInput {
  @Field(() => ID) id!: string;
  @Field() @Length(1, 500) reason!: string;
  @Field({ defaultValue: true, description: 'Put the units back on hand (at the pickup boutique, else the store\'s first stock location).' }) restock!: boolean;
}

@InputType()
export class OrderRefundLineInput {
  @Field(() => ID) lineId!: string;
  @Field(() => Int) @IsInt() @Min(1) @Max(10_000) quantity!: number;
}

@InputType()
export class OrderRefundInput {
  @Field(() => ID) id!: string;
  @Field(() => [OrderRefundLineInput], { nullable: true, description: 'Refund these units at their unit price; or give amount.' })
  @IsOptional() @ValidateNested() @ArrayMaxSize(100)
  lines?: OrderRefundLineInput[];
  @Field(() => DecimalScalar, { nullable: true, description: 'In the order currency; or give lines.' }) amount?: string;
  @Field({ defaultValue: false, description: 'Put the refunded lines\' units back on hand (lines only).' }) restock!: boolean;
  @Field() @Length(1, 500) reason!: string;
  @Field() @Length(1, 255) idempotencyKey!: string;
}

@ObjectType({ simpleResolvers: true, description: 'One call to the payment network: authorize, capture, void or refund.' })
export class OrderPaymentTransaction {
  @Field() kind!: string;
  @Field(() => Money) amount!: Money;
  @Field({ description: 'SUCCEEDED, DECLINED or FAILED (the network was unreachable).' }) status!: string;
  @Field() createdAt!: Date;
}

@ObjectType({ simpleResolvers: true, description: 'A payment of the order (the whole order, a deposit or a balance).' })
export class OrderPayment {
  @Field() status!: string;
  @Field(() => Money, { description: 'What this payment is for.' }) amount!: Money;
  @Field(() => Money) authorizedAmount!: Money;
  @Field(() => Money) capturedAmount!: Money;
  @Field(() => Money) refundedAmount!: Money;
  @Field(() => [OrderPaymentTransaction]) transactions!: OrderPaymentTransaction[];
}

@ObjectType()
export class OrderCapturePayload {
  @Field(() => Order, { nullable: true }) order?: Order;
  @Field(() => [OrderPaymentUserError]) userErrors!: InstanceType<typeof OrderPaymentUserError>[];
}

@ObjectType()
export class OrderCancelPayload {
  @Field(() => Order, { nullable: true }) order?: Order;
  @Field(() => [OrderPaymentUserError]) userErrors!: InstanceType<typeof OrderPaymentUserError>[];
}

@ObjectType()
export class OrderRefundPayload {
  @Field(() => Order, { nullable: true }) order?: Order;
  @Field(() => [OrderPaymentUserError]) userErrors!: InstanceType<typeof OrderPaymentUserError>[];
}
