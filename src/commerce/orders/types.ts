import { Length } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { connectionType } from '../../shared/pagination.js';
import { stateMachineErrorDescriptions } from '../../shared/state-machine.js';
import { errorCodes, userErrorType } from '../../shared/user-errors.js';
import { Order, OrderStatus } from './entities.js';

export const OrderConnection = connectionType(Order, 'Order');

export const OrderErrorCode = errorCodes('OrderErrorCode', {
  INVALID: 'An input field is malformed.',
  NOT_FOUND: 'No such order, or not one you may act on.',
  FORBIDDEN: 'The order holds lines of brands you do not manage.',
  WRONG_DELIVERY_METHOD: 'The order is delivered another way (SHIPPING orders are fulfilled, PICKUP orders picked up).',
  ...stateMachineErrorDescriptions,
});
export const OrderUserError = userErrorType('OrderUserError', OrderErrorCode);

@InputType()
export class OrderFilter {
  @Field(() => ID, { nullable: true }) storeId?: string;
  @Field(() => OrderStatus, { nullable: true }) status?: OrderStatus;
  @Field(() => ID, { nullable: true, description: 'A Customer id.' }) customerId?: string;
  @Field({ nullable: true, description: 'Placed at or after.' }) createdAfter?: Date;
  @Field({ nullable: true, description: 'Placed before.' }) createdBefore?: Date;
}

@ObjectType({ simpleResolvers: true, description: 'The account that placed an order.' })
export class OrderCustomer {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true }) firstName!: string | null;
  @Field(() => String, { nullable: true }) lastName!: string | null;
}

@ObjectType({ simpleResolvers: true, description: 'One audited move of the order through its lifecycle.' })
export class OrderStatusChange {
  @Field({ description: 'The lifecycle event: pay, fulfil, pick_up, cancel, refund_partially, refund.' }) event!: string;
  @Field(() => OrderStatus) from!: OrderStatus;
  @Field(() => OrderStatus) to!: OrderStatus;
  @Field({ description: '"staff:<id>", "apiKey:<id>", "customer:<id>" or "system".' }) actor!: string;
  @Field() at!: Date;
}

@InputType()
export class OrderFulfilInput {
  @Field(() => ID) id!: string;
  @Field() @Length(1, 100) trackingNumber!: string;
  @Field() @Length(1, 100) carrier!: string;
}

@InputType()
export class OrderPickupCompleteInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class OrderFulfilPayload {
  @Field(() => Order, { nullable: true }) order?: Order;
  @Field(() => [OrderUserError]) userErrors!: InstanceType<typeof OrderUserError>[];
}

@ObjectType()
export class OrderPickupCompletePayload {
  @Field(() => Order, { nullable: true }) order?: Order;
  @Field(() => [OrderUserError]) userErrors!: InstanceType<typeof OrderUserError>[];
}
