import type { DomainModule } from '../shared/module.js';
import { concierge } from './concierge/module.js';
import { vipEntities } from './programmes/entities.js';

/**
 * VIP: programmes, tiers and perks (src/vip/programmes), and the concierge tooling (src/vip/concierge).
 * Other domains read tiers and perks through `vipService` (src/vip/programmes/vip.service.ts).
 */
export const vipModule: DomainModule = {
  name: 'vip',
  entities: [...vipEntities, ...concierge.entities],
  admin: [...concierge.admin],
  nodes: { admin: { ...concierge.nodes } },
  tasks: { ...concierge.tasks },
};
