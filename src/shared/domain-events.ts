import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * In-transaction domain events: a handler runs inside the transaction that made the change, so a
 * read model it maintains (the PostgreSQL search index) is never behind the data. Domains subscribe
 * at composition time; the publisher does not know who listens. Reached through a domain's typed
 * event catalogue (`defineEvents` in events.ts), which also writes the outbox rows.
 */
type Handler = (tx: EntityManager, payloads: unknown[]) => Promise<void>;

const handlers = new Map<string, Handler[]>();

export function onDomainEvent(topic: string, handler: Handler): () => void {
  handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
  return () => handlers.set(topic, (handlers.get(topic) ?? []).filter((h) => h !== handler));
}

export async function publishDomainEvent(tx: EntityManager, topic: string, payloads: unknown[]): Promise<void> {
  for (const handler of handlers.get(topic) ?? []) await handler(tx, payloads);
}
