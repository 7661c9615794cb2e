import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffRole } from '../../access/roles.js';
import { assertBrandAccess, canActOnBrand } from '../../app/auth.js';
import type { Context, Viewer } from '../../app/context.js';
import { ForbiddenError } from '../../app/errors.js';
import { decodeGlobalId } from '../../shared/ids.js';
import { pgArray } from '../../shared/sql.js';

/** What catalog services need from a request: the entity manager and who is acting. */
export type ServiceCtx = Pick<Context, 'em' | 'viewer'>;

/** The audit name of whoever acts: "staff:<id>", "apiKey:<id>" (or "system" for scripts). */
export function actorOf(viewer: Viewer): string {
  if (viewer.kind === 'staff') return `staff:${viewer.staffId}`;
  if (viewer.kind === 'apiKey') return `apiKey:${viewer.apiKeyId}`;
  return 'system';
}

/** Brands the viewer may read and write; null means every brand (platform admins, unrestricted keys). */
export function visibleBrandIds(viewer: Viewer): string[] | null {
  if (viewer.kind === 'staff') return viewer.role === StaffRole.PLATFORM_ADMIN ? null : viewer.brandIds;
  if (viewer.kind === 'apiKey') return viewer.brandIds.length === 0 ? null : viewer.brandIds;
  return [];
}

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

/** Decodes a global ID from a mutation input; `field` is the path under "input". */
export function idOf(globalId: string, type: string, ...field: (string | number)[]): string {
  return decodeGlobalId(globalId, type, ['input', ...field.map(String)]).id;
}

export function idOrNull(globalId: string | null | undefined, type: string, ...field: (string | number)[]): string | null | undefined {
  if (globalId === undefined) return undefined;
  return globalId === null ? null : idOf(globalId, type, ...field);
}
