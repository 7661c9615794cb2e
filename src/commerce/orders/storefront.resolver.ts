import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Store } from '../../catalog/entities/store.entity.js';
import type { Context } from '../../shared/context.js';
import { ConnectionArgs } from '../../shared/pagination.js';
import { Customer } from '../customers/customer.entity.js';
import { Order, OrderLine } from './entities.js';
import { orderLoaders } from './loaders.js';
import { orderService } from './order.service.js';
import { OrderConnection } from './types.js';

/** `customer { orders }`: added here, on the customers domain's type, so that domain does not know orders. */
@Resolver(() => Customer)
export class CustomerOrdersResolver {
  @FieldResolver(() => OrderConnection, { description: 'Orders placed with this account in any store, newest first.' })
  orders(@Root() customer: Customer, @Args() args: ConnectionArgs, @Ctx() ctx: Context) {
    return orderService.customerOrders(ctx, customer.id, args);
  }
}

@Resolver(() => Order)
export class StorefrontOrderResolver {
  @Query(() => Order, { nullable: true, description: 'One of the signed-in customer\'s orders; null for any other order or caller.' })
  order(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return orderService.ownedOrder(ctx, id);
  }

  @FieldResolver(() => [OrderLine])
  lines(@Root() order: Order, @Ctx() ctx: Context) {
    return orderLoaders.lines(ctx, order.id);
  }

  @FieldResolver(() => Store, { description: 'The store the order was placed in.' })
  store(@Root() order: Order, @Ctx() ctx: Context) {
    return orderLoaders.store(ctx, order.storeId);
  }
}
