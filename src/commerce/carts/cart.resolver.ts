import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload, userErrorType } from '../../shared/user-errors.js';
import { CartErrorCode, cartService } from './cart.service.js';
import {
  Cart,
  CartBuyerIdentityUpdateInput,
  CartCreateInput,
  CartDeliveryUpdateInput,
  CartLinesAddInput,
  CartLinesRemoveInput,
  CartLinesUpdateInput,
  PickupLocation,
} from './types.js';

const CartUserError = userErrorType('CartUserError', CartErrorCode);

@ObjectType({ description: 'The cart after the change, or userErrors and nothing written.' })
class CartPayload {
  @Field(() => Cart, { nullable: true }) cart?: Cart;
  @Field(() => [CartUserError]) userErrors!: InstanceType<typeof CartUserError>[];
}

@Resolver(() => Cart)
export class CartResolver {
  @Query(() => Cart, { nullable: true, description: 'The cart with this id in the x-store store; null for an unknown or guessed id, or a cart of another customer.' })
  cart(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return cartService.find(ctx, id);
  }

  @FieldResolver(() => [PickupLocation], { description: "The store's boutiques this cart can be collected from." })
  pickupLocations(@Root() cart: Cart, @Ctx() ctx: Context) {
    return cartService.pickupLocations(ctx, cart.storeId);
  }

  @Mutation(() => CartPayload, { description: 'A new cart in the x-store store; signed in, it is the customer\'s.' })
  cartCreate(@Arg('input', () => CartCreateInput, { nullable: true }) input: CartCreateInput | null, @Ctx() ctx: Context) {
    return payload(input, () => cartService.create(ctx, input ?? {}));
  }

  @Mutation(() => CartPayload)
  cartLinesAdd(@Arg('input') input: CartLinesAddInput, @Ctx() ctx: Context) {
    return payload(input, () => cartService.linesAdd(ctx, input));
  }

  @Mutation(() => CartPayload)
  cartLinesUpdate(@Arg('input') input: CartLinesUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => cartService.linesUpdate(ctx, input));
  }

  @Mutation(() => CartPayload)
  cartLinesRemove(@Arg('input') input: CartLinesRemoveInput, @Ctx() ctx: Context) {
    return payload(input, () => cartService.linesRemove(ctx, input));
  }

  @Mutation(() => CartPayload)
  cartBuyerIdentityUpdate(@Arg('input') input: CartBuyerIdentityUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => cartService.buyerIdentityUpdate(ctx, input));
  }

  @Mutation(() => CartPayload, { description: 'SHIPPING, or PICKUP at one of pickupLocations (every line must be in stock there).' })
  cartDeliveryUpdate(@Arg('input') input: CartDeliveryUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => cartService.deliveryUpdate(ctx, input));
  }
}
