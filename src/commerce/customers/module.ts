import type { DomainModule } from '../../shared/module.js';
import { Customer } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';

/** Customer accounts: platform-wide, one login across flagship stores. */
export const customersModule: DomainModule = {
  name: 'customers',
  entities: [Customer],
  storefront: [CustomerResolver],
  uniqueConstraints: { customer_email_unique: { what: 'The email', field: ['email'] } },
};
