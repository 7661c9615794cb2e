import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Meilisearch } from 'meilisearch';
import { refreshListings } from '../../src/catalog/listing.service.js';
import { reindexMeilisearch } from '../../src/search/indexer.js';
import { assertSucceeded, type MeilisearchEngine } from '../../src/search/meilisearch-engine.js';
import { MEILI_SETTINGS } from '../../src/search/settings.js';
import { wireSearch } from '../../src/search/wiring.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { describeMeili, dropIndexes, MEILI, meiliLegName, relay, uniqueIndex, useMeilisearch } from './meili-support.js';
import { en, handles, SEARCH, seedSearchCatalog } from './support.js';

const index = uniqueIndex('ops');
let server: TestServer;
let engine: MeilisearchEngine;
const pending = async () => Number((await server.db.orm.em.fork().execute<{ n: string }[]>('select count(*) as n from outbox_event where processed_at is null'))[0].n);
const search = (query: string) => server.gql('storefront', SEARCH, { query }, en);
const PRODUCTS = '{ products(first: 3) { nodes { handle } } }';

describeMeili(meiliLegName('Meilisearch operations'), () => {
  beforeAll(async () => {
    server = await startTestServer();
    engine = await useMeilisearch(server, index);
    await seedSearchCatalog(server);
    await relay(server);
  });
  afterAll(async () => {
    await dropIndexes(index);
    await server.close();
  });

  test('settings are declared in code and applied to the index before any document', async () => {
    const settings = await new Meilisearch(MEILI!).index(index).getSettings();
    expect(settings.searchableAttributes).toEqual(MEILI_SETTINGS.searchableAttributes);
    expect([...settings.filterableAttributes!].sort()).toEqual([...MEILI_SETTINGS.filterableAttributes!].sort());
    expect(settings.rankingRules).toEqual(MEILI_SETTINGS.rankingRules);
    expect(settings.synonyms).toMatchObject({ handbag: ['purse'] });
  });

  test('a failed task is an error (waitTask resolves for failures too)', async () => {
    const task = await engine.admin.index(index).addDocuments([{ id: 'not a valid id!' }]).waitTask();
    expect(() => assertSucceeded(task, 'document upsert')).toThrow(/document upsert failed/);
  });

  test('Meilisearch down: search is SEARCH_UNAVAILABLE, products keep working, the outbox keeps the changes, the worker catches up', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise((r) => closed.close(r));
    server.app.ports.search = await wireSearch(server.app, { host: deadUrl, index, timeoutMs: 500 });

    const down = await search('selma');
    expect(down.errors?.[0].extensions?.code).toBe('SEARCH_UNAVAILABLE');
    expect((await server.gql('storefront', PRODUCTS, {}, en)).data?.products.nodes).toHaveLength(3);
    // In one request, the other fields still answer (HTTP 200, search null with its error).
    const both = await server.gql('storefront', `{ products(first: 1) { nodes { handle } } search(query: "selma") { totalCount } }`, {}, en);
    expect(both.status).toBe(200);
    expect(both.data?.products.nodes).toHaveLength(1);
    expect(both.errors?.map((e) => e.extensions?.code)).toEqual(['SEARCH_UNAVAILABLE']);

    const em = server.db.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.execute(`update product set translations = jsonb_set(translations, '{en,title}', '"SELMA Pebbled Satchel"') where handle = 'selma-satchel'`);
      const [{ id }] = await tx.execute<{ id: string }[]>(`select id from product where handle = 'selma-satchel'`);
      await refreshListings(tx, [id]);
    });
    await expect(relay(server)).rejects.toThrow();
    expect(await pending()).toBe(1);

    server.app.ports.search = await wireSearch(server.app, { ...MEILI!, index }); // Meilisearch is back
    expect(await relay(server)).toBe(1);
    expect(await pending()).toBe(0);
    expect(handles(await search('pebbled satchel'))).toEqual(['selma-satchel']);
  });

  test('Meilisearch slow: search answers SEARCH_UNAVAILABLE within MEILI_TIMEOUT_MS', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const hang = http.createServer(() => {}); // accepts, never answers
    hang.on('connection', (s) => sockets.add(s));
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
    server.app.ports.search = await wireSearch(server.app, { host: `http://127.0.0.1:${(hang.address() as AddressInfo).port}`, index, timeoutMs: 300 });
    const started = Date.now();
    const res = await search('selma');
    const took = Date.now() - started;
    expect(res.errors?.[0].extensions?.code).toBe('SEARCH_UNAVAILABLE');
    expect(took).toBeLessThan(300 + 400);
    sockets.forEach((s) => s.destroy());
    await new Promise((r) => hang.close(r));
    server.app.ports.search = await wireSearch(server.app, { ...MEILI!, index });
  });

  test('search:reindex rebuilds into a fresh index and swaps it in', async () => {
    engine = server.app.ports.search as MeilisearchEngine;
    const client = new Meilisearch(MEILI!);
    await client.index(index).deleteAllDocuments().waitTask();
    expect(handles(await search('selma'))).toEqual([]);
    const progress: number[] = [];
    const count = await reindexMeilisearch(server.app.orm, engine, (done) => progress.push(done), 5);
    expect(count).toBe(progress.at(-1));
    expect(progress.length).toBeGreaterThan(1);
    expect(handles(await search('selma'))).toEqual(['selma-satchel']);
    const { results } = await client.getIndexes({ limit: 1000 });
    expect(results.map((i) => i.uid).filter((uid) => uid.startsWith(index))).toEqual([index]);
  });
});
