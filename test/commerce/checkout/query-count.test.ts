import { startTestServer, type TestServer } from '../../support/server.js';
import { seedCatalog, storefront } from './support.js';

// Real PostgreSQL and HTTP; the built-in `test` payment provider stands in for the payment network (its own books are SQL too, counted here).
let server: TestServer;
afterAll(() => server.close());

test('checkoutComplete sends the same number of SQL statements for 1, 5 and 10 lines', async () => {
  server = await startTestServer();
  const shop = storefront(server);
  const { variants } = await seedCatalog(server, 10, 1000);
  const cartOf = (n: number) => shop.cart(variants.slice(0, n).map((variant) => ({ variant, quantity: 1 })));
  expect((await shop.checkout({ cartId: (await cartOf(2)).id })).order!.status).toBe('PAID'); // the store's order counter row exists from now on
  const counts: Record<number, number> = {};
  for (const lines of [1, 5, 10]) {
    const cart = await cartOf(lines);
    const { result, queries } = await server.db.queries.measure(() => shop.checkout({ cartId: cart.id }));
    expect(result.order!.lines).toHaveLength(lines);
    counts[lines] = queries;
  }
  expect(counts[5]).toBe(counts[1]);
  expect(counts[10]).toBe(counts[1]);
  // Pinned so that a new statement is a reviewed change: step 1 (with the remote-selling attribution lookup), authorize, step 3, capture, paid, the answer.
  expect(counts[1]).toMatchInlineSnapshot(`65`);
}, 60_000);
