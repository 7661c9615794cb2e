import { IsEmail, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { errorCodes, userErrorType } from '../../shared/user-errors.js';
import { Order } from '../orders/entities.js';

export const CheckoutErrorCode = errorCodes('CheckoutErrorCode', {
  INVALID: 'An input field is malformed, or the payment provider is not one this server uses.',
  CART_NOT_FOUND: 'No cart with this id is open to you in this store.',
  CART_EMPTY: 'The cart has no lines to buy.',
  CART_COMPLETED: 'The cart was already checked out.',
  CHECKOUT_IN_PROGRESS: 'Another checkout of this cart (another idempotency key) is still running; retry its key, or this one once it ends.',
  CHECKOUT_EXPIRED: 'The checkout took longer than its stock hold and was released; check out again with a new key.',
  MERCHANDISE_UNAVAILABLE: 'A line is no longer sold in this store (one error per line).',
  OUT_OF_STOCK: 'Fewer units are left than a line holds (one error per line, naming it).',
  DELIVERY_REQUIRED: 'Shipping needs an address (input.shippingAddress or a default address), pickup a boutique still open.',
  EMAIL_REQUIRED: 'A guest checkout needs an email (input.email or the cart buyer identity).',
  PAYMENT_DECLINED: 'The payment network refused the payment; nothing was charged or held.',
  PAYMENT_UNAVAILABLE: 'The payment provider could not be reached; nothing was held. Retry with a new key.',
});
export const CheckoutUserError = userErrorType('CheckoutUserError', CheckoutErrorCode);

@InputType()
export class CheckoutPaymentInput {
  @Field({ description: 'The payment provider, e.g. "test".' }) @Length(1, 32) provider!: string;
  @Field({ description: 'The client-side card or wallet token from the provider (never a card number).' }) @Length(1, 200) token!: string;
}

@InputType({ description: 'Where a SHIPPING order goes.' })
export class CheckoutAddressInput {
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) firstName?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) lastName?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) company?: string;
  @Field() @Length(1, 200) address1!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 200) address2?: string;
  @Field() @Length(1, 100) city!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) province?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 20) zip?: string;
  @Field({ description: 'ISO 3166-1 alpha-2, e.g. "CN".' }) @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be two upper-case letters (ISO 3166-1 alpha-2)' }) countryCode!: string;
  @Field({ nullable: true }) @IsOptional() @Length(3, 20) phone?: string;
}

@InputType()
export class CheckoutCompleteInput {
  @Field(() => ID) cartId!: string;
  @Field(() => CheckoutPaymentInput) @ValidateNested() payment!: CheckoutPaymentInput;
  @Field({ description: 'Any unique string per attempt (a UUID): retries with it return the first result and never charge twice.' })
  @Length(8, 200)
  idempotencyKey!: string;
  @Field({ nullable: true, description: 'For guests: where the confirmation goes (else the cart buyer identity email).' }) @IsOptional() @IsEmail() email?: string;
  @Field(() => CheckoutAddressInput, { nullable: true, description: "For SHIPPING carts; a signed-in customer's default address otherwise." })
  @IsOptional()
  @ValidateNested()
  shippingAddress?: CheckoutAddressInput;
}

@ObjectType({ description: 'The order placed, or userErrors and nothing charged or held.' })
export class CheckoutCompletePayload {
  @Field(() => Order, { nullable: true, description: 'PAID once captured; PENDING_PAYMENT when the capture failed (the authorization is kept for staff to capture or cancel).' })
  order?: Order | null;
  @Field(() => [CheckoutUserError]) userErrors!: InstanceType<typeof CheckoutUserError>[];
}
