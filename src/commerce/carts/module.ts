import type { DomainModule } from '../../shared/module.js';
import { cartEntities } from './cart.entity.js';
import { CartResolver } from './cart.resolver.js';
import { StoreCommerceSettingsResolver } from './commerce-settings.js';

/** Storefront carts: one store and currency each, priced at every read, shipping or boutique pickup, tax per store. */
export const cartsModule: DomainModule = {
  name: 'carts',
  entities: cartEntities,
  storefront: [CartResolver],
  admin: [StoreCommerceSettingsResolver],
  // A concurrent add of the same variant to one cart waits on the cart's row lock, so this only guards bugs.
  uniqueConstraints: { cart_line_cart_id_variant_id_unique: { what: 'A line for this variant', field: ['lines'] } },
};
