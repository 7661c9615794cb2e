import 'reflect-metadata';
import cliProgress from 'cli-progress';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { StaffRole } from '../src/shared/roles.js';
import { bootRuntime, exitOnStartupError } from '../src/app/boot.js';
import type { Viewer } from '../src/shared/context.js';
import { brandService } from '../src/catalog/admin/brand.service.js';
import { categoryService } from '../src/catalog/admin/category.service.js';
import { collectionService } from '../src/catalog/admin/collection.service.js';
import type { ServiceCtx } from '../src/shared/scope.js';
import { storeService } from '../src/catalog/admin/store.service.js';
import { StockLocationKind, StoreKind } from '../src/catalog/entities/enums.js';
import { importCatalog } from '../src/catalog/import/import.service.js';
import { toGlobalId } from '../src/shared/ids.js';
import { CurrencyCode } from '../src/shared/money.js';

/**
 * The peer's deterministic catalog (../shared/peer-vendure/lib/catalog.mjs) in our import format,
 * so both servers serve the same products: one brand, one USD store with one warehouse, the 21
 * values of its Category facet as categories and collections, Colour/Size options.
 *
 *   node dist/bench/vendure-catalog.js --count 2000 --out /tmp/lx.jsonl     convert only
 *   node dist/bench/vendure-catalog.js --in peer.jsonl --load                convert, set up and import
 */
export const VENDURE_BRAND = 'maison-lx';
export const VENDURE_STORE = 'lx-us';
export const VENDURE_LOCATION = 'warehouse';

export interface PeerProduct {
  idx: number;
  name: string;
  slug: string;
  description: string;
  category: string;
  asset: string;
  optionGroups: { code: string; name: string; values: string[] }[];
  variants: { sku: string; colour: string; size: string; name: string; price: number; stock: number }[];
}

export const slugify = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
const cents = (amount: number) => (amount / 100).toFixed(2);

/** One peer product as one line of our catalog import. */
export function convertProduct(p: PeerProduct) {
  const category = slugify(p.category);
  return {
    brand: VENDURE_BRAND,
    handle: p.slug,
    status: 'ACTIVE',
    category,
    tags: [category],
    translations: { en: { title: p.name, descriptionHtml: `<p>${p.description}</p>` } },
    options: p.optionGroups.map((g) => ({
      code: g.code,
      names: { en: g.name },
      values: g.values.map((v) => ({ code: slugify(v), names: { en: v } })),
    })),
    media: [{ url: `https://assets.example/lx/${p.asset}`, alt: { en: p.name }, width: 16, height: 16 }],
    variants: p.variants.map((v) => ({
      sku: v.sku,
      optionValues: { colour: slugify(v.colour), size: slugify(v.size) },
      prices: [{ store: VENDURE_STORE, amount: cents(v.price) }],
      inventory: [{ store: VENDURE_STORE, location: VENDURE_LOCATION, onHand: v.stock }],
    })),
    publish: [VENDURE_STORE],
    collections: [category],
  };
}

export function convertJsonl(peerJsonl: string): string {
  return peerJsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.stringify(convertProduct(JSON.parse(l) as PeerProduct)))
    .join('\n') + '\n';
}

const PEER_DIR = process.env.PEER_VENDURE_SRC ?? path.resolve('../shared/peer-vendure');

/** The peer's own generator, so the catalog is byte-for-byte the one Vendure imports. */
export async function peerCatalog(count: number): Promise<{ products: PeerProduct[]; categories: string[] }> {
  const mod = await import(pathToFileURL(path.join(PEER_DIR, 'lib/catalog.mjs')).href);
  return { products: mod.generateCatalog(count), categories: (mod.CATEGORIES as [string][]).map((c) => c[0]) };
}

/** Brand, store, warehouse, categories and collections the converted lines refer to; created once. */
export async function ensureVendureFixtures(ctx: ServiceCtx, categories: string[]) {
  const one = async (sql: string, params: unknown[]) => (await ctx.em.fork().execute<{ id: string }[]>(sql, params as never[]))[0]?.id;
  let brandId = await one('select id from brand where handle = ?', [VENDURE_BRAND]);
  brandId ??= (await brandService.create(ctx, { handle: VENDURE_BRAND, defaultLocale: 'en', translations: [{ locale: 'en', name: 'Maison LX' }] })).brand.id;
  let storeId = await one('select id from store where handle = ?', [VENDURE_STORE]);
  storeId ??= (
    await storeService.create(ctx, {
      handle: VENDURE_STORE,
      name: 'Maison LX US',
      kind: StoreKind.ONLINE_FLAGSHIP,
      brandIds: [toGlobalId('Brand', brandId)],
      marketCountry: 'US',
      currency: CurrencyCode.USD,
      defaultLocale: 'en-US',
      supportedLocales: ['en-US', 'en'],
      timeZone: 'America/New_York',
      showStockQuantity: true,
    })
  ).store.id;
  if (!(await one('select id from stock_location where store_id = ? and handle = ?', [storeId, VENDURE_LOCATION]))) {
    await storeService.locationCreate(ctx, { storeId: toGlobalId('Store', storeId), handle: VENDURE_LOCATION, name: 'Warehouse', kind: StockLocationKind.WAREHOUSE });
  }
  for (const [position, name] of categories.entries()) {
    const handle = slugify(name);
    if (!(await one('select id from category where handle = ?', [handle]))) {
      await categoryService.create(ctx, { handle, position, translations: [{ locale: 'en', name }] });
    }
    if (!(await one('select id from collection where handle = ?', [handle]))) {
      await collectionService.create(ctx, { handle, brandId: toGlobalId('Brand', brandId), translations: [{ locale: 'en', title: name }] });
    }
  }
}

async function main() {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '2000' }, in: { type: 'string' }, out: { type: 'string' }, load: { type: 'boolean', default: false } },
  });
  const { products, categories } = await peerCatalog(Number(values.count));
  const jsonl = values.in ? convertJsonl(readFileSync(values.in, 'utf8')) : products.map((p) => JSON.stringify(convertProduct(p))).join('\n') + '\n';
  if (values.out) writeFileSync(values.out, jsonl);
  else if (!values.load) process.stdout.write(jsonl);
  if (!values.load) return;

  const runtime = await bootRuntime({ LOG_LEVEL: 'warn', ...process.env }, { worker: false });
  try {
    const viewer: Viewer = { kind: 'staff', staffId: 'system', role: StaffRole.PLATFORM_ADMIN, brandIds: [] };
    await ensureVendureFixtures({ em: runtime.app.orm.em.fork(), viewer }, categories);
    const bar = new cliProgress.SingleBar({ format: 'import [{bar}] {value}/{total} lines' }, cliProgress.Presets.shades_classic);
    const started = performance.now();
    let barStarted = false;
    const report = await importCatalog(runtime.app.orm.em.fork(), viewer, jsonl, {
      actor: 'system:vendure-catalog',
      onProgress: (done, total) => (barStarted ? bar.update(done) : (bar.start(total, done), (barStarted = true))),
    });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(`${report.lines} lines in ${seconds.toFixed(2)} s (${Math.round(report.lines / seconds)} lines/s): ${report.created} created, ${report.updated} updated, ${report.failed} failed`);
    for (const e of report.errors.slice(0, 20)) console.log(`  line ${e.line} ${e.field.join('.')}: ${e.message}`);
  } finally {
    await runtime.shutdown();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main().catch(exitOnStartupError);
