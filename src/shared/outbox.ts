import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from './sql.js';

/**
 * Transactional outbox: a domain records what changed in the same transaction as the change, and the
 * job worker relays it to subscribers (search index, webhooks). A rolled-back change leaves no event.
 * The trigger queues the relay job in the same transaction, once graphile-worker's schema is installed.
 */
@Entity({ tableName: 'outbox_event' })
@Trigger({
  name: 'queue_relay',
  timing: 'after',
  events: ['insert'],
  forEach: 'statement',
  body: `if to_regnamespace('graphile_worker') is not null then
      perform graphile_worker.add_job('outbox_relay', '{}'::json, job_key => 'outbox_relay', job_key_mode => 'preserve_run_at');
    end if;
    return null`,
})
@Index({ name: 'outbox_event_pending_idx', expression: 'create index outbox_event_pending_idx on outbox_event (id) where processed_at is null' })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** e.g. "product.changed", "store.changed" */
  @Property()
  topic!: string;

  @Property({ type: 'uuid' })
  aggregateId!: string;

  @Property({ type: 'jsonb' })
  payload: Opt<Record<string, unknown>> = {};

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  processedAt?: Date;

  @Property({ type: 'integer', default: 0 })
  attempts: Opt<number> = 0;
}

export interface NewOutboxEvent {
  topic: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/**
 * The outbox's writers; domains reach them through their typed catalogue (`<domain>/events.ts`).
 * This one adds an event to the entity manager's unit of work: it commits or rolls back with the change.
 */
export function recordEvent(em: EntityManager, topic: string, aggregateId: string, payload: Record<string, unknown> = {}) {
  const event = em.create(OutboxEvent, { topic, aggregateId, payload });
  em.persist(event);
  return event;
}

/** Inserts many events now, in one statement and in the given order, inside the caller's transaction. */
export async function insertEvents(em: EntityManager, events: readonly NewOutboxEvent[]): Promise<void> {
  if (events.length === 0) return;
  await em.execute(
    `insert into outbox_event (topic, aggregate_id, payload, created_at, attempts)
     select e.topic, e.aggregate_id, e.payload, now(), 0
       from rows from (jsonb_to_recordset(?::jsonb) as (topic text, aggregate_id uuid, payload jsonb)) with ordinality as e(topic, aggregate_id, payload, n)
      order by e.n`,
    [JSON.stringify(events.map((e) => ({ topic: e.topic, aggregate_id: e.aggregateId, payload: e.payload })))],
  );
}

export type OutboxHandler = (events: OutboxEvent[], em: EntityManager) => Promise<void>;

/**
 * A subscriber is named apart from the topics it reads, so two subscribers of the same topics (search
 * sync, webhooks) each keep their own cursor. A topic filter ending in '.' is a prefix ('product.'),
 * any other is an exact topic name ('drop.opened').
 */
export interface OutboxSubscriber {
  name: string;
  topics: readonly string[];
}

interface Registration extends OutboxSubscriber {
  handler: OutboxHandler;
}

const subscribers = new Map<string, Registration>();

export function matchesTopic(topics: readonly string[], topic: string): boolean {
  return topics.some((filter) => (filter.endsWith('.') ? topic.startsWith(filter) : topic === filter));
}

/**
 * Registers a subscriber; it receives the events matching its topics, in commit order, at least once.
 * Subscribing again with the same name replaces only that subscriber (and keeps its cursor).
 * The returned function unsubscribes it, unless it has been replaced meanwhile.
 */
export function subscribe(subscriber: OutboxSubscriber, handler: OutboxHandler): () => void {
  const { name, topics } = subscriber;
  if (!name.trim()) throw new Error('An outbox subscriber needs a name');
  if (topics.length === 0 || topics.some((t) => !t.trim() || t === '.')) {
    throw new Error(`Outbox subscriber ${name} needs topic names or prefixes ending in '.'`);
  }
  const registration: Registration = { name, topics: [...topics], handler };
  subscribers.set(name, registration);
  return () => {
    if (subscribers.get(name) === registration) subscribers.delete(name);
  };
}

/** How far each subscriber has read the outbox: one slow or failing subscriber never holds back another. */
@Entity({ tableName: 'outbox_cursor' })
export class OutboxCursor {
  /** The subscriber's name (not its topics: two subscribers of the same topics never share a cursor). */
  @PrimaryKey()
  subscriber!: string;

  @Property({ type: 'bigint' })
  lastEventId!: string;
}

/**
 * Delivers the next batch to one subscriber in its own transaction: its cursor row is locked, so
 * concurrent relays never deliver the same events twice or out of order. Returns how many events
 * were read (0 when nothing is pending or another relay holds the subscriber).
 */
async function deliverBatch(em: EntityManager, subscriber: Registration, batchSize: number): Promise<number> {
  return em.transactional(async (tx) => {
    const [cursor] = await tx.execute<{ last_event_id: string }[]>(
      'select last_event_id from outbox_cursor where subscriber = ? for update skip locked',
      [subscriber.name],
    );
    if (!cursor) return 0;
    const events = await tx.find(OutboxEvent, { id: { $gt: cursor.last_event_id } }, { orderBy: { id: 'asc' }, limit: batchSize });
    if (events.length === 0) return 0;
    const matching = events.filter((e) => matchesTopic(subscriber.topics, e.topic));
    if (matching.length) await subscriber.handler(matching, tx);
    await tx.execute('update outbox_cursor set last_event_id = ? where subscriber = ?', [events.at(-1)!.id, subscriber.name]);
    return events.length;
  });
}

/**
 * Delivers pending events to every subscriber, each in id order and at least once, then marks as
 * processed the events every subscriber has read. A subscriber that throws keeps its place (the
 * others go on) and fails the job, which graphile-worker retries with exponential backoff.
 * Returns how many events were processed.
 */
export async function relayOutbox(em: EntityManager, batchSize = 500): Promise<number> {
  const names = [...subscribers.keys()];
  // A new subscriber starts at the oldest event not yet delivered to everyone; its cursor exists
  // before any delivery, so a first delivery that fails still holds those events back.
  await em.execute(
    `insert into outbox_cursor (subscriber, last_event_id)
     select s, coalesce((select min(id) - 1 from outbox_event where processed_at is null), (select max(id) from outbox_event), 0)
       from unnest(?::text[]) as s
     on conflict do nothing`,
    [pgArray(names)],
  );
  const failures: unknown[] = [];
  for (const subscriber of [...subscribers.values()]) {
    try {
      while ((await deliverBatch(em, subscriber, batchSize)) === batchSize);
    } catch (err) {
      failures.push(err);
    }
  }
  const [processed] = await em.execute<{ n: string }[]>(
    `with done as (
       update outbox_event set processed_at = now()
        where processed_at is null
          and id <= coalesce((select min(last_event_id) from outbox_cursor where subscriber = any(?::text[])), (select max(id) from outbox_event))
        returning 1)
     select count(*) as n from done`,
    [pgArray(names)],
  );
  // Delivered events are kept a week for investigation, then dropped.
  await em.execute(`delete from outbox_event where processed_at < now() - interval '7 days'`);
  if (failures.length) throw failures[0];
  return Number(processed.n);
}
