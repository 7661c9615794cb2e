import type { EntityManager } from '@mikro-orm/postgresql';
import { Authorized } from 'type-graphql';
import { validate as isUuid } from 'uuid';
import type { Requirement } from '../../shared/auth.js';
import type { Viewer } from '../../shared/context.js';
import { tryDecodeGlobalId } from '../../shared/ids.js';
import { StaffRole } from '../../shared/roles.js';
import { seesBrand, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';
import { DomainError } from '../../shared/user-errors.js';
import { Client } from './entities.js';
import { ConciergeErrorCode } from './errors.js';

/**
 * Who may use the concierge tools: client advisors (CONCIERGE) and BRAND_ADMIN of the client's brand;
 * platform admins pass every staff check. No API key scope reaches client data.
 *
 * The PII permission is a role, not a new flag: email and phone are shown to BRAND_ADMIN (and platform
 * admins) only; a CONCIERGE sees names, sizes, preferences and history, and contacts the client through
 * the brand's channels. It needs no schema change to staff or keys, and a brand that wants an advisor to
 * see contact details makes them a brand admin.
 */
export const CONCIERGE: Requirement[] = [StaffRole.CONCIERGE, StaffRole.BRAND_ADMIN];
export const BRAND_ADMIN_ONLY: Requirement[] = [StaffRole.BRAND_ADMIN];
export const ConciergeAccess = () => Authorized<Requirement>(...CONCIERGE);
export const BrandAdminAccess = () => Authorized<Requirement>(...BRAND_ADMIN_ONLY);

export function seesPii(viewer: Viewer): boolean {
  return viewer.kind === 'staff' && (viewer.role === StaffRole.BRAND_ADMIN || viewer.role === StaffRole.PLATFORM_ADMIN);
}

export function isConciergeViewer(viewer: Viewer): boolean {
  return viewer.kind === 'staff';
}

/** Brands whose clients the viewer reaches; null = every brand. */
export const clientBrands = (ctx: ServiceCtx) => visibleBrandIds(ctx.viewer);

export const notFound = (field: string[], what = 'client') => new DomainError(ConciergeErrorCode.NOT_FOUND, `No such ${what}`, field);

/** The uuid of a global id of `type`, or NOT_FOUND naming the field (a bad id reveals nothing). */
export function uuidOf(globalId: string, type: string, field: string[]): string {
  const decoded = tryDecodeGlobalId(globalId);
  if (decoded?.type !== type || !isUuid(decoded.id)) throw new DomainError(ConciergeErrorCode.NOT_FOUND, `"${globalId}" is not a ${type} id`, field);
  return decoded.id;
}

/** A client the viewer may act on, optionally locked; another brand's client is NOT_FOUND, never FORBIDDEN. */
export async function clientInScope(ctx: ServiceCtx, em: EntityManager, globalId: string, field = ['input', 'clientId'], lock = false): Promise<Client> {
  const id = uuidOf(globalId, 'Client', field);
  const client = await em.findOne(Client, { id }, lock ? { lockMode: 4 /* PESSIMISTIC_WRITE */ } : {});
  if (!client || !seesBrand(ctx.viewer, client.brandId)) throw notFound(field);
  return client;
}
