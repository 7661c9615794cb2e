import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { onDomainEvent, publishDomainEvent } from './domain-events.js';
import { insertEvents, recordEvent, subscribe, type OutboxEvent } from './outbox.js';

/**
 * A domain declares its topics and their payloads once, in `<domain>/events.ts`; call sites and
 * subscribers then go through the catalogue, so a topic is never spelled as a free string and a
 * payload is checked (zod) before it is written. Payloads are checked when written, not when read:
 * a topic's payload may gain optional fields, never change the meaning of existing ones.
 */
export interface EventSpec<S extends z.ZodObject = z.ZodObject> {
  payload: S;
  /** The payload field that holds the id of the changed aggregate (outbox_event.aggregate_id). */
  aggregate: string;
}

type StringKeys<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

/** One topic: its payload schema and which of its fields is the aggregate id. */
export function event<S extends z.ZodObject>(payload: S, aggregate: StringKeys<z.output<S>>): EventSpec<S> {
  return { payload, aggregate };
}

type Specs = Record<string, EventSpec>;
export type Topic<E extends Specs> = keyof E & string;
export type PayloadOf<E extends Specs, T extends Topic<E>> = z.output<E[T]['payload']>;

/** A filter is a topic name or a prefix ending in '.', e.g. 'product.'. */
export type TopicFilter<E extends Specs> = Topic<E> | (Topic<E> extends `${infer Domain}.${string}` ? `${Domain}.` : never);
type Matching<E extends Specs, F extends string> = {
  [T in Topic<E>]: F extends `${string}.` ? (T extends `${F}${string}` ? T : never) : T extends F ? T : never;
}[Topic<E>];

/** An outbox event as a subscriber receives it: topic and payload typed from the catalogue. */
export type DeliveredEvent<E extends Specs, T extends Topic<E> = Topic<E>> = {
  [K in T]: { id: string; topic: K; aggregateId: string; payload: PayloadOf<E, K>; createdAt: Date };
}[T];

export interface EventCatalogue<E extends Specs> {
  readonly topics: Topic<E>[];
  /** Adds the event to the unit of work: it is written at the next flush and commits with the change. */
  record<T extends Topic<E>>(em: EntityManager, topic: T, payload: PayloadOf<E, T>): void;
  /**
   * Runs the topic's in-transaction listeners, then writes one outbox row per payload in a single
   * statement: for changes made with SQL rather than the unit of work, and for bulk changes.
   */
  publish<T extends Topic<E>>(tx: EntityManager, topic: T, payloads: readonly PayloadOf<E, T>[]): Promise<void>;
  /** A listener inside the publishing transaction, for read models that must never lag (no outbox). */
  listen<T extends Topic<E>>(topic: T, listener: (tx: EntityManager, payloads: PayloadOf<E, T>[]) => Promise<void>): () => void;
  /** A named outbox subscriber with its own cursor; see `subscribe` in outbox.ts. */
  subscribe<F extends TopicFilter<E>>(
    subscriber: { name: string; topics: readonly F[] },
    handler: (events: DeliveredEvent<E, Matching<E, F>>[], tx: EntityManager) => Promise<void>,
  ): () => void;
}

export function defineEvents<E extends Specs>(specs: E): EventCatalogue<E> {
  const topics = Object.keys(specs) as Topic<E>[];
  for (const topic of topics) {
    if (!/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/.test(topic)) throw new Error(`Event topic ${topic} must read <aggregate>.<what happened>`);
  }
  const checked = <T extends Topic<E>>(topic: T, payload: unknown) => {
    const spec = specs[topic];
    if (!spec) throw new Error(`Unknown event topic ${topic}`);
    const result = spec.payload.safeParse(payload);
    if (!result.success) throw new Error(`Invalid ${topic} payload: ${z.prettifyError(result.error)}`);
    const data = result.data as Record<string, unknown>;
    return { topic, aggregateId: data[spec.aggregate] as string, payload: data };
  };
  return {
    topics,
    record(em, topic, payload) {
      const e = checked(topic, payload);
      recordEvent(em, e.topic, e.aggregateId, e.payload);
    },
    async publish(tx, topic, payloads) {
      if (payloads.length === 0) return;
      const events = payloads.map((p) => checked(topic, p));
      await publishDomainEvent(tx, topic, events.map((e) => e.payload));
      await insertEvents(tx, events);
    },
    listen(topic, listener) {
      if (!specs[topic]) throw new Error(`Unknown event topic ${topic}`);
      return onDomainEvent(topic, (tx, payloads) => listener(tx, payloads as PayloadOf<E, typeof topic>[]));
    },
    subscribe(subscriber, handler) {
      for (const filter of subscriber.topics) {
        if (!topics.some((t) => (filter.endsWith('.') ? t.startsWith(filter) : t === filter))) {
          throw new Error(`Subscriber ${subscriber.name}: no declared topic matches ${filter}`);
        }
      }
      // The rows were checked against the catalogue when written; the cast only names their shape.
      return subscribe(subscriber, (events: OutboxEvent[], tx) => handler(events as never, tx));
    },
  };
}
