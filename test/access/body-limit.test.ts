import { ENDPOINTS } from '../../src/app/server.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { bearer, staff } from './support.js';
import { StaffRole } from '../../src/shared/roles.js';
import { CustomerAccessTokenCreateDocument, CustomerCreateDocument } from '../generated/storefront.js';

let server: TestServer;
let staffHeaders: Record<string, string>;
let customerHeaders: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  staffHeaders = (await staff(server, StaffRole.PLATFORM_ADMIN, [])).headers;
  await server.gql('storefront', CustomerCreateDocument, { input: { email: 'big@example.com', password: 'a long password' } });
  const signedIn = await server.gql('storefront', CustomerAccessTokenCreateDocument, { input: { email: 'big@example.com', password: 'a long password' } });
  customerHeaders = bearer(signedIn.data!.customerAccessTokenCreate.customerAccessToken!.accessToken);
});
afterAll(() => server.close());

/** `{ __typename }` padded (in the request's extensions) to about `bytes` of JSON. */
async function post(bytes: number, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + ENDPOINTS.admin, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }', extensions: { pad: 'x'.repeat(bytes) } }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
}

describe('the Admin API reads large bodies only from staff and API keys', () => {
  test('anonymous: 60 KB is served, 100 KB is a 413 with a GraphQL-style JSON error', async () => {
    expect((await post(60_000)).body).toEqual({ data: { __typename: 'Query' } });
    const refused = await post(100_000);
    expect(refused.status).toBe(413);
    expect(refused.contentType).toMatch(/application\/json/);
    expect(refused.body.errors).toEqual([{ message: expect.stringMatching(/too large.*64kb.*credentials/i), extensions: { code: 'PAYLOAD_TOO_LARGE' } }]);
  });

  test('a staff token may send a large body (2 MB)', async () => {
    const res = await post(2_000_000, staffHeaders);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { __typename: 'Query' } });
  });

  test('a made-up token, a customer token and an unknown API key get the anonymous limit', async () => {
    for (const headers of [bearer('not-a-real-token'), customerHeaders, { 'x-api-key': 'fsk_000000000000_nope' }]) {
      const res = await post(100_000, headers);
      expect(res.status).toBe(413);
      expect(res.body.errors?.[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  test('a malformed JSON body is a 400 with a JSON error, not an HTML page', async () => {
    const res = await fetch(server.url + ENDPOINTS.admin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ errors: [{ message: expect.stringMatching(/malformed/i), extensions: { code: 'BAD_REQUEST' } }] });
  });

  test('credentials are still checked once the body is read: a bad token with a small body is UNAUTHENTICATED', async () => {
    const res = await post(10, bearer('not-a-real-token'));
    expect(res.status).toBe(401);
    expect(res.body.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
