import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../shared/sql.js';
import { filterTouches, type FacetRequest, type SearchFilter, type SearchRequest } from './engine.js';
import { allOf, anyOf, lexemes, quoteLexeme, type Lexemes } from './postgres-lexemes.js';
import { SYNONYMS } from './settings.js';
import { typoBudget, typoDistance } from './text.js';
import { SearchFacetField, SearchSortKey } from './types.js';

/** How one query word may match: itself and its synonyms, near words (typos, and for the last word completions of them), completions (last word). */
export interface WordMatch {
  word: string;
  exact: string[];
  typos: string[];
  prefixes: string[];
}

const TYPO_CANDIDATES = 16;
const PREFIX_COMPLETIONS = 24;

/**
 * One statement finds typo candidates (nearest words by trigram distance, GiST) and completions of the
 * last word (pattern index); the edit distance is then checked here. Completions come from the
 * vocabulary rather than a `:*` prefix query, because GIN cannot skip through a prefix's posting lists.
 */
export async function expandWords(em: EntityManager, words: string[], prefixLast: boolean): Promise<WordMatch[]> {
  const matches = words.map((word) => ({ word, exact: [word, ...(SYNONYMS[word] ?? [])], typos: [] as string[], prefixes: [] as string[] }));
  const typoWords = words.filter((w) => typoBudget(w) > 0);
  const prefix = prefixLast ? words.at(-1)! : null;
  if (!typoWords.length && !prefix) return matches;
  const rows = await em.execute<{ kind: string; source: string; word: string }[]>(
    `select 't' as kind, q.w as source, c.word from unnest(?::text[]) as q(w)
       cross join lateral (select word from search_word order by word <-> q.w limit ${TYPO_CANDIDATES}) c
     union all
     (select 'p', ?, word from search_word where word like ? and word <> ? order by length(word), word limit ${PREFIX_COMPLETIONS})`,
    [pgArray(typoWords), prefix, prefix === null ? null : prefix.replace(/[\\%_]/g, '\\$&') + '%', prefix],
  );
  for (const row of rows) {
    for (const m of matches) {
      if (m.word !== row.source) continue;
      if (row.kind === 'p' || (m.word === prefix && row.word.startsWith(prefix))) m.prefixes.push(row.word);
      else if (row.word !== m.word && typoDistance(m.word, row.word, typoBudget(m.word), m.word === prefix) <= typoBudget(m.word)) m.typos.push(row.word);
    }
  }
  return matches;
}

export interface TextQueries {
  /** Every word, any way it may match: what rows must satisfy. */
  match: string;
  /** Every word exact (or a synonym): the first relevance tier. */
  exact: string;
  /** Exact or completion, no typo: the second tier. */
  noTypo: string;
  /** One group per word, for the any-word fallback's "how many words matched". */
  groups: string[];
}

/** The tsqueries of a search, each word mapped to its scope's lexemes by `lexeme` (words, or title words for suggestions). */
export function textQueries(matches: WordMatch[], mode: 'all' | 'any', lexeme: (word: string) => string): TextQueries {
  const any = (words: string[]) => anyOf(words.map(lexeme));
  const groups = matches.map((m) => any([...m.exact, ...m.prefixes, ...m.typos]));
  const join = mode === 'all' ? allOf : (parts: string[]) => parts.map((p) => `(${p})`).join(' | ');
  return {
    match: join(groups),
    exact: allOf(matches.map((m) => any(m.exact))),
    noTypo: allOf(matches.map((m) => any([...m.exact, ...m.prefixes]))),
    groups,
  };
}

interface Condition {
  facet?: FacetRequest;
  sql: string;
  params: unknown[];
  /** Same condition as tsquery lexemes, so GIN applies it when it is not a facet's own filter. */
  lexemes?: string;
}

