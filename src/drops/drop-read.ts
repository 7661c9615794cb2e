import type { EntityManager } from '@mikro-orm/postgresql';
import { vipService } from '../vip/programmes/vip.service.js';
import { Drop, LimitedEdition } from './entities.js';
import { DropStatus, dropView, type DropPhases, type DropView } from './types.js';
import { editionUnits } from './units.js';

const HOUR = 3_600_000;

export async function phasesOf(em: EntityManager, drop: Drop): Promise<DropPhases> {
  const hours = await vipService.longestEarlyAccessHours(em, drop.brandId);
  return { earlyAccessOpensAt: new Date(drop.publicOpensAt.getTime() - hours * HOUR), publicOpensAt: drop.publicOpensAt, endsAt: drop.endsAt };
}

export function statusOf(drop: Drop, phases: DropPhases, available: number, now = new Date()): DropStatus {
  if (drop.cancelledAt || now >= drop.endsAt) return DropStatus.ENDED;
  if (available === 0) return DropStatus.SOLD_OUT;
  if (now >= drop.publicOpensAt) return DropStatus.LIVE;
  if (now >= phases.earlyAccessOpensAt) return DropStatus.EARLY_ACCESS;
  return DropStatus.UPCOMING;
}

export async function statusOfView(em: EntityManager, view: DropView): Promise<DropStatus> {
  const [phases, stats] = await Promise.all([phasesOf(em, view.row), editionUnits.stats(em, [view.row.editionId])]);
  return statusOf(view.row, phases, stats.get(view.row.editionId)?.available ?? 0);
}

/** Views for drop rows: their editions in one statement. */
export async function viewsOf(em: EntityManager, drops: Drop[]): Promise<DropView[]> {
  const editions = await em.find(LimitedEdition, { id: { $in: drops.map((d) => d.editionId) } });
  const size = new Map(editions.map((e) => [e.id, e.editionSize]));
  return drops.map((d) => dropView(d, size.get(d.editionId) ?? 0));
}
