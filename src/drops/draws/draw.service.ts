import type { EntityManager } from '@mikro-orm/postgresql';
import { v7 as uuidv7 } from 'uuid';
import { currentStore } from '../../catalog/storefront/current-store.js';
import type { Context } from '../../shared/context.js';
import { once } from '../../shared/idempotency.js';
import { idOf, seesBrand, type ServiceCtx } from '../../shared/scope.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { viewsOf } from '../drop-read.js';
import { eligibilityMessages, eligibilityOf } from '../eligibility.js';
import { Drop, LimitedEdition } from '../entities.js';
import { liveDrop, signedInCustomer } from '../reservation.service.js';
import { DropDraw, DropEntry } from './entities.js';
import { DrawErrorCode } from './errors.js';
import { allocate, commitmentOf, drawOrder, newSeed, verifyCommitment } from './fair-draw.js';
import { drawView, entryView, type DrawOpenInput, type DropEnterInput } from './types.js';

const HOUR = 3_600_000;
const DEFAULT_PURCHASE_HOURS = 48;
/** Every entry weighs 1 for now: the algorithm and the published list carry weights for tier weighting. */
const ENTRY_WEIGHT = 1;

/** A drop of the viewer's brands, locked; other brands' drops read as missing. */
async function dropForWrite(ctx: ServiceCtx, tx: EntityManager, globalId: string): Promise<Drop> {
  const id = idOf(globalId, 'Drop', 'dropId');
  const [locked] = await tx.execute<{ id: string }[]>('select id from drop_release where id = ? for update', [id]);
  const drop = locked && (await tx.findOne(Drop, { id }));
  if (!drop || !seesBrand(ctx.viewer, drop.brandId)) throw new DomainError(DrawErrorCode.NOT_FOUND, 'No such drop within your brands', ['input', 'dropId']);
  return drop;
}

async function withView(tx: EntityManager, drop: Drop) {
  const [view] = await viewsOf(tx, [drop]);
  return { drop: view };
}

const transition = (message: string) => new DomainError(DrawErrorCode.INVALID_TRANSITION, message, ['input', 'dropId']);

export const drawService = {
  /** Publishes the commitment of a fresh seed; entries open (subject to the drop's eligibility) until entriesCloseAt. */
  open(ctx: ServiceCtx, input: DrawOpenInput) {
    return transaction(ctx, async (tx) => {
      const drop = await dropForWrite(ctx, tx, input.dropId);
      if (drop.cancelledAt) throw transition('The drop was cancelled');
      if (await tx.findOne(DropDraw, { dropId: drop.id })) throw transition('The drop has a draw already');
      const edition = await tx.findOneOrFail(LimitedEdition, drop.editionId);
      if (input.units > edition.editionSize) throw new DomainError(DrawErrorCode.INVALID, `At most the edition size (${edition.editionSize}) can be drawn`, ['input', 'units']);
      if (input.entriesCloseAt.getTime() <= Date.now() || input.entriesCloseAt > drop.endsAt) {
        throw new DomainError(DrawErrorCode.INVALID, 'entriesCloseAt must be in the future and no later than the end of the drop', ['input', 'entriesCloseAt']);
      }
      const seed = newSeed();
      tx.create(DropDraw, {
        dropId: drop.id, brandId: drop.brandId, seed, commitment: commitmentOf(seed), units: input.units, entriesCloseAt: input.entriesCloseAt,
        purchaseHours: input.purchaseHours ?? DEFAULT_PURCHASE_HOURS,
      });
      await tx.flush();
      return withView(tx, drop);
    });
  },

  /**
   * Closes entries and reveals the seed in one transaction: the draw row's lock waits for entries in
   * flight, which then see it revealed. Every entry gets its rank; the first `units` a purchase deadline.
   */
  run(ctx: ServiceCtx, input: { dropId: string }) {
    return transaction(ctx, async (tx) => {
      const drop = await dropForWrite(ctx, tx, input.dropId);
      const [locked] = await tx.execute<{ drop_id: string }[]>('select drop_id from drop_draw where drop_id = ? for update', [drop.id]);
      if (!locked) throw transition('The drop has no draw (drawOpen first)');
      const draw = await tx.findOneOrFail(DropDraw, { dropId: drop.id }, { refresh: true });
      if (draw.revealedAt) throw transition('The draw was run already');
      if (!verifyCommitment(draw.seed, draw.commitment)) throw new Error(`Draw of drop ${drop.id}: the stored seed does not match its commitment`);
      const entries = await tx.find(DropEntry, { dropId: drop.id });
      const byId = new Map(entries.map((e) => [e.id, e]));
      const now = new Date();
      const { winners, waitingList } = allocate(drawOrder(draw.seed, entries), draw.units);
      const purchaseDeadline = new Date(now.getTime() + draw.purchaseHours * HOUR);
      for (const w of winners) Object.assign(byId.get(w.id)!, { rank: w.rank, purchaseDeadline });
      for (const w of waitingList) byId.get(w.id)!.rank = w.rank;
      draw.revealedAt = now;
      await tx.flush();
      return withView(tx, drop);
    });
  },

  /** One entry per customer: eligibility as for reserving (tiers, early access, store), then the entry under the draw row's share lock. */
  async enter(ctx: Context, input: DropEnterInput) {
    const customerId = signedInCustomer(ctx);
    const store = await currentStore(ctx);
    const drop = await liveDrop(ctx.em, input.dropId, ['input', 'dropId']);
    if (!drop.storeIds.includes(store.id)) throw new DomainError(DrawErrorCode.MARKET_EXCLUDED, 'This drop is not released in this store', ['input', 'dropId']);
    if (!(await ctx.em.findOne(DropDraw, { dropId: drop.id }))) throw new DomainError(DrawErrorCode.NOT_FOUND, 'This drop has no draw', ['input', 'dropId']);
    const eligibility = await eligibilityOf(ctx.em, drop, customerId, 0);
    if (eligibility.reason === 'ENDED') throw new DomainError(DrawErrorCode.ENTRY_CLOSED, 'The drop has ended', ['input', 'dropId']);
    if (!eligibility.eligible) throw new DomainError(eligibility.reason!, eligibilityMessages[eligibility.reason!](eligibility), ['input', 'dropId']);
    const { result } = await transaction(ctx, (tx) =>
      once(tx, `dropEnter:${customerId}`, input.idempotencyKey, { dropId: drop.id }, async () => {
        const [draw] = await tx.execute<{ revealed_at: Date | null; entries_close_at: Date }[]>(
          'select revealed_at, entries_close_at from drop_draw where drop_id = ? for share', [drop.id],
        );
        if (draw.revealed_at || new Date(draw.entries_close_at).getTime() <= Date.now()) {
          throw new DomainError(DrawErrorCode.ENTRY_CLOSED, 'Entries to this draw are closed', ['input', 'dropId']);
        }
        const entryId = uuidv7();
        const inserted = await tx.execute<{ id: string }[]>(
          `insert into drop_entry (id, created_at, updated_at, drop_id, brand_id, customer_id, weight) values (?, now(), now(), ?, ?, ?, ?)
           on conflict (drop_id, customer_id) do nothing returning id`,
          [entryId, drop.id, drop.brandId, customerId, ENTRY_WEIGHT],
        );
        if (inserted.length === 0) throw new DomainError(DrawErrorCode.ALREADY_ENTERED, 'You have entered this draw already', ['input', 'dropId']);
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

  async entriesOf(em: EntityManager, customerId: string) {
    return (await em.find(DropEntry, { customerId }, { orderBy: { id: 'desc' }, limit: 100 })).map(entryView);
  },
};
