import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../../shared/context.js';
import type { DropReservation } from '../entities.js';
import { rollOver } from './allocation.js';
import { drawEntities } from './entities.js';
import { ENTRY_DEPOSIT_TASK, entryDeposits } from './entry-deposits.js';
import { CustomerDropEntriesResolver, DrawAdminResolver, DrawStorefrontResolver, DropDrawResolver } from './resolvers.js';

/**
 * What provably fair draws add to src/drops/module.ts. `afterExpiry` (the expiry task, in its transaction):
 * an unclaimed win's entry deposit is settled per the drop's unpaidBalance, then the unit goes to the next entry.
 */
export const draws = {
  entities: drawEntities,
  storefront: [DropDrawResolver, DrawStorefrontResolver, CustomerDropEntriesResolver],
  admin: [DropDrawResolver, DrawAdminResolver],
  afterExpiry: async (tx: EntityManager, expired: DropReservation) => {
    await entryDeposits.settleLapsed(tx, expired);
    return rollOver(tx, expired);
  },
  tasks: {
    [ENTRY_DEPOSIT_TASK]: async (app: App, payload: unknown) => {
      await entryDeposits.settlePayment(app, (payload as { entryId: string }).entryId);
    },
  },
};
