import type { DomainModule } from '../../shared/module.js';
import { CustomerAddressResolver } from './customer-address.resolver.js';
import { Customer, CustomerAddress, CustomerTokenRevocation } from './customer.entity.js';
import { CustomerResolver } from './customer.resolver.js';

/** Customer accounts: platform-wide, one login across flagship stores. */
export const customersModule: DomainModule = {
  name: 'customers',
  entities: [Customer, CustomerAddress, CustomerTokenRevocation],
  storefront: [CustomerResolver, CustomerAddressResolver],
  uniqueConstraints: { customer_email_unique: { what: 'The email', field: ['email'] } },
};
