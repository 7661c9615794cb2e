import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Store } from '../../catalog/entities/store.entity.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { ConnectionArgs } from '../../shared/pagination.js';
import { seesBrand } from '../../shared/scope.js';
import { payload } from '../../shared/user-errors.js';
import { OrderRead, OrderWrite } from './auth.js';
import { Order, OrderLine, OrderStatus } from './entities.js';
import { orderLoaders } from './loaders.js';
import { orderAdminService } from './order-admin.service.js';
import {
  OrderConnection, OrderCustomer, OrderFilter, OrderFulfilInput, OrderFulfilPayload, OrderPickupCompleteInput, OrderPickupCompletePayload, OrderStatusChange,
} from './types.js';

/** Orders on the Admin API, scoped to the viewer's brands (see order-admin.service.ts). */
@Resolver(() => Order)
export class AdminOrderResolver {
  @Query(() => OrderConnection, { description: 'Orders with a line of one of your brands (all for platform admins), newest first.' })
  @OrderRead()
  orders(@Args() args: ConnectionArgs, @Ctx() ctx: Context, @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter) {
    return orderAdminService.list(ctx, filter, args);
  }

  @Query(() => Order, { nullable: true, description: 'An order with a line of one of your brands, or null.' })
  @OrderRead()
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orderAdminService.get(ctx, id);
  }

  @Mutation(() => OrderFulfilPayload, { description: 'Ships a PAID SHIPPING order (PAID -> FULFILLED) with its tracking. Brand admins of every brand in the order.' })
  @OrderWrite()
  orderFulfil(@Arg('input') input: OrderFulfilInput, @Ctx() ctx: Context) {
    return payload(input, () => orderAdminService.fulfil(ctx, input));
  }

  @Mutation(() => OrderPickupCompletePayload, { description: 'Hands a PAID PICKUP order over at the boutique (PAID -> PICKED_UP).' })
  @OrderWrite()
  orderPickupComplete(@Arg('input') input: OrderPickupCompleteInput, @Ctx() ctx: Context) {
    return payload(input, () => orderAdminService.pickupComplete(ctx, input));
  }

  @FieldResolver(() => [OrderLine], { description: 'Lines of your brands only: in a multi-brand store, other brands\' lines are left out (the cost stays the whole order\'s).' })
  async lines(@Root() order: Order, @Ctx() ctx: Context) {
    return (await orderLoaders.lines(ctx, order.id)).filter((line) => seesBrand(ctx.viewer, line.brandId));
  }

  @FieldResolver(() => Store)
  store(@Root() order: Order, @Ctx() ctx: Context) {
    return orderLoaders.store(ctx, order.storeId);
  }

  @FieldResolver(() => OrderCustomer, { nullable: true, description: 'Null for a guest order.' })
  async customer(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderCustomer | null> {
    const customer = order.customerId ? await orderLoaders.customer(ctx, order.customerId) : null;
    if (!customer) return null;
    return { id: toGlobalId('Customer', customer.id), email: customer.email, firstName: customer.firstName ?? null, lastName: customer.lastName ?? null };
  }

  @FieldResolver(() => [OrderStatusChange], { description: 'Every status change, oldest first, with who made it.' })
  async statusHistory(@Root() order: Order, @Ctx() ctx: Context): Promise<OrderStatusChange[]> {
    const rows = await orderLoaders.history(ctx, order.id);
    return rows.map((t) => ({ event: t.event, from: t.fromState as OrderStatus, to: t.toState as OrderStatus, actor: t.actor, at: t.createdAt }));
  }
}
