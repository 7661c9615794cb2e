import type { DomainModule } from '../shared/module.js';
import { concierge } from './concierge/module.js';
import { programmes } from './programmes/module.js';

/**
 * VIP: programmes, tiers and perks (src/vip/programmes), and the concierge tooling (src/vip/concierge).
 * Other domains read tiers and perks through `vipService` (src/vip/programmes/vip.service.ts).
 */
export const vipModule: DomainModule = {
  name: 'vip',
  entities: [...programmes.entities, ...concierge.entities],
  storefront: [...programmes.storefront],
  admin: [...programmes.admin, ...concierge.admin],
  nodes: { admin: { ...programmes.nodes, ...concierge.nodes } },
  uniqueConstraints: { ...programmes.uniqueConstraints },
  tasks: { ...programmes.tasks, ...concierge.tasks },
  schedules: programmes.schedules,
};
