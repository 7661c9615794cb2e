import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { CUSTOMER } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { payload } from '../../shared/user-errors.js';
import { customerAddressService } from './customer-address.service.js';
import {
  CustomerAddressCreateInput, CustomerAddressDeleteInput, CustomerAddressDeletePayload, CustomerAddressPayload,
  CustomerAddressUpdateInput, CustomerDefaultAddressUpdateInput, CustomerDefaultAddressUpdatePayload,
} from './customer.types.js';

/** The signed-in customer's addresses; another customer's address id is NOT_FOUND. */
@Authorized(CUSTOMER)
@Resolver()
export class CustomerAddressResolver {
  @Mutation(() => CustomerAddressPayload, { description: 'The first address becomes the default.' })
  customerAddressCreate(@Arg('input') input: CustomerAddressCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => customerAddressService.create(ctx, input.address, input.setDefault ?? false));
  }

  @Mutation(() => CustomerAddressPayload)
  customerAddressUpdate(@Arg('input') input: CustomerAddressUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => customerAddressService.update(ctx, input.id, input.address, input.setDefault ?? false));
  }

  @Mutation(() => CustomerAddressDeletePayload, { description: 'Deleting the default promotes the oldest remaining address.' })
  customerAddressDelete(@Arg('input') input: CustomerAddressDeleteInput, @Ctx() ctx: Context) {
    return payload(input, () => customerAddressService.delete(ctx, input.id));
  }

  @Mutation(() => CustomerDefaultAddressUpdatePayload)
  customerDefaultAddressUpdate(@Arg('input') input: CustomerDefaultAddressUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => customerAddressService.setDefault(ctx, input.addressId));
  }
}
