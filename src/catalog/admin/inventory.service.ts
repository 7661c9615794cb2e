import type { EntityManager } from '@mikro-orm/postgresql';
import { once } from '../../shared/idempotency.js';
import { decodeGlobalId } from '../../shared/ids.js';
import { DomainError } from '../../shared/user-errors.js';
import { ProductVariant } from '../entities/product.entity.js';
import { StockLocation } from '../entities/store.entity.js';
import { stockService, type StockLevel } from '../stock.service.js';
import { CatalogErrorCode, catalogError, notFound } from './errors.js';
import { assertBrandAccess, storesCarrying } from './scope.js';
import { actorOf, idOf, loadForWrite, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { InventoryAdjustInput, InventoryLevelView, InventorySetInput } from './types/inventory.types.js';

/** The variant (of a brand the viewer manages) and a live location of a store that carries that brand. */
async function target(em: EntityManager, ctx: ServiceCtx, input: { variantId: string; locationId: string }) {
  const variantId = idOf(input.variantId, 'ProductVariant', 'variantId');
  const locationId = idOf(input.locationId, 'StockLocation', 'locationId');
  const variant = await loadForWrite(em, ProductVariant, { id: variantId }, {
    what: 'variant',
    field: ['input', 'variantId'],
    populate: ['product'],
    authorize: (v) => assertBrandAccess(ctx.viewer, v.product.brand.id),
  });
  const location = await em.findOne(StockLocation, { id: locationId });
  if (!location) throw notFound('stock location', ['input', 'locationId']);
  if (location.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, 'The stock location is archived', ['input', 'locationId']);
  if (!(await storesCarrying(em, [location.store.id], variant.product.brand.id)).size) {
    throw catalogError(CatalogErrorCode.NOT_CARRIED, "The location's store does not carry this brand", ['input', 'locationId']);
  }
  return { variant, location };
}

function belowReserved(reserved: number, onHandAfter: number, field: string) {
  return new DomainError(CatalogErrorCode.BELOW_RESERVED, `On hand would be ${onHandAfter}, below the ${reserved} units reserved`, ['input', field]);
}

function view(level: StockLevel, variant: ProductVariant, location: StockLocation): InventoryLevelView {
  return { variant, location, onHand: level.onHand, reserved: level.reserved, available: level.available, updatedAt: level.updatedAt };
}

/** The level as it stands after the (possibly replayed) change. */
async function current(tx: EntityManager, variant: ProductVariant, location: StockLocation) {
  const level = await stockService.level(tx, { variantId: variant.id, locationId: location.id });
  return { inventoryLevel: view(level!, variant, location) };
}

export const inventoryService = {
  /** Adds delta to on hand through the stock service (one guarded update: concurrent adjustments serialize on the row and none is lost). */
  async adjust(ctx: ServiceCtx, input: InventoryAdjustInput) {
    return transaction(ctx, async (tx) => {
      const { variant, location } = await target(tx, ctx, input);
      const change = { variantId: variant.id, locationId: location.id, delta: input.delta, reason: input.reason };
      await once(tx, `inventoryAdjust:${actorOf(ctx.viewer)}`, input.idempotencyKey, change, async () => {
        const outcome = await stockService.adjust(tx, { ...change, actor: actorOf(ctx.viewer) });
        if (!outcome.ok) throw belowReserved(outcome.level?.reserved ?? 0, (outcome.level?.onHand ?? 0) + input.delta, 'delta');
        return { onHand: outcome.level.onHand };
      });
      return current(tx, variant, location);
    });
  },

  /** Sets on hand to a counted figure through the stock service, audited with the difference. */
  async set(ctx: ServiceCtx, input: InventorySetInput) {
    return transaction(ctx, async (tx) => {
      const { variant, location } = await target(tx, ctx, input);
      const change = { variantId: variant.id, locationId: location.id, onHand: input.onHand, reason: input.reason };
      await once(tx, `inventorySet:${actorOf(ctx.viewer)}`, input.idempotencyKey, change, async () => {
        const outcome = await stockService.set(tx, { ...change, actor: actorOf(ctx.viewer) });
        if (!outcome.ok) throw belowReserved(outcome.level?.reserved ?? 0, input.onHand, 'onHand');
        return { onHand: outcome.level.onHand };
      });
      return current(tx, variant, location);
    });
  },

  /** Levels of a variant at every location that has a row, for the brands the viewer sees. */
  async levels(ctx: ServiceCtx, variantGlobalId: string): Promise<InventoryLevelView[]> {
    const variantId = decodeGlobalId(variantGlobalId, 'ProductVariant', ['variantId']).id;
    const variant = await ctx.em.findOne(ProductVariant, { id: variantId }, { populate: ['product'] });
    const brands = visibleBrandIds(ctx.viewer);
    if (!variant || (brands && !brands.includes(variant.product.brand.id))) return [];
    const levels = await stockService.levels(ctx.em, variant.id);
    const locations = await ctx.em.find(StockLocation, { id: { $in: levels.map((l) => l.locationId) } });
    return levels.map((level) => view(level, variant, locations.find((l) => l.id === level.locationId)!));
  },
};
