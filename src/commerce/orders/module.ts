import type { DomainModule } from '../../shared/module.js';
import { AdminOrderPaymentsResolver } from './admin-payments.resolver.js';
import { AdminOrderResolver } from './admin.resolver.js';
import { orderEntities } from './entities.js';
import { orderAdminService } from './order-admin.service.js';
import { CustomerOrdersResolver, StorefrontOrderResolver } from './storefront.resolver.js';

/** Orders: numbered per store, line snapshots, a lifecycle on the shared state machine; created by checkout through order.service.ts. */
export const ordersModule: DomainModule = {
  name: 'orders',
  entities: orderEntities,
  storefront: [CustomerOrdersResolver, StorefrontOrderResolver],
  admin: [AdminOrderResolver, AdminOrderPaymentsResolver],
  nodes: { admin: { Order: (ctx, id) => orderAdminService.node(ctx, id) } },
  uniqueConstraints: { sales_order_store_id_number_unique: { what: 'The order number', field: ['number'] } },
};
