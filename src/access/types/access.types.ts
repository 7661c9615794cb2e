import { ArrayMaxSize, ArrayMinSize, IsEmail, IsEnum, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { userErrorType } from '../../shared/user-errors.js';
import { AccessErrorCode } from '../access.service.js';
import { ApiKey } from '../entities/api-key.entity.js';
import { StaffUser } from '../entities/staff-user.entity.js';
import { ApiScope, StaffRole } from '../../shared/roles.js';

export const AccessUserError = userErrorType('AccessUserError', AccessErrorCode);

@InputType()
export class StaffLoginInput {
  @Field() @IsEmail() email!: string;
  @Field() @Length(1, 200) password!: string;
}

@ObjectType()
export class StaffLoginPayload {
  @Field({ nullable: true, description: 'Send as "Authorization: Bearer <accessToken>" to the Admin API.' })
  accessToken?: string;
  @Field({ nullable: true }) expiresAt?: Date;
  @Field(() => StaffUser, { nullable: true }) staffUser?: StaffUser;
  @Field(() => Int, { nullable: true, description: 'With a THROTTLED userError: seconds to wait before the next attempt.' })
  retryAfterSeconds?: number | null;
  @Field(() => [AccessUserError]) userErrors!: InstanceType<typeof AccessUserError>[];
}

@InputType()
export class StaffUserCreateInput {
  @Field() @IsEmail() email!: string;
  @Field({ description: 'At least 12 characters.' }) @Length(12, 200) password!: string;
  @Field(() => StaffRole) @IsEnum(StaffRole) role!: StaffRole;
  @Field(() => [ID], { defaultValue: [], description: 'Brands the user acts on (not for PLATFORM_ADMIN).' })
  @ArrayMaxSize(100)
  brandIds!: string[];
}

@ObjectType()
export class StaffUserCreatePayload {
  @Field(() => StaffUser, { nullable: true }) staffUser?: StaffUser;
  @Field(() => [AccessUserError]) userErrors!: InstanceType<typeof AccessUserError>[];
}

@InputType()
export class ApiKeyCreateInput {
  @Field() @Length(1, 120) name!: string;
  @Field(() => [ApiScope], { description: 'At least one; only scopes the creator\'s role may grant (see apiKeyCreate).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  scopes!: ApiScope[];
  @Field(() => [ID], { defaultValue: [], description: 'Brands the key acts on; empty means all (platform admins only).' })
  @ArrayMaxSize(100)
  brandIds!: string[];
}

@ObjectType()
export class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true }) apiKey?: ApiKey;
  @Field({ nullable: true, description: 'The full key. Shown only in this response: store it now.' })
  secret?: string;
  @Field(() => [AccessUserError]) userErrors!: InstanceType<typeof AccessUserError>[];
}

@InputType()
export class ApiKeyRevokeInput {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class ApiKeyRevokePayload {
  @Field(() => ApiKey, { nullable: true }) apiKey?: ApiKey;
  @Field(() => [AccessUserError]) userErrors!: InstanceType<typeof AccessUserError>[];
}
