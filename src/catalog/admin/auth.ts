import { Authorized } from 'type-graphql';
import { satisfies, type Requirement } from '../../shared/auth.js';
import type { Viewer } from '../../shared/context.js';
import { ApiScope, StaffRole } from '../../shared/roles.js';

const WRITE: Requirement[] = [StaffRole.BRAND_ADMIN, ApiScope.CATALOG_WRITE];
const READ: Requirement[] = [StaffRole.BRAND_ADMIN, StaffRole.CONCIERGE, ApiScope.CATALOG_READ, ApiScope.CATALOG_WRITE];

/** Catalog writes: brand admins (their brands, checked by the services) and catalog:write API keys. */
export const CatalogWrite = () => Authorized<Requirement>(...WRITE);
/** Catalog reads on the Admin API: staff of the brand and catalog API keys. */
export const CatalogRead = () => Authorized<Requirement>(...READ);
/** Platform-only: creating brands and brand groups. */
export const PlatformOnly = () => Authorized(StaffRole.PLATFORM_ADMIN);

/** The same read rule for lookups that bypass the decorators (node(id:)). */
export const mayReadCatalog = (viewer: Viewer) => satisfies(viewer, READ);
