import type { DomainModule } from '../shared/module.js';
import { adminNodeFetchers, catalogAdminResolvers } from './admin/index.js';
import { catalogEntities } from './entities/index.js';
import { CategoryResolver, CollectionResolver } from './storefront/collection.resolver.js';
import { storefrontNodeFetchers } from './storefront/nodes.js';
import { ProductContentResolver } from './storefront/product-content.resolver.js';
import { ProductResolver } from './storefront/product.resolver.js';
import { BrandResolver, StoreResolver } from './storefront/store.resolver.js';
import { VariantResolver } from './storefront/variant.resolver.js';

/** Brands, stores, products, prices, stock, collections and categories. */
export const catalogModule: DomainModule = {
  name: 'catalog',
  entities: catalogEntities,
  storefront: [StoreResolver, BrandResolver, ProductResolver, ProductContentResolver, VariantResolver, CollectionResolver, CategoryResolver],
  admin: [ProductContentResolver, ...catalogAdminResolvers],
  nodes: { storefront: storefrontNodeFetchers, admin: adminNodeFetchers },
  uniqueConstraints: {
    brand_group_handle_unique: { what: 'The brand group handle', field: ['handle'] },
    brand_handle_unique: { what: 'The brand handle', field: ['handle'] },
    store_handle_unique: { what: 'The store handle', field: ['handle'] },
    stock_location_store_id_handle_unique: { what: 'The location handle', field: ['handle'] },
    category_handle_unique: { what: 'The category handle', field: ['handle'] },
    collection_handle_unique: { what: 'The collection handle', field: ['handle'] },
    product_handle_unique: { what: 'The product handle', field: ['handle'] },
    product_variant_sku_unique: { what: 'A SKU', field: ['variants'] },
  },
};
