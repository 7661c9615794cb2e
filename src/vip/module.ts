import type { DomainModule } from '../shared/module.js';
import { vipEntities } from './programmes/entities.js';

/**
 * VIP: programmes, tiers and perks (src/vip/programmes), and the concierge tooling (src/vip/concierge).
 * Other domains read tiers and perks through `vipService` (src/vip/programmes/vip.service.ts).
 */
export const vipModule: DomainModule = {
  name: 'vip',
  entities: [...vipEntities],
};
