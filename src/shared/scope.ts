import type { EntityManager, EntityName, FilterQuery } from '@mikro-orm/postgresql';
import { isPlatformAdmin } from './auth.js';
import type { Context, Viewer } from './context.js';
import { decodeGlobalId } from './ids.js';
import { DomainError } from './user-errors.js';

/** What services need from a request: the entity manager and who is acting. */
export type ServiceCtx = Pick<Context, 'em' | 'viewer'>;

/** The audit name of whoever acts: "staff:<id>", "apiKey:<id>", "customer:<id>" (or "system" for scripts and jobs). */
export function actorOf(viewer: Viewer): string {
  if (viewer.kind === 'staff') return `staff:${viewer.staffId}`;
  if (viewer.kind === 'apiKey') return `apiKey:${viewer.apiKeyId}`;
  if (viewer.kind === 'customer') return `customer:${viewer.customerId}`;
  return 'system';
}

/** Brands the viewer may read and write; null means every brand (platform admins, unrestricted keys). */
export function visibleBrandIds(viewer: Viewer): string[] | null {
  if (viewer.kind === 'staff') return isPlatformAdmin(viewer) ? null : viewer.brandIds;
  if (viewer.kind === 'apiKey') return viewer.brandIds.length === 0 ? null : viewer.brandIds;
  return [];
}

/** Whether the viewer sees rows of this brand (a row without a brand is platform data: platform scope only). */
export function seesBrand(viewer: Viewer, brandId: string | null | undefined): boolean {
  const visible = visibleBrandIds(viewer);
  return !visible || (brandId != null && visible.includes(brandId));
}

/** Decodes a global ID from a mutation input; `field` is the path under "input". */
export function idOf(globalId: string, type: string, ...field: (string | number)[]): string {
  return decodeGlobalId(globalId, type, ['input', ...field.map(String)]).id;
}

export function idOrNull(globalId: string | null | undefined, type: string, ...field: (string | number)[]): string | null | undefined {
  if (globalId === undefined) return undefined;
  return globalId === null ? null : idOf(globalId, type, ...field);
}

/**
 * Loads the row a mutation changes: unknown is a NOT_FOUND userError on `field`, and `authorize` throws
 * (FORBIDDEN) when the viewer may not change it; nothing has been written either way.
 */
export async function loadForWrite<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  opts: { what: string; field: (string | number)[]; authorize(row: T): void | Promise<unknown>; populate?: string[] },
): Promise<T> {
  const row = await em.findOne(entity, where as never, opts.populate ? ({ populate: opts.populate } as never) : undefined);
  if (!row) throw new DomainError('NOT_FOUND', `No such ${opts.what}`, opts.field.map(String));
  await opts.authorize(row as T);
  return row as T;
}
