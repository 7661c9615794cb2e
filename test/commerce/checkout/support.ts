import { StockLocationKind } from '../../../src/catalog/entities/enums.js';
import type { ProductVariant } from '../../../src/catalog/entities/product.entity.js';
import { StockLocation, type Store } from '../../../src/catalog/entities/store.entity.js';
import { StoreCommerceSettings } from '../../../src/commerce/carts/cart.entity.js';
import { Customer } from '../../../src/commerce/customers/customer.entity.js';
import { issueToken } from '../../../src/shared/auth.js';
import type { App } from '../../../src/shared/context.js';
import { toGlobalId } from '../../../src/shared/ids.js';
import { CartCreateDocument, CartDeliveryUpdateDocument, CheckoutCompleteDocument, type CheckoutCompleteInput } from '../../generated/storefront.js';
import { CatalogFixtures } from '../../support/catalog-fixtures.js';
import { dataOf, expectOk } from '../../support/payload.js';
import type { TestServer } from '../../support/server.js';

export const STORE = 'checkout-cn';
export const ADDRESS = { address1: '1 Nanjing Rd', city: 'Shanghai', countryCode: 'CN' };
export const vid = (v: ProductVariant) => toGlobalId('ProductVariant', v.id);

type Sql = <T = Record<string, unknown>>(query: string, params?: unknown[]) => Promise<T[]>;

/** One store (warehouse + boutique, prices include 13% tax, 20.00 shipping), `count` single-variant products priced 100.00. */
export async function seedCatalog(server: Pick<TestServer, 'db'>, count: number, stock: number) {
  const em = server.db.orm.em.fork();
  const f = new CatalogFixtures(em);
  const brand = f.brand('checkout-brand', { en: 'Checkout Brand' });
  const { store, location } = f.store(STORE, [brand]);
  const boutique = em.create(StockLocation, { store, handle: `${STORE}-boutique`, name: 'Shanghai boutique', kind: StockLocationKind.BOUTIQUE });
  const products = Array.from({ length: count }, (_, i) =>
    f.product(brand, `checkout-bag-${i}`, { en: `Bag ${i}` }, { stores: [{ store, location, price: 9_900, stock }] }),
  );
  em.create(StoreCommerceSettings, { store, pricesIncludeTax: true, taxRateBasisPoints: 1300, shippingFlatAmount: 2_000, freeShippingThreshold: null });
  await f.commit();
  return { store: store as Store, warehouse: location, boutique, variants: products.map((p) => p.variants.getItems()[0]) };
}

/** Customers written directly and tokens issued as sign-in does (sign-in's password hashing would dominate a 50-customer test). */
export async function customers(app: App, n: number, prefix: string): Promise<{ id: string; token: string }[]> {
  const em = app.orm.em.fork();
  const rows = Array.from({ length: n }, (_, i) => em.create(Customer, { email: `${prefix}-${i}@example.com`, passwordHash: 'not-used' }));
  await em.flush();
  return Promise.all(rows.map(async (c) => ({ id: c.id, token: (await issueToken(app, { typ: 'customer', sub: c.id })).token })));
}

export function storefront(server: TestServer) {
  const headers = (token?: string): Record<string, string> => ({ 'x-store': STORE, ...(token ? { authorization: `Bearer ${token}` } : {}) });
  return {
    async cart(lines: { variant: ProductVariant; quantity: number }[], token?: string, buyerEmail: string | null = 'guest@example.com') {
      const res = await server.gql('storefront', CartCreateDocument, {
        input: { lines: lines.map((l) => ({ merchandiseId: vid(l.variant), quantity: l.quantity })), buyerIdentity: buyerEmail ? { email: buyerEmail } : undefined },
      }, headers(token));
      return expectOk(dataOf(res).cartCreate).cart;
    },
    async pickupAt(cartId: string, location: StockLocation, token?: string) {
      const res = await server.gql('storefront', CartDeliveryUpdateDocument, { input: { cartId, method: 'PICKUP', pickupLocationId: toGlobalId('StockLocation', location.id) } }, headers(token));
      return expectOk(dataOf(res).cartDeliveryUpdate).cart;
    },
    async checkout(input: Partial<CheckoutCompleteInput> & { cartId: string }, token?: string) {
      const full: CheckoutCompleteInput = { payment: { provider: 'test', token: 'tok_approve' }, idempotencyKey: `key-${Math.random().toString(36).slice(2)}`, shippingAddress: ADDRESS, ...input };
      const res = await server.gql('storefront', CheckoutCompleteDocument, { input: full }, headers(token));
      return dataOf(res).checkoutComplete;
    },
  };
}

/** Row counts and the stock of the store, to show that a refused or failed request wrote nothing. */
export async function snapshot(sql: Sql) {
  const count = async (table: string) => Number((await sql<{ n: string }>(`select count(*) as n from ${table}`))[0].n);
  return {
    orders: await count('sales_order'),
    payments: await count('payment'),
    checkouts: await count('checkout'),
    holds: await count('stock_hold'),
    adjustments: await count('inventory_adjustment'),
    idempotency: await count('idempotency_record'),
    levels: await sql('select variant_id, location_id, on_hand, reserved from inventory_level order by variant_id, location_id'),
    carts: await sql('select id, status from cart order by id'),
  };
}

export const sqlOf = (server: TestServer): Sql => (query, params = []) => server.db.orm.em.fork().execute(query, params) as never;
