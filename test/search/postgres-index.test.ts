import { refreshListings } from '../../src/catalog/listing.service.js';
import type { SearchRequest } from '../../src/search/engine.js';
import { INDEX_FORMAT, PostgresSearchEngine, rebuildPostgresIndex } from '../../src/search/postgres-engine.js';
import { SearchSortKey } from '../../src/search/types.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { en, handles, SEARCH, seedSearchCatalog } from './support.js';

let server: TestServer;
let storeId: string;
let selmaId: string;
beforeAll(async () => {
  server = await startTestServer();
  const products = await seedSearchCatalog(server);
  selmaId = products.selma.id;
  storeId = (await server.db.orm.em.fork().execute<{ id: string }[]>(`select id from store where handle = 'mk-tmall'`))[0].id;
});
afterAll(() => server.close());

const engine = () => server.app.ports.search as PostgresSearchEngine;
const request = (words: string[]): SearchRequest => ({
  storeId, locale: 'en', text: words.join(' '), words, prefixLast: false, filter: {}, sortKey: SearchSortKey.RELEVANCE,
  reverse: false, facets: [], offset: 0, limit: 10, withTotal: true,
});
const rename = (tx: import('@mikro-orm/postgresql').EntityManager, title: string) =>
  tx.execute(`update product set translations = jsonb_set(translations, '{en,title}', to_jsonb(?::text)) where id = ?`, [title, selmaId]);

test('the index changes in the catalog transaction: visible inside it, gone with a rollback, live at commit', async () => {
  const em = server.db.orm.em.fork();
  await em
    .transactional(async (tx) => {
      await rename(tx, 'SELMA Moonlight Satchel');
      await refreshListings(tx, [selmaId]);
      expect((await engine().search(tx, request(['moonlight']))).productIds).toEqual([selmaId]);
      throw new Error('rollback');
    })
    .catch((err) => expect(err.message).toBe('rollback'));
  expect((await engine().search(em, request(['moonlight']))).productIds).toEqual([]);

  await em.transactional(async (tx) => {
    await rename(tx, 'SELMA Sunrise Satchel');
    await refreshListings(tx, [selmaId]);
  });
  const res = await server.gql('storefront', SEARCH, { query: 'sunrise' }, en);
  expect(res.data!.search.edges.map((e: any) => e.node.title)).toEqual(['SELMA Sunrise Satchel']);
});

test('concurrent changes to the same products both commit (upserts wait for each other)', async () => {
  const ids = (await server.db.orm.em.fork().execute<{ id: string }[]>('select id from product')).map((r) => r.id);
  await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      server.db.orm.em.fork().transactional(async (tx) => {
        await refreshListings(tx, i % 2 ? ids : [...ids].reverse());
      }),
    ),
  );
  expect(handles(await server.gql('storefront', SEARCH, { query: 'sunrise' }, en))).toEqual(['selma-satchel']);
});

test('unpublishing or drafting removes a product from results', async () => {
  const em = server.db.orm.em.fork();
  await em.transactional(async (tx) => {
    await tx.execute(`update product set status = 'DRAFT' where id = ?`, [selmaId]);
    await refreshListings(tx, [selmaId]);
  });
  expect(handles(await server.gql('storefront', SEARCH, { query: 'sunrise' }, en))).toEqual([]);
  const rows = await em.execute(`select 1 from search_document where product_id = ?`, [selmaId]);
  expect(rows).toHaveLength(0);
  await em.transactional(async (tx) => {
    await tx.execute(`update product set status = 'ACTIVE' where id = ?`, [selmaId]);
    await refreshListings(tx, [selmaId]);
  });
  expect(handles(await server.gql('storefront', SEARCH, { query: 'sunrise' }, en))).toEqual(['selma-satchel']);
});

test('an empty index is built at start; a rebuild drops rows of deleted products', async () => {
  const em = server.db.orm.em.fork();
  await em.execute('delete from search_document');
  await engine().start();
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from search_document');
  expect(Number(n)).toBe(9 * 2 + 1 * 2); // 9 products x (zh-CN, en) in one store, SELMA x (it, en) in the other
  await em.execute(`insert into search_document select store_id, locale, gen_random_uuid(), tsv, handle, title, brand, categories, tags, collections, options,
                      price_bucket, min_price, max_price, available, created_at, sort_title, units_sold from search_document limit 1`);
  await rebuildPostgresIndex(server.app.orm);
  const [{ m }] = await em.execute<{ m: string }[]>('select count(*) as m from search_document');
  expect(Number(m)).toBe(20);
});

test('rows written in an older format are rebuilt at start', async () => {
  const em = server.db.orm.em.fork();
  await em.execute(`update search_document set tsv = ''::tsvector where product_id = ?`, [selmaId]);
  await em.execute(`update search_word set word = '~format:0' where word like '~format:%'`);
  expect(handles(await server.gql('storefront', SEARCH, { query: 'sunrise' }, en))).toEqual([]);
  await engine().start();
  expect(handles(await server.gql('storefront', SEARCH, { query: 'sunrise' }, en))).toEqual(['selma-satchel']);
  expect(await em.execute(`select word from search_word where word like '~format:%'`)).toEqual([{ word: INDEX_FORMAT }]);
});

test('a search request takes a constant handful of statements, whatever the page size', async () => {
  const GRID = `query G($first: Int!) { search(query: "leather", first: $first, facets: [{ field: BRAND }, { field: CATEGORY }, { field: OPTION, option: "colour" }]) {
      totalCount facets { field values { value label count } }
      nodes { handle title brand { name } featuredImage { url } priceRange { minVariantPrice { amount } } availableForSale } } }`;
  for (const first of [1, 5, 50]) {
    const { result, queries } = await server.db.queries.measure(() => server.gql('storefront', GRID, { first }, en));
    expect(result.errors).toBeUndefined();
    expect(queries).toBeLessThanOrEqual(6); // store, word expansion, search, products, labels, brands
  }
});
