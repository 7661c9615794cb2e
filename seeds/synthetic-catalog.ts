import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { catalogEntities } from '../src/catalog/entities/index.js';
import { refreshListings } from '../src/catalog/listing.service.js';
import { BRAND_GROUPS, BRANDS, CATEGORIES } from './demo-data.js';
import * as vocab from './synthetic-vocabulary.js';
import type { Word } from './synthetic-vocabulary.js';

/**
 * A deterministic synthetic luxury catalog for benchmarks. Product n is a pure function of (seed, n),
 * so runs, batch sizes and --append never change what product n looks like. Rows are written with
 * one multi-row INSERT ... SELECT FROM unnest($1::type[], ...) per table per batch (thousands of rows
 * per statement, one transaction per batch), then listings are brought up to date with the catalog's
 * own refreshListings in chunks, so price ranges, availability, sort titles, in-transaction
 * subscribers (search) and outbox events are exactly what the admin API would produce.
 */

export const DEFAULT_SEED = 20_201_111;

export const SYNTHETIC_STORES = [
  { handle: 'synthetic-cn', name: 'Luxury Pavilion China (synthetic)', currency: 'CNY', marketCountry: 'CN', defaultLocale: 'zh-CN', supportedLocales: ['zh-CN', 'en'], timeZone: 'Asia/Shanghai', location: ['shanghai-dc', 'Shanghai Distribution Centre'] },
  { handle: 'synthetic-eu', name: 'Luxury Pavilion Europe (synthetic)', currency: 'EUR', marketCountry: 'IT', defaultLocale: 'en', supportedLocales: ['en', 'it', 'fr'], timeZone: 'Europe/Rome', location: ['milan-dc', 'Milan Warehouse'] },
  { handle: 'synthetic-us', name: 'Luxury Pavilion US (synthetic)', currency: 'USD', marketCountry: 'US', defaultLocale: 'en', supportedLocales: ['en'], timeZone: 'America/New_York', location: ['new-jersey-dc', 'New Jersey Distribution Centre'] },
] as const;

export type SyntheticMode = 'refuse' | 'append' | 'reset';

export interface SyntheticOptions {
  products: number;
  seed?: number;
  /** refuse (default): stop if the catalog has products; append: add after them; reset: empty the catalog first. */
  mode?: SyntheticMode;
  /** Products per insert transaction and per refreshListings call. */
  batchSize?: number;
  /** Called once the catalog passed the refuse/append/reset check, with the first product number. */
  onStart?: (firstIndex: number) => void;
  onProgress?: (phase: 'products' | 'listings', done: number, total: number) => void;
}

export interface SyntheticResult {
  firstIndex: number;
  products: number;
  variants: number;
  prices: number;
  inventoryLevels: number;
  listings: number;
  /** Time spent generating and inserting rows. */
  insertMs: number;
  /** Time spent in refreshListings (overlapping the inserts). */
  refreshMs: number;
}

