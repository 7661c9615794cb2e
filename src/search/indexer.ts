import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { countProducts, loadSearchSource, productIdsAfter } from '../catalog/search-source.js';
import { matchesTopic } from '../shared/outbox.js';
import { buildDocument } from './document.js';
import { applySettings, assertSucceeded, meiliDocument, type MeilisearchEngine } from './meilisearch-engine.js';

/** The outbox subscriber that feeds Meilisearch: its cursor row is keyed by this name. */
export const MEILISEARCH_SUBSCRIBER = { name: 'search.meilisearch', topics: ['product.'] } as const;

/**
 * Keeps Meilisearch in step with the catalog. The outbox relay hands over product ids in commit order
 * (one relay at a time); each sync reads the products' current state and upserts it, so replays and
 * retries are harmless (idempotent) and the last sync of a product always wins.
 */
export async function syncProductsToMeilisearch(engine: MeilisearchEngine, em: EntityManager, productIds: string[], index?: string) {
  const ids = [...new Set(productIds)];
  if (!ids.length) return;
  const documents = (await loadSearchSource(em, ids)).map((l) => meiliDocument(buildDocument(l)));
  await engine.syncDocuments(ids, documents, index);
}

export interface ReindexProgress {
  (done: number, total: number): void;
}

/**
 * Rebuilds into a fresh index, swaps it in (searches never see a half-built index), drops the old one,
 * then re-syncs the products changed meanwhile (their outbox events may have gone to the old index).
 */
export async function reindexMeilisearch(orm: MikroORM, engine: MeilisearchEngine, onProgress?: ReindexProgress, batchSize = 1000): Promise<number> {
  const em = orm.em.fork();
  const [mark] = await em.execute<{ id: string | null }[]>('select max(id) as id from outbox_event');
  const fresh = `${engine.index}_rebuild_${Date.now()}`;
  await applySettings(engine.admin, fresh);
  const total = await countProducts(em);
  let after: string | null = null;
  let done = 0;
  try {
    for (;;) {
      const ids = await productIdsAfter(em, after, batchSize);
      if (!ids.length) break;
      const documents = (await loadSearchSource(em, ids)).map((l) => meiliDocument(buildDocument(l)));
      if (documents.length) assertSucceeded(await engine.admin.index(fresh).addDocuments(documents, { primaryKey: 'id' }).waitTask(), 'document upsert');
      done += ids.length;
      after = ids.at(-1)!;
      onProgress?.(done, total);
    }
    await engine.ensureReady(); // the live index exists (with settings) so there is something to swap with
    assertSucceeded(await engine.admin.swapIndexes([{ indexes: [engine.index, fresh], rename: false }]).waitTask(), 'index swap');
  } finally {
    await engine.admin.deleteIndex(fresh).waitTask().catch(() => undefined);
  }
  const changed = await em.execute<{ id: string; topic: string }[]>(
    `select distinct aggregate_id as id, topic from outbox_event where id > ?`,
    [mark.id ?? 0],
  );
  const ids = changed.filter((r) => matchesTopic(MEILISEARCH_SUBSCRIBER.topics, r.topic)).map((r) => r.id);
  if (ids.length) await syncProductsToMeilisearch(engine, em, ids);
  return done;
}
