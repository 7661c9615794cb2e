import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Requirement } from '../../../shared/auth.js';
import type { Context } from '../../../shared/context.js';
import { StaffRole } from '../../../shared/roles.js';
import { payload } from '../../../shared/user-errors.js';
import { programmeAdmin } from './programme-admin.service.js';
import {
  VipExchangeRateSetInput, VipExchangeRateSetPayload, VipMembershipSetInput, VipMembershipSetPayload, VipProgrammeCreateInput, VipProgrammeCreatePayload,
  VipProgrammeView, VipTierCreateInput, VipTierCreatePayload, VipTierUpdateInput, VipTierUpdatePayload,
} from './types.js';

/** Brand admins manage their brands' programmes (platform admins pass every staff check); no API key scope reaches VIP. */
const VipManage = () => Authorized<Requirement>(StaffRole.BRAND_ADMIN);

/** The VIP Admin API: thin, one service call each; refusals are VipUserErrors and write nothing. */
@Resolver()
export class VipAdminResolver {
  @Query(() => [VipProgrammeView], { description: "Programmes with their tiers: your brands' and the platform's (brandId: that brand's only)." })
  @Authorized<Requirement>(StaffRole.BRAND_ADMIN, StaffRole.CONCIERGE)
  vipProgrammes(@Arg('brandId', () => ID, { nullable: true }) brandId: string | null, @Ctx() ctx: Context) {
    return programmeAdmin.programmes(ctx, brandId);
  }

  @Mutation(() => VipProgrammeCreatePayload, { description: 'A programme of one brand (its brand admins), or of the platform (brandId null: platform admins).' })
  @VipManage()
  vipProgrammeCreate(@Arg('input') input: VipProgrammeCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => programmeAdmin.programmeCreate(ctx, input));
  }

  @Mutation(() => VipTierCreatePayload, { description: 'Ranks are unique per programme; thresholds of tiers reached by spend increase with rank.' })
  @VipManage()
  vipTierCreate(@Arg('input') input: VipTierCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => programmeAdmin.tierCreate(ctx, input));
  }

  @Mutation(() => VipTierUpdatePayload, { description: 'Members keep their tier; the nightly recompute applies the new rules.' })
  @VipManage()
  vipTierUpdate(@Arg('input') input: VipTierUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => programmeAdmin.tierUpdate(ctx, input));
  }

  @Mutation(() => VipExchangeRateSetPayload, { description: 'Platform admins: the rate spend in another currency converts at from validFrom on.' })
  @Authorized(StaffRole.PLATFORM_ADMIN)
  vipExchangeRateSet(@Arg('input') input: VipExchangeRateSetInput, @Ctx() ctx: Context) {
    return payload(input, () => programmeAdmin.exchangeRateSet(ctx, input));
  }

  @Mutation(() => VipMembershipSetPayload, { description: "Sets a customer's tier by hand (reason MANUAL, your name as actor), kept until the end of the next period." })
  @VipManage()
  vipMembershipSet(@Arg('input') input: VipMembershipSetInput, @Ctx() ctx: Context) {
    return payload(input, () => programmeAdmin.membershipSet(ctx, input));
  }
}
