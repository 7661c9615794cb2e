import type { App } from '../../shared/context.js';
import { vipEntities } from './entities.js';
import { CustomerVipResolver } from './storefront.resolver.js';
import { recomputeAll } from './vip.service.js';

export const VIP_RECOMPUTE_TASK = 'vip_recompute';

/** What programmes and tiers add to src/vip/module.ts. */
export const programmes = {
  entities: vipEntities,
  storefront: [CustomerVipResolver],
  tasks: {
    /** Nightly (graphile-worker crontab in shared/jobs.ts), and `npm run vip:recompute`. */
    [VIP_RECOMPUTE_TASK]: async (app: App) => {
      await recomputeAll(app.orm.em.fork());
    },
  },
};
