import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Requirement } from '../shared/auth.js';
import type { Context } from '../shared/context.js';
import { toGlobalId } from '../shared/ids.js';
import { ConnectionArgs } from '../shared/pagination.js';
import { StaffRole } from '../shared/roles.js';
import { payload } from '../shared/user-errors.js';
import { dashboardLoader } from './dashboard.js';
import { dropAdmin } from './drop-admin.service.js';
import { phasesOf, statusOfView } from './drop-read.js';
import {
  DropCancelPayload, DropConnection, DropDashboard, DropCreateInput, DropIdInput, DropPayload, DropPhases, DropStats, DropStatus, DropUpdateInput, DropView,
} from './types.js';

const DropManage = () => Authorized<Requirement>(StaffRole.BRAND_ADMIN);

/** The drops Admin API: brand admins of the drop's brand (platform admins: every brand). */
@Resolver(() => DropView)
export class DropAdminResolver {
  @Query(() => DropConnection, { description: "Your brands' drops, oldest first (brandId: that brand's only)." })
  @DropManage()
  drops(@Arg('brandId', () => ID, { nullable: true }) brandId: string | null, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return dropAdmin.list(ctx, brandId, args);
  }

  @Query(() => DropView, { nullable: true, description: 'A drop of your brands, or null.' })
  @DropManage()
  drop(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return dropAdmin.get(ctx, id);
  }

  @FieldResolver(() => ID) brandId(@Root() drop: DropView) { return toGlobalId('Brand', drop.row.brandId); }
  @FieldResolver(() => ID) productId(@Root() drop: DropView) { return toGlobalId('Product', drop.row.productId); }
  @FieldResolver(() => [ID]) storeIds(@Root() drop: DropView) { return drop.row.storeIds.map((id) => toGlobalId('Store', id)); }
  @FieldResolver(() => Boolean) published(@Root() drop: DropView): boolean { return drop.row.published; }
  @FieldResolver(() => Boolean) showUnitsLeft(@Root() drop: DropView): boolean { return drop.row.showUnitsLeft; }
  @FieldResolver(() => Date, { nullable: true }) cancelledAt(@Root() drop: DropView) { return drop.row.cancelledAt ?? null; }
  @FieldResolver(() => DropPhases) phases(@Root() drop: DropView, @Ctx() ctx: Context) { return phasesOf(ctx, drop.row); }
  @FieldResolver(() => DropStatus) status(@Root() drop: DropView, @Ctx() ctx: Context) { return statusOfView(ctx, drop); }

  @FieldResolver(() => DropStats, { description: 'Units available, reserved and sold (they add up to editionSize); the same as dashboard.units.' })
  async stats(@Root() drop: DropView, @Ctx() ctx: Context): Promise<DropStats> {
    return (await dashboardLoader(ctx).load(drop.row)).units;
  }

  @FieldResolver(() => DropDashboard, { description: 'Units, draw entries, reservations and conversion, in all and per phase (one statement for a page of drops).' })
  dashboard(@Root() drop: DropView, @Ctx() ctx: Context): Promise<DropDashboard> {
    return dashboardLoader(ctx).load(drop.row);
  }

  @Mutation(() => DropPayload, { description: 'Creates the numbered edition (unitsPerVariant units per variant) and the drop, unpublished.' })
  @DropManage()
  dropCreate(@Arg('input') input: DropCreateInput, @Ctx() ctx: Context) {
    return payload(input, () => dropAdmin.create(ctx, input));
  }

  @Mutation(() => DropPayload, { description: 'Changes times, the per-customer limit (units already held are kept) or flags.' })
  @DropManage()
  dropUpdate(@Arg('input') input: DropUpdateInput, @Ctx() ctx: Context) {
    return payload(input, () => dropAdmin.update(ctx, input));
  }

  @Mutation(() => DropPayload, { description: 'Shows the drop on the storefront of its stores.' })
  @DropManage()
  dropPublish(@Arg('input') input: DropIdInput, @Ctx() ctx: Context) {
    return payload(input, () => dropAdmin.publish(ctx, input));
  }

  @Mutation(() => DropCancelPayload, { description: 'Ends the drop and releases every active reservation.' })
  @DropManage()
  dropCancel(@Arg('input') input: DropIdInput, @Ctx() ctx: Context) {
    return payload(input, () => dropAdmin.cancel(ctx, input));
  }
}
