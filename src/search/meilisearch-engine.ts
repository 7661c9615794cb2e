import type { EntityManager } from '@mikro-orm/postgresql';
import { Meilisearch, MeilisearchApiError, type MultiSearchResponse, type Task } from 'meilisearch';
import type { Logger } from 'pino';
import type { SearchDocument } from './document.js';
import { SearchUnavailableError, type SearchEngine, type SearchHits, type SearchRequest, type SuggestHits, type SuggestRequest } from './engine.js';
import { facetCounts, filterExpressions, quote, searchPlan, type MatchingStrategy } from './meili-query.js';
import { rankTitles } from './postgres-engine.js';
import { MEILI_SETTINGS, meiliLocale } from './settings.js';

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  /** Bound on every search request: past it, search answers SEARCH_UNAVAILABLE. */
  timeoutMs: number;
  /** The live index (default "products"); rebuilds go to "<index>_rebuild_<time>" and are swapped in. */
  index?: string;
  logger?: Logger;
}

/** The Meilisearch document of a product in a store: text per store locale, facets, sort values. */
export function meiliDocument(doc: SearchDocument) {
  const perLocale = (field: 'title' | 'categoryNames' | 'optionNames' | 'description') =>
    Object.fromEntries(Object.entries(doc.texts).map(([locale, t]) => [locale, t[field]]));
  return {
    id: `${doc.storeId}_${doc.productId}`,
    storeId: doc.storeId,
    productId: doc.productId,
    handle: doc.handle,
    title: perLocale('title'),
    brandNames: doc.brandNames,
    categoryNames: perLocale('categoryNames'),
    keywords: doc.keywords,
    optionNames: perLocale('optionNames'),
    description: perLocale('description'),
    brand: doc.brand,
    categories: doc.categories,
    tags: doc.tags,
    collections: doc.collections,
    options: doc.options,
    priceBuckets: doc.priceBuckets,
    minPrice: doc.minPrice,
    maxPrice: doc.maxPrice,
    available: doc.available,
    createdAt: doc.createdAt.getTime(),
    sortTitle: doc.sortTitle,
    unitsSold: doc.unitsSold,
  };
}

/** waitTask resolves for failed tasks too: anything but "succeeded" is an error. */
export function assertSucceeded(task: Task, what: string): Task {
  if (task.status !== 'succeeded') throw new Error(`Meilisearch ${what} ${task.status}: ${task.error?.message ?? 'no detail'}`);
  return task;
}

export class MeilisearchEngine implements SearchEngine {
  readonly kind = 'meilisearch' as const;
  readonly index: string;
  /** Short timeout: storefront searches. */
  readonly client: Meilisearch;
  /** Long timeout: settings and documents, from the job worker and the reindex command. */
  readonly admin: Meilisearch;
  private ready: Promise<void> | null = null;

