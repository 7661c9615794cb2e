import type { EntityManager } from '@mikro-orm/postgresql';
import { once } from '../../shared/idempotency.js';
import { decodeGlobalId } from '../../shared/ids.js';
import { DomainError } from '../../shared/user-errors.js';
import { ProductVariant } from '../entities/product.entity.js';
import { StockLocation } from '../entities/store.entity.js';
import { refreshListings } from '../listing.service.js';
import { CatalogErrorCode, catalogError, notFound } from './errors.js';
import { assertBrandAccess, storesCarrying } from './scope.js';
import { actorOf, idOf, visibleBrandIds, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import type { InventoryAdjustInput, InventoryLevelView, InventorySetInput } from './types/inventory.types.js';

interface LevelRow {
  variant_id: string;
  location_id: string;
  on_hand: number;
  reserved: number;
  updated_at: Date;
}

/** The variant (of a brand the viewer manages) and a live location of a store that carries that brand. */
async function target(em: EntityManager, ctx: ServiceCtx, input: { variantId: string; locationId: string }) {
  const variantId = idOf(input.variantId, 'ProductVariant', 'variantId');
  const locationId = idOf(input.locationId, 'StockLocation', 'locationId');
  const variant = await em.findOne(ProductVariant, { id: variantId }, { populate: ['product'] });
  if (!variant) throw notFound('variant', ['input', 'variantId']);
  assertBrandAccess(ctx.viewer, variant.product.brand.id);
  const location = await em.findOne(StockLocation, { id: locationId });
  if (!location) throw notFound('stock location', ['input', 'locationId']);
  if (location.archivedAt) throw catalogError(CatalogErrorCode.ARCHIVED, 'The stock location is archived', ['input', 'locationId']);
  if (!(await storesCarrying(em, [location.store.id], variant.product.brand.id)).size) {
    throw catalogError(CatalogErrorCode.NOT_CARRIED, "The location's store does not carry this brand", ['input', 'locationId']);
  }
  return { variant, location };
}

function belowReserved(reserved: number, onHandAfter: number, field: string) {
  return new DomainError(
    CatalogErrorCode.BELOW_RESERVED,
    `On hand would be ${onHandAfter}, below the ${reserved} units reserved`,
    ['input', field],
  );
}

function view(row: LevelRow, variant: ProductVariant, location: StockLocation): InventoryLevelView {
  return { variant, location, onHand: row.on_hand, reserved: row.reserved, available: row.on_hand - row.reserved, updatedAt: new Date(row.updated_at) };
}

async function readLevel(em: EntityManager, variantId: string, locationId: string, lock = false): Promise<LevelRow> {
  const [row] = await em.execute<LevelRow[]>(
    `select * from inventory_level where variant_id = ? and location_id = ?${lock ? ' for update' : ''}`,
    [variantId, locationId],
  );
  return row;
}

async function ensureLevel(em: EntityManager, variantId: string, locationId: string) {
  await em.execute(
    `insert into inventory_level (variant_id, location_id, on_hand, reserved, updated_at) values (?, ?, 0, 0, now())
     on conflict (variant_id, location_id) do nothing`,
    [variantId, locationId],
  );
}

async function audit(em: EntityManager, ctx: ServiceCtx, variantId: string, locationId: string, delta: number, after: number, reason: string) {
  await em.execute(
    `insert into inventory_adjustment (variant_id, location_id, delta, on_hand_after, reason, actor, created_at) values (?, ?, ?, ?, ?, ?, now())`,
    [variantId, locationId, delta, after, reason.trim(), actorOf(ctx.viewer)],
  );
}

export const inventoryService = {
  /**
   * Adds delta to on hand in one atomic UPDATE whose WHERE re-checks the reserved floor, so concurrent
   * adjustments serialize on the row and none is lost; a refused adjustment writes nothing.
   */
  async adjust(ctx: ServiceCtx, input: InventoryAdjustInput) {
    return transaction(ctx, async (tx) => {
      const { variant, location } = await target(tx, ctx, input);
      const work = async () => {
        await ensureLevel(tx, variant.id, location.id);
        const [row] = await tx.execute<LevelRow[]>(
          `update inventory_level set on_hand = on_hand + ?, updated_at = now()
            where variant_id = ? and location_id = ? and on_hand + ? >= reserved
            returning *`,
          [input.delta, variant.id, location.id, input.delta],
        );
        if (!row) {
          const current = await readLevel(tx, variant.id, location.id);
          throw belowReserved(current.reserved, current.on_hand + input.delta, 'delta');
        }
        await audit(tx, ctx, variant.id, location.id, input.delta, row.on_hand, input.reason);
        await refreshListings(tx, [variant.product.id]);
        return { onHand: row.on_hand };
      };
      if (input.idempotencyKey) {
        const request = { variantId: variant.id, locationId: location.id, delta: input.delta, reason: input.reason };
        await once(tx, `inventoryAdjust:${actorOf(ctx.viewer)}`, input.idempotencyKey, request, work);
      } else {
        await work();
      }
      return { inventoryLevel: view(await readLevel(tx, variant.id, location.id), variant, location) };
    });
  },

  /** Sets on hand to a counted figure (row locked while it is compared with reserved); audited with the difference. */
  async set(ctx: ServiceCtx, input: InventorySetInput) {
    return transaction(ctx, async (tx) => {
      const { variant, location } = await target(tx, ctx, input);
      const work = async () => {
        await ensureLevel(tx, variant.id, location.id);
        const current = await readLevel(tx, variant.id, location.id, true);
        if (input.onHand < current.reserved) throw belowReserved(current.reserved, input.onHand, 'onHand');
        await tx.execute('update inventory_level set on_hand = ?, updated_at = now() where variant_id = ? and location_id = ?', [
          input.onHand,
          variant.id,
          location.id,
        ]);
        await audit(tx, ctx, variant.id, location.id, input.onHand - current.on_hand, input.onHand, input.reason);
        await refreshListings(tx, [variant.product.id]);
        return { onHand: input.onHand };
      };
      if (input.idempotencyKey) {
        const request = { variantId: variant.id, locationId: location.id, onHand: input.onHand, reason: input.reason };
        await once(tx, `inventorySet:${actorOf(ctx.viewer)}`, input.idempotencyKey, request, work);
      } else {
        await work();
      }
      return { inventoryLevel: view(await readLevel(tx, variant.id, location.id), variant, location) };
    });
  },

  /** Levels of a variant at every location that has a row, for the brands the viewer sees. */
  async levels(ctx: ServiceCtx, variantGlobalId: string): Promise<InventoryLevelView[]> {
    const variantId = decodeGlobalId(variantGlobalId, 'ProductVariant', ['variantId']).id;
    const variant = await ctx.em.findOne(ProductVariant, { id: variantId }, { populate: ['product'] });
    const brands = visibleBrandIds(ctx.viewer);
    if (!variant || (brands && !brands.includes(variant.product.brand.id))) return [];
    const rows = await ctx.em.execute<LevelRow[]>('select * from inventory_level where variant_id = ? order by location_id', [variant.id]);
    const locations = await ctx.em.find(StockLocation, { id: { $in: rows.map((r) => r.location_id) } });
    return rows.map((row) => view(row, variant, locations.find((l) => l.id === row.location_id)!));
  },
};

