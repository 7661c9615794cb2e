import type { EntityManager } from '@mikro-orm/postgresql';
import { currentStore } from '../../catalog/storefront/current-store.js';
import type { Context } from '../../shared/context.js';
import { once } from '../../shared/idempotency.js';
import { idOf, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { termsOf } from '../deposits/terms.js';
import { dropPayload, lockDropForWrite } from '../drop-read.js';
import { eligibilityMessages, eligibilityOf } from '../eligibility.js';
import { vipService } from '../../vip/programmes/vip.service.js';
import { Drop, DropAllocation, DropReservation, LimitedEdition } from '../entities.js';
import { liveDrop, signedInCustomer } from '../reservation.service.js';
import { holdForWinners } from './allocation.js';
import { alreadyEntered, enterWithDeposit, entriesOpen, entryClosed, insertEntry, type EntryRequest } from './deposit-entry.js';
import { DropDraw, DropEntry } from './entities.js';
import { entryDeposits } from './entry-deposits.js';
import { DrawErrorCode } from './errors.js';
import { commitmentOf, drawOrder, MAX_WEIGHT, newSeed, verifyCommitment } from './fair-draw.js';
import { drawView, entryView, type DrawOpenInput, type DropEnterInput } from './types.js';

const HOUR = 3_600_000;
const DEFAULT_PURCHASE_HOURS = 48;

/** The variant entered for: one of the edition's, and required when it has several. */
async function enteredVariant(em: EntityManager, drop: Drop, globalId: string | null | undefined): Promise<string> {
  const edition = await em.findOneOrFail(LimitedEdition, drop.editionId);
  if (globalId == null) {
    if (edition.variantIds.length === 1) return edition.variantIds[0];
    throw new DomainError(DrawErrorCode.INVALID, `This edition comes in ${edition.variantIds.length} variants: say which one you enter for`, ['input', 'variantId']);
  }
  const variantId = idOf(globalId, 'ProductVariant', 'variantId');
  if (!edition.variantIds.includes(variantId)) throw new DomainError(DrawErrorCode.NOT_FOUND, 'The variant is not part of this drop', ['input', 'variantId']);
  return variantId;
}

const transition = (message: string) => new DomainError(DrawErrorCode.INVALID_TRANSITION, message, ['input', 'dropId']);

export const drawService = {
  /** Publishes the commitment of a fresh seed; entries open (subject to the drop's eligibility) until entriesCloseAt. */
  open(ctx: ServiceCtx, input: DrawOpenInput) {
    return transaction(ctx, async (tx) => {
      const drop = await lockDropForWrite(ctx, tx, input.dropId, ['input', 'dropId']);
      if (drop.cancelledAt) throw transition('The drop was cancelled');
      if (drop.allocation !== DropAllocation.DRAW) throw transition(`The drop is allocated ${drop.allocation}: only a drop created with allocation DRAW sells through a draw`);
      if (await tx.findOne(DropDraw, { dropId: drop.id })) throw transition('The drop has a draw already');
      const edition = await tx.findOneOrFail(LimitedEdition, drop.editionId);
      if (input.units > edition.editionSize) throw new DomainError(DrawErrorCode.INVALID, `At most the edition size (${edition.editionSize}) can be drawn`, ['input', 'units']);
      if (input.entriesCloseAt.getTime() <= Date.now() || input.entriesCloseAt > drop.endsAt) {
        throw new DomainError(DrawErrorCode.INVALID, 'entriesCloseAt must be in the future and no later than the end of the drop', ['input', 'entriesCloseAt']);
      }
      if (input.entryDeposit && !termsOf(drop)) throw new DomainError(DrawErrorCode.INVALID, "An entry deposit needs the drop's deposit terms", ['input', 'entryDeposit']);
      const seed = newSeed();
      tx.create(DropDraw, {
        dropId: drop.id, brandId: drop.brandId, seed, commitment: commitmentOf(seed), units: input.units, entriesCloseAt: input.entriesCloseAt,
        purchaseHours: input.purchaseHours ?? DEFAULT_PURCHASE_HOURS, weightByTier: input.weightByTier ?? false,
        entryDeposit: input.entryDeposit ?? false,
      });
      await tx.flush();
      return dropPayload(tx, drop);
    });
  },

  /**
   * Closes entries and reveals the seed in one transaction: the draw row's lock waits for entries in
   * flight, which then see it revealed. Every entry gets its rank; then, down the draw order, a unit is held
   * (holdUnits, phase DRAW, until the purchase deadline) for each entry whose variant has one left and whose
   * customer is under the limit, until `units` are held.
   */
  run(ctx: ServiceCtx, input: { dropId: string }) {
    return transaction(ctx, async (tx) => {
      const drop = await lockDropForWrite(ctx, tx, input.dropId, ['input', 'dropId']);
      const [locked] = await tx.execute<{ drop_id: string }[]>('select drop_id from drop_draw where drop_id = ? for update', [drop.id]);
      if (!locked) throw transition('The drop has no draw (drawOpen first)');
      const draw = await tx.findOneOrFail(DropDraw, { dropId: drop.id }, { refresh: true });
      if (draw.revealedAt) throw transition('The draw was run already');
      if (drop.cancelledAt || drop.endsAt.getTime() <= Date.now()) throw transition(`The drop ${drop.cancelledAt ? 'was cancelled' : 'has ended'}`);
      if (!verifyCommitment(draw.seed, draw.commitment)) throw new Error(`Draw of drop ${drop.id}: the stored seed does not match its commitment`);
      const entries = await tx.find(DropEntry, { dropId: drop.id });
      const byId = new Map(entries.map((e) => [e.id, e]));
      const now = new Date();
      const ranked = drawOrder(draw.seed, entries).map(({ id, rank }) => Object.assign(byId.get(id)!, { rank }));
      draw.revealedAt = now;
      await tx.flush();
      await holdForWinners(tx, drop, draw.units, ranked, new Date(now.getTime() + draw.purchaseHours * HOUR));
      await entryDeposits.voidLosers(tx, drop.id);
      return dropPayload(tx, drop);
    });
  },

  /**
   * One entry per customer, for one variant of the edition, remembering the store (x-store) it was made
   * in: eligibility as for reserving (tiers, early access, store), the weight (the tier perks' drawWeight
   * when the draw weights by tier, else 1), then the entry under the draw row's share lock.
   */
  async enter(ctx: Context, input: DropEnterInput) {
    const customerId = signedInCustomer(ctx);
    const store = await currentStore(ctx);
    const drop = await liveDrop(ctx.em, input.dropId, ['input', 'dropId']);
    if (!drop.storeIds.includes(store.id)) throw new DomainError(DrawErrorCode.MARKET_EXCLUDED, 'This drop is not released in this store', ['input', 'dropId']);
    const draw = await ctx.em.findOne(DropDraw, { dropId: drop.id });
    if (!draw) throw new DomainError(DrawErrorCode.NOT_FOUND, 'This drop has no draw', ['input', 'dropId']);
    const variantId = await enteredVariant(ctx.em, drop, input.variantId);
    const eligibility = await eligibilityOf(ctx.em, drop, customerId, 0);
    if (eligibility.reason === 'ENDED') throw new DomainError(DrawErrorCode.ENTRY_CLOSED, 'The drop has ended', ['input', 'dropId']);
    if (!eligibility.eligible) throw new DomainError(eligibility.reason!, eligibilityMessages[eligibility.reason!](eligibility), ['input', 'dropId']);
    const weight = draw.weightByTier ? Math.min(MAX_WEIGHT, Math.max(1, (await vipService.perksFor(ctx.em, customerId, drop.brandId)).perks.drawWeight)) : 1;
    const entry: EntryRequest = { customerId, store, drop, draw, variantId, weight };
    if (draw.entryDeposit) {
      if (!input.payment) throw new DomainError(DrawErrorCode.INVALID, 'This draw takes an entry deposit: send payment', ['input', 'payment']);
      const entryId = await enterWithDeposit(ctx, entry, { payment: input.payment, idempotencyKey: input.idempotencyKey });
      return { entry: entryView(await ctx.em.fork().findOneOrFail(DropEntry, entryId)) };
    }
    if (input.payment) throw new DomainError(DrawErrorCode.INVALID, 'This draw takes no entry deposit: send no payment', ['input', 'payment']);
    const { result } = await transaction(ctx, (tx) =>
      once(tx, `dropEnter:${customerId}`, input.idempotencyKey, { dropId: drop.id, variantId }, async () => {
        if (!(await entriesOpen(tx, drop.id))) throw entryClosed();
        const entryId = await insertEntry(tx, entry);
        if (!entryId) throw alreadyEntered();
        return { entryId };
      }),
    );
    return { entry: entryView(await ctx.em.fork().findOneOrFail(DropEntry, result.entryId)) };
  },

  /** The published draw of a drop, or null when it has none. */
  async published(em: EntityManager, dropId: string) {
    const draw = await em.findOne(DropDraw, { dropId });
    if (!draw) return null;
    return drawView(draw, await em.find(DropEntry, { dropId }, { orderBy: { id: 'asc' } }));
  },

  /** The customer's entries with their status (the reservations made for them: one more statement). */
  async entriesOf(em: EntityManager, customerId: string) {
    const entries = await em.find(DropEntry, { customerId }, { orderBy: { id: 'desc' }, limit: 100 });
    const reservationIds = entries.flatMap((e) => (e.reservationId ? [e.reservationId] : []));
    const reservations = reservationIds.length ? await em.find(DropReservation, { id: { $in: reservationIds } }, { fields: ['id', 'status'] }) : [];
    const statusOf = new Map(reservations.map((r) => [r.id, r.status]));
    return entries.map((e) => entryView(e, e.reservationId ? statusOf.get(e.reservationId) : undefined));
  },
};
