import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../shared/context.js';
import { idOf, seesBrand, type ServiceCtx } from '../shared/scope.js';
import { DomainError } from '../shared/user-errors.js';
import { vipService } from '../vip/programmes/vip.service.js';
import { Drop, LimitedEdition } from './entities.js';
import { DropStatus, dropView, type DropPhases, type DropView } from './types.js';
import { editionUnits } from './units.js';

const HOUR = 3_600_000;
type UnitStats = { available: number; reserved: number; sold: number };

/**
 * Per request, what several fields of a drop (phases, status, unitsLeft, lowStock) and every drop of a
 * list ask: the brand's longest early access and the edition's unit counts, each read once.
 */
const earlyAccessHours = (ctx: Context) =>
  ctx.loaders.get<string, number>('drops.earlyAccessHours', (brandIds) => Promise.all(brandIds.map((id) => vipService.longestEarlyAccessHours(ctx.em, id))));

export const unitStats = (ctx: Context) =>
  ctx.loaders.get<string, UnitStats>('drops.unitStats', async (editionIds) => {
    const stats = await editionUnits.stats(ctx.em, editionIds);
    return editionIds.map((id) => stats.get(id) ?? { available: 0, reserved: 0, sold: 0 });
  });

export async function phasesOf(ctx: Context, drop: Drop): Promise<DropPhases> {
  const hours = await earlyAccessHours(ctx).load(drop.brandId);
  return { earlyAccessOpensAt: new Date(drop.publicOpensAt.getTime() - hours * HOUR), publicOpensAt: drop.publicOpensAt, endsAt: drop.endsAt };
}

export function statusOf(drop: Drop, phases: DropPhases, available: number, now = new Date()): DropStatus {
  if (drop.cancelledAt || now >= drop.endsAt) return DropStatus.ENDED;
  if (available === 0) return DropStatus.SOLD_OUT;
  if (now >= drop.publicOpensAt) return DropStatus.LIVE;
  if (now >= phases.earlyAccessOpensAt) return DropStatus.EARLY_ACCESS;
  return DropStatus.UPCOMING;
}

export async function statusOfView(ctx: Context, view: DropView): Promise<DropStatus> {
  const [phases, stats] = await Promise.all([phasesOf(ctx, view.row), unitStats(ctx).load(view.row.editionId)]);
  return statusOf(view.row, phases, stats.available);
}

/** Views for drop rows: their editions in one statement. */
export async function viewsOf(em: EntityManager, drops: Drop[]): Promise<DropView[]> {
  const editions = await em.find(LimitedEdition, { id: { $in: drops.map((d) => d.editionId) } });
  const size = new Map(editions.map((e) => [e.id, e.editionSize]));
  return drops.map((d) => dropView(d, size.get(d.editionId) ?? 0));
}

/** `{ drop }`, the payload of a mutation on one drop, with its view. */
export async function dropPayload(em: EntityManager, drop: Drop): Promise<{ drop: DropView }> {
  const [view] = await viewsOf(em, [drop]);
  return { drop: view };
}

/** A drop of the viewer's brands, locked for a change; NOT_FOUND on `field` otherwise (other brands' drops read as missing). */
export async function lockDropForWrite(ctx: ServiceCtx, tx: EntityManager, globalId: string, field: string[]): Promise<Drop> {
  const id = idOf(globalId, 'Drop', ...field.slice(1));
  const [locked] = await tx.execute<{ id: string }[]>('select id from drop_release where id = ? for update', [id]);
  const drop = locked && (await tx.findOne(Drop, { id }));
  if (!drop || !seesBrand(ctx.viewer, drop.brandId)) throw new DomainError('NOT_FOUND', 'No such drop within your brands', field);
  return drop;
}
