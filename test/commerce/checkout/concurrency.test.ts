import { startTestServer, type TestServer } from '../../support/server.js';
import { customers, seedCatalog, sqlOf, storefront } from './support.js';

// Real PostgreSQL, 50 parallel HTTP requests; the built-in `test` payment provider stands in for the payment network.
let server: TestServer;
afterAll(() => server.close());

test('50 customers check out at once for a variant with 10 available: exactly 10 orders, 40 OUT_OF_STOCK, available ends at 0, never below', async () => {
  server = await startTestServer();
  const shop = storefront(server);
  const sql = sqlOf(server);
  const { variants, warehouse } = await seedCatalog(server, 1, 10);
  const [variant] = variants;
  const people = await customers(server.app, 50, 'rush');
  const carts = await Promise.all(people.map((p) => shop.cart([{ variant, quantity: 1 }], p.token, null)));
  const results = await Promise.all(carts.map((cart, i) => shop.checkout({ cartId: cart.id, idempotencyKey: `rush-${i}-key` }, people[i].token)));

  const paid = results.filter((r) => r.order?.status === 'PAID');
  const short = results.filter((r) => r.userErrors.length === 1 && r.userErrors[0].code === 'OUT_OF_STOCK');
  expect([paid.length, short.length]).toEqual([10, 40]);
  expect(await sql('select count(*)::int as n from sales_order')).toEqual([{ n: 10 }]);
  expect(await sql('select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?', [variant.id, warehouse.id])).toEqual([{ on_hand: 0, reserved: 0 }]);
  // The audit trail of every change: available after each one never went below zero.
  const trail = await sql<{ on_hand_after: number; reserved_after: number }>('select on_hand_after, reserved_after from inventory_adjustment where variant_id = ? order by id', [variant.id]);
  expect(trail.length).toBe(20); // 10 holds and 10 sales; the 40 refusals wrote nothing
  expect(trail.every((a) => a.on_hand_after - a.reserved_after >= 0 && a.reserved_after >= 0)).toBe(true);
  expect(await sql(`select count(*)::int as n from payment`)).toEqual([{ n: 10 }]);
  expect(await sql(`select count(*)::int as n from cart where status = 'COMPLETED'`)).toEqual([{ n: 10 }]);
}, 120_000);
