import type { App } from '../shared/context.js';
import { queueJob } from '../shared/jobs.js';

export const RESERVATION_SWEEP_TASK = 'drop_reservation_sweep';
const BATCH = 200;
const MAX_BATCHES = 10;
/** The chain never sleeps longer than the schedule's tick, and never less than a second (clock skew between Node and PostgreSQL). */
const MAX_STEP_MS = 60_000;
const MIN_STEP_MS = 1_000;

/**
 * Reservations end at expiresAt through this job, not through a job each: queueing a graphile-worker
 * job per reservation (add_job, and its NOTIFY serialized at every commit) was most of PostgreSQL's
 * work per reservation in the drop storm. The sweep expires every due ACTIVE reservation, each in its
 * own transaction through `expireOne` (its compare-and-set makes that exactly once, whoever races it),
 * then queues itself at the next expiry, at most a minute ahead; the drops module's per-minute schedule
 * restarts the chain when no reservation was active. A reservation held for a minute or more therefore
 * ends within seconds of expiresAt; a shorter hold made while no chain runs, within the minute.
 */
export async function sweepExpiredReservations(app: App, expireOne: (reservationId: string) => Promise<unknown>): Promise<number> {
  const em = app.orm.em.fork();
  let expired = 0;
  const failures: unknown[] = [];
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const due = await em.execute<{ id: string }[]>(
      `select id from drop_reservation where status = 'ACTIVE' and expires_at <= now() order by expires_at limit ?`, [BATCH],
    );
    for (const { id } of due) {
      try {
        await expireOne(id);
        expired++;
      } catch (err) {
        failures.push(err);
        app.logger.error({ err, reservationId: id }, 'drop reservation expiry failed; the next sweep retries it');
      }
    }
    if (due.length < BATCH || failures.length > 0) break;
  }
  const [{ next }] = await em.execute<{ next: Date | null }[]>(`select min(expires_at) as next from drop_reservation where status = 'ACTIVE'`);
  if (next) {
    const runAt = Math.min(Math.max(new Date(next).getTime(), Date.now() + MIN_STEP_MS), Date.now() + MAX_STEP_MS);
    await queueJob(em, RESERVATION_SWEEP_TASK, {}, { runAt: new Date(runAt), jobKey: RESERVATION_SWEEP_TASK });
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} drop reservations could not be expired`);
  return expired;
}
