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

/** Adds an event to the entity manager's unit of work: it commits or rolls back with the change. */
export function recordEvent(em: EntityManager, topic: string, aggregateId: string, payload: Record<string, unknown> = {}) {
  const event = em.create(OutboxEvent, { topic, aggregateId, payload });
  em.persist(event);
  return event;
}

export type OutboxHandler = (events: OutboxEvent[], em: EntityManager) => Promise<void>;

const handlers = new Map<string, OutboxHandler>();

/** A subscriber receives the events whose topic starts with its prefix, in commit order. */
export function subscribe(topicPrefix: string, handler: OutboxHandler): () => void {
  handlers.set(topicPrefix, handler);
  return () => handlers.delete(topicPrefix);
}

/** How far each subscriber has read the outbox: one slow or failing subscriber never holds back another. */
@Entity({ tableName: 'outbox_cursor' })
export class OutboxCursor {
  /** The subscriber's topic prefix. */
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
async function deliverBatch(em: EntityManager, prefix: string, handler: OutboxHandler, batchSize: number): Promise<number> {
  return em.transactional(async (tx) => {
    const [cursor] = await tx.execute<{ last_event_id: string }[]>(
      'select last_event_id from outbox_cursor where subscriber = ? for update skip locked',
      [prefix],
    );
    if (!cursor) return 0;
    const events = await tx.find(OutboxEvent, { id: { $gt: cursor.last_event_id } }, { orderBy: { id: 'asc' }, limit: batchSize });
    if (events.length === 0) return 0;
    const matching = events.filter((e) => e.topic.startsWith(prefix));
    if (matching.length) await handler(matching, tx);
    await tx.execute('update outbox_cursor set last_event_id = ? where subscriber = ?', [events.at(-1)!.id, prefix]);
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
  const subscribers = [...handlers.keys()];
  // A new subscriber starts at the oldest event not yet delivered to everyone; its cursor exists
  // before any delivery, so a first delivery that fails still holds those events back.
  await em.execute(
    `insert into outbox_cursor (subscriber, last_event_id)
     select s, coalesce((select min(id) - 1 from outbox_event where processed_at is null), (select max(id) from outbox_event), 0)
       from unnest(?::text[]) as s
     on conflict do nothing`,
    [pgArray(subscribers)],
  );
  const failures: unknown[] = [];
  for (const [prefix, handler] of handlers) {
    try {
      while ((await deliverBatch(em, prefix, handler, batchSize)) === batchSize);
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
    [pgArray(subscribers)],
  );
  // Delivered events are kept a week for investigation, then dropped.
  await em.execute(`delete from outbox_event where processed_at < now() - interval '7 days'`);
  if (failures.length) throw failures[0];
  return Number(processed.n);
}
