import { schedules, tasks } from '../../src/app/modules.js';
import { RESERVATION_SWEEP_TASK } from '../../src/drops/expiry-sweep.js';
import { installJobSchema, queueJob, startWorker, type Worker } from '../../src/shared/jobs.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { createDrop, customers, dropWorld, RESERVE, storefront, unitCounts, type DropWorld } from './support.js';

/**
 * Expiry end to end through the job queue: dropReserve queues no job; the sweep (every minute on the
 * drops schedule, then chaining itself to the next expiry) ends each reservation at expiresAt.
 */
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
  const jobs = () => server.db.orm.em.fork().execute<{ task_identifier: string; n: number }[]>(
    `select task_identifier, count(*)::int as n from graphile_worker.jobs where task_identifier like 'drop_reservation%' group by task_identifier order by 1`);
  expect(await jobs()).toEqual([]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 0, reserved: 10, sold: 0, total: 10 });

  // The schedule's tick, now rather than at the next minute: the sweep runs before the reservations are
  // due (expiresAt is a second away), so only its chain to the next expiry can end them.
  await queueJob(server.db.orm.em.fork(), RESERVATION_SWEEP_TASK, {}, { runAt: new Date(), jobKey: RESERVATION_SWEEP_TASK });
  expect(await jobs()).toEqual([{ task_identifier: RESERVATION_SWEEP_TASK, n: 1 }]);
  worker = await startWorker(server.app, server.db.url, tasks, schedules);
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

test('concurrent sweeps (and the running worker) end each due reservation exactly once', async () => {
  const drop = await createDrop(server, w, { unitsPerVariant: 12, perCustomerLimit: 1 });
  const buyers = await customers(server, 12, 'swept');
  await Promise.all(buyers.map((b) => server.gql('storefront', RESERVE, { i: { dropId: drop.id, variantId: w.variants[0], quantity: 1 } }, storefront(b.token))));
  await new Promise((r) => setTimeout(r, 1_100));
  const sweep = () => tasks[RESERVATION_SWEEP_TASK](server.app, {});
  await Promise.all([sweep(), sweep(), sweep()]);
  expect(await unitCounts(server, drop.id)).toEqual({ available: 12, reserved: 0, sold: 0, total: 12 });
  const em = server.db.orm.em.fork();
  const [{ moves, reservations }] = await em.execute<{ moves: number; reservations: number }[]>(
    `select count(t.*)::int as moves, count(distinct r.id)::int as reservations
       from drop_reservation r join drop_release d on d.id = r.drop_id
       left join state_transition t on t.entity_id = r.id and t.machine = 'drop_reservation' and t.event = 'expire'
      where d.handle = ?`, [drop.handle]);
  expect({ moves, reservations }).toEqual({ moves: 12, reservations: 12 });
  const [{ held }] = await em.execute<{ held: number }[]>(
    `select coalesce(sum(a.count), 0)::int as held from drop_customer_allocation a join drop_release d on d.id = a.drop_id where d.handle = ?`, [drop.handle]);
  expect(held).toBe(0);
}, 60_000);
