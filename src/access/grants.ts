import type { ApiKey } from './entities/api-key.entity.js';
import { canActOnBrand, isPlatformAdmin } from '../shared/auth.js';
import type { Viewer } from '../shared/context.js';
import { ForbiddenError } from '../shared/errors.js';
import { ApiScope, StaffRole } from '../shared/roles.js';

/**
 * The API key scopes each role may put on a key: a key never holds more than the staff member who
 * creates it. A scope added later is grantable only once it is listed here.
 */
export const GRANTABLE_SCOPES: Record<StaffRole, readonly ApiScope[]> = {
  [StaffRole.PLATFORM_ADMIN]: Object.values(ApiScope),
  [StaffRole.BRAND_ADMIN]: [
    ApiScope.CATALOG_READ,
    ApiScope.CATALOG_WRITE,
    ApiScope.ORDERS_READ,
    ApiScope.EVENTS_READ,
    ApiScope.EVENTS_WRITE,
    ApiScope.TICKETS_CHECKIN,
  ],
  [StaffRole.CONCIERGE]: [],
};

const scopeName = (scope: ApiScope) => Object.keys(ApiScope).find((name) => ApiScope[name as keyof typeof ApiScope] === scope);

/** The table above in words (GraphQL enum names), for the schema's description of apiKeyCreate. */
export const GRANTABLE_SCOPES_DESCRIPTION = Object.entries(GRANTABLE_SCOPES)
  .map(([role, scopes]) => `${role}: ${scopes.length ? scopes.map(scopeName).join(', ') : 'none'}`)
  .join('; ');

/** Only platform admins create staff for any brand; brand admins create concierges for their own brands. */
export function assertMayCreateStaff(viewer: Viewer, role: StaffRole, brandIds: string[]): void {
  if (isPlatformAdmin(viewer)) return;
  if (role !== StaffRole.CONCIERGE) throw new ForbiddenError('Only a platform admin can create admins');
  if (!brandIds.every((b) => canActOnBrand(viewer, b))) throw new ForbiddenError('You can only grant brands you manage');
}

/** A new key: scopes the creator's role may grant, on brands the creator manages (no brand list means every brand). */
export function assertMayCreateApiKey(
  viewer: Viewer,
  scopes: ApiScope[],
  brandIds: string[],
): asserts viewer is Extract<Viewer, { kind: 'staff' }> {
  if (viewer.kind !== 'staff') throw new ForbiddenError('Only staff can create API keys');
  const grantable = GRANTABLE_SCOPES[viewer.role];
  const refused = scopes.filter((s) => !grantable.includes(s));
  if (refused.length) throw new ForbiddenError(`A ${viewer.role} cannot grant ${refused.join(', ')}`);
  if (isPlatformAdmin(viewer)) return;
  if (brandIds.length === 0) throw new ForbiddenError('Only a platform admin can create a key for every brand');
  if (!brandIds.every((b) => canActOnBrand(viewer, b))) throw new ForbiddenError('You can only create keys for brands you manage');
}

/**
 * Reading or revoking a key needs rights over every brand it covers; a key without a brand list
 * covers every brand, so only a platform admin manages it.
 */
export function mayManageApiKey(viewer: Viewer, key: Pick<ApiKey, 'brandIds'>): boolean {
  if (isPlatformAdmin(viewer)) return true;
  if (viewer.kind !== 'staff' || key.brandIds.length === 0) return false;
  return key.brandIds.every((b) => canActOnBrand(viewer, b));
}
