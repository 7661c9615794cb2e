import {
  ArrayMaxSize, IsISO31661Alpha2, IsOptional, IsPhoneNumber, Length, Matches, ValidateNested,
  ValidatorConstraint, Validate, type ValidatorConstraintInterface,
} from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { userErrorType } from '../../shared/user-errors.js';
import { Customer, CustomerAddress, CustomerSize } from './customer.entity.js';
import { MAX_ADDRESSES } from './customer-address.service.js';
import { CustomerErrorCode, MAX_SIZES } from './customer.service.js';

export const CustomerUserError = userErrorType('CustomerUserError', CustomerErrorCode);
type CustomerUserErrors = InstanceType<typeof CustomerUserError>[];

const E164 = /^\+[1-9]\d{6,14}$/;

@ValidatorConstraint({ name: 'isLanguageTag' })
class IsLanguageTag implements ValidatorConstraintInterface {
  validate(value: unknown) {
    try {
      return typeof value === 'string' && value.length <= 35 && Intl.getCanonicalLocales(value).length === 1;
    } catch {
      return false;
    }
  }
  defaultMessage() {
    return 'preferredLocale must be a BCP 47 language tag, e.g. "zh-CN" or "en"';
  }
}

/** Phone numbers in E.164 ("+8613800138000") that libphonenumber (through class-validator) also accepts as real. */
function phoneRules() {
  return [
    IsOptional(),
    Matches(E164, { message: 'phone must be in E.164 format, e.g. "+8613800138000"' }),
    IsPhoneNumber(undefined, { message: 'phone is not a valid phone number' }),
  ];
}
const applyAll = (decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));
const Phone = () => applyAll(phoneRules());

@InputType({ description: 'Omitted fields stay as they are; null clears a field.' })
export class CustomerUpdateInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) lastName?: string | null;
  @Field(() => String, { nullable: true, description: 'E.164.' }) @Phone() phone?: string | null;
  @Field(() => String, { nullable: true, description: 'BCP 47, stored in canonical form ("zh-cn" becomes "zh-CN").' })
  @IsOptional() @Validate(IsLanguageTag) preferredLocale?: string | null;
  @Field(() => [CustomerSize], { nullable: true, description: `Replaces the sizes; at most ${MAX_SIZES}, one per category and system.` })
  @IsOptional() @ArrayMaxSize(MAX_SIZES) @ValidateNested({ each: true }) sizes?: CustomerSize[] | null;
}

@ObjectType()
export class CustomerUpdatePayload {
  @Field(() => Customer, { nullable: true }) customer?: Customer;
  @Field(() => [CustomerUserError]) userErrors!: CustomerUserErrors;
}

@InputType()
export class CustomerAccessTokenDeleteInput {
  @Field({ description: 'The token to revoke; it is its own credential, so no Authorization header is needed.' })
  @Length(1, 4096) accessToken!: string;
}

@ObjectType()
export class CustomerAccessTokenDeletePayload {
  @Field(() => String, { nullable: true }) deletedAccessToken?: string;
  @Field(() => [CustomerUserError]) userErrors!: CustomerUserErrors;
}

/** The address fields, shared by create (address1, city and countryCode required) and update (all optional). */
@InputType()
export class CustomerAddressInput {
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) firstName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) lastName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) company?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) address1?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 200) address2?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) city?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 100) province?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Length(1, 20) zip?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 ("CN", "it").' })
  @IsOptional() @IsISO31661Alpha2({ message: 'countryCode must be an ISO 3166-1 alpha-2 code, e.g. "CN"' }) countryCode?: string | null;
  @Field(() => String, { nullable: true, description: 'E.164.' }) @Phone() phone?: string | null;
}

@InputType({ description: `At most ${MAX_ADDRESSES} addresses per customer.` })
export class CustomerAddressCreateInput {
  @Field(() => CustomerAddressInput) @ValidateNested() address!: CustomerAddressInput;
  @Field({ nullable: true, description: 'Make it the default address (the first address always is).' })
  @IsOptional() setDefault?: boolean;
}

@InputType()
export class CustomerAddressUpdateInput {
  @Field(() => ID) id!: string;
  @Field(() => CustomerAddressInput, { description: 'Omitted fields stay as they are; null clears an optional field.' })
  @ValidateNested() address!: CustomerAddressInput;
  @Field({ nullable: true, description: 'Make it the default address.' }) @IsOptional() setDefault?: boolean;
}

@InputType()
export class CustomerAddressDeleteInput {
  @Field(() => ID) id!: string;
}

@InputType()
export class CustomerDefaultAddressUpdateInput {
  @Field(() => ID) addressId!: string;
}

@ObjectType()
export class CustomerAddressPayload {
  @Field(() => CustomerAddress, { nullable: true }) customerAddress?: CustomerAddress;
  @Field(() => Customer, { nullable: true }) customer?: Customer;
  @Field(() => [CustomerUserError]) userErrors!: CustomerUserErrors;
}

@ObjectType()
export class CustomerAddressDeletePayload {
  @Field(() => ID, { nullable: true }) deletedCustomerAddressId?: string;
  @Field(() => Customer, { nullable: true }) customer?: Customer;
  @Field(() => [CustomerUserError]) userErrors!: CustomerUserErrors;
}

@ObjectType()
export class CustomerDefaultAddressUpdatePayload {
  @Field(() => Customer, { nullable: true }) customer?: Customer;
  @Field(() => [CustomerUserError]) userErrors!: CustomerUserErrors;
}
