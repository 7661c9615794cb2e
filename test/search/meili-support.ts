import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { MeilisearchEngine } from '../../src/search/meilisearch-engine.js';
import { wireSearch } from '../../src/search/wiring.js';
import { relayOutbox } from '../../src/shared/outbox.js';
import type { TestServer } from '../support/server.js';

/** The real Meilisearch started by test/global-setup.mjs; the leg is skipped (and says so) without it. */
export const MEILI = process.env.MEILI_URL ? { host: process.env.MEILI_URL, apiKey: process.env.MEILI_API_KEY } : null;
export const describeMeili = MEILI ? describe : describe.skip;
export const meiliLegName = (name: string) => (MEILI ? name : `${name} (skipped: MEILI_URL is not set, no Meilisearch binary installed)`);

/** Each test file gets its own index names, so files run in parallel against one Meilisearch. */
export function uniqueIndex(label: string) {
  return `t_${label}_${process.env.JEST_WORKER_ID ?? 0}_${randomBytes(4).toString('hex')}`;
}

/** Switches a test server to Meilisearch on its own index and returns the engine. */
export async function useMeilisearch(server: TestServer, index: string, timeoutMs = 2000): Promise<MeilisearchEngine> {
  const engine = (await wireSearch(server.app, { ...MEILI!, index, timeoutMs })) as MeilisearchEngine;
  await engine.ensureReady();
  server.app.ports.search = engine;
  return engine;
}

export const relay = (server: TestServer) => relayOutbox(server.app.orm.em.fork());

export async function dropIndexes(prefix: string) {
  const client = new Meilisearch(MEILI!);
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((i) => i.uid.startsWith(prefix))) await client.deleteIndex(index.uid).waitTask();
}
