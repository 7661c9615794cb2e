import { v7 as uuidv7 } from 'uuid';
import { loadConfig } from '../../src/shared/config.js';
import type { App } from '../../src/shared/context.js';
import { createLogger } from '../../src/app/observability.js';
import { tasks } from '../../src/app/modules.js';
import { installJobSchema, startWorker, type Worker } from '../../src/shared/jobs.js';
import { OutboxEvent, recordEvent, subscribe } from '../../src/shared/outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
let app: App;
let worker: Worker | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  app = { config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url }), orm: db.orm, logger: createLogger('silent'), ports: {} };
  await installJobSchema(app, db.url);
});
afterAll(async () => {
  await worker?.stop();
  await db.drop();
});

async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('committing an outbox event queues outbox_relay, and the worker delivers it to the subscriber', async () => {
  const received: string[] = [];
  const unsubscribe = subscribe({ name: 'jobs-test', topics: ['jobs-test.'] }, async (events) => {
    received.push(...events.map((e) => e.aggregateId));
  });
  try {
    const productId = uuidv7();
    const em = db.orm.em.fork();
    recordEvent(em, 'jobs-test.changed', productId);
    await em.flush();

    // The insert trigger queued the relay in the same transaction, before any worker runs.
    const jobs = await db.orm.em.fork().execute<{ task_identifier: string }[]>('select task_identifier from graphile_worker.jobs');
    expect(jobs.map((j) => j.task_identifier)).toEqual(['outbox_relay']);

    worker = await startWorker(app, db.url, tasks);
    await waitFor('the subscriber to receive the event', () => (received.length ? received : undefined));
    expect(received).toEqual([productId]);
    await waitFor('the event to be marked processed', async () =>
      (await db.orm.em.fork().count(OutboxEvent, { processedAt: null })) === 0 ? true : undefined,
    );
  } finally {
    unsubscribe();
  }
});
