import { productLifecycle } from '../../src/catalog/product-lifecycle.js';
import { transitionTopics } from '../../src/shared/state-machine.js';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { catalogEvents } from '../../src/catalog/events.js';
import { refreshListings } from '../../src/catalog/listing.service.js';
import { defineEvents, event } from '../../src/shared/events.js';
import { OutboxEvent, relayOutbox } from '../../src/shared/outbox.js';
import { CatalogFixtures } from '../support/catalog-fixtures.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
afterEach(() => db.orm.em.fork().execute('truncate outbox_event, outbox_cursor'));

const dropEvents = defineEvents({
  'drop.opened': event(z.object({ dropId: z.uuid(), storeId: z.uuid(), opensAt: z.iso.datetime() }), 'dropId'),
  'drop.sold_out': event(z.object({ dropId: z.uuid(), units: z.number().int().positive() }), 'dropId'),
  'hold.expired': event(z.object({ holdId: z.uuid() }), 'holdId'),
});

const rows = () => db.orm.em.fork().find(OutboxEvent, {}, { orderBy: { id: 'asc' } });

test('record writes the topic, the aggregate id named by the catalogue and the checked payload with the change', async () => {
  const [dropId, storeId] = [uuidv7(), uuidv7()];
  await db.orm.em.fork().transactional(async (tx) => {
    dropEvents.record(tx, 'drop.opened', { dropId, storeId, opensAt: '2026-12-01T10:00:00Z' });
  });
  expect((await rows()).map(({ topic, aggregateId, payload }) => ({ topic, aggregateId, payload }))).toEqual([
    { topic: 'drop.opened', aggregateId: dropId, payload: { dropId, storeId, opensAt: '2026-12-01T10:00:00Z' } },
  ]);
});

test('a payload that does not match its topic is refused with a clear error, and nothing is written', async () => {
  const attempt = db.orm.em.fork().transactional(async (tx) => {
    dropEvents.record(tx, 'drop.sold_out', { dropId: uuidv7(), units: 0 });
  });
  await expect(attempt).rejects.toThrow(/Invalid drop\.sold_out payload:[\s\S]*units/);
  // @ts-expect-error an undeclared topic does not compile
  expect(() => dropEvents.record(db.orm.em.fork(), 'drop.closed', { dropId: uuidv7() })).toThrow('Unknown event topic drop.closed');
  // @ts-expect-error nor does a payload of the wrong shape
  expect(() => dropEvents.record(db.orm.em.fork(), 'hold.expired', { dropId: uuidv7() })).toThrow('Invalid hold.expired payload');
  expect(await rows()).toEqual([]);
});

test('publish runs in-transaction listeners with the payloads, then writes every outbox row in one statement', async () => {
  const ids = [uuidv7(), uuidv7(), uuidv7()];
  const heard: string[] = [];
  const unlisten = dropEvents.listen('drop.sold_out', async (tx, payloads) => {
    expect(await tx.count(OutboxEvent)).toBe(0); // listeners run before the rows are written, inside the transaction
    heard.push(...payloads.map((p) => `${p.dropId}:${p.units}`));
  });
  try {
    const { queries } = await db.queries.measure(() =>
      db.orm.em.fork().transactional((tx) => dropEvents.publish(tx, 'drop.sold_out', ids.map((dropId, n) => ({ dropId, units: n + 1 })))),
    );
    expect(heard).toEqual(ids.map((id, n) => `${id}:${n + 1}`));
    expect(queries).toBe(4); // begin, the listener's count, one insert, commit
    expect((await rows()).map((r) => r.aggregateId)).toEqual(ids);
  } finally {
    unlisten();
  }
});

test('a typed subscriber receives the events its filters match, payloads typed from the catalogue', async () => {
  const [dropId, storeId, holdId] = [uuidv7(), uuidv7(), uuidv7()];
  await db.orm.em.fork().transactional(async (tx) => {
    dropEvents.record(tx, 'drop.opened', { dropId, storeId, opensAt: '2026-12-01T10:00:00Z' });
    dropEvents.record(tx, 'hold.expired', { holdId });
    dropEvents.record(tx, 'drop.sold_out', { dropId, units: 5 });
  });
  const seen: string[] = [];
  const off = dropEvents.subscribe({ name: 'test.drops', topics: ['drop.'] }, async (events) => {
    for (const e of events) {
      // @ts-expect-error hold.expired is not among the topics 'drop.' matches
      if (e.topic === 'hold.expired') throw new Error('unreachable');
      seen.push(e.topic === 'drop.opened' ? `opened in ${e.payload.storeId}` : `sold out, ${e.payload.units} units`);
    }
  });
  try {
    await relayOutbox(db.orm.em.fork());
    expect(seen).toEqual([`opened in ${storeId}`, 'sold out, 5 units']);
  } finally {
    off();
  }
});

test('a catalogue refuses malformed topic names and subscribers whose filters match no declared topic', () => {
  expect(() => defineEvents({ Drop: event(z.object({ id: z.uuid() }), 'id') })).toThrow('must read <aggregate>.<what happened>');
  // @ts-expect-error 'order.' matches none of the catalogue's topics
  expect(() => dropEvents.subscribe({ name: 'test.orders', topics: ['order.'] }, async () => {})).toThrow('no declared topic matches order.');
});

test('the catalog declares its topics in one place', () => {
  expect(catalogEvents.topics).toEqual([
    'product.changed', 'brand_group.changed', 'brand.changed', 'store.changed', 'stock_location.changed',
    'category.changed', 'category.deleted', 'collection.changed',
    'product.activate', 'product.deactivate', 'product.archive', 'product.restore',
  ]);
});

test('refreshing listings publishes product.changed per product, naming the stores that list it, in one outbox statement', async () => {
  const em = db.orm.em.fork();
  const fixtures = new CatalogFixtures(em);
  const brand = fixtures.brand('events-brand', { en: 'Events' });
  const [a, b] = [fixtures.store('events-a', [brand]), fixtures.store('events-b', [brand])];
  const both = fixtures.product(brand, 'events-both', { en: 'Both' }, { stores: [{ ...a, price: 100 }, { ...b, price: 120 }] });
  const none = fixtures.product(brand, 'events-none', { en: 'None' });
  await em.flush();
  const heard: unknown[] = [];
  const unlisten = catalogEvents.listen('product.changed', async (_tx, payloads) => void heard.push(...payloads));
  try {
    const { statements } = await db.queries.measure(() => refreshListings(em, [both.id, none.id, both.id]));
    expect(statements.filter((s) => /outbox_event/.test(s))).toHaveLength(1);
  } finally {
    unlisten();
  }
  const expected = [
    { productId: both.id, storeIds: [a.store.id, b.store.id].sort() },
    { productId: none.id, storeIds: [] },
  ];
  expect(heard).toEqual(expected);
  expect((await rows()).map((r) => ({ topic: r.topic, aggregateId: r.aggregateId, payload: r.payload }))).toEqual(
    expected.map((payload) => ({ topic: 'product.changed', aggregateId: payload.productId, payload })),
  );
});

test('every product lifecycle move publishes a topic the catalog declares', () => {
  expect(transitionTopics(productLifecycle).filter((topic) => !(catalogEvents.topics as string[]).includes(topic))).toEqual([]);
});
