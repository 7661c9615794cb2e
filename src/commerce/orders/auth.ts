import { Authorized } from 'type-graphql';
import type { Requirement } from '../../shared/auth.js';
import { ApiScope, StaffRole } from '../../shared/roles.js';

/** Reads: staff of the order's brands (brand admins and concierges) and orders:read API keys. */
export const ORDER_READ: Requirement[] = [StaffRole.BRAND_ADMIN, StaffRole.CONCIERGE, ApiScope.ORDERS_READ];
/**
 * Status changes (fulfilment, pickup) are operations work: brand admins (and platform admins) only.
 * Concierges sell and advise, they do not ship; no API key scope writes orders yet.
 */
export const ORDER_WRITE: Requirement[] = [StaffRole.BRAND_ADMIN];

export const OrderRead = () => Authorized<Requirement>(...ORDER_READ);
export const OrderWrite = () => Authorized<Requirement>(...ORDER_WRITE);
