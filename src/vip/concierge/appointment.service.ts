import { StaffUser } from '../../access/entities/staff-user.entity.js';
import type { Context } from '../../shared/context.js';
import { toGlobalId } from '../../shared/ids.js';
import { StaffRole } from '../../shared/roles.js';
import { actorOf, seesBrand, type ServiceCtx } from '../../shared/scope.js';
import { apply } from '../../shared/state-machine.js';
import { transaction } from '../../shared/transaction.js';
import { DomainError } from '../../shared/user-errors.js';
import { clientInScope, notFound, uuidOf } from './access.js';
import { Appointment, AppointmentStatus } from './entities.js';
import { ConciergeErrorCode } from './errors.js';
import { appointmentLifecycle } from './lifecycles.js';

const MAX_HOURS = 8;

export const appointmentView = (a: Appointment) => ({
  id: toGlobalId('Appointment', a.id), staffId: toGlobalId('StaffUser', a.staffId), locationId: toGlobalId('StockLocation', a.locationId),
  startsAt: a.startsAt, endsAt: a.endsAt, note: a.note ?? null, status: a.status,
});


export const appointmentService = {
  /**
   * Books the staff member at a boutique. A transaction-scoped advisory lock on the staff member makes
   * concurrent bookings of one person wait for each other, so the overlap check sees every committed
   * booking: STAFF_UNAVAILABLE instead of a double booking.
   */
  create(ctx: ServiceCtx, input: { clientId: string; locationId: string; staffId?: string; startsAt: Date; endsAt: Date; note?: string }) {
      return transaction(ctx, async (tx) => {
        const client = await clientInScope(ctx, tx, input.clientId);
        const hours = (input.endsAt.getTime() - input.startsAt.getTime()) / 3_600_000;
        if (!(hours > 0 && hours <= MAX_HOURS)) throw new DomainError(ConciergeErrorCode.INVALID, `endsAt must be after startsAt, at most ${MAX_HOURS} hours later`, ['input', 'endsAt']);
        if (input.startsAt.getTime() < Date.now()) throw new DomainError(ConciergeErrorCode.INVALID, 'startsAt is in the past', ['input', 'startsAt']);
        const locationId = uuidOf(input.locationId, 'StockLocation', ['input', 'locationId']);
        const [place] = await tx.execute<{ store_id: string; kind: string; carries: boolean }[]>(
          `select sl.store_id, sl.kind, exists (select 1 from store_brand sb where sb.store_id = sl.store_id and sb.brand_id = ?) as carries
             from stock_location sl where sl.id = ? and sl.archived_at is null`,
          [client.brandId, locationId],
        );
        if (!place || !place.carries) throw notFound(['input', 'locationId'], "location of a store carrying the client's brand");
        if (place.kind !== 'BOUTIQUE') throw new DomainError(ConciergeErrorCode.NOT_A_BOUTIQUE, 'Appointments take place at a boutique, not a warehouse', ['input', 'locationId']);
        const staffField = ['input', 'staffId'];
        let staffId: string;
        if (input.staffId) {
          const staff = await tx.findOne(StaffUser, { id: uuidOf(input.staffId, 'StaffUser', staffField), disabledAt: null });
          if (!staff || !staff.brandIds.some((b) => seesBrand(ctx.viewer, b))) throw notFound(staffField, 'staff member');
          if (staff.role === StaffRole.PLATFORM_ADMIN || !staff.brandIds.includes(client.brandId)) {
            throw new DomainError(ConciergeErrorCode.WRONG_BRAND, "The staff member is not of the client's brand", staffField);
          }
          staffId = staff.id;
        } else if (ctx.viewer.kind === 'staff' && ctx.viewer.role !== StaffRole.PLATFORM_ADMIN) {
          staffId = ctx.viewer.staffId;
        } else throw new DomainError(ConciergeErrorCode.INVALID, 'Name the staff member who receives the client', staffField);
        await tx.execute("select pg_advisory_xact_lock(hashtextextended('appointment:' || ?, 0))", [staffId]);
        const overlapping = await tx.count(Appointment, { staffId, status: AppointmentStatus.BOOKED, startsAt: { $lt: input.endsAt }, endsAt: { $gt: input.startsAt } });
        if (overlapping) throw new DomainError(ConciergeErrorCode.STAFF_UNAVAILABLE, 'The staff member already has an appointment at that time', ['input', 'startsAt']);
        const appointment = tx.create(Appointment, {
          clientId: client.id, brandId: client.brandId, staffId, storeId: place.store_id, locationId,
          startsAt: input.startsAt, endsAt: input.endsAt, note: input.note?.trim() || null, status: AppointmentStatus.BOOKED,
        });
        await tx.flush();
        return { appointment: appointmentView(appointment) };
      });
  },

  cancel(ctx: ServiceCtx, input: { id: string }) {
    return transaction(ctx, async (tx) => {
      const field = ['input', 'id'];
      const appointment = await tx.findOne(Appointment, { id: uuidOf(input.id, 'Appointment', field) });
      if (!appointment || !seesBrand(ctx.viewer, appointment.brandId)) throw notFound(field, 'appointment');
      await apply(tx, appointmentLifecycle, { table: 'client_appointment', id: appointment.id, event: 'cancel', actor: actorOf(ctx.viewer), expectedFrom: appointment.status, field });
      appointment.status = AppointmentStatus.CANCELLED;
      return { appointment: appointmentView(appointment) };
    });
  },

  forClient: (ctx: Context, clientId: string) =>
    ctx.em.find(Appointment, { clientId }, { orderBy: { startsAt: 'desc' } }).then((rows) => rows.map(appointmentView)),
};
