import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { checkoutService } from './checkout.service.js';
import { CheckoutCompleteInput, CheckoutCompletePayload } from './types.js';

@Resolver()
export class CheckoutResolver {
  @Mutation(() => CheckoutCompletePayload, {
    description:
      'Buys the cart: holds its stock, authorizes and captures the payment, and places the order. The same idempotencyKey returns the first result and never charges twice; a declined payment leaves the cart open for a new key.',
  })
  checkoutComplete(@Arg('input') input: CheckoutCompleteInput, @Ctx() ctx: Context) {
    return payload(input, () => checkoutService.complete(ctx, input));
  }
}
