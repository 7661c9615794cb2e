import { tasks } from '../../src/app/modules.js';
import { installJobSchema, startWorker, type Worker } from '../../src/shared/jobs.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, RESERVE, storefront, unitCounts, type DropWorld } from './support.js';

/** The expiry job end to end: dropReserve queues drop_reservation_expire in its transaction, the graphile-worker runs it at expiresAt. */
let server: TestServer;
let w: DropWorld;
let worker: Worker | undefined;
beforeAll(async () => {
  server = await startTestServer({ DROP_RESERVATION_SECONDS: '1' });
  await installJobSchema(server.app, server.db.url);
  w = await dropWorld(server);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await server?.close();
});

test('reservations expire through the job queue: every unit comes back once and the buyers may reserve again', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 10, perCustomerLimit: 1 });
  const buyers = await customers(server, 10, 'queued');
  const reserved = await Promise.all(buyers.map((b) => server.gql('storefront', RESERVE, { i: { dropId: drop.id, variantId: w.variants[0], quantity: 1 } }, storefront(b.token))));
  expect(reserved.every((r) => (r.data as any).dropReserve.reservation)).toBe(true);
  const [{ n: queued }] = await server.db.orm.em.fork().execute<{ n: number }[]>(
    `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'drop_reservation_expire'`);
  expect(queued).toBe(10);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 0, reserved: 10, sold: 0, total: 10 });

  worker = await startWorker(server.app, server.db.url, tasks);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const counts = await unitCounts(server, drop.id);
    expect(counts.available + counts.reserved + counts.sold).toBe(10);
    if (counts.available === 10 || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await unitCounts(server, drop.id)).toEqual({ available: 10, reserved: 0, sold: 0, total: 10 });
  const statuses = await server.db.orm.em.fork().execute<{ status: string; n: number }[]>(`select status, count(*)::int as n from drop_reservation group by status`);
  expect(statuses).toEqual([{ status: 'EXPIRED', n: 10 }]);
  const again = await server.gql('storefront', RESERVE, { i: { dropId: drop.id, variantId: w.variants[0], quantity: 1 } }, storefront(buyers[0].token));
  expect((again.data as any).dropReserve.reservation).not.toBeNull();
}, 60_000);
