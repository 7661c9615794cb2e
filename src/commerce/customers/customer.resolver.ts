import { IsEmail, IsOptional, Length } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { CUSTOMER } from '../../shared/auth.js';
import type { Context } from '../../shared/context.js';
import { signInPayload } from '../../shared/rate-limit.js';
import { payload } from '../../shared/user-errors.js';
import { customerAddressService } from './customer-address.service.js';
import { Customer, CustomerAddress, CustomerSize } from './customer.entity.js';
import { customerService } from './customer.service.js';
import {
  CustomerAccessTokenDeleteInput, CustomerAccessTokenDeletePayload, CustomerUpdateInput, CustomerUpdatePayload, CustomerUserError,
} from './customer.types.js';

@InputType()
class CustomerCreateInput {
  @Field() @IsEmail() email!: string;
  @Field({ description: 'At least 8 characters.' }) @Length(8, 200) password!: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) firstName?: string;
  @Field({ nullable: true }) @IsOptional() @Length(1, 100) lastName?: string;
}

@ObjectType()
class CustomerCreatePayload {
  @Field(() => Customer, { nullable: true }) customer?: Customer;
  @Field(() => [CustomerUserError]) userErrors!: InstanceType<typeof CustomerUserError>[];
}

@InputType()
class CustomerAccessTokenCreateInput {
  @Field() @IsEmail() email!: string;
  @Field() @Length(1, 200) password!: string;
}

@ObjectType()
class CustomerAccessToken {
  @Field({ description: 'Send as "Authorization: Bearer <accessToken>".' }) accessToken!: string;
  @Field() expiresAt!: Date;
}

@ObjectType()
class CustomerAccessTokenCreatePayload {
  @Field(() => CustomerAccessToken, { nullable: true }) customerAccessToken?: CustomerAccessToken;
  @Field(() => Int, { nullable: true, description: 'With a THROTTLED userError: seconds to wait before the next attempt.' })
  retryAfterSeconds?: number | null;
  @Field(() => [CustomerUserError]) userErrors!: InstanceType<typeof CustomerUserError>[];
}

/**
 * The account's own fields. `orders` is not here: the orders domain adds it with a resolver of its own
 * on Customer (`@Resolver(() => Customer)` in src/commerce/orders), listed in that domain's module.ts.
 */
@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'The signed-in customer, or null. Accounts are platform-wide: any store\'s x-store header.' })
  customer(@Ctx() ctx: Context) {
    return customerService.current(ctx);
  }

  @FieldResolver(() => [CustomerSize], { description: 'Sizes the customer wears, one per category and system.' })
  sizes(@Root() customer: Customer): CustomerSize[] {
    return customer.sizes ?? [];
  }

  @FieldResolver(() => [CustomerAddress], { description: 'Oldest first.' })
  addresses(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customerAddressService.list(ctx, customer);
  }

  @FieldResolver(() => CustomerAddress, { nullable: true, description: 'Set whenever the customer has an address.' })
  defaultAddress(@Root() customer: Customer, @Ctx() ctx: Context) {
    return customer.defaultAddress ? ctx.em.findOne(CustomerAddress, customer.defaultAddress.id) : null;
  }

  @Mutation(() => CustomerCreatePayload)
  customerCreate(@Arg('input') input: CustomerCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => customerService.create(ctx, input));
  }

  @Mutation(() => CustomerAccessTokenCreatePayload, {
    description: 'Signs a customer in. Failed attempts are limited per email and per client address (THROTTLED, with retryAfterSeconds).',
  })
  customerAccessTokenCreate(@Arg('input') input: CustomerAccessTokenCreateInput, @Ctx() ctx: Context) {
    return signInPayload(input, () => customerService.signIn(ctx, input.email, input.password));
  }

  @Mutation(() => CustomerAccessTokenDeletePayload, {
    description: 'Signs out: the token is refused from now on (UNAUTHENTICATED). A bad, expired or already revoked token is UNAUTHENTICATED.',
  })
  customerAccessTokenDelete(@Arg('input') input: CustomerAccessTokenDeleteInput, @Ctx() ctx: Context) {
    return payload(input, () => customerService.revokeToken(ctx, input.accessToken));
  }

  @Authorized(CUSTOMER)
  @Mutation(() => CustomerUpdatePayload, { description: 'Changes the signed-in customer\'s name, phone, preferred locale and sizes.' })
  customerUpdate(@Arg('input') input: CustomerUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => customerService.update(ctx, input));
  }
}
