import { v7 as uuidv7 } from 'uuid';
import { OutboxEvent, recordEvent, relayOutbox, subscribe } from '../../src/shared/outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
afterEach(() => db.orm.em.fork().execute('truncate outbox_event'));

const pending = () => db.orm.em.fork().count(OutboxEvent, { processedAt: null });

test('an event recorded in a transaction that rolls back leaves no row', async () => {
  const failing = db.orm.em.fork().transactional(async (tx) => {
    recordEvent(tx, 'product.changed', uuidv7(), { handle: 'puzzle-bag' });
    await tx.flush();
    throw new Error('price check failed');
  });
  await expect(failing).rejects.toThrow('price check failed');
  expect(await db.orm.em.fork().count(OutboxEvent)).toBe(0);
});

test('relayOutbox delivers pending events in id order to the matching subscriber and marks them processed', async () => {
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  await db.orm.em.fork().transactional(async (tx) => {
    recordEvent(tx, 'product.changed', ids[0]);
    recordEvent(tx, 'store.changed', ids[1]);
    recordEvent(tx, 'product.deleted', ids[2]);
  });
  const received: { topic: string; aggregateId: string; id: string }[][] = [];
  const unsubscribe = subscribe('product.', async (events) => {
    received.push(events.map(({ topic, aggregateId, id }) => ({ topic, aggregateId, id })));
  });
  try {
    expect(await relayOutbox(db.orm.em.fork())).toBe(3);
    expect(received).toHaveLength(1);
    expect(received[0].map((e) => [e.topic, e.aggregateId])).toEqual([
      ['product.changed', ids[0]],
      ['product.deleted', ids[2]],
    ]);
    expect(BigInt(received[0][0].id) < BigInt(received[0][1].id)).toBe(true);
    expect(await pending()).toBe(0);
    expect(await relayOutbox(db.orm.em.fork())).toBe(0);
    expect(received).toHaveLength(1);
  } finally {
    unsubscribe();
  }
});

test('a subscriber that throws leaves the events pending for the retry', async () => {
  await db.orm.em.fork().transactional(async (tx) => {
    recordEvent(tx, 'product.changed', uuidv7());
  });
  const unsubscribe = subscribe('product.', async () => {
    throw new Error('search engine down');
  });
  try {
    await expect(relayOutbox(db.orm.em.fork())).rejects.toThrow('search engine down');
    expect(await pending()).toBe(1);
  } finally {
    unsubscribe();
  }
});

test('a failing subscriber keeps its place without holding back another; it catches up once it recovers', async () => {
  const id = uuidv7();
  await db.orm.em.fork().transactional(async (tx) => {
    recordEvent(tx, 'drop.opened', id);
  });
  let searchDown = true;
  const webhooks: string[] = [];
  const search: string[] = [];
  const offWebhooks = subscribe('drop.', async (events) => {
    webhooks.push(...events.map((e) => e.aggregateId));
  });
  const offSearch = subscribe('drop.opened', async (events) => {
    if (searchDown) throw new Error('search engine down');
    search.push(...events.map((e) => e.aggregateId));
  });
  try {
    await expect(relayOutbox(db.orm.em.fork())).rejects.toThrow('search engine down');
    expect(webhooks).toEqual([id]);
    expect(await pending()).toBe(1);
    searchDown = false;
    expect(await relayOutbox(db.orm.em.fork())).toBe(1);
    expect({ webhooks, search }).toEqual({ webhooks: [id], search: [id] });
    expect(await pending()).toBe(0);
  } finally {
    offWebhooks();
    offSearch();
  }
});
