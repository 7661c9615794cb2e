import { ArrayMaxSize, IsEmail, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProductVariant } from '../../catalog/entities/product.entity.js';
import { CurrencyCode, Money } from '../../shared/money.js';
import { Customer } from '../customers/customer.entity.js';
import { CartStatus, DeliveryMethod } from './cart.entity.js';

export const MAX_LINE_QUANTITY = 99;

export enum CartWarningCode {
  PRICE_CHANGED = 'PRICE_CHANGED',
  QUANTITY_LOWERED = 'QUANTITY_LOWERED',
  MERCHANDISE_UNAVAILABLE = 'MERCHANDISE_UNAVAILABLE',
}
registerEnumType(CartWarningCode, {
  name: 'CartWarningCode',
  valuesConfig: {
    PRICE_CHANGED: { description: 'The store price differs from the price when the line was added; the line costs the current price.' },
    QUANTITY_LOWERED: { description: 'Fewer units are left than the line holds; quantity and cost count what is left.' },
    MERCHANDISE_UNAVAILABLE: { description: 'The variant is no longer sold in this store; the line is left out of lines and cost.' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'A non-blocking problem with a cart, recomputed at every read.' })
export class CartWarning {
  @Field(() => CartWarningCode) code!: CartWarningCode;
  @Field(() => ID, { nullable: true }) lineId?: string;
  @Field() message!: string;
}

@ObjectType({ simpleResolvers: true })
export class CartLineCost {
  @Field(() => Money, { description: 'The current store price of one unit.' }) unitPrice!: Money;
  @Field(() => Money, { description: 'The unit price when the line was last added or updated.' }) unitPriceAtAdd!: Money;
  @Field(() => Money) subtotal!: Money;
}

@ObjectType({ simpleResolvers: true })
export class CartLine {
  @Field(() => ID) id!: string;
  @Field(() => ProductVariant) merchandise!: ProductVariant;
  @Field(() => Int) quantity!: number;
  @Field(() => CartLineCost) cost!: CartLineCost;
}

@ObjectType({ simpleResolvers: true, description: 'Totals in the store currency; tax is shown whether prices include it or not.' })
export class CartCost {
  @Field(() => Money) subtotal!: Money;
  @Field(() => Money) shipping!: Money;
  @Field(() => Money) tax!: Money;
  @Field(() => Money) total!: Money;
  @Field() pricesIncludeTax!: boolean;
}

@ObjectType({ simpleResolvers: true, description: "One of the store's boutiques, for click and collect." })
export class PickupLocation {
  @Field(() => ID) id!: string;
  @Field() handle!: string;
  @Field() name!: string;
}

@ObjectType({ simpleResolvers: true })
export class CartDelivery {
  @Field(() => DeliveryMethod) method!: DeliveryMethod;
  @Field(() => PickupLocation, { nullable: true }) pickupLocation?: PickupLocation | null;
}

@ObjectType({ simpleResolvers: true })
export class CartBuyerIdentity {
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => Customer, { nullable: true, description: 'The signed-in customer the cart belongs to.' }) customer?: Customer | null;
}

@ObjectType({ simpleResolvers: true, description: 'A cart in one store. Its id is a secret capability: keep it like a password.' })
export class Cart {
  @Field(() => ID) id!: string;
  /** The row's uuid, for field resolvers; not exposed. */
  cartId!: string;
  storeId!: string;
  @Field(() => CartStatus) status!: CartStatus;
  @Field(() => CurrencyCode) currencyCode!: CurrencyCode;
  @Field(() => [CartLine]) lines!: CartLine[];
  @Field(() => Int) totalQuantity!: number;
  @Field(() => CartCost) cost!: CartCost;
  @Field(() => [CartWarning]) warnings!: CartWarning[];
  @Field(() => CartDelivery) delivery!: CartDelivery;
  @Field(() => CartBuyerIdentity) buyerIdentity!: CartBuyerIdentity;
}

@InputType()
export class CartLineInput {
  @Field(() => ID, { description: 'A ProductVariant id.' }) merchandiseId!: string;
  @Field(() => Int, { defaultValue: 1 }) @Min(1) @Max(MAX_LINE_QUANTITY) quantity!: number;
}

@InputType()
export class CartLineUpdateInput {
  @Field(() => ID, { description: 'A CartLine id.' }) id!: string;
  @Field(() => Int) @Min(1) @Max(MAX_LINE_QUANTITY) quantity!: number;
}

@InputType()
export class CartBuyerIdentityInput {
  @Field({ nullable: true }) @IsOptional() @IsEmail() email?: string;
  @Field({ nullable: true }) @IsOptional() @Length(3, 40) phone?: string;
}

@InputType()
export class CartCreateInput {
  @Field(() => [CartLineInput], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @ValidateNested({ each: true })
  lines?: CartLineInput[];
  @Field(() => CartBuyerIdentityInput, { nullable: true }) @IsOptional() @ValidateNested()
  buyerIdentity?: CartBuyerIdentityInput;
}

@InputType()
export class CartLinesAddInput {
  @Field(() => ID) cartId!: string;
  @Field(() => [CartLineInput]) @ArrayMaxSize(100) @ValidateNested({ each: true }) lines!: CartLineInput[];
}

@InputType()
export class CartLinesUpdateInput {
  @Field(() => ID) cartId!: string;
  @Field(() => [CartLineUpdateInput]) @ArrayMaxSize(100) @ValidateNested({ each: true }) lines!: CartLineUpdateInput[];
}

@InputType()
export class CartLinesRemoveInput {
  @Field(() => ID) cartId!: string;
  @Field(() => [ID]) @ArrayMaxSize(100) lineIds!: string[];
}

@InputType()
export class CartBuyerIdentityUpdateInput {
  @Field(() => ID) cartId!: string;
  @Field(() => CartBuyerIdentityInput) @ValidateNested() buyerIdentity!: CartBuyerIdentityInput;
}

@InputType()
export class CartDeliveryUpdateInput {
  @Field(() => ID) cartId!: string;
  @Field(() => DeliveryMethod) method!: DeliveryMethod;
  @Field(() => ID, { nullable: true, description: 'Required for PICKUP: one of the cart\'s pickupLocations.' }) pickupLocationId?: string;
}