  constructor(private readonly options: MeiliOptions) {
    this.index = options.index ?? 'products';
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: options.timeoutMs });
    this.admin = new Meilisearch({ host: options.host, apiKey: options.apiKey, timeout: 30_000, defaultWaitOptions: { timeout: 120_000, interval: 50 } });
  }

  describe() {
    return `Meilisearch at ${this.options.host} (index "${this.index}"), synced from the outbox by the job worker`;
  }

  /** Applies the settings; Meilisearch being down must not stop the API (search then answers SEARCH_UNAVAILABLE). */
  async start(): Promise<void> {
    const ready = this.ensureReady().then(
      () => true,
      (err) => {
        this.options.logger?.warn({ err: (err as Error).message }, 'Meilisearch not ready yet; settings are applied again before the next sync');
        return false;
      },
    );
    // Waits at most the search timeout: a slow Meilisearch delays start-up by that much, no more.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([ready, new Promise((resolve) => (timer = setTimeout(resolve, this.options.timeoutMs)))]);
    clearTimeout(timer);
  }

  /** The index exists with our settings (before any document): once per process, retried after a failure. */
  ensureReady(): Promise<void> {
    this.ready ??= applySettings(this.admin, this.index).then(
      (created) => {
        if (created) this.options.logger?.warn(`Meilisearch index "${this.index}" was created empty: run \`npm run search:reindex\` to fill it from the catalog`);
      },
      (err) => {
        this.ready = null;
        throw err;
      },
    );
    return this.ready;
  }

  async search(_em: EntityManager, request: SearchRequest): Promise<SearchHits> {
    let hits = await this.run(request, 'all');
    if (hits.total === 0 && request.words.length > 1) hits = await this.run(request, 'frequency');
    return hits;
  }

  private async run(request: SearchRequest, strategy: MatchingStrategy): Promise<SearchHits> {
    const plan = searchPlan(this.index, request, strategy);
    const response = await this.call(() => this.client.multiSearch({ queries: plan.queries }));
    if (!response) return { productIds: [], hasMore: false, total: 0, facets: request.facets.map((f) => ({ field: f.field, option: f.option, counts: [] })) };
    const [main] = response.results;
    const total = main.totalHits ?? main.estimatedTotalHits ?? 0;
    const ids = main.hits.slice(plan.skip).map((h) => h.productId as string);
    return {
      productIds: ids,
      hasMore: request.offset + request.limit < total,
      total,
      facets: request.facets.map((facet, i) => facetCounts(facet, response.results[plan.facetSources[i]].facetDistribution)),
    };
  }

  async suggest(_em: EntityManager, request: SuggestRequest): Promise<SuggestHits> {
    const locale = meiliLocale(request.locale);
    const response = await this.call(() =>
      this.client.index(this.index).search(request.words.join(' '), {
        filter: filterExpressions(request.storeId, {}),
        attributesToSearchOn: [`title.${request.locale}`, 'brandNames'],
        attributesToRetrieve: ['handle', 'title'],
        ...(locale ? { locales: [locale] as never } : {}),
        limit: request.limit * 4,
      }),
    );
    const rows = (response?.hits ?? []).map((h) => ({ handle: h.handle as string, title: (h.title as Record<string, string>)[request.locale] ?? '' }));
    return { products: rankTitles(rows, request.words).slice(0, request.limit) };
  }

  async presentCategories(_em: EntityManager, storeId: string, _locale: string, handles: string[]): Promise<Set<string>> {
    if (!handles.length) return new Set();
    const response = await this.call(() =>
      this.client.index(this.index).search('', {
        filter: [`storeId = ${quote(storeId)}`, `categories IN [${handles.map(quote).join(', ')}]`],
        facets: ['categories'],
        limit: 0,
      }),
    );
    const present = response?.facetDistribution?.categories ?? {};
    return new Set(handles.filter((h) => present[h]));
  }

  /**
   * Runs a search request with a hard time bound. Unreachable, slow, or without its index: SEARCH_UNAVAILABLE.
   * A locale no document has text in yet is an empty result (null), not an error.
   */
  private async call<T>(request: () => Promise<T>): Promise<T | null> {
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SearchUnavailableError(`no answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    try {
      return await Promise.race([request(), bound]);
    } catch (err) {
      if (err instanceof SearchUnavailableError) throw err;
      if (err instanceof MeilisearchApiError) {
        const code = err.cause?.code;
        if (code === 'invalid_search_attributes_to_search_on') return null;
        if (code !== 'index_not_found' && (err.response?.status ?? 500) < 500) throw err;
      }
      this.options.logger?.warn({ err: (err as Error).message }, 'Meilisearch unavailable');
      throw new SearchUnavailableError((err as Error).name === 'MeilisearchRequestTimeoutError' ? `no answer within ${this.options.timeoutMs} ms` : 'search service unreachable');
    } finally {
      clearTimeout(timer);
    }
  }

  /** Upserts the documents and removes the given products' documents that are no longer visible; waits and checks both tasks. */
  async syncDocuments(productIds: string[], documents: ReturnType<typeof meiliDocument>[], index = this.index): Promise<void> {
    await this.ensureReady();
    const target = this.admin.index(index);
    const tasks = [];
    if (documents.length) tasks.push(['upsert', target.addDocuments(documents, { primaryKey: 'id' })] as const);
    const keep = documents.map((d) => d.id);
    tasks.push([
      'delete',
      target.deleteDocuments({ filter: [`productId IN [${productIds.map(quote).join(', ')}]`, `id NOT IN [${keep.map(quote).join(', ')}]`] }),
    ] as const);
    for (const [what, task] of tasks) assertSucceeded(await task.waitTask(), `document ${what}`);
  }
}

export type MeiliResponse = MultiSearchResponse;

const INDEX_TASK_TIMEOUT_MS = 120_000;

/** Creates the index when missing and applies the declared settings, checking each task's outcome; true when it was created. */
export async function applySettings(client: Meilisearch, index: string): Promise<boolean> {
  // meilisearch-js's createIndex ignores the client's defaultWaitOptions (Index.create builds its own
  // TaskClient with the 5 s default): a loaded machine timed out here, so the wait is explicit.
  const created = await client.createIndex(index, { primaryKey: 'id' }).waitTask({ timeout: INDEX_TASK_TIMEOUT_MS });
  if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') assertSucceeded(created, 'index creation');
  assertSucceeded(await client.index(index).updateSettings(MEILI_SETTINGS).waitTask(), 'settings update');
  return created.status === 'succeeded';
}
