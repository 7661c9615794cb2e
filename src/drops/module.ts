import type { App } from '../shared/context.js';
import type { DomainModule } from '../shared/module.js';
import { certificates } from './certificates/module.js';
import { deposits } from './deposits/module.js';
import { draws } from './draws/module.js';
import { DropAdminResolver } from './drop-admin.resolver.js';
import { dropAdmin } from './drop-admin.service.js';
import { CustomerReservationsResolver, DropStorefrontResolver } from './drop-storefront.resolver.js';
import { dropEntities } from './entities.js';
import { RESERVATION_EXPIRE_TASK, reservationService } from './reservation.service.js';

/** Drops (issue 12): limited editions as numbered unit rows, drops with VIP early access, reservations and their checkout. */
export const dropsModule: DomainModule = {
  name: 'drops',
  entities: [...dropEntities, ...certificates.entities, ...draws.entities, ...deposits.entities],
  storefront: [DropStorefrontResolver, CustomerReservationsResolver, ...certificates.storefront, ...draws.storefront, ...deposits.storefront],
  admin: [DropAdminResolver, ...certificates.admin, ...draws.admin, ...deposits.admin],
  nodes: { admin: { Drop: dropAdmin.node } },
  tasks: {
    ...deposits.tasks,
    ...draws.tasks,
    [RESERVATION_EXPIRE_TASK]: async (app: App, payload: unknown) => {
      await reservationService.expire(app, (payload as { reservationId: string }).reservationId, draws.afterExpiry);
    },
  },
  uniqueConstraints: { drop_release_handle_unique: { what: 'The handle', field: ['handle'] } },
};
