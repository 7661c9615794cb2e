import type { DomainModule } from '../../shared/module.js';
import { checkoutEntities } from './checkout.entity.js';
import { CheckoutResolver } from './checkout.resolver.js';
import { recoverCheckouts } from './recovery.js';

/** Checkout: cart to order in three steps (hold, authorize outside any transaction, order or release), with a recovery job for crashes between them. */
export const checkoutModule: DomainModule = {
  name: 'checkout',
  entities: checkoutEntities,
  storefront: [CheckoutResolver],
  tasks: {
    checkout_recovery: async (app) => {
      await recoverCheckouts(app);
    },
  },
  schedules: ['* * * * * checkout_recovery ?jobKey=checkout_recovery&jobKeyMode=preserve_run_at'],
};
