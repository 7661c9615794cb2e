import type { EntityManager } from '@mikro-orm/postgresql';
import { assertBrandAccess, canActOnBrand } from '../../shared/auth.js';
import type { Viewer } from '../../shared/context.js';
import { ForbiddenError } from '../../shared/errors.js';
import { visibleBrandIds } from '../../shared/scope.js';
import { pgArray } from '../../shared/sql.js';

/** Platform-wide data (brand groups, the category tree, multi-brand collections): no brand restriction. */
export function assertPlatformScope(viewer: Viewer): void {
  if (visibleBrandIds(viewer) !== null) throw new ForbiddenError('Only a platform admin can change platform-wide catalog data');
}

export { assertBrandAccess, canActOnBrand };

/** A store is managed by whoever may act on every brand it carries (a Design Mall carries several). */
export async function assertStoreAccess(em: EntityManager, viewer: Viewer, storeId: string): Promise<string[]> {
  const brandIds = await storeBrandIds(em, storeId);
  if (brandIds.length === 0) assertPlatformScope(viewer);
  else assertBrandAccess(viewer, brandIds);
  return brandIds;
}

export async function storeBrandIds(em: EntityManager, storeId: string): Promise<string[]> {
  const rows = await em.execute<{ brand_id: string }[]>('select brand_id from store_brand where store_id = ?', [storeId]);
  return rows.map((r) => r.brand_id);
}

/** Whether each store carries the brand, by store id. */
export async function storesCarrying(em: EntityManager, storeIds: string[], brandId: string): Promise<Set<string>> {
  if (storeIds.length === 0) return new Set();
  const rows = await em.execute<{ store_id: string }[]>(
    'select store_id from store_brand where store_id = any(?::uuid[]) and brand_id = ?',
    [pgArray(storeIds), brandId],
  );
  return new Set(rows.map((r) => r.store_id));
}
