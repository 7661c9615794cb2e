import type { App } from '../shared/context.js';
import { PRODUCTS_CHANGED } from '../catalog/listing.service.js';
import { onDomainEvent } from '../shared/domain-events.js';
import { subscribe } from '../shared/outbox.js';
import type { SearchEngine } from './engine.js';
import { syncProductsToMeilisearch } from './indexer.js';
import { MeilisearchEngine, type MeiliOptions } from './meilisearch-engine.js';
import { PostgresSearchEngine } from './postgres-engine.js';
import { indexProductsInPostgres } from './postgres-indexer.js';

let unwire: (() => void) | undefined;

/**
 * Chooses the engine from configuration and connects its index maintenance:
 * - PostgreSQL (default): the index is rebuilt inside every catalog transaction (domain event).
 * - Meilisearch (MEILI_URL): the job worker relays outbox events to it; the PostgreSQL index tables
 *   are then left alone (`npm run search:reindex -- --engine postgres` refreshes them before switching back).
 * One engine per process: wiring again replaces the previous subscriptions.
 */
export async function wireSearch(app: App, meili?: Partial<MeiliOptions>): Promise<SearchEngine> {
  unwire?.();
  const { config } = app;
  const url = meili?.host ?? config.MEILI_URL;
  if (url) {
    const engine = new MeilisearchEngine({
      host: url,
      apiKey: meili?.apiKey ?? config.MEILI_API_KEY,
      timeoutMs: meili?.timeoutMs ?? config.MEILI_TIMEOUT_MS,
      index: meili?.index,
      logger: app.logger,
    });
    unwire = subscribe('product.', (events, tx) => syncProductsToMeilisearch(engine, tx, events.map((e) => e.aggregateId)));
    await engine.start();
    return engine;
  }
  const engine = new PostgresSearchEngine(app.orm, app.logger);
  unwire = onDomainEvent(PRODUCTS_CHANGED, (tx, ids) => indexProductsInPostgres(tx, ids));
  await engine.start();
  return engine;
}
