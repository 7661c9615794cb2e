import { drawEntities } from './entities.js';
import { CustomerDropEntriesResolver, DrawAdminResolver, DrawStorefrontResolver, DropDrawResolver } from './resolvers.js';

/** What provably fair draws add to src/drops/module.ts. */
export const draws = {
  entities: drawEntities,
  storefront: [DropDrawResolver, DrawStorefrontResolver, CustomerDropEntriesResolver],
  admin: [DropDrawResolver, DrawAdminResolver],
};