function conditions(filter: SearchFilter, L: Lexemes): Condition[] {
  const out: Condition[] = [];
  if (filter.brands?.length) {
    out.push({ facet: { field: SearchFacetField.BRAND }, sql: 'd.brand = any(?::text[])', params: [pgArray(filter.brands)], lexemes: anyOf(filter.brands.map(L.brand)) });
  }
  if (filter.category != null) {
    out.push({ facet: { field: SearchFacetField.CATEGORY }, sql: '? = any(d.categories)', params: [filter.category], lexemes: quoteLexeme(L.category(filter.category)) });
  }
  if (filter.tags?.length) {
    out.push({ facet: { field: SearchFacetField.TAG }, sql: 'd.tags && ?::text[]', params: [pgArray(filter.tags)], lexemes: anyOf(filter.tags.map(L.tag)) });
  }
  if (filter.collection != null) {
    out.push({ sql: '? = any(d.collections)', params: [filter.collection], lexemes: quoteLexeme(L.collection(filter.collection)) });
  }
  for (const [option, values] of Object.entries(filter.options ?? {})) {
    if (!values.length) continue;
    out.push({
      facet: { field: SearchFacetField.OPTION, option },
      sql: 'd.options && ?::text[]',
      params: [pgArray(values.map((v) => `${option}:${v}`))],
      lexemes: anyOf(values.map((v) => L.option(option, v))),
    });
  }
  const { minPrice, maxPrice } = filter;
  if (minPrice != null || maxPrice != null) {
    // The product's [lowest, highest] price overlaps [min, max): the priceInRange rule of the PRICE buckets.
    const bounds = [minPrice != null && 'd.max_price >= ?', maxPrice != null && 'd.min_price < ?'].filter(Boolean);
    out.push({ facet: { field: SearchFacetField.PRICE }, sql: bounds.join(' and '), params: [minPrice, maxPrice].filter((v) => v != null) });
  }
  if (filter.available != null) out.push({ facet: { field: SearchFacetField.AVAILABILITY }, sql: 'd.available = ?', params: [filter.available] });
  return out;
}

const sameFacet = (a?: FacetRequest, b?: FacetRequest) => !!a && !!b && a.field === b.field && (a.option ?? null) === (b.option ?? null);

function facetSelect(facet: FacetRequest, params: unknown[]): { value: string; from: string; where: string } {
  switch (facet.field) {
    case SearchFacetField.BRAND:
      return { value: 'm.brand', from: 'm', where: '' };
    case SearchFacetField.CATEGORY:
      return { value: 'v', from: 'm cross join unnest(m.categories) as v', where: '' };
    case SearchFacetField.TAG:
      return { value: 'v', from: 'm cross join unnest(m.tags) as v', where: '' };
    case SearchFacetField.OPTION:
      params.push(`${facet.option}:`);
      return { value: `substr(v, ${facet.option!.length + 2})`, from: 'm cross join unnest(m.options) as v', where: 'starts_with(v, ?)' };
    case SearchFacetField.PRICE:
      return { value: 'v', from: `m cross join unnest(string_to_array(m.price_bucket, ' ')) as v`, where: '' };
    case SearchFacetField.AVAILABILITY:
      return { value: 'm.available::text', from: 'm', where: '' };
  }
}

/**
 * Relevance as Meilisearch's ranking rules (settings.ts): more words matched first, then every word
 * exact, then completions, then typos; field weights; the newest product, then the product id, break
 * ties, so a query returns the same order every time.
 */
function orderBy(request: SearchRequest, text: boolean, any: boolean): string {
  const relevance = text ? `${any ? 'matched desc, ' : ''}tier, rank desc, ` : '';
  const dir = (natural: 'asc' | 'desc') => (request.reverse ? (natural === 'asc' ? 'desc' : 'asc') : natural);
  switch (request.sortKey) {
    case SearchSortKey.RELEVANCE:
      return `${relevance}created_at desc, product_id`;
    case SearchSortKey.PRICE:
      return `min_price ${dir('asc')}, ${relevance}created_at desc, product_id`;
    case SearchSortKey.CREATED_AT:
      return `created_at ${dir('asc')}, ${relevance}product_id`;
    case SearchSortKey.TITLE:
      return `sort_title ${dir('asc')}, ${relevance}created_at desc, product_id`;
    case SearchSortKey.BEST_SELLING:
      return `units_sold ${dir('desc')}, ${relevance}created_at desc, product_id`;
  }
}

/**
 * One statement for a whole search: the matching rows once (a materialized CTE when it is read more
 * than once), then the page, the total and every facet's counts from it. A filter on a requested
 * facet's field becomes a flag column, so that facet's counts can ignore it (disjunctive faceting);
 * other filters go into the GIN lookup as lexemes. Every value is a bound parameter.
 */
