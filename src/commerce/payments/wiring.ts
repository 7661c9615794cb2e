import type { App } from '../../shared/context.js';
import type { PaymentProvider } from './provider.js';
import { TestPaymentProvider } from './test-provider.js';

/** The provider PAYMENT_PROVIDER names; `test` is the only one built in so far. */
export function wirePayments(app: App): PaymentProvider {
  switch (app.config.PAYMENT_PROVIDER) {
    case 'test':
      return new TestPaymentProvider(app.orm, { slowMs: app.config.TEST_PAYMENT_SLOW_MS });
  }
}
