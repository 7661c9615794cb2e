import type { App } from '../../shared/context.js';
import { DropDeposit } from './entities.js';
import { DEPOSIT_DUE_TASK, DEPOSIT_PAYMENT_TASK } from './jobs.js';
import { CustomerDepositsResolver, DepositStorefrontResolver, DropDepositTermsResolver } from './resolvers.js';
import { depositSettlement } from './settlement.js';

const depositIdOf = (payload: unknown) => (payload as { depositId: string }).depositId;

/** What deposit pre-sales add to src/drops/module.ts. */
export const deposits = {
  entities: [DropDeposit],
  storefront: [DropDepositTermsResolver, DepositStorefrontResolver, CustomerDepositsResolver],
  admin: [DropDepositTermsResolver],
  tasks: {
    [DEPOSIT_DUE_TASK]: async (app: App, payload: unknown) => {
      await depositSettlement.settleDue(app, depositIdOf(payload));
    },
    [DEPOSIT_PAYMENT_TASK]: async (app: App, payload: unknown) => {
      await depositSettlement.settlePayment(app, depositIdOf(payload));
    },
  },
};
