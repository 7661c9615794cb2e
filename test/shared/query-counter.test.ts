import { CurrentCustomerDocument, CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  await server.gql('storefront', CustomerCreateDocument, { input: { email: 'count@example.com', password: 'a long password' } });
  const res = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email: 'count@example.com', password: 'a long password' } });
  token = res.data!.customerAccessTokenCreate.customerAccessToken!.accessToken;
});
afterAll(() => server.close());

test('a request that reads nothing sends no SQL', async () => {
  const { queries } = await server.db.queries.measure(() => server.gql('storefront', '{ __typename }'));
  expect(queries).toBe(0);
});

test('the signed-in customer costs two statements: the token check (account there, token not revoked), then the read', async () => {
  const { result, queries, statements } = await server.db.queries.measure(() =>
    server.gql('storefront', CurrentCustomerDocument, {}, { authorization: `Bearer ${token}` }),
  );
  expect(result.data?.customer?.email).toBe('count@example.com');
  expect(queries).toBe(2);
  expect(statements[0]).toMatch(/^select 1 from customer c .*customer_token_revocation/);
  expect(statements[1]).toMatch(/^select .* from "customer"/);
});

test('transaction control and raw statements are counted too', async () => {
  const { queries, statements } = await server.db.queries.measure(() =>
    server.gql('storefront', CustomerCreateDocument, { input: { email: 'count-2@example.com', password: 'a long password' } }),
  );
  expect(statements[0]).toBe('begin');
  expect(statements.at(-1)).toBe('commit');
  expect(statements.some((s) => s.startsWith('insert into "customer"'))).toBe(true);
  expect(queries).toBe(statements.length);
});
