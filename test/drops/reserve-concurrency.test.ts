import { createHttpApp, ENDPOINTS, type HttpApp } from '../../src/app/server.js';
import { createLogger } from '../../src/app/observability.js';
import { openOrm } from '../../src/app/orm.config.js';
import { loadConfig } from '../../src/shared/config.js';
import type { App } from '../../src/shared/context.js';
import { decodeGlobalId } from '../../src/shared/ids.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, RESERVE, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Reliability of dropReserve under real parallel HTTP requests on real PostgreSQL (issue 12): units are
 * rows claimed with FOR UPDATE SKIP LOCKED, the per-customer limit is a guarded upsert, both in
 * PostgreSQL, so one server or two on the same database give the same exact outcome.
 */
let server: TestServer;
let w: DropWorld;
let second: { url: string; close(): Promise<void> };

/** A second server process on the same database: its own ORM and pool. */
async function secondInstance(): Promise<typeof second> {
  const orm = await openOrm(server.db.url, 16);
  const app: App = { config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: server.db.url }), orm, logger: createLogger('silent'), ports: {} };
  const http: HttpApp = await createHttpApp(app);
  const url = `http://127.0.0.1:${await http.listen(0, '127.0.0.1')}`;
  return { url, close: async () => { await http.close(); await orm.close(); } };
}

beforeAll(async () => {
  server = await startTestServer();
  w = await dropWorld(server);
  second = await secondInstance();
}, 120_000);
afterAll(async () => {
  await second?.close();
  await server?.close();
});

async function reserveAt(url: string, token: string, input: Record<string, unknown>, store = 'a-cn') {
  const res = await fetch(`${url}${ENDPOINTS.storefront}`, { method: 'POST', headers: { 'content-type': 'application/json', ...storefront(token, store) }, body: JSON.stringify({ query: RESERVE, variables: { i: input } }) });
  const body = (await res.json()) as any;
  if (body.errors) throw new Error(`GraphQL error, not a userError: ${JSON.stringify(body.errors)}`);
  return body.data.dropReserve as { reservation: { id: string; quantity: number } | null; userErrors: { code: string }[] };
}

/** 500 requests from 300 customers (the first 200 send two, one at each store), all in flight at once. */
async function storm(urls: string[]) {
  const drop = await createDrop(server, w, { unitsPerVariant: 100, perCustomerLimit: 2 });
  const buyers = await customers(server, 300);
  const requests = Array.from({ length: 500 }, (_, i) => ({ buyer: buyers[i % 300], store: i < 300 ? 'a-cn' : 'design-mall', url: urls[i % urls.length] }));
  const results = await Promise.all(requests.map((r) => reserveAt(r.url, r.buyer.token, { dropId: drop.id, variantId: w.variants[0], quantity: 1 }, r.store)));
  const won = results.filter((r) => r.reservation);
  const refusals = results.filter((r) => !r.reservation).map((r) => r.userErrors.map((e) => e.code).join(','));
  const em = server.db.orm.em.fork();
  const dropId = decodeGlobalId(drop.id, 'Drop').id;
  const perCustomer = await em.execute<{ customer_id: string; units: number }[]>(
    `select r.customer_id, sum(r.quantity)::int as units from drop_reservation r where r.drop_id = ? and r.status = 'ACTIVE' group by r.customer_id`, [dropId]);
  const [claims] = await em.execute<{ units: number; distinct_units: number; distinct_numbers: number }[]>(
    `select count(*)::int as units, count(distinct u.id)::int as distinct_units, count(distinct u.number)::int as distinct_numbers
       from edition_unit u join drop_reservation r on r.id = u.reservation_id where r.drop_id = ? and u.status = 'RESERVED'`, [dropId]);
  const allocationsOff = await em.execute<unknown[]>(
    `select a.customer_id from drop_customer_allocation a left join (select customer_id, sum(quantity)::int as q from drop_reservation where drop_id = ? and status = 'ACTIVE' group by customer_id) r
        on r.customer_id = a.customer_id where a.drop_id = ? and a.count <> coalesce(r.q, 0)`, [dropId, dropId]);
  return { drop, won, refusals, perCustomer, claims, allocationsOff };
}

function expectExactOutcome(outcome: Awaited<ReturnType<typeof storm>>) {
  expect(outcome.won.length).toBe(100);
  expect(outcome.refusals.length).toBe(400);
  // Every refusal is a userError: sold out, or (a buyer's second request) over the limit, never an exception.
  expect(new Set(outcome.refusals)).toEqual(new Set(['SOLD_OUT', 'LIMIT_EXCEEDED'].filter((c) => outcome.refusals.includes(c))));
  expect(outcome.refusals.every((c) => c === 'SOLD_OUT' || c === 'LIMIT_EXCEEDED')).toBe(true);
  expect(Math.max(...outcome.perCustomer.map((c) => c.units))).toBeLessThanOrEqual(2);
  expect(outcome.perCustomer.reduce((s, c) => s + c.units, 0)).toBe(100);
  expect(outcome.claims).toEqual({ units: 100, distinct_units: 100, distinct_numbers: 100 });
  expect(outcome.allocationsOff).toEqual([]);
}

test('500 concurrent dropReserve from 300 customers for 100 units, limit 2: exactly 100 reserved, nobody above 2, no unit twice', async () => {
  const outcome = await storm([server.url]);
  expectExactOutcome(outcome);
  expect(await unitCounts(server, outcome.drop.id)).toEqual({ available: 0, reserved: 100, sold: 0, total: 100 });
}, 120_000);

test('the same storm split across two server processes on one database: the same exact outcome', async () => {
  const outcome = await storm([server.url, second.url]);
  expectExactOutcome(outcome);
}, 120_000);

test('the limit holds under concurrency: one customer firing 20 requests at both servers and both stores gets exactly 2 units', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 50, perCustomerLimit: 2 });
  const [buyer] = await customers(server, 1, 'eager');
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) =>
    reserveAt(i % 2 ? second.url : server.url, buyer.token, { dropId: drop.id, variantId: w.variants[0], quantity: 1 }, i % 4 < 2 ? 'a-cn' : 'design-mall')));
  expect(results.filter((r) => r.reservation).length).toBe(2);
  expect(results.filter((r) => !r.reservation).every((r) => r.userErrors[0].code === 'LIMIT_EXCEEDED')).toBe(true);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 48, reserved: 2, sold: 0, total: 50 });
}, 60_000);

test('one idempotency key retried 10 times in parallel (both servers) gets one reservation of one unit, replayed to every retry', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 20, perCustomerLimit: 2 });
  const [buyer] = await customers(server, 1, 'retry');
  const input = { dropId: drop.id, variantId: w.variants[0], quantity: 1, idempotencyKey: 'tap-1' };
  const results = await Promise.all(Array.from({ length: 10 }, (_, i) => reserveAt(i % 2 ? second.url : server.url, buyer.token, input)));
  expect(new Set(results.map((r) => r.reservation?.id)).size).toBe(1);
  expect(results[0].reservation).not.toBeNull();
  expect(await unitCounts(server, drop.id)).toEqual({ available: 19, reserved: 1, sold: 0, total: 20 });
  // The key reused for another request is refused and writes nothing.
  const reused = await reserveAt(server.url, buyer.token, { ...input, quantity: 2 });
  expect(reused.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 19, reserved: 1, sold: 0, total: 20 });
}, 60_000);
