import { rollOver } from './allocation.js';
import { drawEntities } from './entities.js';
import { CustomerDropEntriesResolver, DrawAdminResolver, DrawStorefrontResolver, DropDrawResolver } from './resolvers.js';

/** What provably fair draws add to src/drops/module.ts; `afterExpiry` hands an unclaimed win to the next entry (the expiry task). */
export const draws = {
  entities: drawEntities,
  storefront: [DropDrawResolver, DrawStorefrontResolver, CustomerDropEntriesResolver],
  admin: [DropDrawResolver, DrawAdminResolver],
  afterExpiry: rollOver,
};
