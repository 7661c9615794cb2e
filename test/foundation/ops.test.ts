import { adminQuery } from '../support/db.js';
import { startTestServer, type TestServer } from '../support/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('/healthz and /readyz answer 200 while the database is up', async () => {
  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: 'up' });
});

test('/metrics counts GraphQL requests by API and operation name', async () => {
  await server.gql('storefront', 'query OpsProbe { __typename }');
  await server.gql('admin', 'query OpsAdminProbe { __typename }');
  const res = await fetch(`${server.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  const body = await res.text();
  expect(body).toMatch(/^graphql_requests_total\{api="storefront",operation="OpsProbe",outcome="ok"\} 1$/m);
  expect(body).toMatch(/^graphql_requests_total\{api="admin",operation="OpsAdminProbe",outcome="ok"\} 1$/m);
  expect(body).toMatch(/^graphql_request_duration_seconds_count\{api="storefront",operation="OpsProbe"\} 1$/m);
});

// Last: it takes the database away.
test('/readyz answers 503 when the database is gone, /healthz still 200', async () => {
  await adminQuery(`drop database ${server.db.name} with (force)`);
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ status: 'unavailable', database: 'down' });
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
});

test('request logs never contain credentials', async () => {
  const { createLogger } = await import('../../src/app/observability.js');
  const lines: string[] = [];
  const logger = createLogger('info', { write: (line) => lines.push(line) });
  logger.info({ req: { headers: { authorization: 'Bearer secret-token', 'x-api-key': 'fsk_abc_def', cookie: 'a=b', host: 'shop' } } }, 'request completed');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('"host":"shop"');
  expect(lines[0]).not.toMatch(/secret-token|fsk_abc_def|a=b/);
});
