import { IsEmail, IsOptional, Length } from 'class-validator';
import { Arg, Ctx, Field, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { signInPayload } from '../../shared/rate-limit.js';
import { payload, userErrorType } from '../../shared/user-errors.js';
import { Customer } from './customer.entity.js';
import { CustomerErrorCode, customerService } from './customer.service.js';

const CustomerUserError = userErrorType('CustomerUserError', CustomerErrorCode);

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

@Resolver()
export class CustomerResolver {
  @Query(() => Customer, { nullable: true, description: 'The signed-in customer, or null.' })
  customer(@Ctx() ctx: Context) {
    return customerService.current(ctx);
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
}
