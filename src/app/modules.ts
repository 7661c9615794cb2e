import type { NonEmptyArray } from 'type-graphql';
import { accessModule } from '../access/module.js';
import { catalogModule } from '../catalog/module.js';
import { cartsModule } from '../commerce/carts/module.js';
import { customersModule } from '../commerce/customers/module.js';
import { paymentsModule } from '../commerce/payments/module.js';
import { ordersModule } from '../commerce/orders/module.js';
import { checkoutModule } from '../commerce/checkout/module.js';
import { kernelModule } from '../shared/kernel.module.js';
import type { DomainModule, TaskHandler } from '../shared/module.js';
import type { NodeFetcher } from '../shared/nodes.js';
import { registerUniqueConstraints } from '../shared/transaction.js';
import { searchModule } from '../search/module.js';
import { vipModule } from '../vip/module.js';
import { dropsModule } from '../drops/module.js';
import { AdminNodeResolver, StorefrontNodeResolver } from './node.resolver.js';

/** Every domain's manifest: the composition root only concatenates them. */
export const modules: DomainModule[] = [kernelModule, accessModule, catalogModule, customersModule, cartsModule, paymentsModule, ordersModule, checkoutModule, searchModule, vipModule, dropsModule];

export const entities = modules.flatMap((m) => m.entities ?? []);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const storefrontResolvers = [StorefrontNodeResolver, ...modules.flatMap((m) => m.storefront ?? [])] as NonEmptyArray<Function>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const adminResolvers = [AdminNodeResolver, ...modules.flatMap((m) => m.admin ?? [])] as NonEmptyArray<Function>;

export const nodeFetchers: Record<'storefront' | 'admin', Record<string, NodeFetcher>> = {
  storefront: Object.assign({}, ...modules.map((m) => m.nodes?.storefront ?? {})),
  admin: Object.assign({}, ...modules.map((m) => m.nodes?.admin ?? {})),
};

export const tasks: Record<string, TaskHandler> = Object.assign({}, ...modules.map((m) => m.tasks ?? {}));

export const schedules: string[] = modules.flatMap((m) => m.schedules ?? []);

/** Hands the manifests' tables to the kernel (called by openOrm, which every process goes through). */
export function installModules(): void {
  for (const m of modules) registerUniqueConstraints(m.uniqueConstraints ?? {});
}
