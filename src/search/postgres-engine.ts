import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { countProducts, productIdsAfter } from '../catalog/search-source.js';
import { pgArray } from '../shared/sql.js';
import { sortFacetCounts, type FacetCounts, type SearchEngine, type SearchHits, type SearchRequest, type SuggestHits, type SuggestRequest } from './engine.js';
import { indexProductsInPostgres, pruneMissingProducts } from './postgres-indexer.js';
import { lexemes, quoteLexeme } from './postgres-lexemes.js';
import { expandWords, searchStatement, textQueries, type TextQueries } from './postgres-query.js';
import { fold, words as splitWords } from './text.js';
import { LISTED_IN_STORE } from '../catalog/storefront/product-list.js';

type Row = Record<string, any>;

/** Bumped when the rows' content changes meaning (lexeme scheme, columns): start() then rebuilds them. */
export const INDEX_FORMAT = '~format:3';
const INDEX_LOCK = 7_114_226;

/**
 * The default engine: PostgreSQL full text over search_document, kept in the catalog's own
 * transactions (always consistent). Two statements per search: word expansion (typos, completions)
 * and the search itself with its page, total and facet counts.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly kind = 'postgres' as const;

  constructor(
    private readonly orm: MikroORM,
    private readonly logger?: Logger,
  ) {}

  describe() {
    return 'PostgreSQL full-text (tsvector + pg_trgm), consistent with the catalog';
  }

  /**
   * Indexes the catalog when the index is empty but products are published (first start), or was
   * written in an older row format (recorded as a "~format:" entry of search_word, which no query
   * word can reach). One process does it (advisory lock); the others wait for it.
   */
  async start(): Promise<void> {
    await this.orm.em.fork().transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(?)', [INDEX_LOCK]);
      const [state] = await tx.execute<Row[]>(
        `select exists (select 1 from product_listing l where ${LISTED_IN_STORE}) as published,
                exists (select 1 from search_document) as indexed,
                coalesce((select word from search_word where word like '~format:%' limit 1), '') as format`,
      );
      const stale = state.indexed && state.format !== INDEX_FORMAT;
      if (state.published && (!state.indexed || stale)) {
        this.logger?.info(stale ? 'search index has an older format: rebuilding it' : 'search index is empty: indexing the catalog');
        const count = await rebuildPostgresIndex(this.orm);
        this.logger?.info({ products: count }, 'search index built');
      }
      if (state.format !== INDEX_FORMAT) {
        await tx.execute(`delete from search_word where word like '~format:%'`);
        await tx.execute('insert into search_word (word) values (?)', [INDEX_FORMAT]);
      }
    });
  }

  async search(em: EntityManager, request: SearchRequest): Promise<SearchHits> {
    if (request.words.length === 0) return this.run(em, request, null, 'all');
    const matches = await expandWords(em, request.words, request.prefixLast);
    const multiWord = request.words.length > 1;
    const word = lexemes(request.storeId, request.locale).word;
    const strict = await this.run(em, { ...request, withTotal: request.withTotal || (multiWord && request.offset > 0) }, textQueries(matches, 'all', word), 'all');
    if (!multiWord || strict.productIds.length > 0 || strict.total > 0) return strict;
    // Nothing has every word: rank what has the most of them (as Meilisearch's matching strategy).
    return this.run(em, request, textQueries(matches, 'any', word), 'any');
  }

  private async run(em: EntityManager, request: SearchRequest, text: TextQueries | null, mode: 'all' | 'any'): Promise<SearchHits> {
    // One row more than the page tells whether another page follows.
    const { sql, params } = searchStatement({ ...request, limit: request.limit + 1 }, text, mode);
    const [row] = await em.execute<Row[]>(sql, params);
    const ids: string[] = row.ids ?? [];
    const facets: FacetCounts[] = request.facets.map((facet, i) => ({
      field: facet.field,
      option: facet.option,
      counts: sortFacetCounts(
        facet.field,
        (row[`facet${i}`] as [string, number][]).map(([value, count]) => ({ value, count: Number(count) })),
      ),
    }));
    return { productIds: ids.slice(0, request.limit), hasMore: ids.length > request.limit, total: Number(row.total ?? 0), facets };
  }

  async suggest(em: EntityManager, request: SuggestRequest): Promise<SuggestHits> {
    if (!request.words.length) return { products: [] };
    const matches = await expandWords(em, request.words, true);
    // Title words only; no ranking in SQL: the first 200 matching rows are ranked here.
    const text = textQueries(matches, 'all', lexemes(request.storeId, request.locale).title);
    const rows = await em.execute<{ title: string; handle: string }[]>(
      `select d.title, d.handle from search_document d where d.tsv @@ ?::tsquery and (d.store_id::text || '/' || d.locale) = ? limit 200`,
      [text.match, `${request.storeId}/${request.locale}`],
    );
    return { products: rankTitles(rows, request.words).slice(0, request.limit) };
  }

  async presentCategories(em: EntityManager, storeId: string, locale: string, handles: string[]): Promise<Set<string>> {
    if (!handles.length) return new Set();
    const L = lexemes(storeId, locale);
    const queries = handles.map((h) => quoteLexeme(L.category(h)));
    const rows = await em.execute<{ i: string }[]>(
      `select q.i from unnest(?::text[]) with ordinality as q(tq, i)
        where exists (select 1 from search_document d where d.tsv @@ q.tq::tsquery)`,
      [pgArray(queries)],
    );
    return new Set(rows.map((r) => handles[Number(r.i) - 1]));
  }
}

/** Titles that start with what was typed first, then those containing every word, shorter first; no repeats. */
export function rankTitles<T extends { title: string }>(rows: T[], words: string[]): T[] {
  const typed = words.join(' ');
  const score = (title: string) => {
    const folded = splitWords(title).join(' ');
    if (folded.startsWith(typed)) return 0;
    const own = new Set(splitWords(title));
    return words.every((w) => own.has(w)) ? 1 : 2;
  };
  const seen = new Set<string>();
  return rows
    .map((row) => ({ row, s: score(row.title) }))
    .sort((a, b) => a.s - b.s || a.row.title.length - b.row.title.length || a.row.title.localeCompare(b.row.title))
    .filter(({ row }) => {
      const key = fold(row.title);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map(({ row }) => row);
}

/** Rebuilds every product's rows, in batches of their own transactions; returns the product count. */
export async function rebuildPostgresIndex(orm: MikroORM, onBatch?: (done: number, total: number) => void, batchSize = 500): Promise<number> {
  const em = orm.em.fork();
  const total = await countProducts(em);
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const ids = await productIdsAfter(em, after, batchSize);
    if (!ids.length) break;
    await orm.em.fork().transactional((tx) => indexProductsInPostgres(tx, ids));
    done += ids.length;
    after = ids.at(-1)!;
    onBatch?.(done, total);
  }
  await pruneMissingProducts(em);
  return done;
}
