import { v7 as uuidv7 } from 'uuid';
import { DeliveryMethod } from '../../../src/commerce/carts/cart.entity.js';
import type { DeliverySnapshot } from '../../../src/commerce/orders/entities.js';
import { orderService, type CreateOrderInput } from '../../../src/commerce/orders/order.service.js';
import { CurrencyCode } from '../../../src/shared/money.js';
import type { TestServer } from '../../support/server.js';

export const SHIPPING: DeliverySnapshot = { method: DeliveryMethod.SHIPPING, address: { address1: '1 Nanjing Rd', city: 'Shanghai', countryCode: 'CN' } };
export const pickupAt = (locationId: string): DeliverySnapshot => ({ method: DeliveryMethod.PICKUP, locationId, locationName: 'Shanghai boutique' });

/** One line per brand given: 2 x 1,000.00 CNY each. */
export function orderInput(storeId: string, brandIds: string[], opts: Partial<CreateOrderInput> = {}): CreateOrderInput {
  const lines = brandIds.map((brandId, i) => ({
    variantId: uuidv7(), productId: uuidv7(), brandId, title: `Bag ${i}`, sku: `BAG-${i}`,
    options: [{ name: 'Colour', value: 'Black' }], unitPrice: 1000_00, quantity: 2, imageUrl: `https://img.example.com/${i}.jpg`,
  }));
  const subtotal = lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
  return {
    storeId, customerId: null, email: 'guest@example.com', currency: CurrencyCode.CNY, lines,
    totals: { subtotal, shipping: 20_00, tax: 0, total: subtotal + 20_00 }, delivery: SHIPPING, status: 'PAID', ...opts,
  };
}

/** Creates an order as checkout will: through the service, in a transaction of its own. */
export function createOrder(server: TestServer, input: CreateOrderInput) {
  return server.db.orm.em.fork().transactional((tx) => orderService.createOrder(tx, input));
}
