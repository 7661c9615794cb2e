import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { StaffUser } from '../../access/entities/staff-user.entity.js';
import { Order } from '../../commerce/orders/entities.js';
import type { Context } from '../../shared/context.js';
import { seesBrand, visibleBrandIds } from '../../shared/scope.js';

/**
 * `Order.attributedStaff` on the Admin API: the client advisor credited with a remote sale (checkout sets
 * attributedStaffId from the cart a concierge prepared). Added here, like `customer { vip }`, so the
 * orders domain does not know concierges. Batched per request; a staff member of none of the viewer's
 * brands reads as null (a Design Mall order is visible to both brands' staff).
 */
@Resolver(() => Order)
export class OrderAttributionResolver {
  @FieldResolver(() => StaffUser, { nullable: true, description: 'The concierge credited with the sale (remote selling), if any.' })
  async attributedStaff(@Root() order: Order, @Ctx() ctx: Context): Promise<StaffUser | null> {
    if (!order.attributedStaffId) return null;
    const staff = await ctx.loaders
      .get<string, StaffUser | null>('concierge.attributedStaff', async (ids) => {
        const rows = await ctx.em.find(StaffUser, { id: { $in: [...ids] } });
        return ids.map((id) => rows.find((r) => r.id === id) ?? null);
      })
      .load(order.attributedStaffId);
    if (!staff) return null;
    const visible = staff.brandIds.length ? staff.brandIds.some((b) => seesBrand(ctx.viewer, b)) : visibleBrandIds(ctx.viewer) === null;
    return visible ? staff : null;
  }
}
