import type { Opt } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property, Trigger } from '@mikro-orm/decorators/legacy';
import type { EntityManager } from '@mikro-orm/postgresql';

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

const RELAY_LOCK = 7_114_225; // advisory lock key: one relay at a time keeps per-product order

/**
 * Delivers pending events in id order; a handler that throws fails the job, and graphile-worker
 * retries it with exponential backoff. Returns how many events were delivered.
 */
export async function relayOutbox(em: EntityManager, batchSize = 500): Promise<number> {
  let delivered = 0;
  for (;;) {
    const count = await em.transactional(async (tx) => {
      const locked = await tx.execute<{ ok: boolean }[]>('select pg_try_advisory_xact_lock(?) as ok', [RELAY_LOCK]);
      if (!locked[0]?.ok) return 0;
      const events = await tx.find(OutboxEvent, { processedAt: null }, { orderBy: { id: 'asc' }, limit: batchSize });
      if (events.length === 0) return 0;
      for (const [prefix, handler] of handlers) {
        const matching = events.filter((e) => e.topic.startsWith(prefix));
        if (matching.length) await handler(matching, tx);
      }
      const now = new Date();
      for (const e of events) e.processedAt = now;
      return events.length;
    });
    delivered += count;
    if (count < batchSize) return delivered;
  }
}
