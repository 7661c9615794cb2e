import { AdminBrandFieldsResolver, AdminStockLocationFieldsResolver, AdminStoreFieldsResolver } from './brand-fields.resolver.js';
import { BrandAdminResolver } from './brand.resolver.js';
import { AdminCategoryFieldsResolver, AdminCollectionFieldsResolver } from './collection-fields.resolver.js';
import { CollectionAdminResolver } from './collection.resolver.js';
import { CatalogImportResolver } from './import.resolver.js';
import { InventoryAdminResolver } from './inventory.resolver.js';
import { AdminImageFieldsResolver, AdminProductFieldsResolver } from './product-fields.resolver.js';
import { ProductAdminResolver } from './product.resolver.js';
import { CatalogAdminQueryResolver } from './query.resolver.js';
import { AdminVariantFieldsResolver } from './variant-fields.resolver.js';

export { adminNodeFetchers } from './nodes.js';

/** The catalog's Admin API: mutations, queries, and the admin-only fields of shared types. */
export const catalogAdminResolvers = [
  CatalogAdminQueryResolver,
  BrandAdminResolver,
  ProductAdminResolver,
  CollectionAdminResolver,
  InventoryAdminResolver,
  CatalogImportResolver,
  AdminProductFieldsResolver,
  AdminImageFieldsResolver,
  AdminVariantFieldsResolver,
  AdminBrandFieldsResolver,
  AdminStoreFieldsResolver,
  AdminStockLocationFieldsResolver,
  AdminCollectionFieldsResolver,
  AdminCategoryFieldsResolver,
] as const;
