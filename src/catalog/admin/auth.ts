import { Authorized } from 'type-graphql';
import { ApiScope, StaffRole } from '../../shared/roles.js';
import type { Requirement } from '../../shared/auth.js';

/** Catalog writes: brand admins (their brands, checked by the services) and catalog:write API keys. */
export const CatalogWrite = () => Authorized<Requirement>(StaffRole.BRAND_ADMIN, ApiScope.CATALOG_WRITE);
/** Catalog reads on the Admin API: staff of the brand and catalog API keys. */
export const CatalogRead = () =>
  Authorized<Requirement>(StaffRole.BRAND_ADMIN, StaffRole.CONCIERGE, ApiScope.CATALOG_READ, ApiScope.CATALOG_WRITE);
/** Platform-only: creating brands and brand groups. */
export const PlatformOnly = () => Authorized(StaffRole.PLATFORM_ADMIN);
