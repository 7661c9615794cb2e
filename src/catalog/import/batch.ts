import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { DomainError } from '../../shared/user-errors.js';
import { CatalogErrorCode, catalogError, invalid, taken } from '../admin/errors.js';
import { mergeTranslations } from '../admin/locales.js';
import { checkVariants } from '../admin/product.rules.js';
import type { MediaData, ProductOptionData, ProductText, Translations } from '../entities/translations.js';
import { refreshListings } from '../listing.service.js';
import type { PlannedLine } from './plan.js';
import { arr, writeBatch, type BatchRows } from './writer.js';

type Row = Record<string, unknown>;

export interface LineError {
  line: number;
  code: string;
  field: string[];
  message: string;
}

export interface BatchResult {
  created: number[];
  updated: number[];
  errors: LineError[];
}

export function lineError(line: number, err: DomainError): LineError {
  return { line, code: err.code, field: err.field ?? [], message: err.message };
}

/** What the database already holds for the batch's handles and SKUs, read in four statements (stock rows locked). */
async function prefetch(em: EntityManager, plans: PlannedLine[]) {
  const products = await em.execute<Row[]>('select * from product where handle = any(?::text[])', [arr(plans.map((p) => p.handle))]);
  const skus = plans.flatMap((p) => p.variants.map((v) => v.sku));
  const bySku = skus.length ? await em.execute<Row[]>('select id, sku, product_id from product_variant where sku = any(?::text[])', [arr(skus)]) : [];
  const live = products.length
    ? await em.execute<Row[]>('select id, sku, product_id, option_values from product_variant where product_id = any(?::uuid[]) and archived_at is null', [
        arr(products.map((p) => p.id as string)),
      ])
    : [];
  const levels = bySku.length
    ? await em.execute<Row[]>(
        'select variant_id, location_id, on_hand, reserved from inventory_level where variant_id = any(?::uuid[]) order by variant_id, location_id for update',
        [arr(bySku.map((v) => v.id as string))],
      )
    : [];
  return {
    products: new Map(products.map((p) => [p.handle as string, p])),
    variants: new Map(bySku.map((v) => [v.sku as string, v])),
    live,
    levels: new Map(levels.map((l) => [`${l.variant_id}/${l.location_id}`, l])),
  };
}

/**
 * Checks a batch of lines against the database and writes the good ones in one go; a line that
 * fails a check is reported and left out, so nothing of it is written. Runs inside the caller's
 * transaction; an unexpected database error aborts the whole batch (the caller retries line by line).
 */
export async function runBatch(em: EntityManager, plans: PlannedLine[], actor: string): Promise<BatchResult> {
  const found = await prefetch(em, plans);
  const rows: BatchRows = { products: [], variants: [], prices: [], stock: [], listings: [], members: [] };
  const result: BatchResult = { created: [], updated: [], errors: [] };
  for (const plan of plans) {
    try {
      const staged = stage(plan, found);
      for (const key of Object.keys(rows) as (keyof BatchRows)[]) (rows[key] as unknown[]).push(...staged[key]);
      (staged.existing ? result.updated : result.created).push(plan.line);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      result.errors.push(lineError(plan.line, err));
    }
  }
  await writeBatch(em, rows, actor);
  await refreshListings(em, rows.products.map((p) => p.id));
  return result;
}

function stage(plan: PlannedLine, found: Awaited<ReturnType<typeof prefetch>>): BatchRows & { existing: boolean } {
  const existing = found.products.get(plan.handle);
  if (existing && existing.brand_id !== plan.brand.id) throw invalid(`Product ${plan.handle} belongs to another brand`, ['brand']);
  const productId = (existing?.id as string | undefined) ?? uuidv7();
  const variantIds = plan.variants.map((v, i) => {
    const row = found.variants.get(v.sku);
    if (row && row.product_id !== productId) throw taken(`SKU ${v.sku} belongs to another product`, ['variants', i, 'sku']);
    return (row?.id as string | undefined) ?? uuidv7();
  });
  const options = plan.options ?? ((existing?.options as ProductOptionData[] | undefined) ?? []);
  const lineSkus = new Set(plan.variants.map((v) => v.sku));
  const kept = found.live
    .filter((v) => v.product_id === productId && !lineSkus.has(v.sku as string))
    .map((v) => ({ sku: v.sku as string, optionValues: v.option_values as Record<string, string> }));
  checkVariants(options, plan.variants, ['variants'], kept, ['options']);
  const translations = mergeTranslations((existing?.translations as Translations<ProductText>) ?? {}, plan.translations ?? {});
  if (!translations[plan.brand.defaultLocale]?.title) {
    throw invalid(`A title in the brand's default locale (${plan.brand.defaultLocale}) is required`, ['translations']);
  }
  const previousMedia = (existing?.media as MediaData[] | undefined) ?? [];
  const media = plan.media
    ? plan.media.map((m) => ({ id: previousMedia.find((p) => p.url === m.url)?.id ?? randomUUID(), ...m }))
    : previousMedia;

  const stock = plan.variants.flatMap((v, i) =>
    v.inventory.map((s) => {
      const level = found.levels.get(`${variantIds[i]}/${s.locationId}`);
      const reserved = Number(level?.reserved ?? 0);
      if (s.onHand < reserved) {
        throw catalogError(CatalogErrorCode.BELOW_RESERVED, `On hand ${s.onHand} is below the ${reserved} units reserved`, s.field);
      }
      return { variantId: variantIds[i], locationId: s.locationId, onHand: s.onHand };
    }),
  );
  return {
    existing: !!existing,
    products: [
      {
        id: productId,
        handle: plan.handle,
        brandId: plan.brand.id,
        status: plan.status ?? (existing?.status as string | undefined) ?? 'DRAFT',
        categoryId: plan.categoryId !== undefined ? plan.categoryId : ((existing?.category_id as string | null) ?? null),
        tags: plan.tags ?? ((existing?.tags as string[] | undefined) ?? []),
        translations,
        options,
        media,
      },
    ],
    variants: plan.variants.map((v, i) => ({
      id: variantIds[i],
      productId,
      sku: v.sku,
      optionValues: v.optionValues,
      barcode: v.barcode,
      weightGrams: v.weightGrams,
      position: i,
    })),
    prices: plan.variants.flatMap((v, i) => v.prices.map((p) => ({ ...p, variantId: variantIds[i] }))),
    stock,
    listings: plan.publish.map((storeId) => ({ storeId, productId })),
    members: plan.collections.map((collectionId) => ({ collectionId, productId })),
  };
}
