import { v7 as uuidv7 } from 'uuid';
import { insertEvents, OutboxEvent, recordEvent, relayOutbox, subscribe } from '../../src/shared/outbox.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
afterEach(() => db.orm.em.fork().execute('truncate outbox_event, outbox_cursor'));

const pending = () => db.orm.em.fork().count(OutboxEvent, { processedAt: null });
const cursors = () =>
  db.orm.em.fork().execute<{ subscriber: string; last_event_id: string }[]>('select subscriber, last_event_id from outbox_cursor order by subscriber');
const lastEventId = async () => (await db.orm.em.fork().execute<{ id: string }[]>('select max(id)::text as id from outbox_event'))[0].id;

async function record(...events: [topic: string, aggregateId: string][]) {
  await db.orm.em.fork().transactional(async (tx) => {
    for (const [topic, aggregateId] of events) recordEvent(tx, topic, aggregateId);
  });
}

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
  await record(['product.changed', ids[0]], ['store.changed', ids[1]], ['product.deleted', ids[2]]);
  const received: { topic: string; aggregateId: string; id: string }[][] = [];
  const unsubscribe = subscribe({ name: 'test.products', topics: ['product.'] }, async (events) => {
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
  await record(['product.changed', uuidv7()]);
  const unsubscribe = subscribe({ name: 'test.down', topics: ['product.'] }, async () => {
    throw new Error('search engine down');
  });
  try {
    await expect(relayOutbox(db.orm.em.fork())).rejects.toThrow('search engine down');
    expect(await pending()).toBe(1);
  } finally {
    unsubscribe();
  }
});

test('two named subscribers of the same topics each receive every event, each with its own cursor; one failing does not block the other', async () => {
  const ids = [uuidv7(), uuidv7()];
  await record(['product.changed', ids[0]], ['product.changed', ids[1]]);
  let searchDown = true;
  const search: string[] = [];
  const webhooks: string[] = [];
  const offSearch = subscribe({ name: 'search.meilisearch', topics: ['product.'] }, async (events) => {
    if (searchDown) throw new Error('search engine down');
    search.push(...events.map((e) => e.aggregateId));
  });
  const offWebhooks = subscribe({ name: 'webhooks', topics: ['product.'] }, async (events) => {
    webhooks.push(...events.map((e) => e.aggregateId));
  });
  try {
    await expect(relayOutbox(db.orm.em.fork())).rejects.toThrow('search engine down');
    const last = await lastEventId();
    expect(webhooks).toEqual(ids);
    expect(search).toEqual([]);
    const [searchCursor, webhooksCursor] = await cursors();
    expect(searchCursor.subscriber).toBe('search.meilisearch');
    expect(BigInt(searchCursor.last_event_id) < BigInt(last)).toBe(true);
    expect(webhooksCursor).toEqual({ subscriber: 'webhooks', last_event_id: last });
    expect(await pending()).toBe(2);

    searchDown = false;
    expect(await relayOutbox(db.orm.em.fork())).toBe(2);
    expect({ search, webhooks }).toEqual({ search: ids, webhooks: ids });
    expect((await cursors()).map((c) => c.last_event_id)).toEqual([last, last]);
    expect(await pending()).toBe(0);
  } finally {
    offSearch();
    offWebhooks();
  }
});

test('subscribing again with the same name replaces only that subscriber, and the old unsubscribe leaves the new one', async () => {
  await record(['drop.opened', uuidv7()]);
  const calls: string[] = [];
  const offFirst = subscribe({ name: 'webhooks', topics: ['drop.'] }, async () => void calls.push('webhooks v1'));
  const offSearch = subscribe({ name: 'search', topics: ['drop.'] }, async () => void calls.push('search'));
  const offSecond = subscribe({ name: 'webhooks', topics: ['drop.'] }, async () => void calls.push('webhooks v2'));
  try {
    offFirst();
    expect(await relayOutbox(db.orm.em.fork())).toBe(1);
    expect(calls.sort()).toEqual(['search', 'webhooks v2']);
    expect((await cursors()).map((c) => c.subscriber)).toEqual(['search', 'webhooks']);
  } finally {
    offSearch();
    offSecond();
  }
});

test('a topic filter ending in "." is a prefix, any other is an exact topic name', async () => {
  const [opened, late, other] = [uuidv7(), uuidv7(), uuidv7()];
  await record(['drop.opened', opened], ['drop.opened_late', late], ['drops.opened', other]);
  const exact: string[] = [];
  const prefix: string[] = [];
  const offExact = subscribe({ name: 'exact', topics: ['drop.opened'] }, async (events) => void exact.push(...events.map((e) => e.aggregateId)));
  const offPrefix = subscribe({ name: 'prefix', topics: ['drop.'] }, async (events) => void prefix.push(...events.map((e) => e.aggregateId)));
  try {
    await relayOutbox(db.orm.em.fork());
    expect({ exact, prefix }).toEqual({ exact: [opened], prefix: [opened, late] });
  } finally {
    offExact();
    offPrefix();
  }
});

test('a subscriber needs a name and topic names or prefixes', () => {
  const handler = async () => {};
  expect(() => subscribe({ name: ' ', topics: ['product.'] }, handler)).toThrow('needs a name');
  expect(() => subscribe({ name: 'search', topics: [] }, handler)).toThrow('needs topic names or prefixes');
  expect(() => subscribe({ name: 'search', topics: ['.'] }, handler)).toThrow('needs topic names or prefixes');
});

test('insertEvents writes many events in one statement, in the given order, inside the caller transaction', async () => {
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  const { queries } = await db.queries.measure(() =>
    db.orm.em.fork().transactional((tx) => insertEvents(tx, ids.map((id, n) => ({ topic: 'product.changed', aggregateId: id, payload: { n } })))),
  );
  expect(queries).toBe(3); // begin, insert, commit
  const rows = await db.orm.em.fork().find(OutboxEvent, {}, { orderBy: { id: 'asc' } });
  expect(rows.map((r) => [r.aggregateId, r.payload])).toEqual(ids.map((id, n) => [id, { n }]));

  const rolledBack = db.orm.em.fork().transactional(async (tx) => {
    await insertEvents(tx, [{ topic: 'product.changed', aggregateId: uuidv7(), payload: {} }]);
    throw new Error('stock check failed');
  });
  await expect(rolledBack).rejects.toThrow('stock check failed');
  expect(await db.orm.em.fork().count(OutboxEvent)).toBe(3);
});

test("the migration to named subscribers renames the search cursor 'product.' to search.meilisearch, keeping its place", async () => {
  const old = await createTestDatabase({ migrate: false });
  try {
    await old.orm.migrator.up({ to: 'Migration20261124070221' });
    const em = old.orm.em.fork();
    const productId = uuidv7();
    await em.execute(`insert into outbox_event (topic, aggregate_id, payload, created_at, attempts) values ('product.changed', ?, '{}', now(), 0), ('store.changed', ?, '{}', now(), 0)`, [productId, productId]);
    await em.execute(`insert into outbox_cursor (subscriber, last_event_id) select 'product.', min(id) from outbox_event`);
    await old.orm.migrator.up();
    expect(await em.execute(`select subscriber, last_event_id from outbox_cursor`)).toEqual([
      { subscriber: 'search.meilisearch', last_event_id: (await em.execute<{ id: string }[]>('select min(id)::text as id from outbox_event'))[0].id },
    ]);
    expect((await em.execute<{ payload: unknown }[]>(`select payload from outbox_event order by id`)).map((r) => r.payload)).toEqual([
      { productId, storeIds: [] },
      { storeId: productId },
    ]);
  } finally {
    await old.drop();
  }
});