export function searchStatement(request: SearchRequest, text: TextQueries | null, mode: 'all' | 'any') {
  const params: unknown[] = [];
  const conds = conditions(request.filter, lexemes(request.storeId, request.locale));
  const isFlag = (c: Condition) => !!c.facet && request.facets.some((f) => sameFacet(f, c.facet) && filterTouches(request.filter, f));
  const flags = conds.filter(isFlag);
  const pushed = conds.filter((c) => !isFlag(c));

  // Only the columns the page's order and the requested facets read.
  const facetColumn: Record<SearchFacetField, string> = {
    [SearchFacetField.BRAND]: 'd.brand',
    [SearchFacetField.CATEGORY]: 'd.categories',
    [SearchFacetField.TAG]: 'd.tags',
    [SearchFacetField.OPTION]: 'd.options',
    [SearchFacetField.PRICE]: 'd.price_bucket',
    [SearchFacetField.AVAILABILITY]: 'd.available',
  };
  const sortColumn: Record<SearchSortKey, string> = {
    [SearchSortKey.RELEVANCE]: 'd.created_at',
    [SearchSortKey.PRICE]: 'd.min_price, d.created_at',
    [SearchSortKey.CREATED_AT]: 'd.created_at',
    [SearchSortKey.TITLE]: 'd.sort_title, d.created_at',
    [SearchSortKey.BEST_SELLING]: 'd.units_sold, d.created_at',
  };
  const select = [...new Set(['d.product_id', sortColumn[request.sortKey], ...request.facets.map((f) => facetColumn[f.field])])];
  if (text) {
    const tiered = text.exact !== text.match;
    select.push(tiered ? `case when d.tsv @@ ?::tsquery then 0 when d.tsv @@ ?::tsquery then 1 else 2 end as tier` : '0 as tier');
    if (tiered) params.push(text.exact, text.noTypo);
    select.push(`ts_rank('{0.1, 0.2, 0.4, 1.0}', d.tsv, ?::tsquery) as rank`);
    params.push(text.match);
    if (mode === 'any') {
      select.push(`(${text.groups.map(() => '(d.tsv @@ ?::tsquery)::int').join(' + ')}) as matched`);
      params.push(...text.groups);
    }
  }
  flags.forEach((c, i) => {
    select.push(`(${c.sql}) as f${i}`);
    params.push(...c.params);
  });

  const where: string[] = [];
  const lexemeConds = pushed.filter((c) => c.lexemes).map((c) => c.lexemes!);
  // Lexemes carry the scope; the row check guards against tag collisions (written so no index is used for it).
  where.push('d.tsv @@ ?::tsquery', `(d.store_id::text || '/' || d.locale) = ?`);
  const matching = [...(text ? [text.match] : []), ...lexemeConds];
  params.push(matching.length ? allOf(matching) : quoteLexeme(lexemes(request.storeId, request.locale).all), `${request.storeId}/${request.locale}`);
  for (const c of pushed.filter((c) => !c.lexemes)) {
    where.push(c.sql);
    params.push(...c.params);
  }

  const all = flags.map((_, i) => `f${i}`);
  const passing = (except?: FacetRequest) => {
    const list = flags.map((c, i) => (sameFacet(c.facet, except) ? null : `f${i}`)).filter(Boolean);
    return list.length ? list.join(' and ') : 'true';
  };
  const reads = 1 + (request.withTotal ? 1 : 0) + request.facets.length;
  const parts = [
    `array(select product_id from m where ${all.length ? all.join(' and ') : 'true'} order by ${orderBy(request, !!text, mode === 'any')} limit ? offset ?) as ids`,
  ];
  params.push(request.limit, request.offset);
  if (request.withTotal) parts.push(`(select count(*) from m where ${passing()}) as total`);
  request.facets.forEach((facet, i) => {
    const f = facetSelect(facet, params);
    const conditions = [passing(facet), f.where].filter((c) => c && c !== 'true');
    parts.push(
      `(select coalesce(json_agg(json_build_array(x.v, x.n)), '[]') from (select ${f.value} as v, count(*) as n from ${f.from}` +
        `${conditions.length ? ` where ${conditions.join(' and ')}` : ''} group by 1) x) as facet${i}`,
    );
  });
  const sql =
    `with m as ${reads > 1 ? 'materialized ' : ''}(select ${select.join(', ')} from search_document d where ${where.join(' and ')}) ` +
    `select ${parts.join(', ')}`;
  return { sql, params };
}
