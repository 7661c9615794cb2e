import type { NonEmptyArray } from 'type-graphql';
import { AccessResolver } from '../access/access.resolver.js';
import { ApiKey } from '../access/entities/api-key.entity.js';
import { StaffUser } from '../access/entities/staff-user.entity.js';
import { adminNodeFetchers, catalogAdminResolvers } from '../catalog/admin/index.js';
import { catalogEntities } from '../catalog/entities/index.js';
import { Customer } from '../commerce/customers/customer.entity.js';
import { CustomerResolver } from '../commerce/customers/customer.resolver.js';
import { IdempotencyRecord } from '../shared/idempotency.js';
import { OutboxCursor, OutboxEvent } from '../shared/outbox.js';
import { SeedHistory } from '../shared/seed-history.js';
import { searchEntities } from '../search/entities/search-index.entity.js';
import { SearchResolver } from '../search/search.resolver.js';
import { NodeResolver } from './node.resolver.js';
import { CategoryResolver, CollectionResolver } from '../catalog/storefront/collection.resolver.js';
import { registerCatalogNodes } from '../catalog/storefront/nodes.js';
import { ProductContentResolver } from '../catalog/storefront/product-content.resolver.js';
import { ProductResolver } from '../catalog/storefront/product.resolver.js';
import { BrandResolver, StoreResolver } from '../catalog/storefront/store.resolver.js';
import { VariantResolver } from '../catalog/storefront/variant.resolver.js';

/** The composition root's lists: every entity, and the resolvers each API serves. */
export const entities = [StaffUser, ApiKey, Customer, OutboxEvent, OutboxCursor, IdempotencyRecord, SeedHistory, ...catalogEntities, ...searchEntities];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const storefrontResolvers: NonEmptyArray<Function> = [
  NodeResolver,
  CustomerResolver,
  StoreResolver,
  BrandResolver,
  ProductResolver,
  ProductContentResolver,
  VariantResolver,
  CollectionResolver,
  CategoryResolver,
  SearchResolver,
];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const adminResolvers: NonEmptyArray<Function> = [NodeResolver, AccessResolver, ProductContentResolver, ...catalogAdminResolvers];

registerCatalogNodes(adminNodeFetchers);
