import { currentStore } from '../catalog/storefront/current-store.js';
import type { Context } from '../shared/context.js';
import { pageRequest, toConnection, type ConnectionArgs } from '../shared/pagination.js';
import { viewsOf, statusOfView } from './drop-read.js';
import { Drop, DropReservation, EditionUnit, UnitStatus } from './entities.js';
import { reservationView, type DropFilter } from './types.js';

async function numbersOf(ctx: Context, reservations: DropReservation[]) {
  const units = await ctx.em.find(EditionUnit, { reservationId: { $in: reservations.map((r) => r.id) }, status: UnitStatus.SOLD }, { fields: ['reservationId', 'number'] });
  return (r: DropReservation) => units.filter((u) => u.reservationId === r.id).map((u) => u.number).sort((a, b) => a - b);
}

export const dropStorefront = {
  /** Published drops of this store, by public opening then id; a status filter is applied to the page's rows. */
  async list(ctx: Context, filter: DropFilter, args: ConnectionArgs) {
    const page = pageRequest({ ...args, last: undefined, before: undefined });
    const store = await currentStore(ctx);
    const where = { published: true, storeIds: { $contains: [store.id] } };
    const cursor = page.cursor?.[0] ? { id: { $gt: String(page.cursor[0]) } } : {};
    const rows = await ctx.em.find(Drop, { ...where, ...cursor } as never, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
    let views = await viewsOf(ctx.em, rows);
    if (filter.status) {
      const statuses = await Promise.all(views.map((v) => statusOfView(ctx, v)));
      views = views.filter((_, i) => statuses[i] === filter.status);
    }
    return toConnection(views, page, (v) => [v.row.id], () => ctx.em.count(Drop, where as never));
  },

  async byHandle(ctx: Context, handle: string) {
    const drop = await ctx.em.findOne(Drop, { handle, published: true });
    return drop ? (await viewsOf(ctx.em, [drop]))[0] : null;
  },

  async reservation(ctx: Context, id: string) {
    const reservation = await ctx.em.fork().findOneOrFail(DropReservation, id);
    return reservationView(reservation, (await numbersOf(ctx, [reservation]))(reservation));
  },

  async reservationsOf(ctx: Context, customerId: string) {
    const reservations = await ctx.em.find(DropReservation, { customerId }, { orderBy: { id: 'desc' }, limit: 100 });
    const numbers = await numbersOf(ctx, reservations);
    return reservations.map((r) => reservationView(r, numbers(r)));
  },
};