/** The catalog already has products and neither append nor reset was asked for. */
export class CatalogNotEmptyError extends Error {
  constructor(readonly products: number) {
    super(`The catalog already has ${products.toLocaleString('en')} products: pass --append to add to them or --reset to empty the catalog first.`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Generation (pure)

export interface SyntheticVariant {
  sku: string;
  colour: string;
  size?: string;
  /** Whole euros; other currencies are derived in priceIn. */
  eur: number;
  /** Units on hand at each synthetic store's location, in SYNTHETIC_STORES order. */
  stock: number[];
}

export interface SyntheticProduct {
  index: number;
  handle: string;
  brand: string;
  category: string;
  tags: string[];
  title: { en: string; 'zh-CN': string };
  description: { en: string; 'zh-CN': string };
  options: { code: string; names: Record<string, string>; values: { code: string; names: Record<string, string> }[] }[];
  media: { id: string; url: string; alt: Record<string, string> }[];
  variants: SyntheticVariant[];
  /** Sale price: the compare-at price is this much higher (e.g. 1.25), or undefined. */
  compareAtFactor?: number;
  /** Indexes into vocab.COLLECTIONS. */
  collections: number[];
  weightGrams: number;
}

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const slugify = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');

const TYPE_WEIGHT = vocab.PRODUCT_TYPES.reduce((sum, t) => sum + t.weight, 0);

/** Product number `index` (1-based) of the catalog for `seed`. */
export function generateProduct(index: number, seed = DEFAULT_SEED): SyntheticProduct {
  const rnd = mulberry32(seed ^ Math.imul(index, 0x9e3779b1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  let x = rnd() * TYPE_WEIGHT;
  const type = vocab.PRODUCT_TYPES.find((t) => (x -= t.weight) < 0) ?? vocab.PRODUCT_TYPES[0];
  const brand = pick(type.brands ?? vocab.FASHION_BRANDS);
  const model = pick(vocab.MODELS);
  const [materialEn, materialZh] = pick(type.materials);
  const [nounEn, nounZh] = pick(type.nouns);
  const number = String(index).padStart(7, '0');
  const titleEn = `${model} ${materialEn} ${nounEn}`;

  const fill = ([en, zh]: Word): Word => [
    en.replace('{m}', model).replace('{n}', nounEn.toLowerCase()).replace('{a}', materialEn.toLowerCase()),
    zh.replace('{m}', model).replace('{n}', nounZh).replace('{a}', materialZh),
  ];
  const d1 = Math.floor(rnd() * vocab.DETAILS.length);
  const d2 = (d1 + 1 + Math.floor(rnd() * (vocab.DETAILS.length - 1))) % vocab.DETAILS.length;
  const sentences = [fill(pick(vocab.OPENERS)), vocab.DETAILS[d1], ...(rnd() < 0.5 ? [vocab.DETAILS[d2]] : []), pick(vocab.ORIGINS)];

  // 3-5 variants: colours x a run of consecutive sizes
  const count = 3 + Math.floor(rnd() * 3);
  const firstColour = Math.floor(rnd() * vocab.COLOURS.length);
  const colourAt = (k: number) => vocab.COLOURS[(firstColour + k * 5) % vocab.COLOURS.length];
  let colours: Word[];
  let sizes: Word[] | null = null;
  if (!type.sizes) {
    colours = Array.from({ length: count }, (_, k) => colourAt(k));
  } else {
    const nSizes = Math.min(type.sizes.length, count === 4 ? 2 : 3);
    const from = Math.floor(rnd() * (type.sizes.length - nSizes + 1));
    sizes = type.sizes.slice(from, from + nSizes);
    colours = Array.from({ length: Math.ceil(count / nSizes) }, (_, k) => colourAt(k));
  }
  const eur = Math.round((type.eur[0] + rnd() * (type.eur[1] - type.eur[0])) / 10) * 10;
  const variants: SyntheticVariant[] = [];
  for (const colour of colours) {
    for (const size of sizes ?? [null]) {
      if (variants.length === count) break;
      const big = size && /^(Large|XL|Check-In L|Trunk|44 mm)$/.test(size[0]);
      variants.push({
        sku: `SYN-${number}-${variants.length + 1}`,
        colour: slugify(colour[0]),
        ...(size && { size: slugify(size[0]) }),
        eur: big ? Math.round((eur * 1.08) / 10) * 10 : eur,
        stock: SYNTHETIC_STORES.map(() => (rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 60))),
      });
    }
  }
  const usedColours = colours.filter((c) => variants.some((v) => v.colour === slugify(c[0])));
  const names = ([en, zh]: Word) => ({ en, 'zh-CN': zh });
  const options = [
    { code: 'colour', names: { en: 'Colour', 'zh-CN': '颜色' }, values: usedColours.map((c) => ({ code: slugify(c[0]), names: names(c) })) },
    ...(sizes ? [{ code: 'size', names: { en: 'Size', 'zh-CN': '尺码' }, values: sizes.map((s) => ({ code: slugify(s[0]), names: names(s) })) }] : []),
  ];
  const handle = `${slugify(titleEn)}-${number}`;
  const images = 1 + Math.floor(rnd() * 3);
  const collections = rnd() < 0.6 ? [Math.floor(rnd() * vocab.COLLECTIONS.length)] : [];
  if (collections.length && rnd() < 0.25) {
    const second = Math.floor(rnd() * vocab.COLLECTIONS.length);
    if (second !== collections[0]) collections.push(second);
  }
  return {
    index,
    handle,
    brand,
    category: type.category,
    tags: [type.category, slugify(model), slugify(materialEn)],
    title: { en: titleEn, 'zh-CN': `${model} ${materialZh}${nounZh}` },
    description: { en: sentences.map((s) => s[0]).join(' '), 'zh-CN': sentences.map((s) => s[1]).join('') },
    options,
    media: Array.from({ length: images }, (_, i) => {
      const [viewEn, viewZh] = vocab.IMAGE_VIEWS[i];
      return {
        id: `${handle}-${i + 1}`,
        url: `https://media.flagship-demo.example/synthetic/${number}-${i + 1}.jpg`,
        alt: { en: `${titleEn} – ${viewEn}`, 'zh-CN': `${model} ${materialZh}${nounZh} – ${viewZh}` },
      };
    }),
    variants,
    compareAtFactor: rnd() < 0.05 ? 1.25 : undefined,
    collections,
    weightGrams: type.grams,
  };
}

/** A whole-euro price in a store currency, in minor units, at round luxury price points. */
export function priceIn(currency: string, eur: number): number {
  switch (currency) {
    case 'CNY':
      return Math.max(1, Math.round((eur * 8.6) / 100)) * 100 * 100; // CNY 12,900.00
    case 'USD':
      return Math.max(1, Math.round((eur * 1.15) / 5)) * 5 * 100; // USD 1,250.00
    default:
      return eur * 100;
  }
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** Column-major rows for one INSERT ... SELECT FROM unnest(...): one array parameter per column. */
class Rows {
  private readonly data: unknown[][];
  constructor(
    private readonly table: string,
    private readonly columns: [name: string, type: string][],
    private readonly constants: Record<string, string> = {},
  ) {
    this.data = columns.map(() => []);
  }
  add(...values: unknown[]) {
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i]);
  }
  get size() {
    return this.data[0].length;
  }
  async insert(client: pg.ClientBase): Promise<number> {
    if (this.size === 0) return 0;
    // text[] columns travel as array literals in a text[] (unnest would flatten a 2-d array)
    const select = this.columns.map(([name, type]) => (type === 'text[]' ? `${name}::text[]` : name));
    const params = this.columns.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'text' : type}[]`);
    const names = this.columns.map(([name]) => name);
    const sql =
      `insert into ${this.table} (${[...names, ...Object.keys(this.constants)].join(', ')}) ` +
      `select ${[...select, ...Object.values(this.constants)].join(', ')} from unnest(${params.join(', ')}) as t(${names.join(', ')})`;
    await client.query(sql, this.columns.map(([, type], i) => arrayLiteral(type, this.data[i])));
    return this.size;
  }
}

const PLAIN = new Set(['uuid', 'int', 'bigint', 'product_status', 'currency_code']);
const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A PostgreSQL array literal; node-pg's generic conversion costs more than the insert itself on wide batches. */
function arrayLiteral(type: string, values: unknown[]): string {
  const plain = PLAIN.has(type);
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : plain ? String(v) : quote(String(v)))).join(',')}}`;
}

interface Reference {
  brands: Map<string, string>;
  categories: Map<string, string>;
  collections: string[];
  collectionNext: number[];
  stores: { id: string; currency: string; locationId: string }[];
}

const stamps = { created_at: 'now()', updated_at: 'now()' };

export async function seedSynthetic(orm: MikroORM, opts: SyntheticOptions): Promise<SyntheticResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const batchSize = opts.batchSize ?? 5000;
  const client = new pg.Client({ connectionString: orm.config.get('clientUrl') });
  await client.connect();
  const result: SyntheticResult = { firstIndex: 1, products: 0, variants: 0, prices: 0, inventoryLevels: 0, listings: 0, insertMs: 0, refreshMs: 0 };
  const em = orm.em.fork();
  let refreshing = Promise.resolve();
  let refreshFailure: unknown;
  let pending = 0;
  try {
    const { rows: [{ n }] } = await client.query<{ n: number }>('select count(*)::int as n from product');
    if (opts.mode === 'reset') await resetCatalog(client, orm, batchSize);
    else if (n > 0 && opts.mode !== 'append') throw new CatalogNotEmptyError(n);
    const ref = await transaction(client, () => ensureReference(client));
    const skipFkChecks = await maySkipFkChecks(client);
    const { rows: [{ last }] } = await client.query<{ last: number }>(
      `select coalesce(max(substring(sku from '^SYN-(\\d+)-')::int), 0) as last from product_variant where sku like 'SYN-%'`,
    );
    result.firstIndex = last + 1;
    opts.onStart?.(result.firstIndex);
    let refreshed = 0;
    for (let from = 0; from < opts.products && !refreshFailure; from += batchSize) {
      const count = Math.min(batchSize, opts.products - from);
      const t0 = performance.now();
      const batch = Array.from({ length: count }, (_, k) => generateProduct(result.firstIndex + from + k, seed));
      const ids = await transaction(client, () => insertBatch(client, ref, batch, result, skipFkChecks));
      result.insertMs += performance.now() - t0;
      opts.onProgress?.('products', from + count, opts.products);
      // The committed batch's listings are refreshed on an ORM connection while the next batch is
      // inserted: the two touch different rows, and on a small machine they use both cores.
      pending++;
      const earlier = refreshing;
      refreshing = earlier
        .then(async () => {
          if (refreshFailure) return;
          const t1 = performance.now();
          await em.transactional((tx) => refreshListings(tx, ids));
          result.refreshMs += performance.now() - t1;
          refreshed += ids.length;
          opts.onProgress?.('listings', refreshed, opts.products);
        })
        .catch((err) => void (refreshFailure ??= err))
        .finally(() => pending--);
      if (pending > 2) await earlier; // keep the inserts at most two batches ahead
    }
    await refreshing;
    if (refreshFailure) throw refreshFailure;
    return result;
  } finally {
    await refreshing;
    await client.end();
  }
}

async function transaction<T>(client: pg.ClientBase, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    const value = await work();
    await client.query('commit');
    return value;
  } catch (err) {
    await client.query('rollback');
    throw err;
  }
}

/**
 * Empties every catalog table (and, by cascade, rows elsewhere that point at them), then announces the
 * removed products as changed, so subscribers drop them too (the search index has no foreign key to
 * products: its in-transaction indexer and the Meilisearch outbox relay find them gone).
 */
async function resetCatalog(client: pg.ClientBase, orm: MikroORM, chunk: number) {
  const tables = new Set<string>();
  const catalog = new Set<unknown>(catalogEntities);
  for (const meta of orm.getMetadata().getAll().values()) {
    if (!catalog.has(meta.class)) continue;
    tables.add(meta.tableName);
    for (const prop of Object.values(meta.properties)) if (prop.pivotTable) tables.add(prop.pivotTable);
  }
  const { rows } = await client.query<{ id: string }>('select id from product');
  await transaction(client, async () => {
    await client.query(`truncate ${[...tables].map((t) => `"${t}"`).join(', ')} restart identity cascade`);
    // the demo set is gone with the catalog: let the next start load it again
    await client.query(`delete from seed_history where name = 'demo'`);
  });
  const em = orm.em.fork();
  for (let i = 0; i < rows.length; i += chunk) {
    const ids = rows.slice(i, i + chunk).map((r) => r.id);
    await em.transactional((tx) => refreshListings(tx, ids));
  }
}

/** Brand groups, brands, categories, stores and collections: reused by handle, created when missing. */
async function ensureReference(client: pg.ClientBase): Promise<Reference> {
  const groups = await upsertByHandle(client, 'brand_group', [['handle', 'text'], ['name', 'text']], BRAND_GROUPS.map((g) => [g.handle, g.name]));
  const brandRows = [
    ...BRANDS.map((b) => [b.handle, b.group ? groups.get(b.group) : null, b.defaultLocale, JSON.stringify({ en: { name: b.name.en }, 'zh-CN': { name: b.name['zh-CN'] } })]),
    ...vocab.EXTRA_BRANDS.map((b) => [b.handle, b.group ? groups.get(b.group) : null, 'en', JSON.stringify({ en: { name: b.en }, 'zh-CN': { name: b.zh } })]),
  ];
  const brands = await upsertByHandle(client, 'brand', [['handle', 'text'], ['group_id', 'uuid'], ['default_locale', 'text'], ['translations', 'jsonb']], brandRows);

  const categories = new Map<string, string>();
  for (const c of [...CATEGORIES, ...vocab.EXTRA_CATEGORIES]) {
    const parent = c.parent ? await client.query<{ path: string }>('select path from category where handle = $1', [c.parent]) : null;
    const path = parent ? `${parent.rows[0].path}/${c.handle}` : c.handle;
    const ids = await upsertByHandle(
      client,
      'category',
      [['handle', 'text'], ['parent_id', 'uuid'], ['path', 'text'], ['translations', 'jsonb']],
      [[c.handle, c.parent ? categories.get(c.parent) : null, path, JSON.stringify(Object.fromEntries(Object.entries(c.name).map(([l, name]) => [l, { name }])))]],
    );
    categories.set(c.handle, ids.get(c.handle)!);
  }

  const storeIds = await upsertByHandle(
    client,
    'store',
    [['handle', 'text'], ['name', 'text'], ['kind', 'store_kind'], ['market_country', 'text'], ['currency', 'currency_code'], ['default_locale', 'text'], ['supported_locales', 'text[]'], ['time_zone', 'text']],
    SYNTHETIC_STORES.map((s) => [s.handle, s.name, 'ONLINE_FLAGSHIP', s.marketCountry, s.currency, s.defaultLocale, `{${s.supportedLocales.join(',')}}`, s.timeZone]),
  );
  const stores = [];
  for (const s of SYNTHETIC_STORES) {
    const storeId = storeIds.get(s.handle)!;
    await client.query(
      `insert into stock_location (id, created_at, updated_at, store_id, handle, name, kind) values ($1, now(), now(), $2, $3, $4, 'WAREHOUSE')
       on conflict (store_id, handle) do nothing`,
      [uuidv7(), storeId, s.location[0], s.location[1]],
    );
    const { rows } = await client.query<{ id: string }>('select id from stock_location where store_id = $1 and handle = $2', [storeId, s.location[0]]);
    await client.query(
      `insert into store_brand (store_id, brand_id) select $1, id from brand where handle = any($2) on conflict do nothing`,
      [storeId, [...brands.keys()]],
    );
    stores.push({ id: storeId, currency: s.currency, locationId: rows[0].id });
  }

  const collections = await upsertByHandle(
    client,
    'collection',
    [['handle', 'text'], ['translations', 'jsonb']],
    vocab.COLLECTIONS.map(([handle, en, zh]) => [handle, JSON.stringify({ en: { title: en, descriptionHtml: '' }, 'zh-CN': { title: zh, descriptionHtml: '' } })]),
  );
  const collectionIds = vocab.COLLECTIONS.map(([handle]) => collections.get(handle)!);
  const { rows: next } = await client.query<{ id: string; next: number }>(
    `select c.id, coalesce((select max(position) + 1 from collection_product cp where cp.collection_id = c.id), 0)::int as next
       from collection c where c.id = any($1)`,
    [collectionIds],
  );
  const nextById = new Map(next.map((r) => [r.id, r.next]));
  return { brands, categories, collections: collectionIds, collectionNext: collectionIds.map((id) => nextById.get(id) ?? 0), stores };
}

/** Inserts rows keyed by handle (first column) unless the handle exists; returns handle -> id for all. */
async function upsertByHandle(client: pg.ClientBase, table: string, columns: [string, string][], rows: unknown[][]): Promise<Map<string, string>> {
  const width = columns.length + 1;
  const values = rows.map((_, r) => {
    const params = [`$${r * width + 1}::uuid`, ...columns.map(([, type], c) => `$${r * width + c + 2}::${type}`)];
    return `(${[...params, 'now()', 'now()'].join(', ')})`;
  });
  await client.query(
    `insert into ${table} (id, ${columns.map(([name]) => name).join(', ')}, created_at, updated_at) values ${values.join(', ')} on conflict (handle) do nothing`,
    rows.flatMap((row) => [uuidv7(), ...row]),
  );
  const { rows: found } = await client.query<{ id: string; handle: string }>(`select id, handle from ${table} where handle = any($1)`, [rows.map((r) => r[0])]);
  return new Map(found.map((x) => [x.handle, x.id]));
}

const BATCH_TABLES = ['product', 'product_variant', 'variant_price', 'inventory_level', 'product_listing', 'collection_product'];

/**
 * Foreign-key checks are three quarters of the cost of inserting prices and stock levels (measured:
 * 24,000 price rows in 317 ms with them, 75 ms without). A batch's rows only point at rows inserted
 * earlier in the same transaction (products, variants) or read at the start (brands, categories,
 * stores, locations, collections), so the bulk-load technique of pg_restore --disable-triggers applies:
 * session_replication_role = replica skips the RI triggers. Only when the role may set it (superuser,
 * or granted SET on the parameter) and the batch tables have no triggers of their own, so nothing but
 * the FK checks is skipped; otherwise every row is checked as usual.
 */
async function maySkipFkChecks(client: pg.ClientBase): Promise<boolean> {
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      `select ((select rolsuper from pg_roles where rolname = current_user) or has_parameter_privilege('session_replication_role', 'SET'))
          and not exists (select 1 from pg_trigger where tgrelid = any($1::regclass[]) and not tgisinternal) as ok`,
      [BATCH_TABLES],
    );
    return rows[0].ok;
  } catch {
    return false;
  }
}

