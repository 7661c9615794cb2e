import type { Context } from '../shared/context.js';
import { decodeGlobalId, tryDecodeGlobalId } from '../shared/ids.js';
import { pageRequest, toConnection, type ConnectionArgs } from '../shared/pagination.js';
import { actorOf, idOf, seesBrand, visibleBrandIds, type ServiceCtx } from '../shared/scope.js';
import { pgArray } from '../shared/sql.js';
import { transaction } from '../shared/transaction.js';
import { DomainError } from '../shared/user-errors.js';
import { depositOpening } from './deposits/opening.js';
import { depositSettlement } from './deposits/settlement.js';
import { checkTerms, termColumns, termsOf } from './deposits/terms.js';
import { entryDeposits } from './draws/entry-deposits.js';
import { dropPayload, lockDropForWrite, viewsOf } from './drop-read.js';
import { Drop, DropAllocation, LimitedEdition } from './entities.js';
import { DropErrorCode } from './errors.js';
import { reservationService } from './reservation.service.js';
import type { DropCreateInput, DropUpdateInput } from './types.js';

const notFound = (what: string, field: string[]) => new DomainError(DropErrorCode.NOT_FOUND, `No such ${what} within your brands`, field);

function checkWindow(publicOpensAt: Date, endsAt: Date, field: string[]) {
  if (!(endsAt > publicOpensAt)) throw new DomainError(DropErrorCode.INVALID, 'endsAt must be after publicOpensAt', field);
}

