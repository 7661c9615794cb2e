import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createLogger } from '../../../src/app/observability.js';
import { wirePorts } from '../../../src/app/ports.js';
import { ENDPOINTS } from '../../../src/app/server.js';
import { recoverCheckouts } from '../../../src/commerce/checkout/recovery.js';
import { loadConfig } from '../../../src/shared/config.js';
import type { App } from '../../../src/shared/context.js';
import { CartCreateDocument, CheckoutCompleteDocument } from '../../generated/storefront.js';
import { createTestDatabase, type TestDatabase } from '../../support/db.js';
import { ADDRESS, seedCatalog, STORE, vid } from './support.js';
import { print } from 'graphql';

// The real server process (`node dist/src/app/main.js`, built by `npm run build`) on a test database,
// killed with SIGKILL while the built-in `test` payment provider (standing in for the network) holds
// its answer (tok_slow): the authorization exists at the provider, our side never heard of it.
const ROOT = new URL('../../..', import.meta.url).pathname;
const MAIN = path.join(ROOT, 'dist/src/app/main.js');

let db: TestDatabase;
let port: number;
const children: ChildProcess[] = [];

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });

async function startServer(): Promise<ChildProcess> {
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED: 'none', JOBS: 'off', DATABASE_URL: db.url, PORT: String(port), HOST: '127.0.0.1', TEST_PAYMENT_SLOW_MS: '120000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d) => (out += d) && out.includes('Storefront API') && resolve());
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`main.js exited with ${code}: ${out}`)));
  });
  return child;
}

async function gql<R>(document: Parameters<typeof print>[0], variables: Record<string, unknown>): Promise<R> {
  const res = await fetch(`http://127.0.0.1:${port}${ENDPOINTS.storefront}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-store': STORE },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return ((await res.json()) as { data: R }).data;
}

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => db.orm.em.fork().execute(query, params) as Promise<T[]>;

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist/src/commerce/checkout/module.js'))) throw new Error('dist has no checkout: run `npm run build` first');
  db = await createTestDatabase();
  port = await freePort();
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db.drop();
});

test('SIGKILL between the hold and the order: after restart and the recovery job the stock is back and the authorization voided', async () => {
  const { variants, warehouse } = await seedCatalog({ db }, 1, 10);
  const level = async () => (await sql<{ on_hand: number; reserved: number }>('select on_hand, reserved from inventory_level where variant_id = ? and location_id = ?', [variants[0].id, warehouse.id]))[0];
  let server = await startServer();
  const created = await gql<{ cartCreate: { cart: { id: string } } }>(CartCreateDocument, { input: { lines: [{ merchandiseId: vid(variants[0]), quantity: 2 }], buyerIdentity: { email: 'crash@example.com' } } });
  const cartId = created.cartCreate.cart.id;
  const input = { cartId, payment: { provider: 'test', token: 'tok_slow' }, idempotencyKey: 'crash-key-1', shippingAddress: ADDRESS };
  gql(CheckoutCompleteDocument, { input }).catch(() => undefined); // its connection dies with the server
  for (let i = 0; i < 300 && (await sql('select 1 from test_payment_authorization')).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
  expect(await sql('select voided from test_payment_authorization')).toEqual([{ voided: false }]);
  expect(await level()).toEqual({ on_hand: 10, reserved: 2 });
  expect(await sql('select status from checkout')).toEqual([{ status: 'PENDING' }]);
  expect(await sql('select status from payment')).toEqual([{ status: 'PENDING' }]);

  server.kill('SIGKILL');
  await new Promise((r) => server.once('exit', r));
  server = await startServer();

  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: db.url });
  const app: App = { config, orm: db.orm, logger: createLogger('silent'), ports: {} };
  await wirePorts(app);
  expect(await recoverCheckouts(app)).toEqual({ expired: 0, settled: 0 }); // the hold has not expired yet: nothing to undo
  await sql(`update stock_hold set expires_at = now() - interval '1 second'`);
  expect(await recoverCheckouts(app)).toEqual({ expired: 1, settled: 1 });

  expect(await level()).toEqual({ on_hand: 10, reserved: 0 });
  expect(await sql('select status from checkout')).toEqual([{ status: 'EXPIRED' }]);
  expect(await sql('select status, order_id from payment')).toEqual([{ status: 'VOIDED', order_id: null }]);
  expect(await sql('select voided from test_payment_authorization')).toEqual([{ voided: true }]);
  expect(await sql('select count(*)::int as n from sales_order')).toEqual([{ n: 0 }]);
  expect(await recoverCheckouts(app)).toEqual({ expired: 0, settled: 0 });

  // The same key tells the client what happened; the restarted server sells the cart with a new key.
  const replay = await gql<{ checkoutComplete: { userErrors: { code: string }[] } }>(CheckoutCompleteDocument, { input });
  expect(replay.checkoutComplete.userErrors.map((e) => e.code)).toEqual(['CHECKOUT_EXPIRED']);
  const retry = await gql<{ checkoutComplete: { order: { status: string } } }>(CheckoutCompleteDocument, { input: { ...input, idempotencyKey: 'crash-key-2', payment: { provider: 'test', token: 'tok_approve' } } });
  expect(retry.checkoutComplete.order.status).toBe('PAID');
  expect(await level()).toEqual({ on_hand: 8, reserved: 0 });
  server.kill('SIGTERM');
}, 120_000);
