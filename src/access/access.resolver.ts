import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../shared/context.js';
import { decodeGlobalId } from '../shared/ids.js';
import { payload } from '../shared/user-errors.js';
import { accessService } from './access.service.js';
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

  @Mutation(() => StaffLoginPayload)
  staffLogin(@Arg('input') input: StaffLoginInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.staffLogin(ctx, input.email, input.password));
  }

  @Mutation(() => StaffUserCreatePayload)
  @Authorized(StaffRole.BRAND_ADMIN)
  staffUserCreate(@Arg('input') input: StaffUserCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.staffUserCreate(ctx, { ...input, brandIds: brandIds(input.brandIds) }));
  }

  @Mutation(() => ApiKeyCreatePayload)
  @Authorized(StaffRole.BRAND_ADMIN)
  apiKeyCreate(@Arg('input') input: ApiKeyCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.apiKeyCreate(ctx, { ...input, brandIds: brandIds(input.brandIds) }));
  }

  @Mutation(() => ApiKeyRevokePayload)
  @Authorized(StaffRole.BRAND_ADMIN)
  apiKeyRevoke(@Arg('input') input: ApiKeyRevokeInput, @Ctx() ctx: Context) {
    return payload(input, () => accessService.apiKeyRevoke(ctx, decodeGlobalId(input.id, 'ApiKey', ['input', 'id']).id));
  }
}
