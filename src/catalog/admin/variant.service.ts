import type { EntityManager } from '@mikro-orm/postgresql';
import { parseDecimal } from '../../shared/money.js';
import { pgArray } from '../../shared/sql.js';
import { Product, ProductVariant } from '../entities/product.entity.js';
import { Store } from '../entities/store.entity.js';
import { refreshListings } from '../listing.service.js';
import { CatalogErrorCode, catalogError, invalid, notFound } from './errors.js';
import { checkVariants, optionValueMap } from './product.rules.js';
import { assertSkusFree, productForWrite } from './product.service.js';
import { assertBrandAccess } from './scope.js';
import { idOf, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { ProductVariantsCreateInput, ProductVariantsUpdateInput, VariantPricesSetInput } from './types/product.types.js';

async function liveVariants(em: EntityManager, product: Product) {
  return em.find(ProductVariant, { product, archivedAt: null }, { orderBy: { position: 'asc', id: 'asc' } });
}

export const variantService = {
  async create(ctx: ServiceCtx, input: ProductVariantsCreateInput) {
    const productId = idOf(input.productId, 'Product', 'productId');
    const drafts = input.variants.map((v, i) => ({ ...v, optionValues: optionValueMap(v.optionValues ?? [], ['input', 'variants', i, 'optionValues']) }));
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, productId, ['input', 'productId']);
      const live = await liveVariants(tx, product);
      checkVariants(product.options, drafts, ['input', 'variants'], live);
      await assertSkusFree(tx, drafts, ['input', 'variants']);
      const [{ next }] = await tx.execute<{ next: number }[]>(
        'select coalesce(max(position) + 1, 0)::int as next from product_variant where product_id = ?',
        [product.id],
      );
      const productVariants = drafts.map((v, i) =>
        tx.create(ProductVariant, { product, sku: v.sku, optionValues: v.optionValues, barcode: v.barcode, weightGrams: v.weightGrams, position: next + i }),
      );
      await tx.flush();
      await refreshListings(tx, [product.id]);
      return { product, productVariants };
    });
  },

  async update(ctx: ServiceCtx, input: ProductVariantsUpdateInput) {
    const productId = idOf(input.productId, 'Product', 'productId');
    const ids = input.variants.map((v, i) => idOf(v.id, 'ProductVariant', 'variants', i, 'id'));
    return transaction(ctx, async (tx) => {
      const product = await productForWrite(tx, ctx, productId, ['input', 'productId']);
      const all = await tx.find(ProductVariant, { product });
      const changed = input.variants.map((change, i) => {
        const variant = all.find((v) => v.id === ids[i]);
        const field = ['input', 'variants', i, 'id'];
        if (!variant) throw notFound('variant of this product', field);
        if (variant.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, `Variant ${variant.sku} is archived`, field);
        return { variant, change, i };
      });
      if (new Set(ids).size !== ids.length) throw invalid('A variant is listed twice', ['input', 'variants']);
      const drafts = changed.map(({ variant, change, i }) => ({
        id: variant.id,
        sku: change.sku ?? variant.sku,
        optionValues: change.optionValues ? optionValueMap(change.optionValues, ['input', 'variants', i, 'optionValues']) : variant.optionValues,
      }));
      const kept = all.filter((v) => !v.archivedAt && !ids.includes(v.id));
      checkVariants(product.options, drafts, ['input', 'variants'], kept);
      await assertSkusFree(tx, drafts, ['input', 'variants']);
      changed.forEach(({ variant, change }, k) => {
        variant.sku = drafts[k].sku;
        variant.optionValues = drafts[k].optionValues;
        if (change.barcode !== undefined) variant.barcode = change.barcode ?? undefined;
        if (change.weightGrams !== undefined) variant.weightGrams = change.weightGrams ?? undefined;
        if (change.position != null) variant.position = change.position;
      });
      await tx.flush();
      await refreshListings(tx, [product.id]);
      return { product, productVariants: changed.map((c) => c.variant) };
    });
  },

  /** An archived variant leaves the storefront; its SKU stays reserved and its stock history stays. */
  async archive(ctx: ServiceCtx, input: { id: string }) {
    const id = idOf(input.id, 'ProductVariant', 'id');
    return transaction(ctx, async (tx) => {
      const productVariant = await tx.findOne(ProductVariant, { id });
      if (!productVariant) throw notFound('variant', ['input', 'id']);
      await productForWrite(tx, ctx, productVariant.product.id);
      productVariant.archivedAt ??= new Date();
      await tx.flush();
      await refreshListings(tx, [productVariant.product.id]);
      return { productVariant };
    });
  },

  /** Sets prices in the stores' currencies; the store must carry the variant's brand. */
  async pricesSet(ctx: ServiceCtx, input: VariantPricesSetInput) {
    const refs = input.prices.map((p, i) => ({
      ...p,
      variantId: idOf(p.variantId, 'ProductVariant', 'prices', i, 'variantId'),
      storeId: idOf(p.storeId, 'Store', 'prices', i, 'storeId'),
    }));
    const pairs = new Set(refs.map((r) => `${r.variantId}:${r.storeId}`));
    if (pairs.size !== refs.length) throw invalid('A variant is priced twice for the same store', ['input', 'prices']);
    return transaction(ctx, async (tx) => {
      const variants = await tx.find(ProductVariant, { id: { $in: refs.map((r) => r.variantId) } }, { populate: ['product'] });
      const stores = await tx.find(Store, { id: { $in: refs.map((r) => r.storeId) } }, { populate: ['brands'] });
      const rows = refs.map((ref, i) => {
        const path = ['input', 'prices', String(i)];
        const variant = variants.find((v) => v.id === ref.variantId);
        if (!variant) throw notFound('variant', [...path, 'variantId']);
        assertBrandAccess(ctx.viewer, variant.product.brand.id);
        const store = stores.find((s) => s.id === ref.storeId);
        if (!store) throw notFound('store', [...path, 'storeId']);
        if (!store.brands.getItems().some((b) => b.id === variant.product.brand.id)) {
          throw catalogError(CatalogErrorCode.NOT_CARRIED, `Store ${store.handle} does not carry this brand`, [...path, 'storeId']);
        }
        const amount = parseDecimal(ref.amount, store.currency, [...path, 'amount']);
        if (amount < 0) throw invalid('The price cannot be negative', [...path, 'amount']);
        const compareAt = ref.compareAtAmount == null ? null : parseDecimal(ref.compareAtAmount, store.currency, [...path, 'compareAtAmount']);
        if (compareAt !== null && compareAt <= amount) {
          throw invalid('The compare-at price must be higher than the price', [...path, 'compareAtAmount']);
        }
        return { variant, store, amount, compareAt };
      });
      await tx.execute(
        `insert into variant_price (variant_id, store_id, amount, compare_at_amount, currency, updated_at)
         select * , now() from unnest(?::uuid[], ?::uuid[], ?::bigint[], ?::bigint[], ?::currency_code[])
         on conflict (variant_id, store_id) do update
           set amount = excluded.amount, compare_at_amount = excluded.compare_at_amount, currency = excluded.currency, updated_at = now()`,
        [
          pgArray(rows.map((r) => r.variant.id)),
          pgArray(rows.map((r) => r.store.id)),
          pgArray(rows.map((r) => r.amount)),
          `{${rows.map((r) => (r.compareAt === null ? 'NULL' : r.compareAt)).join(',')}}`,
          pgArray(rows.map((r) => r.store.currency)),
        ],
      );
      const productIds = [...new Set(rows.map((r) => r.variant.product.id))];
      await refreshListings(tx, productIds);
      return { productVariants: [...new Map(rows.map((r) => [r.variant.id, r.variant])).values()] };
    });
  },
};