export const dropAdmin = {
  /** The edition and its numbered units (one insert … select generate_series), and the drop, unpublished. */
  create(ctx: ServiceCtx, input: DropCreateInput) {
    return transaction(ctx, async (tx) => {
      checkWindow(input.publicOpensAt, input.endsAt, ['input', 'endsAt']);
      if (input.deposit) checkTerms(input.deposit, input.publicOpensAt);
      const productId = idOf(input.productId, 'Product', 'productId');
      const [product] = await tx.execute<{ brand_id: string }[]>(`select brand_id from product where id = ? and status <> 'ARCHIVED'`, [productId]);
      if (!product || !seesBrand(ctx.viewer, product.brand_id)) throw notFound('product', ['input', 'productId']);
      const live = await tx.execute<{ id: string }[]>('select id from product_variant where product_id = ? and archived_at is null order by position, id', [productId]);
      const variantIds = input.variantIds ? input.variantIds.map((v, i) => idOf(v, 'ProductVariant', 'variantIds', i)) : live.map((v) => v.id);
      const unknown = variantIds.findIndex((v) => !live.some((l) => l.id === v));
      if (unknown >= 0) throw notFound('live variant of the product', ['input', 'variantIds', String(unknown)]);
      if (variantIds.length === 0) throw new DomainError(DropErrorCode.INVALID, 'The product has no live variant', ['input', 'productId']);
      if (new Set(variantIds).size !== variantIds.length) throw new DomainError(DropErrorCode.INVALID, 'A variant is listed twice', ['input', 'variantIds']);
      const storeIds = [...new Set(input.storeIds.map((s, i) => idOf(s, 'Store', 'storeIds', i)))];
      const carrying = await tx.execute<{ store_id: string }[]>(
        'select sb.store_id from store_brand sb join store s on s.id = sb.store_id and s.archived_at is null where sb.store_id = any(?::uuid[]) and sb.brand_id = ?',
        [pgArray(storeIds), product.brand_id],
      );
      const missing = storeIds.findIndex((s) => !carrying.some((c) => c.store_id === s));
      if (missing >= 0) throw notFound("live store carrying the product's brand", ['input', 'storeIds', String(missing)]);
      const editionSize = input.unitsPerVariant * variantIds.length;
      const edition = tx.create(LimitedEdition, { brandId: product.brand_id, productId, variantIds, editionSize });
      const drop = tx.create(Drop, {
        brandId: product.brand_id, handle: input.handle, editionId: edition.id, productId, storeIds, publicOpensAt: input.publicOpensAt, endsAt: input.endsAt,
        perCustomerLimit: input.perCustomerLimit, showUnitsLeft: input.showUnitsLeft ?? true, tierRestricted: input.tierRestricted ?? false, allocation: input.allocation ?? DropAllocation.FIRST_COME,
        ...termColumns(input.deposit ?? null),
      });
      await tx.flush();
      // Variant k (0-based) gets numbers k*n+1 .. (k+1)*n.
      await tx.execute(
        `insert into edition_unit (id, brand_id, edition_id, variant_id, number, status)
         select gen_random_uuid(), ?, ?, v.id, (v.k - 1) * ? + n, 'AVAILABLE'
           from unnest(?::uuid[]) with ordinality as v(id, k), generate_series(1, ?) n`,
        [product.brand_id, edition.id, input.unitsPerVariant, pgArray(variantIds), input.unitsPerVariant],
      );
      return dropPayload(tx, drop);
    });
  },

  update(ctx: ServiceCtx, input: DropUpdateInput) {
    return transaction(ctx, async (tx) => {
      const drop = await lockDropForWrite(ctx, tx, input.id, ['input', 'id']);
      if (drop.cancelledAt) throw new DomainError(DropErrorCode.INVALID_TRANSITION, 'The drop was cancelled', ['input', 'id']);
      const publicOpensAt = input.publicOpensAt ?? drop.publicOpensAt;
      const endsAt = input.endsAt ?? drop.endsAt;
      checkWindow(publicOpensAt, endsAt, ['input', input.endsAt ? 'endsAt' : 'publicOpensAt']);
      if (input.deposit !== undefined && (await depositOpening.taken(tx, drop.id))) {
        throw new DomainError(DropErrorCode.INVALID_TRANSITION, 'Deposits were taken on these terms: they can no longer change', ['input', 'deposit']);
      }
      const terms = input.deposit === undefined ? termsOf(drop) : input.deposit;
      if (terms) checkTerms(terms, publicOpensAt);
      if (input.deposit !== undefined) Object.assign(drop, termColumns(input.deposit));
      Object.assign(drop, { publicOpensAt, endsAt, perCustomerLimit: input.perCustomerLimit ?? drop.perCustomerLimit, showUnitsLeft: input.showUnitsLeft ?? drop.showUnitsLeft, tierRestricted: input.tierRestricted ?? drop.tierRestricted });
      await tx.flush();
      return dropPayload(tx, drop);
    });
  },

  publish(ctx: ServiceCtx, input: { id: string }) {
    return transaction(ctx, async (tx) => {
      const drop = await lockDropForWrite(ctx, tx, input.id, ['input', 'id']);
      if (drop.cancelledAt || drop.published) throw new DomainError(DropErrorCode.INVALID_TRANSITION, `The drop is ${drop.cancelledAt ? 'cancelled' : 'published already'}`, ['input', 'id']);
      drop.published = true;
      await tx.flush();
      return dropPayload(tx, drop);
    });
  },

  /**
   * Ends the drop, releases every active reservation (their units go back, allocations too) and voids
   * every deposit awaiting its balance (order cancelled, units back), in one transaction; a job per
   * voided deposit (and per held draw entry deposit) then refunds or voids its payment (no provider call under the drop's lock).
   */
  cancel(ctx: ServiceCtx, input: { id: string }) {
    return transaction(ctx, async (tx) => {
      const drop = await lockDropForWrite(ctx, tx, input.id, ['input', 'id']);
      if (drop.cancelledAt) throw new DomainError(DropErrorCode.INVALID_TRANSITION, 'The drop is cancelled already', ['input', 'id']);
      drop.cancelledAt = new Date();
      const releasedReservations = await reservationService.releaseAll(tx, drop.id, actorOf(ctx.viewer));
      const voidedDeposits = (await depositSettlement.voidAll(tx, drop.id, actorOf(ctx.viewer))).length;
      await entryDeposits.voidAll(tx, drop.id, actorOf(ctx.viewer));
      await tx.flush();
      return { ...(await dropPayload(tx, drop)), releasedReservations, voidedDeposits };
    });
  },

  async list(ctx: Context, brandId: string | null | undefined, args: ConnectionArgs) {
    const page = pageRequest({ ...args, last: undefined, before: undefined });
    const brands = visibleBrandIds(ctx.viewer);
    const asked = brandId ? decodeGlobalId(brandId, 'Brand', ['brandId']).id : null;
    const scope = asked ? (brands && !brands.includes(asked) ? [] : [asked]) : brands;
    const where = scope ? { brandId: { $in: scope } } : {};
    const cursorId = page.cursor?.[0];
    const rows = await ctx.em.find(Drop, { ...where, ...(cursorId ? { id: { $gt: String(cursorId) } } : {}) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
    const views = await viewsOf(ctx.em, rows);
    return toConnection(views, page, (v) => [v.row.id], () => ctx.em.count(Drop, where));
  },

  async get(ctx: Context, globalId: string) {
    const decoded = tryDecodeGlobalId(globalId);
    return decoded?.type === 'Drop' ? dropAdmin.node(ctx, decoded.id) : null;
  },

  async node(ctx: Context, id: string) {
    if (ctx.viewer.kind !== 'staff') return null; // no API key scope reaches drops
    const drop = await ctx.em.findOne(Drop, { id });
    if (!drop || !seesBrand(ctx.viewer, drop.brandId)) return null;
    const [view] = await viewsOf(ctx.em, [drop]);
    return view;
  },
};
