import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../shared/context.js';
import { Money, type CurrencyCode } from '../../shared/money.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { StockLocation, Store } from '../entities/store.entity.js';
import { adminLoaders } from './loaders.js';
import { InventoryLevelView } from './types/inventory.types.js';
import { VariantOptionValue } from './types/product.types.js';
import { VariantStorePrice } from './types/views.js';

/** Admin-only fields of ProductVariant: its product, raw option codes, prices in every store, stock everywhere. */
@Resolver(() => ProductVariant)
export class AdminVariantFieldsResolver {
  @FieldResolver(() => Product)
  async product(@Root() variant: ProductVariant, @Ctx() ctx: Context) {
    return adminLoaders.product(ctx).load(variant.product.id);
  }

  @FieldResolver(() => [VariantOptionValue], { description: 'Option and value codes, in the order of the product options.' })
  async optionValues(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<VariantOptionValue[]> {
    const product = await adminLoaders.product(ctx).load(variant.product.id);
    const order = (code: string) => product?.options.findIndex((o) => o.code === code) ?? -1;
    return Object.entries(variant.optionValues)
      .sort(([a], [b]) => order(a) - order(b))
      .map(([option, value]) => ({ option, value }));
  }

  @FieldResolver(() => Int)
  position(@Root() variant: ProductVariant) {
    return variant.position;
  }

  @FieldResolver(() => Date, { nullable: true })
  archivedAt(@Root() variant: ProductVariant) {
    return variant.archivedAt ?? null;
  }

  @FieldResolver(() => [VariantStorePrice])
  async prices(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<VariantStorePrice[]> {
    const rows = await adminLoaders.pricesOfVariant(ctx).load(variant.id);
    const stores = (await adminLoaders.store(ctx).loadMany(rows.map((r) => r.store_id as string))) as Store[];
    return rows.map((row, i) => {
      const currency = row.currency as CurrencyCode;
      return {
        store: stores[i],
        price: Money.of(Number(row.amount), currency),
        compareAtPrice: row.compare_at_amount == null ? null : Money.of(Number(row.compare_at_amount), currency),
      };
    });
  }

  @FieldResolver(() => [InventoryLevelView], { description: 'Stock at every location that has a record.' })
  async inventoryLevels(@Root() variant: ProductVariant, @Ctx() ctx: Context): Promise<InventoryLevelView[]> {
    const rows = await adminLoaders.levelsOfVariant(ctx).load(variant.id);
    const locations = (await adminLoaders.location(ctx).loadMany(rows.map((r) => r.location_id as string))) as StockLocation[];
    return rows.map((row, i) => ({
      variant,
      location: locations[i],
      onHand: Number(row.on_hand),
      reserved: Number(row.reserved),
      available: Number(row.on_hand) - Number(row.reserved),
      updatedAt: new Date(row.updated_at as string),
    }));
  }
}
