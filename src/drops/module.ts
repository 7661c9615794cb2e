import type { App } from '../shared/context.js';
import type { DomainModule } from '../shared/module.js';
import { certificates } from './certificates/module.js';
import { deposits } from './deposits/module.js';
import { draws } from './draws/module.js';
import { DropAdminResolver } from './drop-admin.resolver.js';
import { dropAdmin } from './drop-admin.service.js';
import { CustomerReservationsResolver, DropStorefrontResolver } from './drop-storefront.resolver.js';
import { dropEntities } from './entities.js';
import { RESERVATION_SWEEP_TASK, sweepExpiredReservations } from './expiry-sweep.js';
import { RESERVATION_EXPIRE_TASK, reservationService } from './reservation.service.js';

/** Ends one reservation if it is due: units and allocation back once; an unclaimed draw win rolls to the next entry. */
const expireOne = (app: App) => (reservationId: string) => reservationService.expire(app, reservationId, draws.afterExpiry);

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
      await expireOne(app)((payload as { reservationId: string }).reservationId);
    },
    [RESERVATION_SWEEP_TASK]: async (app: App) => {
      await sweepExpiredReservations(app, expireOne(app));
    },
  },
  schedules: [`* * * * * ${RESERVATION_SWEEP_TASK} ?jobKey=${RESERVATION_SWEEP_TASK}&jobKeyMode=preserve_run_at`],
  uniqueConstraints: { drop_release_handle_unique: { what: 'The handle', field: ['handle'] } },
};
