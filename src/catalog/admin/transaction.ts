import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { taken } from './errors.js';
import type { ServiceCtx } from './scope.js';

/** Unique constraints a concurrent writer can still hit after the service checked: which input field they mean. */
const UNIQUE: Record<string, { what: string; field: string[] }> = {
  brand_group_handle_unique: { what: 'The brand group handle', field: ['handle'] },
  brand_handle_unique: { what: 'The brand handle', field: ['handle'] },
  store_handle_unique: { what: 'The store handle', field: ['handle'] },
  stock_location_store_id_handle_unique: { what: 'The location handle', field: ['handle'] },
  category_handle_unique: { what: 'The category handle', field: ['handle'] },
  collection_handle_unique: { what: 'The collection handle', field: ['handle'] },
  product_handle_unique: { what: 'The product handle', field: ['handle'] },
  product_variant_sku_unique: { what: 'A SKU', field: ['variants'] },
};

/**
 * The service's transaction: everything or nothing. Services check handles and SKUs before writing;
 * when a concurrent request takes one in between, the unique constraint refuses the commit and the
 * caller gets the same TAKEN userError instead of an internal error.
 */
export async function transaction<T>(ctx: ServiceCtx, work: (tx: EntityManager) => Promise<T>): Promise<T> {
  try {
    return await ctx.em.transactional(work);
  } catch (err) {
    const known = err instanceof UniqueConstraintViolationException ? UNIQUE[(err as { constraint?: string }).constraint ?? ''] : undefined;
    if (known) throw taken(`${known.what} was just taken by another request`, ['input', ...known.field]);
    throw err;
  }
}
