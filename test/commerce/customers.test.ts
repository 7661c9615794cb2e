import { CustomerCreateDocument } from '../generated/storefront.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('parallel customerCreate with one email: one account and TAKEN userErrors, never an internal error', async () => {
  const input = { email: 'Same@Example.com', password: 'a long password' };
  const results = await Promise.all(Array.from({ length: 6 }, () => server.gql('storefront', CustomerCreateDocument, { input })));
  expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
  expect(results.filter((r) => r.data?.customerCreate.customer)).toHaveLength(1);
  const refused = results.filter((r) => !r.data?.customerCreate.customer);
  expect(refused).toHaveLength(5);
  for (const r of refused) {
    expect(r.data?.customerCreate.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: ['input', 'email'] })]);
  }
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from customer where email = 'same@example.com'`);
  expect(Number(row.n)).toBe(1);
});

test('a bad email or short password is an INVALID userError and writes nothing', async () => {
  const res = await server.gql('storefront', CustomerCreateDocument, { input: { email: 'nope', password: 'short' } });
  expect(res.data?.customerCreate.userErrors.map((e) => e.field)).toEqual([['input', 'email'], ['input', 'password']]);
  const [row] = await server.db.orm.em.fork().execute<{ n: string }[]>(`select count(*) as n from customer where email = 'nope'`);
  expect(Number(row.n)).toBe(0);
});
