import { Brand, BrandGroup } from './brand.entity.js';
import { Category } from './category.entity.js';
import { Collection, CollectionProduct } from './collection.entity.js';
import { InventoryAdjustment, InventoryLevel, ProductListing, VariantPrice } from './pricing.entity.js';
import { Product, ProductVariant } from './product.entity.js';
import { StockLocation, Store } from './store.entity.js';

export const catalogEntities = [
  BrandGroup,
  Brand,
  Store,
  StockLocation,
  Category,
  Product,
  ProductVariant,
  VariantPrice,
  InventoryLevel,
  InventoryAdjustment,
  ProductListing,
  Collection,
  CollectionProduct,
];
