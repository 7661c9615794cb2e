import type { App } from '../../shared/context.js';
import { VipAdminResolver } from './admin/programme-admin.resolver.js';
import { programmeAdmin } from './admin/programme-admin.service.js';
import { vipEntities } from './entities.js';
import { CustomerVipResolver } from './storefront.resolver.js';
import { recomputeAll } from './vip.service.js';

export const VIP_RECOMPUTE_TASK = 'vip_recompute';

/** What programmes and tiers add to src/vip/module.ts. */
export const programmes = {
  entities: vipEntities,
  storefront: [CustomerVipResolver],
  admin: [VipAdminResolver],
  nodes: { VipProgramme: programmeAdmin.programmeNode, VipTier: programmeAdmin.tierNode },
  uniqueConstraints: {
    vip_programme_handle_unique: { what: 'The programme handle', field: ['handle'] },
    vip_tier_programme_id_rank_unique: { what: 'The rank', field: ['rank'] },
    vip_tier_programme_id_handle_unique: { what: 'The tier handle', field: ['handle'] },
    vip_exchange_rate_from_currency_to_currency_valid_from_unique: { what: 'The rate start', field: ['validFrom'] },
  },
  tasks: {
    /** Nightly (the schedule below), and `npm run vip:recompute`. */
    [VIP_RECOMPUTE_TASK]: async (app: App) => {
      await recomputeAll(app.orm.em.fork());
    },
  },
  schedules: [`0 3 * * * ${VIP_RECOMPUTE_TASK} ?jobKey=${VIP_RECOMPUTE_TASK}&jobKeyMode=preserve_run_at`],
};
