import { registerEnumType } from 'type-graphql';

export enum StaffRole {
  PLATFORM_ADMIN = 'PLATFORM_ADMIN',
  BRAND_ADMIN = 'BRAND_ADMIN',
  CONCIERGE = 'CONCIERGE',
}
registerEnumType(StaffRole, {
  name: 'StaffRole',
  valuesConfig: {
    PLATFORM_ADMIN: { description: 'Operates the whole platform: every brand and store.' },
    BRAND_ADMIN: { description: 'Manages the catalog, stores and staff of its brands.' },
    CONCIERGE: { description: 'Client advisor serving VIP customers of its brands.' },
  },
});

/** What an API key may do. Integrations get the narrowest set that works. */
export enum ApiScope {
  CATALOG_READ = 'catalog:read',
  CATALOG_WRITE = 'catalog:write',
  ORDERS_READ = 'orders:read',
  EVENTS_READ = 'events:read',
  EVENTS_WRITE = 'events:write',
  TICKETS_CHECKIN = 'tickets:checkin',
}
registerEnumType(ApiScope, { name: 'ApiScope' });