/** Writes one batch of products with everything they need; returns their ids. */
async function insertBatch(client: pg.ClientBase, ref: Reference, batch: SyntheticProduct[], result: SyntheticResult, skipFkChecks: boolean): Promise<string[]> {
  const productIds: string[] = [];
  const products = new Rows('product', [['id', 'uuid'], ['handle', 'text'], ['brand_id', 'uuid'], ['status', 'product_status'], ['category_id', 'uuid'], ['tags', 'text[]'], ['translations', 'jsonb'], ['options', 'jsonb'], ['media', 'jsonb']], stamps);
  const variants = new Rows('product_variant', [['id', 'uuid'], ['product_id', 'uuid'], ['sku', 'text'], ['option_values', 'jsonb'], ['weight_grams', 'int'], ['position', 'int']], stamps);
  const prices = new Rows('variant_price', [['variant_id', 'uuid'], ['store_id', 'uuid'], ['amount', 'bigint'], ['compare_at_amount', 'bigint'], ['currency', 'currency_code']], { updated_at: 'now()' });
  const stock = new Rows('inventory_level', [['variant_id', 'uuid'], ['location_id', 'uuid'], ['on_hand', 'int']], { reserved: '0', updated_at: 'now()' });
  const listings = new Rows('product_listing', [['store_id', 'uuid'], ['product_id', 'uuid']], { published_at: 'now()' });
  const members = new Rows('collection_product', [['collection_id', 'uuid'], ['product_id', 'uuid'], ['position', 'int']]);

  for (const p of batch) {
    const productId = uuidv7();
    productIds.push(productId);
    const translations = {
      en: { title: p.title.en, descriptionHtml: `<p>${p.description.en}</p>` },
      'zh-CN': { title: p.title['zh-CN'], descriptionHtml: `<p>${p.description['zh-CN']}</p>` },
    };
    products.add(productId, p.handle, ref.brands.get(p.brand), 'ACTIVE', ref.categories.get(p.category), `{${p.tags.join(',')}}`, JSON.stringify(translations), JSON.stringify(p.options), JSON.stringify(p.media));
    p.variants.forEach((v, position) => {
      const variantId = uuidv7();
      variants.add(variantId, productId, v.sku, JSON.stringify(v.size ? { colour: v.colour, size: v.size } : { colour: v.colour }), p.weightGrams, position);
      ref.stores.forEach((store, s) => {
        const amount = priceIn(store.currency, v.eur);
        const compareAt = p.compareAtFactor ? priceIn(store.currency, Math.round((v.eur * p.compareAtFactor) / 10) * 10) : null;
        prices.add(variantId, store.id, amount, compareAt, store.currency);
        stock.add(variantId, store.locationId, v.stock[s]);
      });
    });
    for (const store of ref.stores) listings.add(store.id, productId);
    for (const c of p.collections) members.add(ref.collections[c], productId, ref.collectionNext[c]++);
  }
  if (skipFkChecks) await client.query('set local session_replication_role = replica');
  result.products += await products.insert(client);
  result.variants += await variants.insert(client);
  result.prices += await prices.insert(client);
  result.inventoryLevels += await stock.insert(client);
  result.listings += await listings.insert(client);
  await members.insert(client);
  return productIds;
}
