import type { DomainModule } from '../shared/module.js';
import { certificates } from './certificates/module.js';

/** Drops (issue 12): limited editions as numbered unit rows, drops with VIP early access, reservations and their checkout. */
export const dropsModule: DomainModule = {
  name: 'drops',
  entities: [...certificates.entities],
  storefront: [...certificates.storefront],
  admin: [...certificates.admin],
};
