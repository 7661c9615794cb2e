import type { App } from '../../shared/context.js';
import { clientService } from './client.service.js';
import { ClientResolver } from './client.resolver.js';
import { ConciergeMutationResolver } from './concierge.resolver.js';
import { conciergeEntities } from './entities.js';
import { OrderAttributionResolver } from './order-attribution.resolver.js';
import { HOLD_EXPIRE_TASK, holdService } from './hold.service.js';

/** What concierge adds to src/vip/module.ts. */
export const concierge = {
  entities: conciergeEntities,
  admin: [ClientResolver, ConciergeMutationResolver, OrderAttributionResolver],
  nodes: { Client: clientService.node },
  tasks: {
    [HOLD_EXPIRE_TASK]: async (app: App, payload: unknown) => {
      await holdService.expire(app, (payload as { holdId: string }).holdId);
    },
  },
};
