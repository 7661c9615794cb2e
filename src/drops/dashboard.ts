import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../shared/context.js';
import { pgArray } from '../shared/sql.js';
import type { Drop, ReservationPhase } from './entities.js';
import type { DropDashboard, DropPhaseStats } from './types.js';

interface DashboardRow {
  drop_id: string;
  available: number;
  reserved: number;
  sold: number;
  entries: number;
  phases: DropPhaseStats[];
}

/**
 * The dashboards of many drops in one statement: units by status from edition_unit, draw entries from
 * drop_entry, and reservations grouped by phase (phases in enum order: early access, public, draw, concierge).
 */
export async function dashboardsOf(em: EntityManager, drops: readonly Pick<Drop, 'id' | 'editionId'>[]): Promise<DropDashboard[]> {
  if (drops.length === 0) return [];
  const dropIds = pgArray(drops.map((d) => d.id));
  const rows = await em.execute<DashboardRow[]>(
    `with wanted as (select * from unnest(?::uuid[], ?::uuid[]) as t(drop_id, edition_id)),
          units as (
            select w.drop_id, count(*) filter (where u.status = 'AVAILABLE')::int as available,
                   count(*) filter (where u.status = 'RESERVED')::int as reserved, count(*) filter (where u.status = 'SOLD')::int as sold
              from wanted w join edition_unit u on u.edition_id = w.edition_id group by w.drop_id),
          entries as (select drop_id, count(*)::int as n from drop_entry where drop_id = any(?::uuid[]) group by drop_id),
          phases as (
            select drop_id, phase, count(*)::int as reservations, sum(quantity)::int as units_reserved,
                   count(*) filter (where status = 'CONVERTED')::int as converted, coalesce(sum(quantity) filter (where status = 'CONVERTED'), 0)::int as units_sold,
                   count(*) filter (where status = 'EXPIRED')::int as expired, count(*) filter (where status = 'RELEASED')::int as released
              from drop_reservation where drop_id = any(?::uuid[]) group by drop_id, phase)
     select w.drop_id, coalesce(units.available, 0) as available, coalesce(units.reserved, 0) as reserved, coalesce(units.sold, 0) as sold,
            coalesce(entries.n, 0) as entries,
            coalesce((select json_agg(json_build_object('phase', p.phase, 'reservations', p.reservations, 'unitsReserved', p.units_reserved,
                        'converted', p.converted, 'unitsSold', p.units_sold, 'expired', p.expired, 'released', p.released) order by p.phase)
                        from phases p where p.drop_id = w.drop_id), '[]'::json) as phases
       from wanted w left join units on units.drop_id = w.drop_id left join entries on entries.drop_id = w.drop_id`,
    [dropIds, pgArray(drops.map((d) => d.editionId)), dropIds, dropIds],
  );
  const byDrop = new Map(rows.map((r) => [r.drop_id, r]));
  return drops.map((drop) => dashboardOf(byDrop.get(drop.id)!));
}

function dashboardOf(row: DashboardRow): DropDashboard {
  const phases = row.phases.map((p) => ({ ...p, phase: p.phase as ReservationPhase }));
  const reservations = phases.reduce((n, p) => n + p.reservations, 0);
  const converted = phases.reduce((n, p) => n + p.converted, 0);
  return {
    units: { available: row.available, reserved: row.reserved, sold: row.sold },
    entries: row.entries,
    reservations,
    converted,
    conversionRate: reservations === 0 ? 0 : Math.round((converted / reservations) * 10_000) / 10_000,
    phases,
  };
}

/** Per request: the dashboards asked on a page of drops load together (one statement). */
export const dashboardLoader = (ctx: Context) =>
  ctx.loaders.get<Drop, DropDashboard, string>('drops.dashboard', (drops) => dashboardsOf(ctx.em, drops), { cacheKeyFn: (drop) => drop.id });
