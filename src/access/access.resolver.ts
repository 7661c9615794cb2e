import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { decodeGlobalId } from '../shared/ids.js';
import { signInPayload } from '../shared/rate-limit.js';
import { payload } from '../shared/user-errors.js';
import { accessService } from './access.service.js';
import { GRANTABLE_SCOPES_DESCRIPTION } from './grants.js';
import { StaffUser } from './entities/staff-user.entity.js';
import { StaffRole } from '../shared/roles.js';
import {
  ApiKeyCreateInput,
  ApiKeyCreatePayload,
  ApiKeyRevokeInput,
  ApiKeyRevokePayload,
  StaffLoginInput,
  StaffLoginPayload,
  StaffUserCreateInput,
  StaffUserCreatePayload,
} from './types/access.types.js';

const brandIds = (ids: string[]) => ids.map((id) => decodeGlobalId(id, 'Brand', ['input', 'brandIds']).id);

@Resolver()
export class AccessResolver {
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff user; null for API keys.' })
  @Authorized()
  staffMe(@Ctx() ctx: Context) {
    return accessService.staffUser(ctx);
  }

  @Mutation(() => StaffLoginPayload, {
    description: 'Signs staff in. Failed attempts are limited per email and per client address (THROTTLED, with retryAfterSeconds).',
  })
  staffLogin(@Arg('input') input: StaffLoginInput, @Ctx() ctx: Context) {
    return signInPayload(input, () => accessService.staffLogin(ctx, input.email, input.password));
  }

  @Mutation(() => StaffUserCreatePayload, {
    description: 'PLATFORM_ADMIN creates any staff; BRAND_ADMIN creates CONCIERGE staff of its own brands. Anything else is FORBIDDEN.',
  })
  @Authorized(StaffRole.BRAND_ADMIN)
  staffUserCreate(@Arg('input') input: StaffUserCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.staffUserCreate(ctx, { ...input, brandIds: brandIds(input.brandIds) }));
  }

  @Mutation(() => ApiKeyCreatePayload, {
    description:
      'A key never holds more than its creator. Scopes each role may grant: ' +
      `${GRANTABLE_SCOPES_DESCRIPTION}. Brands: only those the creator manages; no brands (every brand) only for a PLATFORM_ADMIN. ` +
      'Anything else is FORBIDDEN and writes nothing.',
  })
  @Authorized(StaffRole.BRAND_ADMIN)
  apiKeyCreate(@Arg('input') input: ApiKeyCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.apiKeyCreate(ctx, { ...input, brandIds: brandIds(input.brandIds) }));
  }

  @Mutation(() => ApiKeyRevokePayload, {
    description: 'Needs rights over every brand the key covers; a key without brands covers all, so only a PLATFORM_ADMIN revokes it (FORBIDDEN otherwise).',
  })
  @Authorized(StaffRole.BRAND_ADMIN)
  apiKeyRevoke(@Arg('input') input: ApiKeyRevokeInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.apiKeyRevoke(ctx, decodeGlobalId(input.id, 'ApiKey', ['input', 'id']).id));
  }
}
