import type { DomainModule } from '../../shared/module.js';
import { Payment, PaymentTransaction } from './payment.entity.js';
import { TestPaymentAuthorization, TestPaymentLedgerEntry } from './test-provider.entity.js';

/** Payments: our records of every provider call, and the built-in test provider's own books. No API of its own: checkout and orders call payment.service.ts. */
export const paymentsModule: DomainModule = {
  name: 'payments',
  entities: [Payment, PaymentTransaction, TestPaymentLedgerEntry, TestPaymentAuthorization],
};
