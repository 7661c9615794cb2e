import type { App } from '../shared/context.js';
import { catalogEvents } from '../catalog/events.js';
import type { SearchEngine } from './engine.js';
import { MEILISEARCH_SUBSCRIBER, syncProductsToMeilisearch } from './indexer.js';
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
    unwire = catalogEvents.subscribe(MEILISEARCH_SUBSCRIBER, (events, tx) =>
      syncProductsToMeilisearch(engine, tx, events.map((e) => e.aggregateId)),
    );
    await engine.start();
    return engine;
  }
  const engine = new PostgresSearchEngine(app.orm, app.logger);
  unwire = catalogEvents.listen('product.changed', (tx, changes) => indexProductsInPostgres(tx, changes.map((c) => c.productId)));
  await engine.start();
  return engine;
}
